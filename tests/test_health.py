"""/healthz/ready: 200 "ok", 200 "degraded" when beat is silent or scheduled stories are overdue,
503 without the database; beat records the heartbeat it reads."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from celery.beat import PersistentScheduler
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from humas_portal import health
from humas_portal.celery import app as celery_app
from news.models import State, Story
from tests.factories.news import attach_photo, force_state, write_story
from tests.test_maintenance import database_down

pytestmark = pytest.mark.django_db

READY = reverse("healthz_ready")


@pytest.fixture(autouse=True)
def _no_heartbeat():
    cache.delete(health.HEARTBEAT_KEY)


def ready() -> tuple[int, dict]:
    response = Client().get(READY)
    return response.status_code, response.json()


def test_all_well():
    health.record_heartbeat()
    status, report = ready()
    assert status == 200
    assert report["status"] == "ok"
    assert report["checks"]["scheduled_stories_overdue"] == 0


def test_without_a_heartbeat_the_deployment_is_degraded():
    status, report = ready()
    assert (status, report["status"]) == (200, "degraded")
    assert report["checks"]["beat"].startswith("stale")


def test_a_heartbeat_older_than_twice_the_interval_is_stale():
    health.record_heartbeat(time.time() - 2 * health.HEARTBEAT_INTERVAL + 5)
    assert ready()[1]["status"] == "ok"
    health.record_heartbeat(time.time() - 2 * health.HEARTBEAT_INTERVAL - 5)
    status, report = ready()
    assert (status, report["status"], report["checks"]["beat"]) == (200, "degraded", "stale")


def test_overdue_scheduled_stories_degrade_the_deployment(operator_palu, palu_unit):
    health.record_heartbeat()
    story = write_story(unit=palu_unit, by=operator_palu)
    attach_photo(story)
    force_state(story, State.SCHEDULED)
    Story.objects.filter(pk=story.pk).update(publish_at=timezone.now() - timedelta(seconds=30))
    assert ready()[1]["status"] == "ok"

    Story.objects.filter(pk=story.pk).update(publish_at=timezone.now() - timedelta(minutes=5))
    status, report = ready()
    assert (status, report["status"]) == (200, "degraded")
    assert report["checks"]["scheduled_stories_overdue"] == 1


def test_without_the_database_readiness_fails():
    with database_down():
        status, report = ready()
    assert (status, report["status"]) == (503, "down")


def test_the_liveness_check_stays_plain():
    assert Client().get(reverse("healthz")).content == b"ok"


def test_beat_records_a_heartbeat_as_it_ticks(tmp_path):
    scheduler = health.HeartbeatScheduler(
        app=celery_app, schedule_filename=str(tmp_path / "schedule"), lazy=True
    )
    with mock.patch.object(PersistentScheduler, "tick", return_value=300.0):
        assert scheduler.tick() == health.HEARTBEAT_INTERVAL
    assert time.time() - cache.get(health.HEARTBEAT_KEY) < 5


def test_beat_uses_the_heartbeat_scheduler():
    assert celery_app.conf.beat_scheduler == "humas_portal.health:HeartbeatScheduler"
