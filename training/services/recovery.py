"""Background imports that never finished: queued again a bounded number of times, then failed.

A file is stuck when it has been queued or processing for longer than ``STUCK_AFTER``: its task
was lost (the broker was down when it was queued) or its worker died. A worker that is still
applying a file holds the file's row lock, which the sweep skips (``skip_locked``), so a slow
import is never queued twice; a dead worker's lock is gone with its connection.
"""

from datetime import datetime, timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import ngettext

from ..models import ImportFile, ImportStatus
from .audit import record
from .imports import progress_key, queue_import

# Longer than a worker may spend on one file (CELERY_TASK_TIME_LIMIT, 3 minutes by default).
STUCK_AFTER = timedelta(minutes=15)
# Queueings in all, the first included; after the last one the file is failed.
MAX_ATTEMPTS = 3
# Files handled per sweep; the next sweep takes the rest.
BATCH = 100


def stuck_message(attempts: int) -> str:
    """What the organiser reads on the file's page once the import has been given up."""
    return ngettext(
        "The import did not finish after %(attempts)s attempt; the background worker may have "
        "stopped. Upload the file again, and tell the portal administrators if it happens again.",
        "The import did not finish after %(attempts)s attempts; the background worker may have "
        "stopped. Upload the file again, and tell the portal administrators if it happens again.",
        attempts,
    ) % {"attempts": attempts}


@transaction.atomic
def requeue_stuck_imports(
    *,
    now: datetime | None = None,
    stuck_after: timedelta = STUCK_AFTER,
    max_attempts: int = MAX_ATTEMPTS,
) -> dict[str, int]:
    """Queue stuck imports again, or fail those that used up their attempts; safe to run twice
    and from several beat processes at once."""
    now = now or timezone.now()
    stuck = list(
        ImportFile.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("session")
        .filter(status__in=[ImportStatus.QUEUED, ImportStatus.PROCESSING])
        .alias(last_attempt=Coalesce("attempted_at", "created_at"))
        .filter(last_attempt__lt=now - stuck_after)
        .order_by("attempted_at", "pk")[:BATCH]
    )
    requeued = failed = 0
    for import_file in stuck:
        previous = import_file.status
        if import_file.attempts >= max_attempts:
            import_file.status = ImportStatus.FAILED
            import_file.error = stuck_message(import_file.attempts)
            import_file.finished_at = now
            import_file.save(update_fields=["status", "error", "finished_at"])
            failed += 1
            action = "import_given_up"
        else:
            import_file.status = ImportStatus.QUEUED
            import_file.attempts += 1
            import_file.attempted_at = now
            import_file.save(update_fields=["status", "attempts", "attempted_at"])
            queue_import(import_file.pk)
            requeued += 1
            action = "import_requeued"
        record(
            session=import_file.session,
            actor=None,
            action=action,
            file=import_file.original_name,
            attempts=import_file.attempts,
            was=previous,
        )
        _reset_progress(import_file.pk)
    return {"requeued": requeued, "failed": failed}


def _reset_progress(import_file_id: int) -> None:
    transaction.on_commit(lambda: cache.delete(progress_key(import_file_id)))
