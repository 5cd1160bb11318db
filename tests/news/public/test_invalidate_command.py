"""manage.py invalidate_public_pages: after a restore, no page of the old database is served."""

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from news.models import State, Story
from tests.factories.public import published_story
from tests.test_outages import closed_port

from .conftest import text

pytestmark = pytest.mark.django_db


def test_pages_cached_before_a_restore_are_built_again(anonymous, operator_palu, palu_unit):
    story = published_story(unit=palu_unit, by=operator_palu)
    assert story.title in text(anonymous.get(reverse("home")))
    # What a restore does: the rows change underneath, no service runs.
    Story.objects.filter(pk=story.pk).update(state=State.DRAFT, search_vector=None)
    assert story.title in text(anonymous.get(reverse("home")))

    call_command("invalidate_public_pages")

    assert story.title not in text(anonymous.get(reverse("home")))


def test_an_unreachable_cache_is_reported():
    url = f"redis://127.0.0.1:{closed_port()}/0"
    with (
        override_settings(
            CACHES={"default": {"BACKEND": "humas_portal.cache.RedisCache", "LOCATION": url}}
        ),
        pytest.raises(CommandError),
    ):
        call_command("invalidate_public_pages")
