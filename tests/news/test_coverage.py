"""The coverage log: validated links, once each, by the unit and its Kanwil, shown publicly."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from news.models import Coverage
from news.public.meta import story_path
from news.services.coverage import record_coverage
from odon.models import OdonSettings
from tests.factories.news import attach_photo, write_story
from tests.factories.public import published_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(operator_palu, palu_unit):
    return published_story(unit=palu_unit, by=operator_palu)


def test_media_and_social_coverage_are_recorded(story, operator_palu, editor_sulteng):
    media = record_coverage(
        story=story,
        by=operator_palu,
        kind="media",
        url="https://www.antaranews.com/berita/123",
        outlet="ANTARA",
        appeared_on=date(2025, 2, 7),
    )
    post = record_coverage(
        story=story,
        by=editor_sulteng,
        kind="social",
        url="https://www.instagram.com/p/abc/",
        platform="instagram",
    )
    assert (media.outlet, post.platform) == ("ANTARA", "instagram")
    assert story.coverage.count() == 2


@pytest.mark.parametrize(
    ("arguments", "code"),
    [
        ({"kind": "media", "url": "javascript:alert(1)", "outlet": "X"}, "scheme"),
        ({"kind": "media", "url": "ftp://example.com/a", "outlet": "X"}, "scheme"),
        ({"kind": "media", "url": "https://", "outlet": "X"}, "invalid_url"),
        ({"kind": "media", "url": "https://example.com/a", "outlet": "  "}, "outlet"),
        (
            {
                "kind": "social",
                "url": "https://evil.example/instagram.com",
                "platform": "instagram",
            },
            "platform_host",
        ),
        (
            {
                "kind": "social",
                "url": "https://instagram.com.evil.example/p",
                "platform": "instagram",
            },
            "platform_host",
        ),
        (
            {"kind": "social", "url": "https://www.youtube.com/watch?v=1", "platform": "tiktok"},
            "platform_host",
        ),
        (
            {"kind": "social", "url": "https://www.youtube.com/watch?v=1", "platform": "myspace"},
            "platform",
        ),
        ({"kind": "print", "url": "https://example.com/a"}, "kind"),
    ],
)
def test_bad_coverage_is_refused_with_a_reason(story, operator_palu, arguments, code):
    with pytest.raises(ValidationError) as refused:
        record_coverage(story=story, by=operator_palu, **arguments)
    assert refused.value.code == code
    assert not Coverage.objects.exists()


def test_the_same_link_is_refused_twice(story, operator_palu):
    record_coverage(story=story, by=operator_palu, kind="media", url="https://x.id/a", outlet="X")
    with pytest.raises(ValidationError) as refused:
        record_coverage(
            story=story, by=operator_palu, kind="media", url="HTTPS://X.ID/a", outlet="Y"
        )
    assert refused.value.code == "duplicate"


def test_only_the_unit_and_its_kanwil_record_coverage(story, operator_pelaihari, editor_kalsel):
    for person in (operator_pelaihari, editor_kalsel):
        with pytest.raises(PermissionDenied):
            record_coverage(story=story, by=person, kind="media", url="https://x.id/b", outlet="X")


def test_a_draft_has_no_coverage(operator_palu, palu_unit):
    draft = write_story(unit=palu_unit, by=operator_palu)
    attach_photo(draft)
    with pytest.raises(PermissionDenied):
        record_coverage(
            story=draft, by=operator_palu, kind="media", url="https://x.id/c", outlet="X"
        )


def test_the_form_records_and_reports_refusals(
    client_for, story, operator_palu, operator_pelaihari
):
    url = reverse("news:coverage_add", args=[story.pk])
    client = client_for(operator_palu)
    data = {"kind": "media", "outlet": "Radar Sulteng", "url": "https://radarsulteng.id/a"}
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert Coverage.objects.filter(outlet="Radar Sulteng").exists()
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert Coverage.objects.count() == 1
    assert "radarsulteng.id/a" in response.content.decode()
    assert client_for(operator_pelaihari).post(url, data).status_code == 404


def test_the_public_page_shows_media_coverage_until_switched_off(client, story, operator_palu):
    record_coverage(
        story=story, by=operator_palu, kind="media", url="https://radarsulteng.id/b", outlet="Radar"
    )
    record_coverage(
        story=story,
        by=operator_palu,
        kind="social",
        url="https://www.facebook.com/lapas/posts/1",
        platform="facebook",
    )
    body = client.get(story_path(story)).content.decode()
    assert 'href="https://radarsulteng.id/b" rel="nofollow noopener"' in body
    assert "facebook.com/lapas" not in body
    OdonSettings.objects.create(show_public_coverage=False)
    from news.public import cache

    cache.invalidate()
    assert "radarsulteng.id/b" not in client.get(story_path(story)).content.decode()


def test_the_share_page_records_a_post_and_returns_to_itself(client_for, story, operator_palu):
    client = client_for(operator_palu)
    share = reverse("news:share_page", args=[story.pk])
    assert 'name="back" value="share"' in client.get(share).content.decode()

    data = {
        "kind": "social",
        "platform": "instagram",
        "url": "https://www.instagram.com/p/abc/",
        "back": "share",
    }
    response = client.post(reverse("news:coverage_add", args=[story.pk]), data)

    assert response["Location"] == f"{share}#coverage"
    assert story.coverage.get().platform == "instagram"
