"""Queuing a task never fails a request: a broker outage is a logged warning."""

from unittest import mock

import pytest
from kombu.exceptions import OperationalError

from humas_portal import queueing
from humas_portal.celery import app as celery_app


@pytest.fixture
def task():
    fake = mock.Mock()
    fake.name = "tests.fake"
    fake.app = celery_app
    return fake


@pytest.fixture
def with_broker():
    saved = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = saved


def test_a_reachable_broker_gets_the_task(task, with_broker):
    assert queueing.enqueue(task, 7) is True
    task.delay.assert_called_once_with(7)


def test_a_broker_outage_is_logged_not_raised(task, with_broker, caplog):
    task.delay.side_effect = OperationalError("Error 111 connecting to 127.0.0.1:6379")
    assert queueing.enqueue(task, 7, "secret-token") is False
    assert "tests.fake(7) waits for its sweep" in caplog.text
    assert "secret-token" not in caplog.text


def test_in_process_tasks_keep_their_errors(task):
    task.delay.side_effect = OSError("disk full")
    with pytest.raises(OSError, match="disk full"):
        queueing.enqueue(task, 7)
