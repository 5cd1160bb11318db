"""A Redis outage (cache and broker): sign-in, photo upload, story submission and invitations
answer normally, and their background work runs once Redis is back, driven by the beat sweeps.

The outage points the cache and the Celery broker at a closed loopback port. "Back" restores the
configured cache and runs tasks in-process, standing for the worker. The tests run on SQLite and
on the PostgreSQL + Redis leg alike.
"""

import re
import socket
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from accounts import tasks as account_tasks
from accounts.models import Invitation, Role
from humas_portal.celery import app as celery_app
from news import tasks as news_tasks
from news.models import Notification, Photo, State, Story
from tests.factories import TEST_PASSWORD
from tests.factories.news import attach_photo, ethics_ticks, write_story
from tests.news import images as samples

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
INVITE = reverse("accounts:person_invite")


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _reset_broker_connections() -> None:
    # Forget, not close: kombu keeps its pools per broker URL and hands the same ones out again.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@contextmanager
def redis_outage():
    """Cache and broker both at a closed port for the duration of the block."""
    url = f"redis://127.0.0.1:{closed_port()}/0"
    cache = {"BACKEND": "humas_portal.cache.RedisCache", "LOCATION": url, "KEY_PREFIX": "outage"}
    saved = celery_app.conf.broker_url, celery_app.conf.task_always_eager
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = url, False
    _reset_broker_connections()
    try:
        with override_settings(CACHES={"default": cache}):
            yield
    finally:
        celery_app.conf.broker_url, celery_app.conf.task_always_eager = saved
        _reset_broker_connections()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def palu_story(operator_palu, palu_unit) -> Story:
    """A draft of Lapas Perempuan Palu with one photo, ready to submit."""
    story = write_story(unit=palu_unit, by=operator_palu)
    attach_photo(story)
    return story


def age(queryset, minutes: int = 30) -> None:
    """Make rows look older, as a sweep sees them a while after the outage."""
    field = "requested_at" if queryset.model.__name__ == "CertificateBundle" else "created_at"
    queryset.update(**{field: timezone.now() - timedelta(minutes=minutes)})


def test_sign_in_works_while_redis_is_down(operator_palu):
    client = Client()
    with redis_outage():
        response = client.post(LOGIN, {"login": operator_palu.email, "password": TEST_PASSWORD})
        assert response.status_code == 302
        assert int(client.session["_auth_user_id"]) == operator_palu.pk
        assert client.get(reverse("accounts:dashboard")).status_code == 200


def test_failed_sign_ins_are_still_limited_while_redis_is_down(operator_palu):
    client = Client()
    wrong = {"login": operator_palu.email, "password": "not-the-password"}
    with redis_outage():
        statuses = [client.post(LOGIN, wrong).status_code for _attempt in range(7)]
        right = {"login": operator_palu.email, "password": TEST_PASSWORD}
        response = client.post(LOGIN, right)
    assert 500 not in statuses
    # login_failed allows 5 per 5 minutes per address: the limit held in this process's memory.
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_photo_upload_succeeds_and_renditions_follow_the_sweep(
    client_for, palu_story, operator_palu, django_capture_on_commit_callbacks
):
    client = client_for(operator_palu)
    url = reverse("news:photo_upload", kwargs={"pk": palu_story.pk})
    with redis_outage(), django_capture_on_commit_callbacks(execute=True):
        upload = samples.upload(samples.jpeg((800, 600)), "foto.jpg", "image/jpeg")
        response = client.post(url, {"photo": upload, "caption": "Bakti sosial"})
    assert response.status_code == 302
    photo = Photo.objects.filter(story=palu_story).latest("pk")
    assert photo.rendition_state == "pending"
    assert Photo.objects.filter(story=palu_story).count() == 2

    age(Photo.objects.filter(pk=photo.pk))
    with django_capture_on_commit_callbacks(execute=True):
        assert news_tasks.requeue_stuck_renditions() == 1
    photo.refresh_from_db()
    assert photo.rendition_state == "ready"
    assert news_tasks.requeue_stuck_renditions() == 0


def test_story_submission_succeeds_and_e_mails_follow_the_sweep(
    client_for, palu_story, operator_palu, editor_sulteng, django_capture_on_commit_callbacks
):
    client = client_for(operator_palu)
    submit = reverse("news:story_transition", args=[palu_story.pk, "submit"])
    with redis_outage(), django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit, ethics_ticks())
    assert response.status_code == 302
    assert Story.objects.get(pk=palu_story.pk).state == State.SUBMITTED
    pending = Notification.objects.filter(recipient=editor_sulteng, email_state="pending")
    assert pending.count() == 1
    assert mail.outbox == []

    age(pending)
    assert news_tasks.sweep_notification_emails() == 1
    assert [message.to for message in mail.outbox] == [[editor_sulteng.email]]
    assert news_tasks.sweep_notification_emails() == 0
    assert len(mail.outbox) == 1


def test_invitation_succeeds_is_sent_by_the_sweep_and_can_be_answered(
    client_for, editor_sulteng, palu_unit, django_capture_on_commit_callbacks
):
    data = {
        "email": "nur.hidayah@humas.example",
        "full_name": "Nur Hidayah",
        "role": Role.OPERATOR,
        "unit": palu_unit.pk,
    }
    with redis_outage(), django_capture_on_commit_callbacks(execute=True):
        response = client_for(editor_sulteng).post(INVITE, data)
    assert response.status_code == 302
    invitation = Invitation.objects.get(user__email=data["email"])
    assert invitation.sent_at is None
    assert mail.outbox == []

    age(Invitation.objects.filter(pk=invitation.pk))
    with django_capture_on_commit_callbacks(execute=True):
        assert account_tasks.resend_unsent_invitations() == 1
    assert len(mail.outbox) == 1
    invitation.refresh_from_db()
    assert invitation.sent_at is not None
    assert account_tasks.resend_unsent_invitations() == 0

    link = re.search(r"/invitation/[^/\s]+/", mail.outbox[0].body).group(0)
    password = "kata-sandi-baru-2025"
    client = Client()
    with redis_outage():
        response = client.post(link, {"password1": password, "password2": password})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None


def test_a_replaced_invitation_link_is_never_sent(
    client_for, editor_sulteng, palu_unit, django_capture_on_commit_callbacks
):
    """The task of the lost link, should it run after all, sends nothing."""
    data = {"email": "nur.hidayah@humas.example", "full_name": "Nur Hidayah"}
    data |= {"role": Role.OPERATOR, "unit": palu_unit.pk}
    with redis_outage(), django_capture_on_commit_callbacks(execute=True):
        client_for(editor_sulteng).post(INVITE, data)
    invitation = Invitation.objects.get(user__email=data["email"])
    account_tasks.send_invitation_email(invitation.pk, "a-token-that-was-replaced")
    assert mail.outbox == []
