"""Roster imports: stage and preview an upload, confirm it, apply it now or in Celery.

Applying is idempotent: a row whose values the directory already holds changes nothing, a
changed organisation is kept as a move, and re-importing the same file adds no record.
"""

import hashlib
import logging
import os
import secrets
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Directorate, Kanwil, Unit, User
from accounts.services import record_event

from . import policies, selectors
from .models import RosterImport, RosterStatus, StaffMember, StaffMove
from .roster import RosterError, RosterRow, check_rows, read_rows, read_table
from .services import link_by_nip

logger = logging.getLogger(__name__)

STAGING_DIR = "directory/staging/"
TOKEN_SALT = "directory.roster-import"  # noqa: S105 - a signing namespace, not a secret
TOKEN_MAX_AGE = 60 * 60
MAX_BYTES = 20 * 1024 * 1024
# Rosters with more rows than this are applied by a Celery worker, with progress shown.
SYNC_ROW_LIMIT = 500
BATCH = 2000
PROGRESS_TIMEOUT = 60 * 60


@dataclass
class RosterCheck:
    """A roster as checked against the directory: every row with its action or errors."""

    rows: list[RosterRow]

    @property
    def counts(self) -> Counter:
        """Rows per action (create, update, move, unchanged, error)."""
        return Counter(row.action for row in self.rows)

    @property
    def errors(self) -> list[RosterRow]:
        """Rows that will not be applied."""
        return [row for row in self.rows if row.errors]


def check_roster(data: bytes, name: str, *, by: User) -> RosterCheck:
    """Read and check a roster for this user; raises ValidationError when it cannot be read."""
    if len(data) > MAX_BYTES:
        raise ValidationError(_("A roster file may be at most 20 MB."), code="too_large")
    try:
        rows = read_rows(read_table(data, name))
    except RosterError as error:
        raise ValidationError(str(error), code="unreadable") from error
    existing = {}
    nips = sorted({row.nip for row in rows if row.nip})
    for start in range(0, len(nips), 5000):
        existing.update(selectors.current_values(set(nips[start : start + 5000])))
    allowed = selectors.organisations_in_reach(by)
    checked = check_rows(
        rows,
        organisations=selectors.organisation_names(),
        allowed=allowed,
        existing=existing,
    )
    if allowed is not None:
        # A record outside the user's reach is shown as an addition, so the preview says
        # nothing about who exists elsewhere; applying it moves the record in.
        for row in checked:
            current = existing.get(row.nip)
            if row.action == "move" and current and current["organisation"] not in allowed:
                row.action = "create"
    return RosterCheck(checked)


def stage_roster(*, by: User, data: bytes, name: str) -> tuple[str, RosterCheck]:
    """Check an upload and keep it aside until its preview is confirmed; returns the token."""
    if not policies.can_use_directory(by):
        raise PermissionDenied(_("You may not import staff rosters."))
    checked = check_roster(data, name, by=by)
    path = default_storage.save(f"{STAGING_DIR}{secrets.token_hex(16)}.upload", ContentFile(data))
    token = signing.dumps(
        {
            "u": by.pk,
            "p": path,
            "n": os.path.basename(name or "roster.csv")[:200],
            "h": hashlib.sha256(data).hexdigest(),
        },
        salt=TOKEN_SALT,
    )
    return token, checked


def _load_staged(token: str, *, by: User) -> tuple[dict, bytes]:
    expired = ValidationError(
        _("This preview has expired or is not yours. Upload the file again."), code="expired"
    )
    try:
        meta = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature as error:
        raise expired from error
    path = meta.get("p", "")
    if meta.get("u") != by.pk or not path.startswith(STAGING_DIR):
        raise expired
    if not default_storage.exists(path):
        raise expired
    with default_storage.open(path, "rb") as handle:
        data = handle.read()
    if hashlib.sha256(data).hexdigest() != meta["h"]:
        raise expired
    return meta, data


@transaction.atomic
def confirm_roster(*, by: User, token: str) -> RosterImport:
    """Save the previewed roster and apply it now, or queue it when it is large."""
    if not policies.can_use_directory(by):
        raise PermissionDenied(_("You may not import staff rosters."))
    meta, data = _load_staged(token, by=by)
    checked = check_roster(data, meta["n"], by=by)
    roster = RosterImport(
        original_name=meta["n"], sha256=meta["h"], row_count=len(checked.rows), uploaded_by=by
    )
    extension = os.path.splitext(meta["n"])[1].lower()[:10] or ".csv"
    roster.file.save(f"{secrets.token_hex(16)}{extension}", ContentFile(data), save=False)
    roster.save()
    record_event(actor=by, action="roster_confirmed", subject=None, file=meta["n"])
    staged_path = meta["p"]
    transaction.on_commit(lambda: default_storage.delete(staged_path))
    if len(checked.rows) > SYNC_ROW_LIMIT:
        transaction.on_commit(lambda: _queue(roster.pk))
    else:
        apply_roster(roster=roster, checked=checked, by=by)
    return roster


def _queue(roster_id: int) -> None:
    from .tasks import process_roster

    process_roster.delay(roster_id)


def progress_key(roster_id: int) -> str:
    """Cache key of a roster import's progress in percent."""
    return f"directory-roster-progress-{roster_id}"


def _organisation_index() -> tuple[dict, dict]:
    objects = {
        **{("unit", unit.pk): unit for unit in Unit.objects.all()},
        **{("kanwil", kanwil.pk): kanwil for kanwil in Kanwil.objects.all()},
        **{("directorate", item.pk): item for item in Directorate.objects.all()},
    }
    return objects, {key: str(value) for key, value in objects.items()}


def _placed(member: StaffMember, key: tuple[str, int]) -> None:
    kind, pk = key
    member.unit_id = pk if kind == "unit" else None
    member.kanwil_id = pk if kind == "kanwil" else None
    member.directorate_id = pk if kind == "directorate" else None


def apply_roster(
    *,
    roster: RosterImport,
    checked: RosterCheck,
    by: User | None,
    progress: Callable[[int], None] | None = None,
) -> RosterImport:
    """Add new records, change changed ones, keep moves; queries grow with batches, not rows."""
    report = progress or (lambda percent: None)
    _objects, names = _organisation_index()
    now = timezone.now()
    valid = [row for row in checked.rows if not row.errors]
    new = [row for row in valid if row.action == "create"]
    changed = [row for row in valid if row.action in ("create", "update", "move")]
    for start in range(0, len(new), BATCH):
        members = []
        for row in new[start : start + BATCH]:
            member = StaffMember(nip=row.nip, created_at=now, updated_at=now, **row.values)
            _placed(member, row.organisation)
            members.append(member)
        # A record made meanwhile (or moved in from outside the reach) is updated below.
        StaffMember.objects.bulk_create(members, ignore_conflicts=True)
        report(10 + 40 * (start + BATCH) // max(len(new), 1))
    moves = 0
    updated = 0
    created = len(new)
    new_nips = {row.nip for row in new}
    for start in range(0, len(changed), BATCH):
        batch = changed[start : start + BATCH]
        current = {
            member.nip: member
            for member in StaffMember.objects.select_for_update().filter(
                nip__in=[row.nip for row in batch]
            )
        }
        to_save, history = [], []
        for row in batch:
            member = current[row.nip]
            before = (
                ("unit", member.unit_id)
                if member.unit_id
                else (
                    ("kanwil", member.kanwil_id)
                    if member.kanwil_id
                    else ("directorate", member.directorate_id)
                )
            )
            values = row.values
            if before == row.organisation and all(
                getattr(member, key) == value for key, value in values.items()
            ):
                continue
            for key, value in values.items():
                setattr(member, key, value)
            if before != row.organisation:
                history.append(
                    StaffMove(
                        member=member,
                        from_name=names.get(before, "")[:200],
                        to_name=names.get(row.organisation, "")[:200],
                        source="roster",
                        moved_by=by,
                        moved_at=now,
                    )
                )
                _placed(member, row.organisation)
            member.updated_at = now
            to_save.append(member)
            if row.nip in new_nips:
                # It existed already (outside the reach, or added meanwhile).
                created -= 1
        StaffMember.objects.bulk_update(
            to_save,
            [
                "full_name",
                "front_title",
                "back_title",
                "position",
                "golongan",
                "email",
                "status",
                "unit",
                "kanwil",
                "directorate",
                "updated_at",
            ],
        )
        StaffMove.objects.bulk_create(history)
        moves += len(history)
        updated += len(to_save) - len(history)
        report(50 + 40 * (start + BATCH) // max(len(changed), 1))
    linked = link_by_nip(nips={row.nip for row in valid})
    counts = checked.counts
    roster.created_count = created
    roster.updated_count = updated
    roster.moved_count = moves
    roster.unchanged_count = counts.get("unchanged", 0)
    roster.error_count = counts.get("error", 0)
    roster.status = RosterStatus.DONE
    roster.finished_at = timezone.now()
    roster.save(
        update_fields=[
            "created_count",
            "updated_count",
            "moved_count",
            "unchanged_count",
            "error_count",
            "status",
            "finished_at",
        ]
    )
    record_event(
        actor=by,
        action="roster_applied",
        subject=None,
        file=roster.original_name,
        added=roster.created_count,
        moved=moves,
        linked=linked,
    )
    report(100)
    return roster


def _mark_failed(roster_id: int, message: str) -> None:
    RosterImport.objects.filter(pk=roster_id).update(
        status=RosterStatus.FAILED, error=message, finished_at=timezone.now()
    )


def process_roster(*, roster_id: int) -> str:
    """Apply a queued roster (the Celery task's work); safe to run twice."""
    with transaction.atomic():
        roster = RosterImport.objects.select_for_update().get(pk=roster_id)
        if roster.status != RosterStatus.QUEUED:
            return roster.status
        roster.status = RosterStatus.PROCESSING
        roster.save(update_fields=["status"])

    def report(percent: int) -> None:
        cache.set(progress_key(roster_id), min(percent, 100), PROGRESS_TIMEOUT)

    report(5)
    try:
        with transaction.atomic():
            roster = RosterImport.objects.select_for_update().get(pk=roster_id)
            with roster.file.open("rb") as handle:
                data = handle.read()
            by = roster.uploaded_by
            if by is None or not policies.can_use_directory(by):
                raise ValidationError(_("The person who uploaded the roster may no longer."))
            checked = check_roster(data, roster.original_name, by=by)
            report(10)
            apply_roster(roster=roster, checked=checked, by=by, progress=report)
    except ValidationError as error:
        _mark_failed(roster_id, "; ".join(error.messages))
        return RosterStatus.FAILED
    except Exception:
        logger.exception("Roster import %s failed", roster_id)
        _mark_failed(roster_id, _("The import failed unexpectedly; nothing was saved."))
        return RosterStatus.FAILED
    return RosterStatus.DONE
