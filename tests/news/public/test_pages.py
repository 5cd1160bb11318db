"""Every public page answers with content: home, Kanwil, unit, category, tag and story."""

import json
import re
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from news.models import State, Story
from news.public.meta import story_path
from tests.factories.news import force_state
from tests.factories.public import published_story

from .conftest import STORY_BODY, assert_well_formed, fetch, text

pytestmark = pytest.mark.django_db


def json_ld(body: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    assert match, "no JSON-LD script"
    return json.loads(match.group(1))


def meta_content(body: str, attribute: str, name: str) -> str:
    match = re.search(rf'<meta {attribute}="{re.escape(name)}"\s+content="([^"]*)"', body)
    assert match, f"no {name}"
    return unescape(match.group(1))


def test_home_shows_the_latest_stories_and_every_kanwil(anonymous, palu_public):
    response, _ = fetch(anonymous, reverse("home"))

    assert response.status_code == 200
    body = text(response)
    assert palu_public.title in body
    assert story_path(palu_public) in body
    assert "Sulawesi Tengah" in body and "Papua" in body
    assert "Humas Portal" in body
    assert 'rel="alternate"' in body and reverse("public:rss") in body


def test_kanwil_page_lists_its_stories_and_units(anonymous, palu_public, sulteng, kalsel):
    response, _ = fetch(anonymous, sulteng.get_absolute_url())

    body = text(response)
    assert response.status_code == 200
    assert palu_public.title in body
    assert "LPKA Kelas II Palu" in body
    assert reverse("public:kanwil_rss", kwargs={"slug": "sulteng"}) in body
    assert palu_public.title not in text(fetch(anonymous, kalsel.get_absolute_url())[0])


def test_unit_page_describes_the_unit_and_lists_its_stories(
    anonymous, palu_public, palu_unit, lpka_palu_unit
):
    response, _ = fetch(anonymous, palu_unit.get_absolute_url())

    body = text(response)
    assert response.status_code == 200
    assert palu_unit.name in body and palu_unit.city in body
    assert palu_public.title in body
    assert reverse("public:unit_atom", kwargs={"slug": palu_unit.slug}) in body
    other = text(fetch(anonymous, lpka_palu_unit.get_absolute_url())[0])
    assert palu_public.title not in other


def test_category_and_tag_pages(anonymous, palu_public):
    category = text(fetch(anonymous, reverse("public:category", args=["kehumasan"]))[0])
    tag = text(fetch(anonymous, reverse("public:tag", args=["media-sosial"]))[0])

    assert palu_public.title in category
    assert palu_public.title in tag
    assert "#media sosial" in tag


def test_empty_pages_say_so(anonymous, palu_unit):
    body = text(fetch(anonymous, palu_unit.get_absolute_url())[0])

    with translation.override("id"):
        assert escape(gettext("This unit has not published any news yet.")) in body


@pytest.mark.parametrize(
    "url",
    [
        reverse("public:kanwil", args=["atlantis"]),
        reverse("public:unit", args=["lapas-atlantis"]),
        reverse("public:category", args=["atlantis"]),
        reverse("public:tag", args=["atlantis"]),
        reverse("public:story", args=["tidak-ada"]),
        reverse("public:kanwil_rss", args=["atlantis"]),
        reverse("public:unit_atom", args=["atlantis"]),
    ],
)
def test_unknown_slugs_are_not_found(anonymous, url):
    assert fetch(anonymous, url)[0].status_code == 404


def test_story_page_shows_everything_a_reader_needs(anonymous, palu_public, palu_unit):
    response, _ = fetch(anonymous, story_path(palu_public))

    assert response.status_code == 200
    body = text(response)
    assert palu_public.title in body
    assert palu_public.lead in body
    assert STORY_BODY in body
    for photo in palu_public.photos.all():
        assert photo.caption in body
        assert f'alt="{photo.caption}"' in body
        assert reverse("news:photo_file", args=[photo.pk, "large"]) in body
    assert "Foto: Humas Lapas Perempuan Palu" in body
    assert palu_unit.name in body and "Sulawesi Tengah" in body
    # The event date as Indonesian news writes it, in the unit's zone; then the publication.
    assert "Kamis, 6 Februari 2025" in body
    assert "WITA" in body
    assert reverse("public:tag", args=["kehumasan"]) in body


def test_story_page_in_english(anonymous, palu_public):
    anonymous.post(reverse("set_language"), {"language": "en", "next": "/"})

    body = text(fetch(anonymous, story_path(palu_public))[0])

    assert "Thursday, 6 February 2025" in body
    assert '<html lang="en">' in body


def test_related_stories_are_earlier_ones_of_the_category_tagged_ones_first(
    anonymous, operator_palu, palu_unit
):
    hour_ago = timezone.now() - timedelta(hours=1)
    untagged = published_story(
        unit=palu_unit,
        by=operator_palu,
        title="Tanpa Tag",
        tag_names=[],
        published_at=hour_ago - timedelta(minutes=1),
    )
    tagged = published_story(
        unit=palu_unit,
        by=operator_palu,
        title="Dengan Tag Sama",
        tag_names=["kehumasan"],
        published_at=hour_ago - timedelta(minutes=2),
    )
    story = published_story(
        unit=palu_unit, by=operator_palu, title="Berita Utama", tag_names=["kehumasan"]
    )
    later = published_story(
        unit=palu_unit, by=operator_palu, title="Berita Sesudahnya", tag_names=["kehumasan"]
    )

    body = text(fetch(anonymous, story_path(story))[0])

    related = body[body.index('id="related-title"') :]
    assert tagged.title in related and untagged.title in related
    assert related.index(tagged.title) < related.index(untagged.title)
    assert story.title not in related and later.title not in related


def test_a_related_story_withdrawn_since_is_left_out(anonymous, operator_palu, palu_unit):
    earlier = published_story(
        unit=palu_unit,
        by=operator_palu,
        title="Berita Yang Ditarik",
        published_at=timezone.now() - timedelta(days=1),
    )
    story = published_story(unit=palu_unit, by=operator_palu, title="Berita Utama")
    assert earlier.title in text(fetch(anonymous, story_path(story))[0])

    force_state(earlier, State.WITHDRAWN)

    assert earlier.title not in text(fetch(anonymous, story_path(story))[0])


def test_a_correction_note_of_a_published_story_is_shown(anonymous, palu_public):
    Story.objects.filter(pk=palu_public.pk).update(correction_note="Nama narasumber diperbaiki.")

    body = text(fetch(anonymous, story_path(palu_public))[0])

    assert "Nama narasumber diperbaiki." in body


def test_opengraph_twitter_and_canonical(anonymous, palu_public):
    body = text(fetch(anonymous, story_path(palu_public))[0])
    cover = palu_public.photos.order_by("position").first()
    url = settings.SITE_URL + story_path(palu_public)
    image = settings.SITE_URL + reverse("news:photo_file", args=[cover.pk, "social"])

    assert f'<link rel="canonical" href="{url}">' in body
    assert meta_content(body, "property", "og:type") == "article"
    assert meta_content(body, "property", "og:title") == palu_public.title
    assert meta_content(body, "property", "og:url") == url
    assert meta_content(body, "property", "og:image") == image
    assert meta_content(body, "property", "og:image:alt") == cover.caption
    assert meta_content(body, "name", "twitter:card") == "summary_large_image"
    assert meta_content(body, "name", "twitter:image") == image


def test_json_ld_news_article(anonymous, palu_public, palu_unit):
    body = text(fetch(anonymous, story_path(palu_public))[0])

    data = json_ld(body)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == palu_public.title
    assert data["mainEntityOfPage"]["@id"] == settings.SITE_URL + story_path(palu_public)
    assert data["author"]["name"] == palu_unit.name
    assert data["publisher"]["name"] == palu_unit.kanwil.name
    assert data["datePublished"].startswith(palu_public.published_at.date().isoformat()[:4])
    assert data["image"][0].startswith(settings.SITE_URL)
    assert "kehumasan" in data["keywords"]


def test_json_ld_and_metadata_are_escaped(anonymous, operator_palu, palu_unit):
    hostile = 'Judul </script><script>alert("x")</script> & <b>tebal</b>'
    story = published_story(unit=palu_unit, by=operator_palu, title=hostile, lead=hostile)

    response, _ = fetch(anonymous, story_path(story))
    body = text(response)

    assert response.status_code == 200
    assert "<script>alert" not in body
    assert body.count("</script>") == body.count("<script")
    data = json_ld(body)
    assert data["headline"] == hostile[:110]
    assert "\\u003C/script\\u003E" in body
    assert meta_content(body, "property", "og:title") == hostile


def test_public_pages_carry_no_inline_script_and_no_nonce(anonymous, palu_public):
    """JSON-LD is a data block, not a script: the cached page needs no per-response nonce."""
    response, _ = fetch(anonymous, story_path(palu_public))
    body = text(response)

    assert "nonce=" not in body
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", body, re.S)
    inline = [attributes for attributes, content in scripts if content.strip()]
    assert inline == [' type="application/ld+json"']
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_share_links_are_plain_and_encoded(anonymous, operator_palu, palu_unit):
    story = published_story(unit=palu_unit, by=operator_palu, title="Apel & Doa Bersama #1?")
    body = text(fetch(anonymous, story_path(story))[0])
    url = settings.SITE_URL + story_path(story)

    links = {
        name: unescape(href)
        for href, name in re.findall(r'href="([^"]+)"\s+data-share="(\w+)"', body)
    }
    assert set(links) == {"whatsapp", "facebook", "x", "telegram", "email"}
    assert parse_qs(urlsplit(links["whatsapp"]).query)["text"] == [f"{story.title} {url}"]
    assert parse_qs(urlsplit(links["facebook"]).query)["u"] == [url]
    assert parse_qs(urlsplit(links["x"]).query) == {"url": [url], "text": [story.title]}
    assert parse_qs(urlsplit(links["telegram"]).query) == {"url": [url], "text": [story.title]}
    assert parse_qs(urlsplit(links["email"]).query) == {"subject": [story.title], "body": [url]}
    assert all(" " not in link and "#1?" not in link for link in links.values())
    assert f'data-copy-link="{url}"' in body
    assert "js/share.js" in body


def test_public_pages_have_no_inline_script_or_style(anonymous, palu_public):
    for url in (reverse("home"), story_path(palu_public), reverse("public:search") + "?q=palu"):
        body = text(fetch(anonymous, url)[0])
        for tag in re.findall(r"<script[^>]*>", body):
            assert "src=" in tag or 'type="application/ld+json"' in tag, tag
        assert "style=" not in body


def test_pages_have_landmarks_and_alt_texts(anonymous, palu_public):
    for url in (reverse("home"), story_path(palu_public), palu_public.unit.get_absolute_url()):
        body = text(fetch(anonymous, url)[0])
        assert body.count("<main") == 1
        assert body.count("<h1") == 1, url
        for image in re.findall(r"<img[^>]*>", body):
            assert re.search(r'alt="[^"]+"', image), image


def test_healthz_answers_ok_without_the_database(anonymous, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = anonymous.get("/healthz/")

    assert response.status_code == 200
    assert response.content == b"ok"


def test_robots_txt(anonymous):
    response = anonymous.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = text(response).splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /newsroom/" in lines
    assert "Allow: /newsroom/photos/" in lines
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in lines
    assert all(re.fullmatch(r"(|[A-Za-z-]+: \S+)", line) for line in lines[1:])


def test_signed_in_visitors_see_the_same_public_pages(client_for, operator_palu, palu_public):
    client = client_for(operator_palu)

    response = client.get(story_path(palu_public))

    assert response.status_code == 200
    assert palu_public.title in text(response)
    assert operator_palu.full_name in text(response)


def test_intro_follows_who_is_signed_in(client_for, operator_palu):
    anonymous_body = text(Client().get(reverse("home")))
    signed_in_body = text(client_for(operator_palu).get(reverse("home")))

    assert reverse("account_login") in anonymous_body
    assert reverse("accounts:dashboard") in signed_in_body


def test_public_pages_are_well_formed_html(anonymous, palu_public, sulteng):
    urls = [
        reverse("home"),
        story_path(palu_public),
        sulteng.get_absolute_url(),
        palu_public.unit.get_absolute_url(),
        reverse("public:category", args=["kehumasan"]),
        reverse("public:tag", args=["kehumasan"]),
        reverse("public:search") + "?q=penguatan&kanwil=sulteng",
        reverse("public:search") + "?dari=kemarin",
    ]
    for url in urls:
        assert_well_formed(text(fetch(anonymous, url)[0]))
