"""A real Celery worker, fed through Redis, sends an invitation and records it in PostgreSQL."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from unittest import mock
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from kombu import Exchange, Queue

from accounts import services, tasks
from accounts.models import Directorate, Invitation, Role, RoleAssignment, Unit, User
from humas_portal.celery import app as celery_app

BASE_DIR = Path(__file__).resolve().parent.parent
WORKER_START_TIMEOUT = 20
TASK_TIMEOUT = 30

pytestmark = [
    pytest.mark.services,
    # The worker reads committed rows from another connection, so no wrapping
    # transaction; serialized rollback brings the organisation data back afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_database_url() -> str:
    """A URL for the test database pytest-django created (not the configured one)."""
    db = connection.settings_dict
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    credentials = f"{user}{password}@" if user else ""
    host = db["HOST"] or "127.0.0.1"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{credentials}{host}{port}/{quote(db['NAME'], safe='')}"


test_database_url.__test__ = False  # a helper, not a test


class RoutedTask:
    """Stands in for a task so that `.delay()` goes to one queue of the real broker."""

    def __init__(self, task, queue: str):
        self.task = task
        self.queue = queue
        self.app = task.app
        self.name = task.name

    def delay(self, *args, **kwargs):
        return self.task.apply_async(args, kwargs, queue=self.queue)


def declare(queue_name: str) -> Queue:
    """Create the queue and its binding up front, so nothing published early is lost."""
    queue = Queue(queue_name, Exchange(queue_name, type="direct"), routing_key=queue_name)
    with celery_app.connection_for_write() as conn:
        queue.bind(conn.default_channel).declare()
    return queue


def delete(queue: Queue) -> None:
    """Remove the queue and its binding from Redis (a channel only unbinds what it declared)."""
    with celery_app.connection_for_write() as conn:
        bound = queue.bind(conn.default_channel)
        bound.declare()
        bound.delete()


def start_worker(queue_name: str, log_path: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "humas_portal.settings_test",
        "DATABASE_URL": test_database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "CONN_MAX_AGE": "0",
        "PYTHONUNBUFFERED": "1",
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "humas_portal",
        "worker",
        "--pool=solo",
        "--concurrency=1",
        f"--queues={queue_name}",
        f"--hostname={queue_name}@%h",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        "--loglevel=INFO",
    ]
    with log_path.open("wb") as log:
        return subprocess.Popen(  # noqa: S603 - fixed interpreter and arguments
            command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
        )


def stop_worker(worker: subprocess.Popen) -> None:
    if worker.poll() is not None:
        return
    worker.terminate()
    try:
        worker.wait(timeout=10)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait(timeout=10)


def wait_until(predicate, *, timeout: float, worker: subprocess.Popen, log_path: Path, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if worker.poll() is not None:
            pytest.fail(
                f"the Celery worker exited ({worker.returncode}) before {what}:\n"
                f"{log_path.read_text(errors='replace')}"
            )
        time.sleep(0.2)
    pytest.fail(
        f"timed out after {timeout:.0f} s waiting for {what}; worker log:\n"
        f"{log_path.read_text(errors='replace')}"
    )


@pytest.fixture
def inviting_admin():
    admin = User.objects.create_user(email="admin.worker@humas.test", full_name="Admin Pusat")
    RoleAssignment.objects.create(
        user=admin, role=Role.ADMIN, directorate=Directorate.objects.get(slug="ditjenpas")
    )
    return admin


def test_worker_sends_the_invitation_and_marks_it_sent(inviting_admin, tmp_path):
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
        routed = RoutedTask(tasks.send_invitation_email, queue_name)
        with mock.patch.object(tasks, "send_invitation_email", routed):
            person = services.invite_person(
                email="operator.baru@humas.test",
                full_name="Operator Baru",
                role=Role.OPERATOR,
                by=inviting_admin,
                unit=Unit.objects.get(slug="lapas-perempuan-kelas-iii-palu"),
            )
        invitation = Invitation.objects.get(user=person)
        assert invitation.sent_at is None, "the task must not have run in this process"

        wait_until(
            lambda: Invitation.objects.filter(pk=invitation.pk, sent_at__isnull=False).exists(),
            timeout=TASK_TIMEOUT,
            worker=worker,
            log_path=log_path,
            what="the worker to mark the invitation sent",
        )
        log = log_path.read_text(errors="replace")
        assert "accounts.tasks.send_invitation_email" in log
        assert "succeeded" in log
    finally:
        celery_app.conf.task_always_eager = was_eager
        stop_worker(worker)
        delete(queue)
