"""Self check-in with the session code, and its close-out when the session ends.

A check-in credits only time that has happened: nothing at the moment of checking in. When
the session has ended, the periodic job credits each open check-in from the check-in to the
scheduled end and applies the presence rule. An attendance file read later replaces both
with the measured time, and the organiser's entry wins over everything.
"""

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from accounts.models import User

from .. import intervals, policies, rules
from ..models import Attendance, AttendanceSource, AttendanceStatus, TrainingSession
from .attendance import CHECKIN_OPENS_MINUTES, _invitee_of, lock_session
from .audit import record

# A check-in this long after the start reads as late until it is closed out.
LATE_CHECKIN = rules.LATE_AFTER


@transaction.atomic
def check_in(
    *, session: TrainingSession, by: User, code: str, now: datetime | None = None
) -> Attendance:
    """An invited person checks in with the session code while the session runs."""
    locked = lock_session(session)
    invitees = list(locked.invitees.all())
    if not policies.can_check_in(by, invitees):
        raise PermissionDenied(_("Only invited participants check in to this session."))
    now = now or timezone.now()
    opens = locked.starts_at - timedelta(minutes=CHECKIN_OPENS_MINUTES)
    if not opens <= now <= locked.ends_at:
        raise ValidationError(_("Check-in is open only while the session runs."), code="closed")
    if not constant_time_compare(code.strip().upper(), locked.checkin_code):
        raise ValidationError(_("This is not the code of this session."), code="wrong_code")
    existing = (
        Attendance.objects.select_for_update(of=("self",))
        .order_by("pk")
        .filter(session=locked, user=by)
        .first()
    )
    if existing is not None and existing.source != AttendanceSource.SELF:
        return existing
    if existing is not None and existing.last_leave is None:
        return existing  # already checked in: the earlier check-in counts
    joined = max(now, locked.starts_at)
    invitee, organisation_name = _invitee_of(locked, by)
    attendance = existing or Attendance(session=locked, user=by)
    attendance.invitee = invitee
    attendance.organisation_name = organisation_name[:200]
    late = joined > locked.starts_at + LATE_CHECKIN
    attendance.status = AttendanceStatus.LATE if late else AttendanceStatus.PRESENT
    # Nothing of the session has happened since the check-in yet: no minutes, no rule met.
    attendance.minutes_attended = 0
    attendance.intervals = []
    attendance.first_join = joined
    attendance.last_leave = None
    attendance.meets_rule = False
    attendance.source = AttendanceSource.SELF
    attendance.recorded_by = by
    attendance.recorded_at = now
    attendance.save()
    record(session=locked, actor=by, action="checked_in", person=by.pk)
    return attendance


def close_out(attendance: Attendance, session: TrainingSession) -> None:
    """Credit an open check-in from the check-in to the session's scheduled end."""
    minutes, merged = intervals.attended_minutes(
        [(attendance.first_join, session.ends_at)], start=session.starts_at, end=session.ends_at
    )
    status, meets = rules.evaluate(session, minutes=minutes, first_join=attendance.first_join)
    if not meets:
        status = AttendanceStatus.LATE
    attendance.status = status
    attendance.minutes_attended = minutes
    attendance.intervals = intervals.to_json(merged)
    attendance.last_leave = session.ends_at
    attendance.meets_rule = meets
    attendance.save(
        update_fields=["status", "minutes_attended", "intervals", "last_leave", "meets_rule"]
    )


def close_ended_check_ins(*, now: datetime | None = None) -> int:
    """Periodic job: close out the open check-ins of every session that has ended."""
    now = now or timezone.now()
    session_ids = (
        Attendance.objects.filter(
            source=AttendanceSource.SELF, last_leave__isnull=True, session__ends_at__lte=now
        )
        .values_list("session_id", flat=True)
        .distinct()
    )
    closed = 0
    for session_id in list(session_ids):
        with transaction.atomic():
            session = lock_session(TrainingSession(pk=session_id))
            open_check_ins = (
                Attendance.objects.select_for_update(of=("self",))
                .order_by("pk")
                .filter(session=session, source=AttendanceSource.SELF, last_leave__isnull=True)
            )
            count = 0
            for attendance in open_check_ins:
                close_out(attendance, session)
                count += 1
            if count:
                record(session=session, actor=None, action="check_ins_closed", count=count)
            closed += count
    return closed
