"""Editing a story: dates survive every language, and a stale edit can be recovered."""

import zoneinfo

import pytest
from django.urls import reverse
from django.utils import translation

from news.models import Story
from tests.formdata import form_data

pytestmark = pytest.mark.django_db


def test_a_story_edit_form_in_indonesian_saves_unchanged(client_for, palu_story, operator_palu):
    client = client_for(operator_palu)
    url = reverse("news:story_edit", args=[palu_story.pk])
    with translation.override("id"):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE="id").content.decode()
        data = form_data(page, containing="event_date")
        assert (
            data["event_date"]
            == palu_story.event_start.astimezone(
                zoneinfo.ZoneInfo(palu_story.unit.effective_time_zone)
            )
            .date()
            .isoformat()
        )
        assert len(data["event_time"]) == 5 and data["event_time"][2] == ":"
        data["title"] = "Judul yang diubah"
        response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="id")
    assert response.status_code == 302, response.context["form"].errors
    story = Story.objects.get(pk=palu_story.pk)
    assert story.title == "Judul yang diubah"
    assert story.event_start == palu_story.event_start
