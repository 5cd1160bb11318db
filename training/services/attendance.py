"""Attendance: rebuilt from file rows, self check-in, the organiser's entries, the queue."""

from collections import defaultdict

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from humas_portal.text import clean_line

from .. import intervals, policies, rules, selectors
from ..matching import Matcher
from ..models import (
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    GroupAttendance,
    ImportFile,
    ImportRow,
    ImportStatus,
    Invitee,
    MatchStatus,
    TrainingSession,
)
from .audit import record
from .sessions import lock_for_management

# Check-in opens this long before the start and closes at the end.
CHECKIN_OPENS_MINUTES = 30
ATTENDANCE_UPDATE_FIELDS = [
    "invitee",
    "organisation_name",
    "status",
    "minutes_attended",
    "intervals",
    "first_join",
    "last_leave",
    "meets_rule",
    "source",
    "import_file",
    "recorded_by",
    "recorded_at",
]


def lock_session(session: TrainingSession) -> TrainingSession:
    """Every attendance writer takes this lock first, so they never interleave."""
    return (
        TrainingSession.objects.select_for_update(of=("self",))
        .select_related("organiser_unit")
        .get(pk=session.pk)
    )


def _file_intervals(session: TrainingSession, current: ImportFile | None):
    """Connected intervals per login, per directory record without a login and per unit room
    from every imported row, and the directory record of each login where it has one."""
    files = ImportRow.objects.filter(import_file__session=session, is_duplicate=False).exclude(
        match_status__in=[MatchStatus.UNMATCHED, MatchStatus.IGNORED]
    )
    if current is not None:
        files = files.filter(import_file__status=ImportStatus.DONE) | files.filter(
            import_file=current
        )
    else:
        files = files.filter(import_file__status=ImportStatus.DONE)
    people, records, rooms = defaultdict(list), defaultdict(list), defaultdict(list)
    names, record_of = defaultdict(set), {}
    for user_id, staff_id, invitee_id, joined, left, name in files.values_list(
        "matched_user_id",
        "matched_staff_id",
        "matched_invitee_id",
        "joined_at",
        "left_at",
        "display_name",
    ):
        if user_id:
            people[user_id].append((joined, left))
            if staff_id:
                record_of[user_id] = staff_id
        elif staff_id:
            records[staff_id].append((joined, left))
        elif invitee_id:
            rooms[invitee_id].append((joined, left))
            names[invitee_id].add(name.strip().lower())
    return people, records, rooms, names, record_of


def _measured(session: TrainingSession, spans, by, import_file, now, **person) -> Attendance:
    """An attendance row for one person from their connected intervals."""
    minutes, merged = intervals.attended_minutes(
        spans, start=session.starts_at, end=session.ends_at
    )
    first_join = merged[0][0] if merged else None
    status, meets = rules.evaluate(session, minutes=minutes, first_join=first_join)
    return Attendance(
        session=session,
        status=status,
        minutes_attended=minutes,
        intervals=intervals.to_json(merged),
        first_join=first_join,
        last_leave=merged[-1][1] if merged else None,
        meets_rule=meets,
        source=AttendanceSource.IMPORT,
        import_file=import_file,
        recorded_by=by,
        recorded_at=now,
        **person,
    )


def rebuild_from_files(
    *,
    session: TrainingSession,
    by: User | None,
    import_file: ImportFile | None = None,
    organisation_of: dict[int, tuple[int | None, str]] | None = None,
    only_users: set[int] | None = None,
    only_staff: set[int] | None = None,
    organisation_of_staff: dict[int, tuple[int | None, str]] | None = None,
) -> dict[str, int]:
    """Upsert the attendance of everyone seen in the session's files, in a fixed number of
    queries. Entries made by the organiser are never overwritten."""
    people, staff, rooms, names, record_of = _file_intervals(session, import_file)
    if only_users is not None:
        people = {pk: spans for pk, spans in people.items() if pk in only_users}
    if only_staff is not None:
        staff = {pk: spans for pk, spans in staff.items() if pk in only_staff}
    manual = Attendance.objects.filter(session=session, source=AttendanceSource.MANUAL)
    manual_people = set(manual.exclude(user=None).values_list("user_id", flat=True))
    manual_staff = set(manual.filter(user=None).values_list("staff_id", flat=True))
    matcher = Matcher(session)
    if organisation_of is None or set(people) - set(organisation_of):
        organisation_of = matcher.organisations(set(people))
    if organisation_of_staff is None or set(staff) - set(organisation_of_staff):
        organisation_of_staff = matcher.organisations_of_staff(set(staff))
    now = timezone.now()
    records = []
    for user_id, spans in people.items():
        if user_id in manual_people:
            continue
        invitee_id, organisation_name = organisation_of.get(user_id, (None, ""))
        records.append(
            _measured(
                session,
                spans,
                by,
                import_file,
                now,
                user_id=user_id,
                staff_id=record_of.get(user_id),
                invitee_id=invitee_id,
                organisation_name=organisation_name[:200],
            )
        )
    Attendance.objects.bulk_create(
        records,
        update_conflicts=True,
        unique_fields=["session", "user"],
        update_fields=[*ATTENDANCE_UPDATE_FIELDS, "staff"],
    )
    staff_records = []
    for staff_id, spans in staff.items():
        if staff_id in manual_staff:
            continue
        invitee_id, organisation_name = organisation_of_staff.get(staff_id, (None, ""))
        staff_records.append(
            _measured(
                session,
                spans,
                by,
                import_file,
                now,
                staff_id=staff_id,
                invitee_id=invitee_id,
                organisation_name=organisation_name[:200],
            )
        )
    Attendance.objects.bulk_create(
        staff_records,
        update_conflicts=True,
        unique_fields=["session", "staff"],
        update_fields=ATTENDANCE_UPDATE_FIELDS,
    )
    manual_rooms = set(
        GroupAttendance.objects.filter(
            invitee__session=session, source=AttendanceSource.MANUAL
        ).values_list("invitee_id", flat=True)
    )
    groups = []
    for invitee_id, spans in rooms.items():
        if invitee_id in manual_rooms:
            continue
        minutes, merged = intervals.attended_minutes(
            spans, start=session.starts_at, end=session.ends_at
        )
        groups.append(
            GroupAttendance(
                invitee_id=invitee_id,
                connections=min(len(names[invitee_id]), 32767),
                minutes_attended=minutes,
                intervals=intervals.to_json(merged),
                source=AttendanceSource.IMPORT,
                recorded_by=by,
                recorded_at=now,
            )
        )
    GroupAttendance.objects.bulk_create(
        groups,
        update_conflicts=True,
        unique_fields=["invitee"],
        update_fields=[
            "connections",
            "minutes_attended",
            "intervals",
            "source",
            "recorded_by",
            "recorded_at",
        ],
    )
    return {
        "people": len(records) + len(staff_records),
        "rooms": len(groups),
        "kept_manual": len(manual_people & set(people)) + len(manual_staff & set(staff)),
    }


def _invitee_of(session: TrainingSession, person: User) -> tuple[Invitee | None, str]:
    found = selectors.invitees_of_person(session, person)
    if found:
        return found[0], str(found[0].organisation)
    return None, ""


@transaction.atomic
def record_attendance(
    *,
    session: TrainingSession,
    person: User,
    by: User,
    status: str,
    minutes: int | None = None,
    note: str = "",
) -> Attendance:
    """The organiser's own entry for a person; it wins over files and check-ins."""
    locked = lock_session(session)
    if not policies.can_manage_session(by, locked):
        raise PermissionDenied(_("You may not record attendance for this session."))
    if status not in AttendanceStatus.values:
        raise ValidationError(_("Choose an attendance status."))
    if minutes is not None and not 0 <= minutes <= locked.scheduled_minutes:
        raise ValidationError(
            _("Minutes attended must be between 0 and %(max)s.") % {"max": locked.scheduled_minutes}
        )
    present = status in (AttendanceStatus.PRESENT, AttendanceStatus.LATE)
    if minutes is None:
        minutes = locked.scheduled_minutes if present else 0
    meets = present and minutes >= max(locked.required_minutes, 1)
    if present and not meets:
        raise ValidationError(
            _(
                "Under this session's rule a person present attends at least %(minutes)s "
                "minutes. Record fewer minutes as absent."
            )
            % {"minutes": locked.required_minutes}
        )
    invitee, organisation_name = _invitee_of(locked, person)
    existing = (
        Attendance.objects.select_for_update(of=("self",))
        .order_by("pk")
        .filter(session=locked, user=person)
        .first()
    )
    attendance = existing or Attendance(session=locked, user=person)
    attendance.invitee = invitee
    attendance.organisation_name = organisation_name[:200]
    attendance.status = status
    attendance.minutes_attended = minutes
    attendance.meets_rule = meets
    attendance.source = AttendanceSource.MANUAL
    attendance.note = clean_line(note)[:300]
    attendance.recorded_by = by
    attendance.recorded_at = timezone.now()
    if existing is None:
        attendance.save()
    else:
        attendance.save(
            update_fields=[
                "invitee",
                "organisation_name",
                "status",
                "minutes_attended",
                "meets_rule",
                "source",
                "note",
                "recorded_by",
                "recorded_at",
            ]
        )
    record(
        session=locked,
        actor=by,
        action="attendance_recorded",
        person=person.pk,
        status=status,
        minutes=minutes,
    )
    return attendance


@transaction.atomic
def resolve_row(
    *,
    row: ImportRow,
    by: User,
    person: User | None = None,
    invitee: Invitee | None = None,
    ignore: bool = False,
    staff=None,
) -> ImportRow:
    """Match a queued row by hand (to a login, a directory record, a unit room, or nothing),
    then recount. A directory record linked to a login credits both."""
    session = row.import_file.session
    locked_session = lock_session(session)
    if not policies.can_manage_session(by, locked_session):
        raise PermissionDenied(_("You may not match rows of this session."))
    if sum([person is not None, staff is not None, invitee is not None, ignore]) != 1:
        raise ValidationError(_("Choose a person, an invited unit, or to ignore the row."))
    if staff is not None:
        person = staff.user
    elif person is not None:
        staff = getattr(person, "staff_record", None)
    if invitee is not None and invitee.session_id != session.pk:
        raise ValidationError(_("This organisation is not invited to the session."))
    locked = ImportRow.objects.select_for_update().get(pk=row.pk)
    if locked.match_status != MatchStatus.UNMATCHED:
        raise ValidationError(_("Someone has matched this row already."), code="stale")
    # Rows with the same name and e-mail in the session's files go the same way.
    same = ImportRow.objects.filter(
        import_file__session=session,
        match_status=MatchStatus.UNMATCHED,
        display_name=locked.display_name,
        email=locked.email,
    )
    now = timezone.now()
    status = MatchStatus.IGNORED if ignore else MatchStatus.MANUAL
    if invitee is not None:
        status = MatchStatus.GROUP
    count = same.update(
        match_status=status,
        matched_user=person,
        matched_staff=staff,
        matched_invitee=invitee,
        resolved_by=by,
        resolved_at=now,
    )
    if not ignore:
        rebuild_from_files(
            session=locked_session,
            by=by,
            only_users={person.pk} if person is not None else set(),
            only_staff={staff.pk} if staff is not None and person is None else set(),
        )
    record(
        session=locked_session,
        actor=by,
        action="row_matched",
        rows=count,
        person=person.pk if person else None,
        record=staff.pk if staff else None,
        invitee=invitee.pk if invitee else None,
        ignored=ignore,
    )
    locked.refresh_from_db()
    return locked


@transaction.atomic
def set_room_headcount(*, invitee: Invitee, by: User, headcount: int | None) -> GroupAttendance:
    """Record how many people sat in an invited unit's room."""
    lock_for_management(invitee.session, by)
    if headcount is not None and not 0 <= headcount <= 1000:
        raise ValidationError(_("Give a headcount between 0 and 1000."))
    group, _created = (
        GroupAttendance.objects.select_for_update(of=("self",))
        .order_by("pk")
        .get_or_create(
            invitee=invitee, defaults={"source": AttendanceSource.MANUAL, "recorded_by": by}
        )
    )
    group.headcount = headcount
    group.recorded_by = by
    group.recorded_at = timezone.now()
    group.save(update_fields=["headcount", "recorded_by", "recorded_at"])
    record(session=invitee.session, actor=by, action="headcount_recorded", invitee=invitee.pk)
    return group
