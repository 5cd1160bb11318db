"""Refusals say what is actually wrong: too long, a NUL character, or left empty."""

import pytest
from django.urls import reverse
from django.utils import translation

from humas_portal.form_errors import form_error_text
from news.forms import NoteForm
from news.models import Story, Transition
from tests.factories.news import attach_photo, write_story

NUL_NOTE = "Perbaiki judul\x00"
LONG_NOTE = "x" * 10_000


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_the_text_names_the_field_and_the_fault():
    with translation.override("en"):
        assert "at most 4000 characters" in form_error_text(
            NoteForm({"note": LONG_NOTE}), when_missing="Give a reason."
        )
        assert "Null characters are not allowed" in form_error_text(
            NoteForm({"note": NUL_NOTE}), when_missing="Give a reason."
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("note", "expected"),
    [(LONG_NOTE, "at most 4000 characters"), (NUL_NOTE, "Null characters are not allowed")],
)
def test_a_bad_note_with_a_decision_is_refused_for_what_it_is(
    client_for, palu_unit, operator_palu, editor_sulteng, note, expected
):
    from news import services

    story = write_story(unit=palu_unit, by=operator_palu)
    attach_photo(story)
    services.submit_story(story=story, by=operator_palu)
    url = reverse("news:story_transition", args=[story.pk, "request_changes"])
    response = client_for(editor_sulteng).post(
        url, {"note": note}, follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )
    (message,) = _messages(response)
    assert expected in message and "reason" not in message
    assert Story.objects.get(pk=story.pk).state == "submitted"
    assert not Transition.objects.filter(action="request_changes").exists()


@pytest.mark.django_db
def test_a_bad_comment_is_refused_for_what_it_is(client_for, palu_unit, operator_palu):
    story = write_story(unit=palu_unit, by=operator_palu)
    url = reverse("news:story_comment", args=[story.pk])
    client = client_for(operator_palu)
    response = client.post(url, {"text": NUL_NOTE}, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert "Null characters are not allowed" in _messages(response)[0]
    response = client.post(url, {"text": ""}, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert _messages(response) == ["Write a comment first."]
