"""How public pages are put together: paths, the layout per visitor, the language links."""

import pytest
from django.urls import reverse

from news.public import paths
from tests.factories.public import published_story

from .conftest import fetch, text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", sorted(paths.SLUG_PAGES))
@pytest.mark.parametrize("slug", ["lapas-kelas-iia-kupang", "a", "kehumasan_2025"])
def test_slug_paths_are_what_the_url_map_reverses(name, slug):
    assert paths.slug_path(name, slug) == reverse(paths.SLUG_PAGES[name], kwargs={"slug": slug})


@pytest.mark.parametrize("kind", ["thumb", "large", "social", "square"])
def test_photo_paths_are_what_the_url_map_reverses(kind):
    assert paths.photo_path(12345, kind) == reverse("news:photo_file", args=[12345, kind])


def test_an_anonymous_page_is_public_and_names_nobody(anonymous, palu_public):
    response, _ = fetch(anonymous, palu_public.unit.get_absolute_url())

    assert "no-store" not in response.get("Cache-Control", "")
    assert reverse("account_login") in text(response)
    assert "csrftoken" not in response.cookies


def test_a_signed_in_visitor_gets_their_own_layout_and_no_store(
    client_for, anonymous, operator_palu, palu_public
):
    url = palu_public.unit.get_absolute_url()
    anonymous.get(url)  # The anonymous page is now cached.

    response = client_for(operator_palu).get(url)
    body = text(response)

    assert "no-store" in response["Cache-Control"]
    assert operator_palu.full_name in body
    assert reverse("accounts:dashboard") in body
    assert palu_public.title in body
    # The anonymous copy in the cache still names nobody.
    assert operator_palu.full_name not in text(anonymous.get(url))


def test_a_visitor_with_a_message_sees_it_once_and_it_is_not_cached(
    client_for, anonymous, operator_palu, palu_public
):
    url = reverse("home")
    anonymous.get(url)  # The anonymous home page is now cached.
    leaving = client_for(operator_palu)
    leaving.post(reverse("account_logout"))

    with_message = text(leaving.get(url))
    after = text(leaving.get(url))

    assert 'class="portal-messages"' in with_message
    assert 'class="portal-messages"' not in after
    assert 'class="portal-messages"' not in text(anonymous.get(url))


def test_language_links_switch_and_come_back(anonymous, palu_public):
    path = palu_public.unit.get_absolute_url()
    body = text(fetch(anonymous, path)[0])
    switch = reverse("switch_language", args=["en"])
    assert f'href="{switch}?next={path.replace("/", "%2F")}"' in body

    response = anonymous.get(switch, {"next": path})

    assert response.status_code == 302
    assert response["Location"] == path
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert '<html lang="en">' in text(anonymous.get(path))


def test_language_switch_refuses_unknown_languages_and_foreign_sites(anonymous):
    assert anonymous.get(reverse("switch_language", args=["xx"])).status_code == 404

    response = anonymous.get(
        reverse("switch_language", args=["en"]), {"next": "https://evil.example/"}
    )

    assert response["Location"] == reverse("home")


def test_every_public_page_is_valid_enough_to_parse(anonymous, operator_palu, palu_unit):
    story = published_story(unit=palu_unit, by=operator_palu, photos=1, tag_names=["apel"])
    for url in (
        reverse("home"),
        palu_unit.get_absolute_url(),
        palu_unit.kanwil.get_absolute_url(),
        reverse("public:category", args=[story.category.slug]),
        reverse("public:tag", args=["apel"]),
        reverse("public:story", args=[story.slug]),
        reverse("public:search") + "?q=apel",
    ):
        body = text(fetch(anonymous, url)[0])
        assert body.startswith("<!DOCTYPE html>"), url
        assert body.count("<main") == 1, url
        assert 'href="#main-content"' in body, url
