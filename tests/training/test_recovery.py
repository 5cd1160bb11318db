"""Background imports whose worker never finished are queued again, then given up with a
message the organiser reads; the sweep is idempotent and passes imports still being applied."""

import threading
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from training import tasks
from training.models import Attendance, AuditEntry, ImportFile, ImportRow, ImportStatus
from training.services import imports, recovery

from .reports import zoom_csv
from .test_imports import import_file, palu_rows

LATER = timedelta(minutes=20)


@pytest.fixture
def queued(db, sulteng_session, editor_sulteng, operator_palu, monkeypatch):
    """A large file confirmed while the broker was down: queued, its task lost."""
    monkeypatch.setattr(imports, "SYNC_ROW_LIMIT", 2)
    monkeypatch.setattr(imports, "queue_import", lambda pk: None)
    saved = import_file(sulteng_session, editor_sulteng, zoom_csv(palu_rows(operator_palu)))
    saved.refresh_from_db()
    assert (saved.status, saved.attempts) == (ImportStatus.QUEUED, 1)
    return saved


def sweep(**options):
    return recovery.requeue_stuck_imports(now=timezone.now() + LATER, **options)


@pytest.mark.django_db
def test_a_fresh_import_is_left_alone(queued):
    assert recovery.requeue_stuck_imports() == {"requeued": 0, "failed": 0}


@pytest.mark.django_db
def test_a_lost_task_is_queued_again_and_then_applied(queued, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert sweep() == {"requeued": 1, "failed": 0}
    assert callbacks
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (ImportStatus.DONE, 2)
    assert Attendance.objects.count() == 1
    entry = AuditEntry.objects.get(action="import_requeued")
    assert (entry.session_id, entry.actor, entry.detail["attempts"]) == (
        queued.session_id,
        None,
        2,
    )


@pytest.mark.django_db
def test_a_dead_worker_s_import_is_queued_again(queued, django_capture_on_commit_callbacks):
    ImportFile.objects.filter(pk=queued.pk).update(status=ImportStatus.PROCESSING)
    with django_capture_on_commit_callbacks(execute=True):
        sweep()
    queued.refresh_from_db()
    assert queued.status == ImportStatus.DONE
    assert ImportRow.objects.filter(import_file=queued).count() == 5


@pytest.mark.django_db
def test_attempts_are_bounded_then_the_organiser_reads_why(
    queued, client_for, editor_sulteng, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        for attempt in (2, 3):
            ImportFile.objects.filter(pk=queued.pk).update(
                attempted_at=timezone.now() - LATER * attempt
            )
            assert sweep() == {"requeued": 1, "failed": 0}
        page = client_for(editor_sulteng).get(queued.get_absolute_url()).content.decode()
        assert "attempt 3 of 3" in page
        ImportFile.objects.filter(pk=queued.pk).update(attempted_at=timezone.now() - LATER)
        assert sweep() == {"requeued": 0, "failed": 1}
        # Running again changes nothing.
        assert sweep() == {"requeued": 0, "failed": 0}
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == (ImportStatus.FAILED, 3)
    assert "did not finish after 3 attempts" in queued.error
    assert queued.finished_at is not None
    assert AuditEntry.objects.filter(action="import_given_up").count() == 1
    assert not ImportRow.objects.exists() and not Attendance.objects.exists()
    page = client_for(editor_sulteng).get(queued.get_absolute_url()).content.decode()
    assert "did not finish after 3 attempts" in page
    # A failed file may be uploaded again.
    assert not imports.selectors.imported_hash_exists(queued.session, queued.sha256)


@pytest.mark.django_db
def test_the_message_is_translated(queued):
    from django.utils import translation

    with translation.override("id"):
        message = recovery.stuck_message(3)
    assert message != recovery.stuck_message(3)
    assert "3" in message


@pytest.mark.django_db
def test_an_outdated_run_does_not_apply_the_file_twice(queued, monkeypatch):
    """A worker that waited for the session lock while the sweep queued the file again leaves
    the file to the newer run."""
    real_lock = imports.lock_session

    def lock_after_a_requeue(session):
        ImportFile.objects.filter(pk=queued.pk).update(
            status=ImportStatus.QUEUED, attempts=F("attempts") + 1
        )
        return real_lock(session)

    monkeypatch.setattr(imports, "lock_session", lock_after_a_requeue)
    assert imports.process_import(import_file_id=queued.pk) == ImportStatus.QUEUED
    assert not ImportRow.objects.exists()
    monkeypatch.undo()
    assert imports.process_import(import_file_id=queued.pk) == ImportStatus.DONE
    assert ImportRow.objects.count() == 5


@pytest.mark.django_db
def test_the_beat_runs_the_sweep(queued, django_capture_on_commit_callbacks):
    entry = settings.CELERY_BEAT_SCHEDULE["requeue-stuck-attendance-imports"]
    assert entry["task"] == tasks.requeue_stuck_imports.name
    assert entry["schedule"] < recovery.STUCK_AFTER.total_seconds()
    assert recovery.STUCK_AFTER.total_seconds() > settings.CELERY_TASK_TIME_LIMIT
    assert tasks.requeue_stuck_imports.apply().get() == {"requeued": 0, "failed": 0}


def test_progress_page_url_still_answers(client_for, queued, editor_sulteng):
    url = reverse("training:import_progress", args=[queued.session_id, queued.pk])
    assert client_for(editor_sulteng).get(url).json()["status"] == ImportStatus.QUEUED


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_import_still_being_applied_is_skipped(queued, monkeypatch):
    """On PostgreSQL the worker's row lock makes the sweep pass the file by."""
    queued_again: list[int] = []
    monkeypatch.setattr(recovery, "queue_import", queued_again.append)
    ImportFile.objects.filter(pk=queued.pk).update(status=ImportStatus.PROCESSING)
    locked, release = threading.Event(), threading.Event()

    def worker():
        try:
            with transaction.atomic():
                ImportFile.objects.select_for_update().get(pk=queued.pk)
                locked.set()
                release.wait(timeout=20)
        finally:
            connection.close()

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        assert locked.wait(timeout=10)
        assert sweep() == {"requeued": 0, "failed": 0}
    finally:
        release.set()
        thread.join(timeout=20)
    assert sweep() == {"requeued": 1, "failed": 0}
    assert queued_again == [queued.pk]
