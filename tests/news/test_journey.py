"""The whole story of one story, through the pages, as the issue's 'done when' describes it."""

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from news import services
from news.models import Category, Notification, State, Story
from tests.factories.news import ethics_ticks
from tests.news import images as samples

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _no_approve_button(client, story) -> None:
    page = client.get(story.get_absolute_url()).content.decode()
    for action in ("approve", "publish", "schedule"):
        assert reverse("news:story_transition", args=[story.pk, action]) not in page


def test_palu_story_from_draft_to_scheduled_publication(
    client_for,
    operator_palu,
    editor_sulteng,
    editor_kalsel,
    palu_unit,
    django_capture_on_commit_callbacks,
):
    operator = client_for(operator_palu)
    editor = client_for(editor_sulteng)
    outsider = client_for(editor_kalsel)

    # The operator writes the story of the 6 February 2025 Zoom session.
    with django_capture_on_commit_callbacks(execute=True):
        operator.post(
            reverse("news:story_create"),
            {
                "unit": palu_unit.pk,
                "title": "Lapas Perempuan Palu Ikuti Penguatan Kehumasan",
                "lead": "Jajaran Lapas Perempuan Palu mengikuti penguatan kehumasan, Kamis (6/2).",
                "body": "<p>Kegiatan berlangsung melalui Zoom Meeting.</p>",
                "event_date": "2025-02-06",
                "event_time": "10:00",
                "dateline": "Sigi",
                "category": Category.objects.get(slug="kehumasan").pk,
                "tags": "kehumasan, etika ASN",
            },
        )
        story = Story.objects.get()
        upload = samples.upload(samples.jpeg((1200, 800)), "zoom.jpg", "image/jpeg")
        operator.post(
            reverse("news:photo_upload", args=[story.pk]),
            {
                "photo": upload,
                "caption": "Petugas menyimak materi melalui Zoom.",
                "credit": "Humas",
            },
        )
        assert story.photos.count() == 1
        _no_approve_button(operator, story)
        operator.post(reverse("news:story_transition", args=[story.pk, "submit"]), ethics_ticks())

    # The Sulteng editor is told, by inbox and e-mail; the Kalsel editor is not.
    assert Notification.objects.filter(recipient=editor_sulteng, kind="submitted").exists()
    assert any(editor_sulteng.email in message.to for message in mail.outbox)
    assert not Notification.objects.filter(recipient=editor_kalsel).exists()
    assert story.title in editor.get(reverse("news:review_queue")).content.decode()
    assert story.title not in outsider.get(reverse("news:review_queue")).content.decode()
    assert outsider.get(story.get_absolute_url()).status_code == 404

    # The editor asks for a change; the operator fixes it and submits again.
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(
            reverse("news:story_transition", args=[story.pk, "request_changes"]),
            {"note": "Sebutkan nama narasumber dengan lengkap."},
        )
    story.refresh_from_db()
    assert story.state == State.CHANGES_REQUESTED
    assert Notification.objects.filter(recipient=operator_palu, kind="changes_requested").exists()
    _no_approve_button(operator, story)
    edit_page = operator.get(reverse("news:story_edit", args=[story.pk])).content.decode()
    version = re.search(r'name="version" value="(\d+)"', edit_page).group(1)
    operator.post(
        reverse("news:story_edit", args=[story.pk]),
        {
            "title": story.title,
            "lead": story.lead,
            "body": "<p>Materi disampaikan Dirpatnal Lilik Sujandi dan Sesditjenpas "
            "Gun Gun Gunawan.</p>",
            "event_date": "2025-02-06",
            "event_time": "10:00",
            "dateline": "Sigi",
            "category": story.category_id,
            "tags": "kehumasan",
            "version": version,
        },
    )
    operator.post(reverse("news:story_transition", args=[story.pk, "submit"]), ethics_ticks())
    story.refresh_from_db()
    assert story.state == State.SUBMITTED
    changes = editor.get(reverse("news:story_changes", args=[story.pk, "submitted"]))
    assert "<ins>" in changes.content.decode()

    # The editor approves and schedules it for 08.00 WITA tomorrow, Palu's time.
    editor.post(reverse("news:story_transition", args=[story.pk, "approve"]))
    tomorrow = timezone.localdate(timezone=ZoneInfo("Asia/Makassar")) + timedelta(days=1)
    editor.post(
        reverse("news:story_transition", args=[story.pk, "schedule"]),
        {"publish_date": tomorrow.isoformat(), "publish_time": "08:00"},
    )
    story.refresh_from_db()
    assert story.state == State.SCHEDULED
    local = timezone.localtime(story.publish_at, ZoneInfo("Asia/Makassar"))
    assert (local.date(), local.hour) == (tomorrow, 8)
    _no_approve_button(operator, story)

    # Celery beat publishes it at that time, exactly once.
    assert services.publish_due_stories(now=story.publish_at - timedelta(seconds=1)) == 0
    assert services.publish_due_stories(now=story.publish_at) == 1
    assert services.publish_due_stories(now=story.publish_at) == 0
    story.refresh_from_db()
    assert story.state == State.PUBLISHED
    assert story.live_revision == story.approved_revision == story.current_revision
    assert outsider.get(story.get_absolute_url()).status_code == 404
