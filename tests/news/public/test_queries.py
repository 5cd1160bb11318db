"""Every public page makes the same, small number of queries with one story or many."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from news.public.cursors import Cursor
from news.public.meta import story_path
from tests.factories.public import published_story

from .conftest import fetch, text

pytestmark = pytest.mark.django_db

# The most queries an anonymous visit to a list page may cost on a cache miss.
LIST_PAGE_LIMIT = 3


def list_pages(story) -> list[str]:
    unit, kanwil = story.unit, story.unit.kanwil
    older = f"?sebelum={Cursor(story.published_at, story.pk + 1).token}"
    return [
        reverse("home"),
        reverse("home") + older,
        kanwil.get_absolute_url(),
        kanwil.get_absolute_url() + older,
        unit.get_absolute_url(),
        unit.get_absolute_url() + f"?sesudah={Cursor(story.published_at, story.pk - 1).token}",
        reverse("public:category", args=["kehumasan"]),
        reverse("public:tag", args=["kehumasan"]),
    ]


def other_pages(story) -> list[str]:
    unit, kanwil = story.unit, story.unit.kanwil
    return [
        story_path(story),
        reverse("public:rss"),
        reverse("public:atom"),
        reverse("public:kanwil_rss", args=[kanwil.slug]),
        reverse("public:kanwil_atom", args=[kanwil.slug]),
        reverse("public:unit_rss", args=[unit.slug]),
        reverse("public:unit_atom", args=[unit.slug]),
        reverse("public:sitemap"),
        reverse("public:sitemap_section", args=["halaman"]),
        reverse("public:search") + "?q=Penguatan",
        reverse("public:search") + "?q=Penguatan&kanwil=sulteng&kategori=kehumasan",
        reverse("public:search") + "?kanwil=sulteng&dari=2020-01-01",
        reverse("public:search") + "?q=Penguatan&halaman=2",
    ]


def counts(client, urls: list[str]) -> dict[str, int]:
    result = {}
    for url in urls:
        response, queries = fetch(client, url)
        assert response.status_code == 200, url
        result[url] = queries
    return result


def month_sitemaps(client) -> list[str]:
    index = text(fetch(client, reverse("public:sitemap"))[0])
    return [
        "/" + url.split("/", 3)[-1]
        for url in re.findall(r"<loc>(.*?)</loc>", index)
        if "berita-" in url
    ]


def test_query_counts_do_not_grow_with_the_data(anonymous, operator_palu, palu_unit):
    first = published_story(unit=palu_unit, by=operator_palu, title="Penguatan Pertama")
    urls = list_pages(first) + other_pages(first)
    urls += month_sitemaps(anonymous)
    with_one = counts(anonymous, urls)

    for number in range(4):
        published_story(
            unit=palu_unit,
            by=operator_palu,
            title=f"Penguatan Berikutnya {number}",
            photos=3,
            tag_names=["kehumasan", f"tag-{number}", "media sosial"],
        )
    with_many = counts(anonymous, urls)

    assert with_many == with_one
    for url in list_pages(first):
        assert with_one[url] <= LIST_PAGE_LIMIT, (url, with_one[url])


def test_expected_query_budgets(anonymous, operator_palu, palu_unit):
    story = published_story(unit=palu_unit, by=operator_palu)

    # The newest stories, then every Kanwil with its newest headlines.
    assert counts(anonymous, [reverse("home")])[reverse("home")] == 2
    assert counts(anonymous, [palu_unit.get_absolute_url()])[palu_unit.get_absolute_url()] == 2
    # The story with its photos, tags and related stories.
    assert counts(anonymous, [story_path(story)])[story_path(story)] == 1
    assert counts(anonymous, [reverse("public:rss")])[reverse("public:rss")] == 2
    assert counts(anonymous, [reverse("public:sitemap")])[reverse("public:sitemap")] == 1


def test_a_cached_page_costs_no_query(
    anonymous, operator_palu, palu_unit, django_assert_num_queries
):
    story = published_story(unit=palu_unit, by=operator_palu)
    urls = list_pages(story) + other_pages(story)
    for url in urls:
        fetch(anonymous, url)  # a fresh cache, filled by this visit
        with django_assert_num_queries(0):
            assert anonymous.get(url).status_code == 200


def test_no_public_page_counts_rows(anonymous, operator_palu, palu_unit):
    story = published_story(unit=palu_unit, by=operator_palu)
    for url in list_pages(story) + other_pages(story) + month_sitemaps(anonymous):
        with CaptureQueriesContext(connection) as queries:
            fetch(anonymous, url)
        assert not any("COUNT(" in query["sql"].upper() for query in queries), url
