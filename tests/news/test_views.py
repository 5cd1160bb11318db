"""The newsroom pages: scope, buttons, forms that keep text, and query counts."""

import re
from datetime import UTC, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news import services
from news.models import Category, Notification, State, Story
from news.selectors import email_preferences_of
from tests.factories.news import attach_photo, force_state, write_story

pytestmark = pytest.mark.django_db


def _form_data(story: Story, **changes) -> dict:
    data = {
        "title": story.title,
        "lead": story.lead,
        "body": story.body,
        "event_date": "2025-02-06",
        "event_time": "09:00",
        "dateline": story.dateline,
        "category": story.category_id,
        "tags": "kehumasan, etika",
        "version": story.version,
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("persona", ["editor_kalsel", "operator_pelaihari", "staff_member"])
def test_a_story_outside_the_scope_is_not_found(request, client_for, palu_story, persona):
    client = client_for(request.getfixturevalue(persona))
    for name in ("news:story_detail", "news:story_edit"):
        assert client.get(reverse(name, args=[palu_story.pk])).status_code == 404
    response = client.post(reverse("news:story_transition", args=[palu_story.pk, "submit"]))
    assert response.status_code == 404
    assert Story.objects.get(pk=palu_story.pk).state == State.DRAFT


def test_the_operator_never_sees_an_approve_button(client_for, palu_story, operator_palu):
    force_state(palu_story, State.SUBMITTED)
    page = client_for(operator_palu).get(palu_story.get_absolute_url()).content.decode()
    assert reverse("news:story_transition", args=[palu_story.pk, "approve"]) not in page
    assert reverse("news:story_transition", args=[palu_story.pk, "pull_back"]) in page


def test_the_regional_editor_sees_approve_and_uses_it(client_for, palu_story, editor_sulteng):
    force_state(palu_story, State.SUBMITTED)
    client = client_for(editor_sulteng)
    approve = reverse("news:story_transition", args=[palu_story.pk, "approve"])
    assert approve in client.get(palu_story.get_absolute_url()).content.decode()
    assert client.post(approve).status_code == 302
    assert Story.objects.get(pk=palu_story.pk).state == State.APPROVED


def test_a_refused_step_shows_a_message_and_changes_nothing(client_for, palu_story, operator_palu):
    force_state(palu_story, State.SUBMITTED)
    client = client_for(operator_palu)
    response = client.post(
        reverse("news:story_transition", args=[palu_story.pk, "approve"]), follow=True
    )
    assert response.status_code == 200
    assert Story.objects.get(pk=palu_story.pk).state == State.SUBMITTED
    assert list(response.context["messages"])


def test_request_changes_without_a_reason_is_refused(client_for, palu_story, editor_sulteng):
    force_state(palu_story, State.SUBMITTED)
    client = client_for(editor_sulteng)
    url = reverse("news:story_transition", args=[palu_story.pk, "request_changes"])
    client.post(url, {"note": "   "})
    assert Story.objects.get(pk=palu_story.pk).state == State.SUBMITTED


def test_unknown_action_is_not_found(client_for, palu_story, editor_sulteng):
    url = reverse("news:story_transition", args=[palu_story.pk, "explode"])
    assert client_for(editor_sulteng).post(url).status_code == 404


def test_writing_a_story_through_the_form(client_for, operator_palu, palu_unit):
    client = client_for(operator_palu)
    assert client.get(reverse("news:story_create")).status_code == 200
    data = {
        "unit": palu_unit.pk,
        "title": "<script>alert(1)</script>Lapas Perempuan Palu ikuti Penguatan Kehumasan",
        "lead": "Petugas mengikuti kegiatan secara daring.",
        "body": "<p>Isi <em>berita</em><img src=x onerror=alert(1)></p>",
        "event_date": "2025-02-06",
        "event_time": "09:00",
        "dateline": "Sigi",
        "category": Category.objects.get(slug="kehumasan").pk,
        "tags": "kehumasan",
    }
    response = client.post(reverse("news:story_create"), data)
    story = Story.objects.get()
    assert response.status_code == 302
    assert "onerror" not in story.body and "<img" not in story.body
    page = client.get(story.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    # 09.00 WITA in Palu is 01.00 UTC.
    assert story.event_start.astimezone(UTC).hour == 1


def test_a_future_event_date_is_refused_with_a_message(client_for, palu_story, operator_palu):
    client = client_for(operator_palu)
    tomorrow = (timezone.now() + timedelta(days=3)).date().isoformat()
    url = reverse("news:story_edit", args=[palu_story.pk])
    response = client.post(url, _form_data(palu_story, event_date=tomorrow))
    assert response.status_code == 200
    assert response.context["form"].errors["event_date"]


def test_a_stale_edit_keeps_the_typed_text(client_for, palu_story, operator_palu):
    client = client_for(operator_palu)
    url = reverse("news:story_edit", args=[palu_story.pk])
    client.post(url, _form_data(palu_story, title="Judul pertama"))
    response = client.post(url, _form_data(palu_story, title="Judul saya yang panjang", version=1))
    assert response.status_code == 200
    assert "Judul saya yang panjang" in response.content.decode()
    assert response.context["form"].non_field_errors()
    assert Story.objects.get(pk=palu_story.pk).title == "Judul pertama"


def test_changes_since_the_previous_submission(client_for, palu_story, operator_palu):
    client = client_for(operator_palu)
    services.submit_story(story=palu_story, by=operator_palu)
    services.pull_back_story(story=palu_story, by=operator_palu)
    story = Story.objects.get(pk=palu_story.pk)
    client.post(reverse("news:story_edit", args=[story.pk]), _form_data(story, title="Judul baru"))
    services.submit_story(story=story, by=operator_palu)
    page = client.get(reverse("news:story_changes", args=[story.pk, "submitted"]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<ins>baru</ins>" in html or "<ins>Judul baru</ins>" in html
    assert client.get(reverse("news:story_changes", args=[story.pk, "other"])).status_code == 404


def _queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_desk_query_count_does_not_grow(client_for, operator_palu, palu_unit, editor_sulteng):
    client = client_for(operator_palu)
    first = write_story(unit=palu_unit, by=operator_palu)
    services.add_comment(story=first, by=editor_sulteng, text="Cek ejaan.")
    one = _queries_for(client, reverse("news:unit_desk"))
    for title in ("Kedua", "Ketiga"):
        story = write_story(unit=palu_unit, by=operator_palu, title=title)
        services.add_comment(story=story, by=editor_sulteng, text="Cek ejaan.")
    assert _queries_for(client, reverse("news:unit_desk")) == one


def test_queue_query_count_does_not_grow(client_for, operator_palu, palu_unit, editor_sulteng):
    client = client_for(editor_sulteng)

    def submitted(title):
        story = write_story(unit=palu_unit, by=operator_palu, title=title)
        attach_photo(story)
        services.submit_story(story=story, by=operator_palu)

    submitted("Pertama")
    one = _queries_for(client, reverse("news:review_queue"))
    submitted("Kedua")
    submitted("Ketiga")
    assert _queries_for(client, reverse("news:review_queue")) == one


def test_queue_shows_only_the_editors_region(
    client_for, palu_story, pelaihari_story, operator_palu, operator_pelaihari, editor_kalsel
):
    services.submit_story(story=palu_story, by=operator_palu)
    services.submit_story(story=pelaihari_story, by=operator_pelaihari)
    page = client_for(editor_kalsel).get(reverse("news:review_queue")).content.decode()
    assert pelaihari_story.title in page
    assert reverse("news:story_detail", args=[palu_story.pk]) not in page


def test_queue_filters_with_bad_dates_show_a_message(client_for, editor_sulteng):
    client = client_for(editor_sulteng)
    response = client.get(
        reverse("news:review_queue"), {"date_from": "2025-02-10", "date_to": "2025-02-01"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["date_to"]
    assert client.get(reverse("news:review_queue"), {"date_from": "bukan"}).status_code == 200


@pytest.mark.parametrize("persona", ["operator_palu", "staff_member"])
def test_the_queue_is_for_editors_only(request, client_for, persona):
    client = client_for(request.getfixturevalue(persona))
    assert client.get(reverse("news:review_queue")).status_code == 404


def test_inbox_badge_and_reading(
    client_for, palu_story, operator_palu, editor_sulteng, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_story(story=palu_story, by=operator_palu)
    client = client_for(editor_sulteng)
    notification = Notification.objects.get(recipient=editor_sulteng)
    page = client.get(reverse("news:inbox"))
    assert page.status_code == 200
    assert palu_story.title in page.content.decode()
    url = reverse("news:notification_open", args=[notification.pk])
    assert re.search(rf'<form method="post"\s+action="{url}">', page.content.decode())
    # A GET (a link opened again, a prefetch) goes to the story but changes nothing.
    response = client.get(url)
    assert response.status_code == 302 and response.url == palu_story.get_absolute_url()
    notification.refresh_from_db()
    assert notification.read_at is None
    response = client.post(url)
    assert response.status_code == 302 and response.url == palu_story.get_absolute_url()
    notification.refresh_from_db()
    assert notification.read_at is not None
    # Another person's notification is not found.
    other = client_for(operator_palu)
    assert other.get(url).status_code == 404
    assert other.post(url).status_code == 404


def test_email_preferences_are_saved(client_for, operator_palu):
    client = client_for(operator_palu)
    data = dict.fromkeys(("submitted", "approved", "published"), "on")
    assert client.post(reverse("news:email_preferences"), data).status_code == 302
    assert email_preferences_of(operator_palu)["rejected"] is False
    assert "approved" not in email_preferences_of(operator_palu)
