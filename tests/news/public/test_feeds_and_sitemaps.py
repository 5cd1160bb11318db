"""RSS and Atom feeds, the sitemap index and its sections: valid XML, published stories only."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from news.models import Story
from news.public.meta import story_path
from tests.factories.public import published_story

from .conftest import fetch

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def two_regions(operator_palu, operator_pelaihari, palu_unit, pelaihari_unit):
    palu = published_story(unit=palu_unit, by=operator_palu, title="Berita Palu")
    pelaihari = published_story(unit=pelaihari_unit, by=operator_pelaihari, title="Berita Kalsel")
    return palu, pelaihari


def xml(client, url: str) -> ET.Element:
    response, _ = fetch(client, url)
    assert response.status_code == 200, url
    return ET.fromstring(response.content)  # noqa: S314 - our own response, not untrusted


def rss_titles(root: ET.Element) -> list[str]:
    return [item.findtext("title") for item in root.iter("item")]


def atom_titles(root: ET.Element) -> list[str]:
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


def test_site_feeds_list_every_published_story(anonymous, two_regions):
    palu, pelaihari = two_regions

    rss = xml(anonymous, reverse("public:rss"))
    atom = xml(anonymous, reverse("public:atom"))

    assert set(rss_titles(rss)) == {palu.title, pelaihari.title}
    assert set(atom_titles(atom)) == {palu.title, pelaihari.title}
    item = next(item for item in rss.iter("item") if item.findtext("title") == palu.title)
    assert item.findtext("link") == settings.SITE_URL + story_path(palu)
    assert item.findtext("description") == palu.lead
    assert item.findtext("pubDate")
    assert {category.text for category in item.iter("category")} >= {"Kehumasan", "kehumasan"}
    assert rss.find("channel/link").text == settings.SITE_URL + "/"


def test_kanwil_and_unit_feeds_are_scoped(anonymous, two_regions, sulteng, palu_unit):
    palu, _ = two_regions

    for url in (
        reverse("public:kanwil_rss", args=[sulteng.slug]),
        reverse("public:unit_rss", args=[palu_unit.slug]),
    ):
        assert rss_titles(xml(anonymous, url)) == [palu.title]
    for url in (
        reverse("public:kanwil_atom", args=[sulteng.slug]),
        reverse("public:unit_atom", args=[palu_unit.slug]),
    ):
        assert atom_titles(xml(anonymous, url)) == [palu.title]


def test_feeds_are_advertised_on_their_pages(anonymous, two_regions, sulteng, palu_unit):
    pages = {
        reverse("home"): reverse("public:atom"),
        sulteng.get_absolute_url(): reverse("public:kanwil_rss", args=[sulteng.slug]),
        palu_unit.get_absolute_url(): reverse("public:unit_atom", args=[palu_unit.slug]),
    }
    for page, feed in pages.items():
        body = fetch(anonymous, page)[0].content.decode()
        assert f'href="{settings.SITE_URL}{feed}"' in body
        assert 'rel="alternate"' in body


def test_sitemap_index_lists_the_pages_and_each_month(anonymous, two_regions):
    palu, pelaihari = two_regions
    Story.objects.filter(pk=pelaihari.pk).update(published_at=timezone.now() - timedelta(days=70))

    index = xml(anonymous, reverse("public:sitemap"))
    locations = [loc.text for loc in index.iter(f"{SITEMAP}loc")]

    assert locations[0] == settings.SITE_URL + "/sitemap-halaman.xml"
    assert len(locations) >= 3
    stories = []
    for location in locations[1:]:
        section = xml(anonymous, location.removeprefix(settings.SITE_URL))
        stories += [loc.text for loc in section.iter(f"{SITEMAP}loc")]
        assert all(lastmod.text for lastmod in section.iter(f"{SITEMAP}lastmod"))
    assert sorted(stories) == sorted(
        settings.SITE_URL + story_path(story) for story in (palu, pelaihari)
    )


def test_sitemap_of_pages(anonymous, sulteng, palu_unit):
    section = xml(anonymous, reverse("public:sitemap_section", args=["halaman"]))
    locations = {loc.text for loc in section.iter(f"{SITEMAP}loc")}

    assert settings.SITE_URL + "/" in locations
    assert settings.SITE_URL + sulteng.get_absolute_url() in locations
    assert settings.SITE_URL + palu_unit.get_absolute_url() in locations
    assert settings.SITE_URL + reverse("public:category", args=["kehumasan"]) in locations


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap-berita-2025-13.xml",
        "/sitemap-berita-1999-01.xml",
        "/sitemap-lainnya.xml",
        "/sitemap-berita-2025-02.xml?p=abc",
        "/sitemap-berita-2025-02.xml?p=9",
        "/sitemap-berita-2025-02.xml?p=0",
        "/sitemap-berita-2025-02.xml?p=99999999999999999999999",
    ],
)
def test_bad_sitemap_addresses_are_not_found(anonymous, url):
    assert fetch(anonymous, url)[0].status_code == 404


def test_an_empty_month_is_a_valid_empty_sitemap(anonymous):
    root = xml(anonymous, "/sitemap-berita-2025-02.xml")

    assert root.tag == f"{SITEMAP}urlset"
    assert list(root) == []


HOSTILE_LEAD = '<img src=x onerror="alert(1)"> Petugas & warga <b>binaan</b>'


@pytest.mark.parametrize("feed", ["public:rss", "public:atom"])
def test_a_lead_with_markup_reaches_feed_readers_as_text(anonymous, operator_palu, palu_unit, feed):
    published_story(unit=palu_unit, by=operator_palu, title="Berita Palu", lead=HOSTILE_LEAD)
    root = xml(anonymous, reverse(feed))
    summaries = [item.findtext("description") for item in root.iter("item")] or [
        entry.find(f"{ATOM}summary") for entry in root.iter(f"{ATOM}entry")
    ]
    (summary,) = summaries
    if feed == "public:atom":
        assert summary.get("type") == "html"
        summary = summary.text
    # What a reader renders as HTML: escaped text, no live element or attribute.
    assert "<img" not in summary and "<b>" not in summary
    assert summary == (
        "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; Petugas &amp; warga "
        "&lt;b&gt;binaan&lt;/b&gt;"
    )
