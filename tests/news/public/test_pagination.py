"""Keyset pagination: older and newer pages by (published_at, id) cursor, never by page number."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from news.models import Story
from news.public import selectors
from news.public.cursors import Cursor
from tests.factories.public import published_series

from .conftest import fetch, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_per_page(monkeypatch):
    monkeypatch.setattr(selectors, "PER_PAGE", 3)


def titles(body: str) -> list[str]:
    return re.findall(r">(Berita \d\d)</a>", body)


def link(body: str, rel: str) -> str | None:
    match = re.search(rf'rel="{rel}"\s+href="([^"]+)"', body)
    return match.group(1).replace("&amp;", "&") if match else None


def test_older_and_newer_links_walk_the_whole_list(
    anonymous, operator_palu, palu_unit, three_per_page
):
    published_series(8, unit=palu_unit, by=operator_palu)
    url = palu_unit.get_absolute_url()

    first = text(fetch(anonymous, url)[0])
    assert titles(first) == ["Berita 07", "Berita 06", "Berita 05"]
    assert link(first, "prev") is None

    second = text(fetch(anonymous, link(first, "next"))[0])
    assert titles(second) == ["Berita 04", "Berita 03", "Berita 02"]
    third = text(fetch(anonymous, link(second, "next"))[0])
    assert titles(third) == ["Berita 01", "Berita 00"]
    assert link(third, "next") is None

    back = text(fetch(anonymous, link(third, "prev"))[0])
    assert titles(back) == ["Berita 04", "Berita 03", "Berita 02"]
    top = text(fetch(anonymous, link(back, "prev"))[0])
    assert titles(top) == ["Berita 07", "Berita 06", "Berita 05"]
    assert link(top, "prev") is None


def test_stories_published_at_the_same_moment_keep_a_stable_order(
    anonymous, operator_palu, palu_unit, three_per_page
):
    stories = published_series(5, unit=palu_unit, by=operator_palu)
    moment = timezone.now() - timedelta(hours=2)
    Story.objects.filter(pk__in=[story.pk for story in stories]).update(published_at=moment)

    seen = []
    url = palu_unit.get_absolute_url()
    while url:
        body = text(fetch(anonymous, url)[0])
        seen += titles(body)
        url = link(body, "next")

    by_id = sorted(stories, key=lambda story: story.pk, reverse=True)
    assert seen == [story.title for story in by_id]


def test_a_new_story_does_not_shift_older_pages(
    anonymous, operator_palu, palu_unit, three_per_page
):
    published_series(6, unit=palu_unit, by=operator_palu)
    first = text(fetch(anonymous, reverse("home"))[0])
    older_url = link(first, "next")

    published_series(1, unit=palu_unit, by=operator_palu, start=timezone.now(), prefix="Berita 9")

    assert titles(text(fetch(anonymous, older_url)[0])) == ["Berita 02", "Berita 01", "Berita 00"]


@pytest.mark.parametrize(
    "query",
    [
        "?sebelum=abc",
        "?sebelum=",
        "?sesudah=12-",
        "?sebelum=1-2-3",
        "?sebelum=99999999999999999-1",
        "?sebelum=%00",
        "?sebelum=1-1&sesudah=1-1",
        "?sebelum=-5-3",
    ],
)
def test_a_bad_cursor_is_not_found_never_an_error(anonymous, palu_unit, query):
    for path in (reverse("home"), palu_unit.get_absolute_url(), "/kategori/kehumasan/"):
        assert fetch(anonymous, path + query)[0].status_code == 404


def test_a_cursor_past_the_end_is_an_empty_page(anonymous, operator_palu, palu_unit):
    published_series(2, unit=palu_unit, by=operator_palu)
    ancient = Cursor(timezone.now() - timedelta(days=3650), 1).token

    response, _ = fetch(anonymous, f"{palu_unit.get_absolute_url()}?sebelum={ancient}")

    assert response.status_code == 200
    assert titles(text(response)) == []
    assert f'href="{palu_unit.get_absolute_url()}"' in text(response)


def test_the_canonical_address_keeps_the_cursor(anonymous, operator_palu, palu_unit):
    stories = published_series(2, unit=palu_unit, by=operator_palu)
    token = Cursor.of(stories[-1]).token

    body = text(fetch(anonymous, f"{reverse('home')}?sebelum={token}")[0])

    canonical = re.search(r'rel="canonical" href="([^"]+)"', body).group(1)
    assert canonical == f"{settings.SITE_URL}/?sebelum={token}"


def test_cursor_tokens_round_trip():
    moment = timezone.now()
    cursor = Cursor(moment, 42)

    assert Cursor.parse(cursor.token) == cursor
    assert Cursor.parse("nonsense") is None
