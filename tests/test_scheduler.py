"""The development scheduler: which beat entries are due, and a tick that publishes."""

from datetime import UTC, datetime, timedelta

import pytest
from celery.schedules import crontab, schedule
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from humas_portal import scheduler
from news import services
from news.models import State, Story
from tests.factories.news import attach_photo, write_story

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
SCHEDULE = {
    "every-30s": {"task": "news.tasks.publish_due_stories", "schedule": 30},
    "every-2m": {"task": "news.tasks.sweep_notification_emails", "schedule": timedelta(minutes=2)},
    "celery-interval": {"task": "x.y", "schedule": schedule(run_every=timedelta(minutes=5))},
}


def test_every_interval_entry_is_due_at_start():
    assert scheduler.due_entries(SCHEDULE, {}, NOW) == list(SCHEDULE)


def test_an_entry_is_due_again_after_its_period_only():
    last = dict.fromkeys(SCHEDULE, NOW)
    assert scheduler.due_entries(SCHEDULE, last, NOW + timedelta(seconds=29)) == []
    assert scheduler.due_entries(SCHEDULE, last, NOW + timedelta(seconds=30)) == ["every-30s"]
    assert scheduler.due_entries(SCHEDULE, last, NOW + timedelta(minutes=5)) == list(SCHEDULE)


def test_the_interval_of_each_kind_of_schedule():
    assert scheduler.interval_seconds(30) == 30.0
    assert scheduler.interval_seconds(timedelta(minutes=2)) == 120.0
    assert scheduler.interval_seconds(schedule(run_every=timedelta(minutes=5))) == 300.0
    assert scheduler.interval_seconds(crontab(minute=0)) is None


def test_the_loop_sleeps_until_the_next_entry_is_due_and_wakes_often():
    last = dict.fromkeys(SCHEDULE, NOW)
    assert scheduler.seconds_until_next(SCHEDULE, last, NOW + timedelta(seconds=28)) == 2.0
    assert scheduler.seconds_until_next(SCHEDULE, last, NOW) == scheduler.MAX_SLEEP_SECONDS
    assert scheduler.seconds_until_next(SCHEDULE, last, NOW + timedelta(hours=1)) == 0.0


def test_a_tick_runs_due_entries_once_and_a_failure_does_not_stop_the_others():
    ran, last = [], {}

    def run(entry):
        ran.append(entry["task"])
        if entry["task"] == "news.tasks.publish_due_stories":
            raise RuntimeError("database busy")

    assert scheduler.tick(SCHEDULE, last, NOW, run=run) == list(SCHEDULE)
    assert scheduler.tick(SCHEDULE, last, NOW + timedelta(seconds=1), run=run) == []
    assert len(ran) == 3 and set(last.values()) == {NOW}


def test_the_scheduler_reads_the_beat_schedule_of_the_settings():
    # Whatever other jobs are added to CELERY_BEAT_SCHEDULE run too: there is no second list.
    assert scheduler.due_entries(settings.CELERY_BEAT_SCHEDULE, {}, NOW) == list(
        settings.CELERY_BEAT_SCHEDULE
    )
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        scheduler.import_string(entry["task"])


@pytest.mark.django_db
def test_a_tick_publishes_a_due_scheduled_story(palu_unit, operator_palu, editor_sulteng):
    palu_story = write_story(unit=palu_unit, by=operator_palu)
    attach_photo(palu_story)
    services.submit_story(story=palu_story, by=operator_palu)
    services.approve_story(story=palu_story, by=editor_sulteng)
    services.schedule_story(
        story=palu_story, by=editor_sulteng, publish_at=timezone.now() + timedelta(minutes=1)
    )
    Story.objects.filter(pk=palu_story.pk).update(publish_at=timezone.now())
    due = scheduler.tick(settings.CELERY_BEAT_SCHEDULE, {}, timezone.now())
    assert "publish-due-stories" in due
    assert Story.objects.get(pk=palu_story.pk).state == State.PUBLISHED


@pytest.mark.django_db
def test_the_command_runs_every_job_once(capsys):
    call_command("run_scheduler", "--once")
    assert "publish-due-stories" in capsys.readouterr().out  # the start line names every job
