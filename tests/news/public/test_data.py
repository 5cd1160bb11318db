"""The data behind the public site: the copied Kanwil, the search objects, the demo stories."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from accounts.models import Kanwil, Unit
from news.models import State, Story
from news.public.meta import story_path
from tests.factories.news import write_story

from .conftest import fetch, text

pytestmark = pytest.mark.django_db


def test_a_new_story_carries_its_units_kanwil(operator_palu, palu_unit):
    story = write_story(unit=palu_unit, by=operator_palu)

    assert story.kanwil_id == palu_unit.kanwil_id
    assert Story.objects.get(pk=story.pk).kanwil.slug == "sulteng"


@pytest.mark.services
def test_postgresql_has_the_search_trigger_and_indexes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'news_story'::regclass "
            "AND NOT tgisinternal"
        )
        triggers = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'news_story'")
        indexes = dict(cursor.fetchall())
        cursor.execute("SELECT extname FROM pg_extension")
        extensions = {row[0] for row in cursor.fetchall()}

    assert "news_story_search_vector_trigger" in triggers
    assert "gin (search_vector)" in indexes["news_story_search_idx"]
    assert "gist (title gist_trgm_ops)" in indexes["news_story_title_trgm_idx"]
    for name in ("story_public_idx", "story_public_kanwil_idx", "story_public_unit_idx"):
        assert "WHERE" in indexes[name] and "published" in indexes[name]
    assert "pg_trgm" in extensions


def test_the_demo_fills_every_public_page(
    anonymous, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    with override_settings(DEBUG=True), django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())

    published = Story.objects.filter(state=State.PUBLISHED).select_related("unit", "category")
    assert published.count() >= 10
    withdrawn = Story.objects.get(state=State.WITHDRAWN)
    kanwils = Kanwil.objects.filter(stories__state=State.PUBLISHED).distinct()
    units = Unit.objects.filter(stories__state=State.PUBLISHED).distinct()
    assert kanwils.count() >= 3 and units.count() >= 5
    tag = published.exclude(tags=None).first().tags.first()
    pages = [
        reverse("home"),
        *(kanwil.get_absolute_url() for kanwil in kanwils),
        *(unit.get_absolute_url() for unit in units),
        *(reverse("public:category", args=[story.category.slug]) for story in published),
        reverse("public:tag", args=[tag.slug]),
        reverse("public:search") + "?q=warga+binaan",
        reverse("public:rss"),
    ]
    for url in pages:
        response, _ = fetch(anonymous, url)
        assert response.status_code == 200, url
        assert any(story.title.replace("&", "&amp;") in text(response) for story in published), url
    for story in published:
        response, _ = fetch(anonymous, story_path(story))
        assert response.status_code == 200
        assert 'type="application/ld+json"' in text(response)
    assert fetch(anonymous, story_path(withdrawn))[0].status_code == 410
