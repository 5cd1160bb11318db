"""Public pages come from the cache until a publication or withdrawal makes them stale."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from news import services
from news.public import cache as public_cache
from news.public.meta import story_path
from tests.factories.news import attach_photo, write_story
from tests.factories.public import published_story

from .conftest import fetch, text

pytestmark = pytest.mark.django_db


def publish_through_the_newsroom(story, *, operator, editor):
    services.submit_story(story=story, by=operator)
    services.approve_story(story=story, by=editor)
    return services.publish_story(story=story, by=editor)


def test_an_anonymous_page_is_served_from_the_cache(
    anonymous, operator_palu, palu_unit, django_assert_num_queries
):
    story = published_story(unit=palu_unit, by=operator_palu)
    first, queries = fetch(anonymous, reverse("home"))
    assert queries > 0

    with django_assert_num_queries(0):
        second = anonymous.get(reverse("home"))

    assert story.title in text(second)
    # The whole page comes from the cache, layout included.
    assert text(first) == text(second)


def test_publishing_makes_the_cached_pages_stale(
    anonymous,
    operator_palu,
    editor_sulteng,
    palu_unit,
    sulteng,
    django_capture_on_commit_callbacks,
):
    stale_urls = [reverse("home"), sulteng.get_absolute_url(), reverse("public:rss")]
    story = write_story(unit=palu_unit, by=operator_palu, title="Berita Baru Terbit")
    attach_photo(story)
    for url in stale_urls:
        # Now in the cache, without the story.
        assert story.title not in text(anonymous.get(url))

    with django_capture_on_commit_callbacks(execute=True):
        publish_through_the_newsroom(story, operator=operator_palu, editor=editor_sulteng)

    for url in stale_urls:
        assert story.title in text(anonymous.get(url)), url
    assert anonymous.get(story_path(story)).status_code == 200


def test_withdrawing_takes_the_story_down_at_once(
    anonymous, operator_palu, editor_sulteng, palu_unit, django_capture_on_commit_callbacks
):
    story = write_story(unit=palu_unit, by=operator_palu, title="Berita Akan Ditarik")
    attach_photo(story)
    with django_capture_on_commit_callbacks(execute=True):
        publish_through_the_newsroom(story, operator=operator_palu, editor=editor_sulteng)
    assert anonymous.get(story_path(story)).status_code == 200
    assert story.title in text(anonymous.get(reverse("home")))

    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_story(story=story, by=editor_sulteng, note="Data peserta keliru.")

    response = anonymous.get(story_path(story))
    assert response.status_code == 410
    assert "Data peserta keliru." in text(response)
    assert story.title not in text(anonymous.get(reverse("home")))


def test_publish_and_withdraw_queue_the_invalidation_after_commit(
    operator_palu, editor_sulteng, palu_unit, django_capture_on_commit_callbacks
):
    story = write_story(unit=palu_unit, by=operator_palu)
    attach_photo(story)
    services.submit_story(story=story, by=operator_palu)
    services.approve_story(story=story, by=editor_sulteng)
    before = public_cache.current_version()

    with django_capture_on_commit_callbacks() as callbacks:
        services.publish_story(story=story, by=editor_sulteng)
    assert public_cache.current_version() == before
    for callback in callbacks:
        callback()
    assert public_cache.current_version() != before


def test_signed_in_pages_are_never_stored(client_for, operator_palu, palu_unit):
    story = published_story(unit=palu_unit, by=operator_palu)
    client = client_for(operator_palu)

    for url in (reverse("home"), story_path(story), palu_unit.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]


def test_anonymous_pages_are_not_marked_private(anonymous, operator_palu, palu_unit):
    story = published_story(unit=palu_unit, by=operator_palu)

    for url in (reverse("home"), story_path(story)):
        response = anonymous.get(url)
        assert "no-store" not in response.get("Cache-Control", "")
        assert "Cookie" in response["Vary"]
    assert "public" in anonymous.get(reverse("public:rss"))["Cache-Control"]


def test_the_cache_holds_nothing_personal(client_for, operator_palu, palu_unit):
    """A signed-in person fills the cache; an anonymous visitor gets their own layout."""
    story = published_story(unit=palu_unit, by=operator_palu)
    client_for(operator_palu).get(story_path(story))

    anonymous = Client()
    body = text(anonymous.get(story_path(story)))

    assert operator_palu.full_name not in body
    assert operator_palu.email not in body
    assert reverse("account_login") in body
    assert "csrfmiddlewaretoken" not in body
    assert "csrftoken" not in anonymous.cookies


def test_each_language_has_its_own_cached_page(anonymous, operator_palu, palu_unit):
    story = published_story(unit=palu_unit, by=operator_palu)
    indonesian = text(anonymous.get(story_path(story)))

    english = Client()
    english.get(reverse("switch_language", args=["en"]), {"next": "/"})
    english_body = text(english.get(story_path(story)))

    assert "Kamis, 6 Februari 2025" in indonesian
    assert "Thursday, 6 February 2025" in english_body


def test_a_cache_outage_only_makes_pages_slower(anonymous, operator_palu, palu_unit, monkeypatch):
    story = published_story(unit=palu_unit, by=operator_palu)

    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    for name in ("get", "get_many", "set", "add"):
        monkeypatch.setattr(cache, name, broken)

    assert anonymous.get(reverse("home")).status_code == 200
    assert story.title in text(anonymous.get(story_path(story)))
    assert anonymous.get(reverse("public:rss")).status_code == 200


def test_a_page_kept_in_the_process_costs_one_small_cache_read(monkeypatch):
    """The second read asks the shared cache for the version token only."""
    public_cache.local_pages.clear()
    asked = []
    real_get_many = cache.get_many

    def spying_get_many(keys, *args, **kwargs):
        asked.append(list(keys))
        return real_get_many(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get_many", spying_get_many)
    builds = []

    def build():
        builds.append(1)
        return "page"

    key = public_cache.page_key("test", "kept")
    assert public_cache.cached(key, build, 60) == "page"
    assert public_cache.cached(key, build, 60) == "page"

    assert builds == [1]
    assert asked == [[public_cache.VERSION_KEY, key], [public_cache.VERSION_KEY]]


def test_a_new_version_makes_the_page_kept_in_the_process_stale():
    public_cache.local_pages.clear()
    key = public_cache.page_key("test", "stale")
    public_cache.cached(key, lambda: "old", 60)

    public_cache.invalidate()

    assert public_cache.cached(key, lambda: "new", 60) == "new"


def test_a_page_kept_in_another_process_is_read_from_the_shared_cache():
    key = public_cache.page_key("test", "shared")
    public_cache.cached(key, lambda: "built once", 60)
    public_cache.local_pages.clear()  # As if a second worker process asked.

    assert public_cache.cached(key, lambda: "built again", 60) == "built once"


def test_the_process_keeps_a_bounded_number_of_pages():
    pages = public_cache._LocalPages(size=2)
    for number in range(3):
        pages.put(f"page-{number}", "v1", 60, number)

    assert [pages.get(f"page-{number}", "v1") for number in range(3)] == [None, 1, 2]
    assert pages.get("page-2", "v2") is None
