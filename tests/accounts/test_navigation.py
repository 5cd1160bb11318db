"""The navbar: the everyday entries on the bar, the less used ones under "More"."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

DESK = reverse("accounts:dashboard")


def _entries(response) -> tuple[list[str], list[str]]:
    """(URLs on the bar, URLs under More) from every navigation list of the page."""
    bar, more = [], []
    for name in ("nav_items", "newsroom_nav_items", "training_nav_items"):
        for item in response.context.get(name) or []:
            (more if item["more"] else bar).append(item["url"])
    return bar, more


def test_operator_bar_keeps_desk_stories_and_training(client_for, operator_palu):
    bar, more = _entries(client_for(operator_palu).get(DESK))

    assert bar == [DESK, reverse("news:unit_desk"), reverse("training:session_list")]
    assert more == [
        reverse("accounts:kanwil_list"),
        reverse("training:my_history"),
        reverse("directory:member_list"),
    ]


def test_editor_finds_people_under_more(client_for, editor_sulteng):
    response = client_for(editor_sulteng).get(DESK)
    bar, more = _entries(response)

    assert reverse("news:review_queue") in bar
    assert reverse("accounts:person_list") in more
    html = response.content.decode()
    assert 'id="portal-more-menu"' in html
    menu = html[html.index('id="portal-more-menu"') : html.index("portal-inbox-link")]
    assert f'href="{reverse("accounts:person_list")}"' in menu


def test_anonymous_bar_has_the_directory_and_no_more_menu():
    response = Client().get(reverse("account_login"))
    bar, more = _entries(response)

    assert bar == [reverse("accounts:kanwil_list")]
    assert more == []
    assert 'id="portal-more-menu"' not in response.content.decode()
