"""The newsroom on the operator's desk, and the review page's decision bar for phones."""

import pytest
from django.urls import reverse

from news.models import State
from tests.factories.news import attach_photo, force_state, write_story

pytestmark = pytest.mark.django_db

DESK = reverse("accounts:dashboard")
NEEDS_REVISION = reverse("news:unit_desk") + "?state=changes_requested"


def _needs_revision(unit, operator, title: str):
    story = write_story(unit=unit, by=operator, title=title)
    return force_state(story, State.CHANGES_REQUESTED)


def test_operator_desk_offers_write_a_story_and_counts_what_needs_revision(
    client_for, operator_palu, palu_unit, operator_pelaihari, pelaihari_unit
):
    _needs_revision(palu_unit, operator_palu, "Perlu revisi satu")
    _needs_revision(palu_unit, operator_palu, "Perlu revisi dua")
    write_story(unit=palu_unit, by=operator_palu, title="Masih draf")
    _needs_revision(pelaihari_unit, operator_pelaihari, "Revisi Pelaihari")

    page = client_for(operator_palu).get(DESK)
    html = page.content.decode()

    assert f'href="{reverse("news:story_create")}"' in html
    assert f'href="{NEEDS_REVISION}"' in html
    assert page.context["needs_revision"] == 2
    # The other region's operator counts only their own unit.
    other = client_for(operator_pelaihari).get(DESK)
    assert other.context["needs_revision"] == 1


def test_desk_shortcuts_are_for_operators_only(client_for, editor_sulteng, staff_member):
    for person in (editor_sulteng, staff_member):
        html = client_for(person).get(DESK).content.decode()
        assert "portal-write-story" not in html
        assert NEEDS_REVISION not in html


def test_desk_query_count_does_not_grow_with_stories(
    client_for, operator_palu, palu_unit, django_assert_num_queries
):
    client = client_for(operator_palu)
    _needs_revision(palu_unit, operator_palu, "Satu")
    client.get(DESK)
    with django_assert_num_queries(_count(client)):
        client.get(DESK)
    for number in range(3):
        _needs_revision(palu_unit, operator_palu, f"Lagi {number}")
    with django_assert_num_queries(_count(client)):
        client.get(DESK)


def _count(client) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(DESK)
    return len(queries)


def test_review_page_has_a_decision_bar_with_every_action(
    client_for, operator_palu, palu_unit, editor_sulteng
):
    story = write_story(unit=palu_unit, by=operator_palu)
    attach_photo(story)
    force_state(story, State.SUBMITTED)

    html = client_for(editor_sulteng).get(story.get_absolute_url()).content.decode()
    bar = html[html.index("portal-decision-bar") :]

    approve = reverse("news:story_transition", args=[story.pk, "approve"])
    assert f'action="{approve}"' in bar
    # Actions that need a reason jump to their form, which carries the anchor.
    assert 'href="#action-request_changes"' in bar
    assert 'id="action-request_changes"' in html
    assert 'href="#action-reject"' in bar
    assert 'id="action-reject"' in html


def test_no_decision_bar_without_decisions(client_for, operator_palu, palu_unit):
    story = force_state(write_story(unit=palu_unit, by=operator_palu), State.APPROVED)

    response = client_for(operator_palu).get(story.get_absolute_url())

    assert not response.context["actions"]
    assert "portal-decision-bar" not in response.content.decode()
