"""A real Celery worker, fed through Redis, sends the midday reminder once (PostgreSQL leg)."""

import uuid

import pytest

from humas_portal.celery import app as celery_app
from news.models import Notification, NotificationKind
from odon import tasks
from odon.models import ReminderSent
from tests.factories import PALU_UNIT, OperatorFactory, get_unit
from tests.test_celery_worker import (
    TASK_TIMEOUT,
    WORKER_START_TIMEOUT,
    declare,
    delete,
    start_worker,
    stop_worker,
    wait_until,
)

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MIDDAY_WITA = "2025-04-08T05:05:00+00:00"


def test_worker_sends_the_reminder_once_even_when_beat_fires_twice(tmp_path):
    operator = OperatorFactory(unit=get_unit(PALU_UNIT)).user
    queue_name = f"humas-test-{uuid.uuid4().hex}"
    log_path = tmp_path / "worker.log"
    queue = declare(queue_name)
    worker = start_worker(queue_name, log_path)
    was_eager = celery_app.conf.task_always_eager
    try:
        wait_until(
            lambda: " ready." in log_path.read_text(errors="replace"),
            timeout=WORKER_START_TIMEOUT,
            worker=worker,
            log_path=log_path,
            what="the worker to be ready",
        )
        celery_app.conf.task_always_eager = False
        for _run in range(2):
            tasks.send_operator_reminders.apply_async(args=[MIDDAY_WITA], queue=queue_name)

        def done() -> bool:
            return log_path.read_text(errors="replace").count("succeeded") >= 2

        wait_until(
            done,
            timeout=TASK_TIMEOUT,
            worker=worker,
            log_path=log_path,
            what="both reminder runs",
        )
        sent = Notification.objects.filter(recipient=operator, kind=NotificationKind.ODON_REMINDER)
        assert sent.count() == 1
        assert ReminderSent.objects.filter(unit__slug=PALU_UNIT).count() == 1
    finally:
        celery_app.conf.task_always_eager = was_eager
        stop_worker(worker)
        delete(queue)
