"""Nothing but published stories reaches the public: a matrix of states × every surface."""

import re

import pytest
from django.urls import reverse

from news.models import State
from news.public.meta import story_path
from tests.factories.public import published_story, story_in_state

from .conftest import fetch, text

pytestmark = pytest.mark.django_db

SECRET_WORD = "rahasiadapur"


def surfaces(control) -> list[str]:
    """Every public address that lists or describes stories."""
    unit, kanwil = control.unit, control.unit.kanwil
    return [
        reverse("home"),
        kanwil.get_absolute_url(),
        unit.get_absolute_url(),
        reverse("public:category", args=["kehumasan"]),
        reverse("public:tag", args=["kehumasan"]),
        story_path(control),
        reverse("public:search") + "?q=Rahasia",
        reverse("public:search") + f"?q={SECRET_WORD[:-1]}",
        reverse("public:search") + "?q=Penguatan",
        reverse("public:search") + "?kanwil=sulteng",
        reverse("public:rss"),
        reverse("public:atom"),
        reverse("public:kanwil_rss", args=[kanwil.slug]),
        reverse("public:kanwil_atom", args=[kanwil.slug]),
        reverse("public:unit_rss", args=[unit.slug]),
        reverse("public:unit_atom", args=[unit.slug]),
    ]


def sitemap_pages(client) -> list[str]:
    index = text(fetch(client, reverse("public:sitemap"))[0])
    return [
        text(fetch(client, url.split("8000", 1)[-1])[0])
        for url in re.findall(r"<loc>(.*?)</loc>", index)
    ]


@pytest.mark.parametrize("state", State.values)
def test_only_published_stories_appear_anywhere(state, anonymous, operator_palu, palu_unit):
    control = published_story(unit=palu_unit, by=operator_palu, title="Penguatan Kontrol")
    secret = story_in_state(
        state,
        unit=palu_unit,
        by=operator_palu,
        title="Rahasia Penguatan Dapur",
        lead="Teras yang belum boleh terbit.",
        body=f"<p>Isi {SECRET_WORD} yang belum boleh terbit.</p>",
    )
    photo_urls = [
        reverse("news:photo_file", args=[photo.pk, kind])
        for photo in secret.photos.all()
        for kind in ("thumb", "large", "social", "original")
    ]

    pages = [text(fetch(anonymous, url)[0]) for url in surfaces(control)]
    pages += sitemap_pages(anonymous)

    own_page = text(fetch(anonymous, story_path(secret))[0])

    published = state == State.PUBLISHED
    assert any(secret.title in page for page in pages) is published
    assert any(story_path(secret) in page for page in pages) is published
    assert any(SECRET_WORD in page for page in [*pages, own_page]) is published
    for url in photo_urls[:3]:
        assert any(url in page for page in [*pages, own_page]) is published
    # Originals are never linked, not even for published stories.
    assert all(photo_urls[3] not in page for page in [*pages, own_page])


@pytest.mark.parametrize("state", [value for value in State.values if value != State.PUBLISHED])
def test_an_unpublished_story_page_shows_nothing_of_it(state, anonymous, operator_palu, palu_unit):
    secret = story_in_state(
        state,
        unit=palu_unit,
        by=operator_palu,
        title="Rahasia Penguatan Dapur",
        lead="Teras yang belum boleh terbit.",
        body=f"<p>Isi {SECRET_WORD} yang belum boleh terbit.</p>",
    )

    response, _ = fetch(anonymous, story_path(secret))
    body = text(response)

    assert SECRET_WORD not in body
    assert secret.lead not in body
    assert "/newsroom/photos/" not in body
    if state == State.WITHDRAWN:
        # 410 Gone: the title and the correction note, never the text.
        assert response.status_code == 410
        assert secret.title in body
        assert secret.correction_note in body
        assert 'name="robots" content="noindex"' in body
    else:
        assert response.status_code == 404
        assert secret.title not in body


def test_photos_of_unpublished_stories_stay_private(anonymous, operator_palu, palu_unit):
    """The files themselves are served by the newsroom's scoped view (policies.can_see_photo)."""
    draft = story_in_state(State.DRAFT, unit=palu_unit, by=operator_palu)
    photo = draft.photos.get()

    response = anonymous.get(reverse("news:photo_file", args=[photo.pk, "large"]))

    assert response.status_code == 404
