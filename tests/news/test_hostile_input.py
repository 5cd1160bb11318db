"""Hostile text in every field never renders as HTML, and nothing a user types gives a 500."""

import pytest
from django.core import mail
from django.urls import reverse

from news import services
from news.models import Category, Story
from tests.factories.news import attach_photo

pytestmark = pytest.mark.django_db

HOSTILE = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">klik</a>',
    "{{ request.user.password }}{% debug %}",
    "Teks\u200b\u202etersembunyi\x00\x07",
]
MARKERS = ["<script>alert", "<img src=x", 'href="javascript:', 'onerror="', "\u202e", "\x00"]


def _story_data(text: str) -> dict:
    return {
        "title": f"Judul {text}",
        "lead": f"Teras {text}",
        "body": f"<p>Isi {text}</p>",
        "event_date": "2025-02-06",
        "event_time": "10:00",
        "dateline": f"Sigi {text}",
        "category": Category.objects.get(slug="kehumasan").pk,
        "tags": f"kehumasan, {text[:50]}",
    }


def _assert_inert(html: str) -> None:
    for marker in MARKERS:
        assert marker not in html, marker


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_story_fields_stay_text_everywhere(
    text,
    client_for,
    operator_palu,
    editor_sulteng,
    palu_unit,
    django_capture_on_commit_callbacks,
):
    operator = client_for(operator_palu)
    response = operator.post(
        reverse("news:story_create"), {"unit": palu_unit.pk, **_story_data(text)}
    )
    assert response.status_code in (200, 302)
    story = Story.objects.filter(unit=palu_unit).first()
    if story is None:
        # Refused with a message (e.g. a field empty once cleaned): the form shows it.
        assert response.context["form"].errors
        return
    attach_photo(story, caption=f"Foto {text}")
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_story(story=story, by=operator_palu)
        services.add_comment(story=story, by=editor_sulteng, text=f"Komentar {text}")
        services.request_changes(story=story, by=editor_sulteng, note=f"Alasan {text}")
    editor = client_for(editor_sulteng)
    for client, url in [
        (editor, story.get_absolute_url()),
        (operator, story.get_absolute_url()),
        (operator, reverse("news:story_edit", args=[story.pk])),
        (operator, reverse("news:unit_desk")),
        (operator, reverse("news:inbox")),
        (editor, reverse("news:story_changes", args=[story.pk, "submitted"])),
    ]:
        page = client.get(url)
        assert page.status_code == 200, url
        _assert_inert(page.content.decode())
    for message in mail.outbox:
        _assert_inert(message.subject)
        _assert_inert(message.alternatives[0][0])


def test_very_long_input_gets_messages_not_errors(client_for, operator_palu, palu_unit):
    data = _story_data("x" * 50)
    data.update(title="J" * 5000, lead="T" * 5000, dateline="S" * 500, tags="t" * 5000)
    response = client_for(operator_palu).post(
        reverse("news:story_create"), {"unit": palu_unit.pk, **data}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"title", "lead", "dateline", "tags"} <= set(errors)
    assert not Story.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"event_date": "2025-02-30"},
        {"event_date": "kemarin"},
        {"event_time": "25:61"},
        {"category": "999999"},
        {"category": "abc"},
    ],
)
def test_malformed_values_are_reported(client_for, operator_palu, palu_unit, changes):
    data = {"unit": palu_unit.pk, **_story_data("biasa"), **changes}
    response = client_for(operator_palu).post(reverse("news:story_create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Story.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "/newsroom/999999/",
        "/newsroom/999999/edit/",
        "/newsroom/999999/changes/live/",
        "/newsroom/inbox/999999/",
        "/newsroom/photos/999999/thumb.jpg",
        "/newsroom/abc/",
    ],
)
def test_unknown_addresses_are_not_found(client_for, operator_palu, path):
    assert client_for(operator_palu).get(path).status_code == 404


@pytest.mark.parametrize("unit", ["not-a-number", "999999"])
def test_a_unit_not_written_for_is_not_found(client_for, operator_palu, pelaihari_unit, unit):
    client = client_for(operator_palu)
    data = {"unit": unit, **_story_data("biasa")}
    assert client.post(reverse("news:story_create"), data).status_code == 404
    data["unit"] = pelaihari_unit.pk
    assert client.post(reverse("news:story_create"), data).status_code == 404
    assert not Story.objects.exists()
