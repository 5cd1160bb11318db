"""Attendance file imports: stage the upload, preview it, confirm it, apply it (maybe in Celery).

Nothing reaches the database before the confirmation. A file is applied in one transaction:
either every row and every attendance it implies is saved, or nothing is.
"""

import hashlib
import logging
import os
import secrets
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from humas_portal.queueing import enqueue_on_commit

from .. import policies, selectors
from ..datecheck import date_warning
from ..matching import Matcher, MatchResult
from ..models import ImportFile, ImportRow, ImportStatus, MatchStatus, TrainingSession
from ..parsers import AttendanceFileError, ParsedFile, parse_attendance_file
from .attendance import lock_session, rebuild_from_files
from .audit import record

logger = logging.getLogger(__name__)

STAGING_DIR = "training/staging/"
TOKEN_SALT = "training.attendance-import"  # noqa: S105 - a signing namespace, not a secret
TOKEN_MAX_AGE = 60 * 60
# Files with more rows than this are applied by a Celery worker, with progress shown.
SYNC_ROW_LIMIT = 1000
PROGRESS_TIMEOUT = 60 * 60


@dataclass(frozen=True)
class StagedFile:
    """An uploaded file waiting for its preview to be confirmed."""

    path: str
    name: str
    source_format: str
    time_zone: str
    sha256: str


def session_date(session: TrainingSession):
    """The local calendar date of a session, for reading dates without a year or a date."""
    return session.starts_at.astimezone(zoneinfo.ZoneInfo(session.time_zone)).date()


def parse_for(session: TrainingSession, data: bytes, *, source_format: str, time_zone: str):
    """Parse a file in the frame of a session (its date and the chosen zone)."""
    return parse_attendance_file(
        data,
        time_zone=time_zone or session.time_zone,
        reference=session_date(session),
        source_format=source_format,
    )


@dataclass(frozen=True)
class StagedUpload:
    """A staged upload: the token of its preview and what was read from it."""

    token: str
    parsed: ParsedFile
    sha256: str
    name: str


def stage_attendance_file(
    *,
    session: TrainingSession,
    by: User,
    data: bytes,
    name: str,
    source_format: str = "",
    time_zone: str = "",
) -> StagedUpload:
    """Check an upload reads completely and keep it aside (not in the database) until its
    preview is confirmed."""
    if not policies.can_manage_session(by, session):
        raise PermissionDenied(_("You may not import attendance for this session."))
    parsed = parse_for(session, data, source_format=source_format, time_zone=time_zone)
    path = default_storage.save(f"{STAGING_DIR}{secrets.token_hex(16)}.upload", ContentFile(data))
    sha256 = hashlib.sha256(data).hexdigest()
    clean_name = os.path.basename(name or "attendance.csv")[:200]
    token = signing.dumps(
        {
            "s": session.pk,
            "u": by.pk,
            "p": path,
            "n": clean_name,
            "f": parsed.source_format,
            "z": time_zone or session.time_zone,
            "h": sha256,
        },
        salt=TOKEN_SALT,
    )
    return StagedUpload(token=token, parsed=parsed, sha256=sha256, name=clean_name)


def load_staged(token: str, *, session: TrainingSession, by: User) -> tuple[StagedFile, bytes]:
    """The staged file of a preview token, if it is the user's, for this session, and fresh."""
    expired = ValidationError(
        _("This preview has expired or is not yours. Upload the file again."), code="expired"
    )
    try:
        meta = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature as error:
        raise expired from error
    if meta.get("s") != session.pk or meta.get("u") != by.pk:
        raise expired
    path = meta["p"]
    if not path.startswith(STAGING_DIR) or not default_storage.exists(path):
        raise expired
    with default_storage.open(path, "rb") as handle:
        data = handle.read()
    if hashlib.sha256(data).hexdigest() != meta["h"]:
        raise expired
    return StagedFile(path, meta["n"], meta["f"], meta["z"], meta["h"]), data


def _already_imported(session: TrainingSession, sha256: str) -> None:
    earlier = selectors.imported_hash_exists(session, sha256)
    if earlier is not None:
        raise ValidationError(
            _("This file was imported already on %(when)s; importing it again changes nothing.")
            % {"when": date_format(timezone.localtime(earlier.created_at), "DATETIME_FORMAT")},
            code="duplicate",
        )


@transaction.atomic
def confirm_import(
    *, session: TrainingSession, by: User, token: str, date_confirmed: bool = False
) -> ImportFile:
    """Save the previewed file and apply it now, or queue it when it is large. A file whose
    meeting is dated differently from the session needs ``date_confirmed``."""
    locked = lock_session(session)
    if not policies.can_manage_session(by, locked):
        raise PermissionDenied(_("You may not import attendance for this session."))
    staged, data = load_staged(token, session=locked, by=by)
    _already_imported(locked, staged.sha256)
    parsed = parse_for(locked, data, source_format=staged.source_format, time_zone=staged.time_zone)
    warning = date_warning(locked, parsed, time_zone=staged.time_zone)
    if warning and not date_confirmed:
        raise ValidationError(
            _("%(warning)s Tick the confirmation to import it anyway.") % {"warning": warning},
            code="date_mismatch",
        )
    import_file = ImportFile(
        session=locked,
        original_name=staged.name,
        sha256=staged.sha256,
        size=len(data),
        source_format=parsed.source_format,
        encoding=parsed.encoding,
        time_zone=staged.time_zone,
        row_count=len(parsed.rows),
        uploaded_by=by,
    )
    background = len(parsed.rows) > SYNC_ROW_LIMIT
    if background:
        import_file.attempts = 1
        import_file.attempted_at = timezone.now()
    extension = os.path.splitext(staged.name)[1].lower()[:10] or ".csv"
    import_file.file.save(f"{secrets.token_hex(16)}{extension}", ContentFile(data), save=False)
    import_file.save()
    record(
        session=locked,
        actor=by,
        action="import_confirmed",
        file=staged.name,
        rows=len(parsed.rows),
        sha256=staged.sha256,
        date_confirmed=bool(warning),
    )
    transaction.on_commit(lambda: default_storage.delete(staged.path))
    if background:
        queue_import(import_file.pk)
    else:
        apply_import(import_file=import_file, parsed=parsed, session=locked, by=by)
    return import_file


def queue_import(import_file_id: int) -> None:
    """Hand a saved file to a Celery worker once the current transaction commits."""
    from ..tasks import process_import

    # A broker outage leaves the file queued; requeue_stuck_imports picks it up.
    enqueue_on_commit(process_import, import_file_id)


def progress_key(import_file_id: int) -> str:
    """Cache key of an import's progress in percent."""
    return f"training-import-progress-{import_file_id}"


def _progress(import_file: ImportFile) -> Callable[[int], None]:
    def report(percent: int) -> None:
        cache.set(progress_key(import_file.pk), percent, PROGRESS_TIMEOUT)

    return report


def build_rows(import_file: ImportFile, parsed: ParsedFile, result: MatchResult) -> list[ImportRow]:
    """The rows to store: as exported, plus what each was matched to."""
    return [
        ImportRow(
            import_file=import_file,
            line_number=row.line_number,
            cells=row.cells,
            display_name=row.name[:255],
            email=row.email[:254],
            joined_at=row.joined_at,
            left_at=row.left_at,
            is_duplicate=row.line_number in parsed.duplicate_lines,
            match_status=match.status,
            matched_user_id=match.user_id,
            matched_invitee_id=match.invitee_id,
            matched_staff_id=match.staff_id,
        )
        for row, match in zip(parsed.rows, result.matches, strict=True)
    ]


def apply_import(
    *,
    import_file: ImportFile,
    parsed: ParsedFile,
    session: TrainingSession,
    by: User | None,
    progress: Callable[[int], None] | None = None,
) -> ImportFile:
    """Store the rows and upsert the attendance they imply; the caller holds the session lock
    inside a transaction. The number of queries does not depend on the number of rows."""
    report = progress or (lambda percent: None)
    result = Matcher(session).match(parsed.rows)
    report(40)
    ImportRow.objects.bulk_create(build_rows(import_file, parsed, result))
    report(70)
    matched_users = {match.user_id for match in result.matches} - {None}
    matched_staff = {m.staff_id for m in result.matches if m.staff_id and not m.user_id}
    counts = rebuild_from_files(
        session=session,
        by=by,
        import_file=import_file,
        organisation_of=result.organisation_of,
        only_users=matched_users,
        only_staff=matched_staff,
        organisation_of_staff=result.organisation_of_staff,
    )
    import_file.status = ImportStatus.DONE
    import_file.matched_rows = result.count(
        MatchStatus.EMAIL, MatchStatus.NIP, MatchStatus.UNIT_NAME, MatchStatus.NAME
    )
    import_file.group_rows = result.count(MatchStatus.GROUP)
    import_file.unmatched_rows = result.count(MatchStatus.UNMATCHED)
    import_file.duplicate_rows = len(parsed.duplicate_lines)
    import_file.finished_at = timezone.now()
    import_file.save(
        update_fields=[
            "status",
            "matched_rows",
            "group_rows",
            "unmatched_rows",
            "duplicate_rows",
            "finished_at",
        ]
    )
    record(
        session=session,
        actor=by,
        action="attendance_imported",
        file=import_file.original_name,
        rows=import_file.row_count,
        **counts,
    )
    report(100)
    return import_file


def _mark(import_file_id: int, status: str, *, error: str = "") -> None:
    with transaction.atomic():
        locked = ImportFile.objects.select_for_update().get(pk=import_file_id)
        locked.status = status
        locked.error = error
        fields = ["status", "error"]
        if status == ImportStatus.FAILED:
            locked.finished_at = timezone.now()
            fields.append("finished_at")
        locked.save(update_fields=fields)


def process_import(*, import_file_id: int) -> str:
    """Apply a queued file (the Celery task's work); safe to run twice.

    While a worker applies the file it holds the row lock of the file, so the sweeper of stuck
    imports passes it by; a worker that died has lost its lock, and the file is queued again.
    """
    with transaction.atomic():
        import_file = ImportFile.objects.select_for_update().get(pk=import_file_id)
        if import_file.status != ImportStatus.QUEUED:
            return import_file.status
        import_file.status = ImportStatus.PROCESSING
        import_file.attempted_at = timezone.now()
        import_file.save(update_fields=["status", "attempted_at"])
    attempt = import_file.attempts
    report = _progress(import_file)
    report(5)
    try:
        with transaction.atomic():
            session = lock_session(import_file.session)
            import_file = ImportFile.objects.select_for_update().get(pk=import_file_id)
            if import_file.status != ImportStatus.PROCESSING or import_file.attempts != attempt:
                # Queued again (or finished) while this worker waited: the newer run applies it.
                return import_file.status
            import_file.file.open("rb")
            try:
                data = import_file.file.read()
            finally:
                import_file.file.close()
            parsed = parse_for(
                session,
                data,
                source_format=import_file.source_format,
                time_zone=import_file.time_zone,
            )
            report(20)
            apply_import(
                import_file=import_file,
                parsed=parsed,
                session=session,
                by=import_file.uploaded_by,
                progress=report,
            )
    except (AttendanceFileError, ValidationError) as error:
        _mark(import_file_id, ImportStatus.FAILED, error="; ".join(error.messages))
        return ImportStatus.FAILED
    except Exception:
        logger.exception("Attendance import %s failed", import_file_id)
        _mark(
            import_file_id,
            ImportStatus.FAILED,
            error=_("The import failed unexpectedly; nothing was saved. Try again later."),
        )
        return ImportStatus.FAILED
    return ImportStatus.DONE


def sweep_staged_uploads(*, older_than: timedelta = timedelta(seconds=TOKEN_MAX_AGE)) -> int:
    """Delete staged uploads whose preview can no longer be confirmed; returns how many."""
    if not default_storage.exists(STAGING_DIR):
        return 0
    cutoff = timezone.now() - older_than
    removed = 0
    for name in default_storage.listdir(STAGING_DIR)[1]:
        path = STAGING_DIR + name
        try:
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
                removed += 1
        except (OSError, NotImplementedError):
            continue
    return removed
