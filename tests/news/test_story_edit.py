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


def _stale_post(client, story, url):
    """Another person saves a new title; then this person saves from the original version."""
    started = form_data(client.get(url).content.decode(), containing="event_date")
    other = dict(started, title="Judul dari rekan kerja")
    assert client.post(url, other).status_code == 302
    mine = dict(started, lead="Teras yang saya ketik dengan susah payah.")
    return mine, client.post(url, mine)


def test_a_stale_save_shows_what_changed_and_keeps_the_typed_text(
    client_for, palu_story, operator_palu
):
    client = client_for(operator_palu)
    url = reverse("news:story_edit", args=[palu_story.pk])
    _mine, response = _stale_post(client, palu_story, url)
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["conflict"]["changes"]
    assert "<ins>Judul dari rekan kerja</ins>" in page or "<ins>dari rekan kerja</ins>" in page
    assert "Teras yang saya ketik dengan susah payah." in page
    offered = form_data(page, containing="event_date")
    assert offered["seen_version"] == str(Story.objects.get(pk=palu_story.pk).version)
    assert "save_over" in response.context["form"].fields


def test_saving_again_without_consent_is_refused_and_with_consent_saves(
    client_for, palu_story, operator_palu
):
    client = client_for(operator_palu)
    url = reverse("news:story_edit", args=[palu_story.pk])
    _mine, response = _stale_post(client, palu_story, url)
    offered = form_data(response.content.decode(), containing="event_date")
    again = client.post(url, offered)
    assert again.status_code == 200 and again.context["conflict"]
    assert Story.objects.get(pk=palu_story.pk).lead != offered["lead"]
    agreed = client.post(url, dict(offered, save_over="on"))
    assert agreed.status_code == 302
    story = Story.objects.get(pk=palu_story.pk)
    assert story.lead == "Teras yang saya ketik dengan susah payah."
    assert story.title == palu_story.title  # the person's own form carried the old title


def test_consent_covers_only_the_version_that_was_shown(client_for, palu_story, operator_palu):
    client = client_for(operator_palu)
    url = reverse("news:story_edit", args=[palu_story.pk])
    _mine, response = _stale_post(client, palu_story, url)
    offered = form_data(response.content.decode(), containing="event_date")
    fresh = form_data(client.get(url).content.decode(), containing="event_date")
    assert client.post(url, dict(fresh, title="Judul ketiga")).status_code == 302
    refused = client.post(url, dict(offered, save_over="on"))
    assert refused.status_code == 200
    assert Story.objects.get(pk=palu_story.pk).title == "Judul ketiga"
    newest = form_data(refused.content.decode(), containing="event_date")
    assert newest["seen_version"] == str(Story.objects.get(pk=palu_story.pk).version)
    assert "save_over" not in newest
