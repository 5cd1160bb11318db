"""Writing, four eyes, approval binding, scheduling and notifications."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from accounts.models import Role, RoleAssignment
from news import services
from news.models import EmailState, Notification, State, Story, Transition
from news.services.notifications import deliver_email, pending_email_ids
from tests.factories.news import force_state, write_story

pytestmark = pytest.mark.django_db


def _content(story: Story, **changes) -> dict:
    content = {
        "title": story.title,
        "lead": story.lead,
        "body": story.body,
        "event_start": story.event_start,
        "dateline": story.dateline,
        "category": story.category,
        "tag_names": ["kehumasan"],
    }
    content.update(changes)
    return content


def test_create_story_keeps_first_revision_and_trail(palu_story, operator_palu):
    assert palu_story.state == State.DRAFT
    assert palu_story.current_revision.number == 1
    assert list(palu_story.authors.all()) == [operator_palu]
    assert Transition.objects.get(story=palu_story).action == "create"


def test_operator_cannot_write_for_another_unit(operator_palu, pelaihari_unit):
    with pytest.raises(PermissionDenied):
        write_story(unit=pelaihari_unit, by=operator_palu)
    assert not Story.objects.exists()


def test_hostile_text_is_cleaned_on_the_service_path(operator_palu, palu_unit):
    story = write_story(
        unit=palu_unit,
        by=operator_palu,
        title="Judul\u200b <b>tebal</b>\x00",
        body=(
            '<p onclick="x()">Isi<script>alert(1)</script> <a href="javascript:alert(1)">t</a></p>'
        ),
    )
    assert "\u200b" not in story.title and "\x00" not in story.title
    assert "<script" not in story.body and "onclick" not in story.body
    assert "javascript:" not in story.body


def test_body_that_is_only_unsafe_is_refused(operator_palu, palu_unit):
    with pytest.raises(ValidationError):
        write_story(unit=palu_unit, by=operator_palu, body="<script>alert(1)</script>")


def test_stale_edit_is_refused_and_nothing_is_overwritten(palu_story, operator_palu):
    services.update_story(
        story=palu_story,
        by=operator_palu,
        expected_version=1,
        **_content(palu_story, title="Versi kedua"),
    )
    with pytest.raises(services.StaleEdit):
        services.update_story(
            story=palu_story,
            by=operator_palu,
            expected_version=1,
            **_content(palu_story, title="Versi basi"),
        )
    palu_story.refresh_from_db()
    assert palu_story.title == "Versi kedua"
    assert palu_story.version == 2
    assert palu_story.revisions.count() == 2


def test_nobody_approves_a_story_they_wrote(palu_unit, central_admin, editor_sulteng):
    # The central admin also writes for the unit, then submits: four eyes bars them.
    RoleAssignment.objects.create(user=central_admin, role=Role.OPERATOR, unit=palu_unit)
    central_admin = type(central_admin).objects.get(pk=central_admin.pk)
    story = write_story(unit=palu_unit, by=central_admin)
    force_state(story, State.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.approve_story(story=story, by=central_admin)
    assert Story.objects.get(pk=story.pk).state == State.SUBMITTED
    services.approve_story(story=story, by=editor_sulteng)
    assert Story.objects.get(pk=story.pk).state == State.APPROVED


def test_publishing_publishes_exactly_the_approved_revision(
    palu_story, operator_palu, editor_sulteng, central_admin
):
    services.submit_story(story=palu_story, by=operator_palu)
    services.approve_story(story=palu_story, by=editor_sulteng)
    approved = Story.objects.get(pk=palu_story.pk).approved_revision
    services.publish_story(story=palu_story, by=editor_sulteng)
    story = Story.objects.get(pk=palu_story.pk)
    assert story.live_revision == approved
    assert story.published_at is not None


def test_an_edit_after_approval_voids_it(palu_story, operator_palu, editor_sulteng, central_admin):
    services.submit_story(story=palu_story, by=operator_palu)
    services.approve_story(story=palu_story, by=editor_sulteng)
    story = Story.objects.get(pk=palu_story.pk)
    services.update_story(
        story=story,
        by=editor_sulteng,
        expected_version=story.version,
        **_content(story, lead="Teras yang diperbaiki editor."),
    )
    story.refresh_from_db()
    assert story.state == State.SUBMITTED
    assert story.approved_revision is None
    assert story.transitions.filter(action="edit_voids_approval").exists()
    # The editor who changed the text may not approve it now; another person can.
    with pytest.raises(PermissionDenied):
        services.approve_story(story=story, by=editor_sulteng)
    services.approve_story(story=story, by=central_admin)
    story.refresh_from_db()
    assert story.approved_revision == story.current_revision


def test_schedule_then_the_beat_job_publishes_once(palu_story, operator_palu, editor_sulteng):
    services.submit_story(story=palu_story, by=operator_palu)
    services.approve_story(story=palu_story, by=editor_sulteng)
    at = timezone.now() + timedelta(hours=2)
    services.schedule_story(story=palu_story, by=editor_sulteng, publish_at=at)
    assert services.publish_due_stories(now=at - timedelta(minutes=1)) == 0
    assert services.publish_due_stories(now=at + timedelta(seconds=1)) == 1
    assert services.publish_due_stories(now=at + timedelta(seconds=2)) == 0
    story = Story.objects.get(pk=palu_story.pk)
    assert story.state == State.PUBLISHED
    assert story.transitions.filter(action="publish", actor__isnull=True).count() == 1


def test_schedule_in_the_past_is_refused(palu_story, operator_palu, editor_sulteng):
    services.submit_story(story=palu_story, by=operator_palu)
    services.approve_story(story=palu_story, by=editor_sulteng)
    with pytest.raises(ValidationError):
        services.schedule_story(
            story=palu_story, by=editor_sulteng, publish_at=timezone.now() - timedelta(minutes=1)
        )


def test_submit_notifies_the_editors_of_the_units_kanwil_only(
    palu_story, operator_palu, editor_sulteng, editor_kalsel, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_story(story=palu_story, by=operator_palu)
    recipients = set(Notification.objects.values_list("recipient_id", flat=True))
    assert recipients == {editor_sulteng.pk}
    assert [message.to for message in mail.outbox] == [[editor_sulteng.email]]
    assert palu_story.title in mail.outbox[0].subject


def test_decisions_notify_the_authors_and_respect_email_choices(
    palu_story, operator_palu, editor_sulteng, django_capture_on_commit_callbacks
):
    services.set_email_preference(user=operator_palu, kind="changes_requested", send_email=False)
    services.submit_story(story=palu_story, by=operator_palu)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.request_changes(story=palu_story, by=editor_sulteng, note="Tambah foto kegiatan.")
    notification = Notification.objects.get(recipient=operator_palu)
    assert notification.kind == "changes_requested"
    assert notification.email_state == EmailState.SKIPPED
    assert mail.outbox == []


def test_notification_survives_a_broker_outage_and_is_sent_once(
    palu_story, operator_palu, editor_sulteng, django_capture_on_commit_callbacks
):
    broken = mock.patch(
        "news.tasks.deliver_notification_emails.delay", side_effect=ConnectionError("broker down")
    )
    with broken, django_capture_on_commit_callbacks(execute=True):
        services.submit_story(story=palu_story, by=operator_palu)
    notification = Notification.objects.get()
    assert notification.email_state == EmailState.PENDING
    assert mail.outbox == []
    assert pending_email_ids(older_than=timedelta(0)) == [notification.pk]
    assert deliver_email(notification_id=notification.pk) is True
    assert deliver_email(notification_id=notification.pk) is False
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.email_state == EmailState.SENT


def test_hostile_comment_is_stored_as_plain_text_and_escaped_in_mail(
    palu_story, operator_palu, editor_sulteng, django_capture_on_commit_callbacks
):
    services.submit_story(story=palu_story, by=operator_palu)
    with django_capture_on_commit_callbacks(execute=True):
        services.add_comment(
            story=palu_story, by=editor_sulteng, text="<img src=x onerror=alert(1)>{{ x }}"
        )
    html_body = mail.outbox[-1].alternatives[0][0]
    assert "<img src=x" not in html_body
    assert "&lt;img src=x onerror=alert(1)&gt;" in html_body


def test_a_story_without_photos_cannot_be_submitted(operator_palu, palu_unit):
    story = write_story(unit=palu_unit, by=operator_palu)
    with pytest.raises(ValidationError) as refused:
        services.submit_story(story=story, by=operator_palu)
    assert refused.value.code == "incomplete"
    assert Story.objects.get(pk=story.pk).state == State.DRAFT
    assert not Transition.objects.filter(story=story, action="submit").exists()


def test_co_authors_must_write_for_the_unit(
    operator_palu, operator_pelaihari, palu_unit, editor_sulteng
):
    from tests.factories import OperatorFactory

    colleague = OperatorFactory(unit=palu_unit).user
    story = write_story(unit=palu_unit, by=operator_palu, authors=[colleague])
    assert set(story.authors.all()) == {operator_palu, colleague}
    with pytest.raises(ValidationError):
        write_story(unit=palu_unit, by=operator_palu, authors=[operator_pelaihari])
    with pytest.raises(ValidationError):
        write_story(unit=palu_unit, by=operator_palu, authors=[editor_sulteng])
