"""Reads of participation, attendance, history, imports and certificates."""

import zoneinfo
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Least

from accounts.models import Unit, User
from accounts.policies import AnyUser
from accounts.selectors import scope_for

from .. import credit, policies
from ..models import (
    Attendance,
    Certificate,
    CertificateBundle,
    ImportFile,
    ImportRow,
    ImportStatus,
    Invitee,
    MatchStatus,
    TrainingSession,
)
from .sessions import INVITEE_RELATIONS, ORGANISER_RELATIONS


@dataclass(frozen=True)
class Participation:
    """How one invited organisation took part."""

    invitee: Invitee
    people_present: int
    room_people: int

    @property
    def attended(self) -> int:
        """People present by name plus people in the unit's room."""
        return self.people_present + self.room_people

    @property
    def rate(self) -> float:
        """Share of the expected people who attended, at most 1."""
        return min(1.0, self.attended / self.invitee.expected_count)

    @property
    def percent(self) -> int:
        """The rate in whole percent."""
        return round(self.rate * 100)


PARTICIPATION_PER_PAGE = 50
HISTORY_PER_PAGE = 50


def _people_present() -> Subquery:
    """People present by name at an invitee (a correlated subquery, so a page of invitees
    counts only its own rows; Django would take Count() for an outer aggregate)."""
    present = (
        Attendance.objects.filter(invitee=OuterRef("pk"), meets_rule=True)
        .order_by()
        .values(count=Func(F("id"), function="COUNT", output_field=IntegerField()))
    )
    return Coalesce(Subquery(present), 0)


def _with_participation(invitees: QuerySet[Invitee]) -> QuerySet[Invitee]:
    """Invitees with the people present by name and the people in their room, from SQL."""
    return invitees.annotate(
        people_present=_people_present(),
        room_people=Coalesce(
            "group_attendance__headcount", "group_attendance__connections", Value(0)
        ),
    )


def participation_rows(invitees: QuerySet[Invitee]) -> QuerySet[Invitee]:
    """Invitees annotated for a participation table, with the organisations it names."""
    return _with_participation(invitees.select_related(*INVITEE_RELATIONS))


def as_participation(rows) -> list[Participation]:
    """Participation of each annotated invitee (from participation_rows)."""
    return [
        Participation(
            invitee=invitee,
            people_present=invitee.people_present,
            room_people=invitee.room_people,
        )
        for invitee in rows
    ]


def participation_of(invitees: QuerySet[Invitee]) -> list[Participation]:
    """Participation of each invitee, in one query."""
    return as_participation(participation_rows(invitees))


def _invitees_of_session(session: TrainingSession) -> QuerySet[Invitee]:
    return Invitee.objects.filter(session=session).order_by(
        "directorate__name", "kanwil__province", "unit__kanwil__province", "unit__name", "id"
    )


def participation_per_invitee(session: TrainingSession) -> list[Participation]:
    """Participation of every organisation invited to a session, by Kanwil and name."""
    return participation_of(_invitees_of_session(session))


def session_participation(session: TrainingSession) -> QuerySet[Invitee]:
    """A session's invitees annotated for the participation table, to be paged."""
    return participation_rows(_invitees_of_session(session))


def participation_totals(rows: list[Participation]) -> dict:
    """Expected, attended and the overall rate of a participation table."""
    expected = sum(row.invitee.expected_count for row in rows)
    attended = sum(min(row.attended, row.invitee.expected_count) for row in rows)
    return {
        "expected": expected,
        "attended": attended,
        "percent": round(100 * attended / expected) if expected else 0,
        "organisations": len(rows),
        "organisations_present": sum(1 for row in rows if row.attended),
    }


def participation_summary(invitees: QuerySet[Invitee]) -> dict:
    """participation_totals of all these invitees, computed in one SQL query."""
    counted = invitees.order_by().annotate(
        people=_people_present()
        + Coalesce("group_attendance__headcount", "group_attendance__connections", Value(0)),
    )
    totals = counted.aggregate(
        expected=Coalesce(Sum("expected_count"), 0),
        attended=Coalesce(Sum(Least("people", "expected_count", output_field=IntegerField())), 0),
        organisations=Count("id"),
        organisations_present=Coalesce(
            Sum(Case(When(people__gt=0, then=Value(1)), default=Value(0))), 0
        ),
    )
    expected = totals["expected"]
    totals["percent"] = round(100 * totals["attended"] / expected) if expected else 0
    return totals


def _attendance_relations(attendances: QuerySet[Attendance]) -> QuerySet[Attendance]:
    return attendances.select_related(
        "user", "staff", "recorded_by", *(f"invitee__{name}" for name in INVITEE_RELATIONS)
    ).prefetch_related(
        Prefetch(
            "certificates",
            queryset=Certificate.objects.filter(revoked_at__isnull=True),
            to_attr="valid_certificates",
        )
    )


def attendances_visible_to(
    user: AnyUser, session: TrainingSession, invitees
) -> QuerySet[Attendance] | None:
    """The attendees the user may see, or None when the list is out of their scope."""
    if not policies.can_view_attendees(user, session, invitees):
        return None
    attendances = Attendance.objects.filter(session=session)
    if not policies.can_manage_session(user, session):
        allowed = [invitee.pk for invitee in invitees if policies.oversees_invitee(user, invitee)]
        attendances = attendances.filter(invitee_id__in=allowed)
    return _attendance_relations(attendances).order_by("user__full_name", "id")


def attendances_by_ids(ids: list[int]) -> list[Attendance]:
    """These attendances with what the attendee list shows, in the order of ids."""
    rows = {row.pk: row for row in _attendance_relations(Attendance.objects.filter(pk__in=ids))}
    return [rows[pk] for pk in ids if pk in rows]


def own_attendance(user: AnyUser, session: TrainingSession) -> Attendance | None:
    """The person's own record at a session."""
    if not getattr(user, "is_authenticated", False):
        return None
    return _attendance_relations(Attendance.objects.filter(session=session, user=user)).first()


def history_of(person: User) -> list[Attendance]:
    """A person's attendances, newest session first, with sessions and valid certificates."""
    return list(history_rows(person))


def history_rows(person: User) -> QuerySet[Attendance]:
    """A person's attendances for the history page, newest session first, to be paged."""
    return (
        _attendance_relations(Attendance.objects.filter(user=person))
        .select_related(*(f"session__{name}" for name in ORGANISER_RELATIONS))
        .order_by("-session__starts_at", "-id")
    )


def local_year(session: TrainingSession) -> int:
    """The calendar year of a session where it was held."""
    return session.starts_at.astimezone(zoneinfo.ZoneInfo(session.time_zone)).year


def jp_per_year(attendances: list[Attendance]) -> list[dict]:
    """Credited JP per year (sessions whose presence rule was met) and the gap to 20 JP;
    sessions at the same time count once (``credit.yearly_credit``)."""
    years = {local_year(attendance.session): None for attendance in attendances}
    credited = {
        entry.year: entry
        for entry in credit.yearly_credit(
            [
                credit.Credit(
                    key=attendance.pk,
                    year=local_year(attendance.session),
                    starts_at=attendance.session.starts_at,
                    ends_at=attendance.session.ends_at,
                    jp=attendance.session.jp_credited,
                )
                for attendance in attendances
                if attendance.meets_rule
            ]
        )
    }
    result = []
    for year in sorted(years, reverse=True):
        entry = credited.get(year) or credit.YearCredit(year, overlapping=[])
        result.append(
            {"year": year, "jp": entry.jp, "gap": entry.gap, "overlapping": entry.overlapping}
        )
    return result


def jp_per_year_of(person: User) -> list[dict]:
    """jp_per_year of all the person's attendances, read in one narrow query."""
    attendances = list(
        Attendance.objects.filter(user=person, meets_rule=True)
        .select_related("session")
        .only(
            "meets_rule",
            "session__starts_at",
            "session__ends_at",
            "session__time_zone",
            "session__jp_credited",
        )
    )
    return jp_per_year(attendances)


def unit_invitations(unit: Unit) -> QuerySet[Invitee]:
    """The unit's invitations, newest session first."""
    return Invitee.objects.filter(unit=unit).order_by("-session__starts_at", "-id")


def unit_participation(unit: Unit) -> QuerySet[Invitee]:
    """How a unit took part in every session it was invited to, newest first, to be paged."""
    return participation_rows(unit_invitations(unit)).select_related("session")


def matching_queue(session: TrainingSession) -> QuerySet[ImportRow]:
    """Rows of imported files that wait for a person to match them."""
    return (
        ImportRow.objects.filter(
            import_file__session=session,
            import_file__status=ImportStatus.DONE,
            match_status=MatchStatus.UNMATCHED,
            is_duplicate=False,
        )
        .select_related("import_file")
        .order_by("display_name", "import_file_id", "line_number")
    )


def import_files_of(session: TrainingSession) -> QuerySet[ImportFile]:
    """The attendance files of a session, newest first."""
    return ImportFile.objects.filter(session=session).select_related("uploaded_by")


def import_file_of(session: TrainingSession, pk: int) -> ImportFile | None:
    """One attendance file of a session."""
    return import_files_of(session).filter(pk=pk).first()


def imported_hash_exists(session: TrainingSession, sha256: str) -> ImportFile | None:
    """An earlier, not failed import of the same content."""
    return (
        ImportFile.objects.filter(session=session, sha256=sha256)
        .exclude(status=ImportStatus.FAILED)
        .first()
    )


def find_person(identifier: str) -> User | None:
    """A person by e-mail address or NIP."""
    value = identifier.strip()
    if not value:
        return None
    if value.isdigit():
        return User.objects.filter(nip=value, is_active=True).first()
    return User.objects.filter(email__iexact=value, is_active=True).first()


def certificate_by_number(number: str) -> Certificate | None:
    """A certificate for its public verification page."""
    return Certificate.objects.select_related("attendance__session").filter(number=number).first()


def certificate_for_download(number: str) -> Certificate | None:
    """A certificate with its holder and session, for the PDF."""
    return (
        Certificate.objects.select_related(
            "attendance__user",
            *(f"attendance__session__{name}" for name in ORGANISER_RELATIONS),
        )
        .filter(number=number)
        .first()
    )


def valid_certificates_of(session: TrainingSession) -> QuerySet[Certificate]:
    """Certificates of a session that are not revoked."""
    return Certificate.objects.filter(
        attendance__session=session, revoked_at__isnull=True
    ).order_by("holder_name", "id")


def latest_bundle(session: TrainingSession) -> CertificateBundle | None:
    """The newest certificate ZIP of a session."""
    return CertificateBundle.objects.filter(session=session).first()


def bundle_of(session: TrainingSession, pk: int) -> CertificateBundle | None:
    """One certificate ZIP of a session."""
    return CertificateBundle.objects.filter(session=session, pk=pk).first()


def invitees_of_person(session: TrainingSession, person: User) -> list[Invitee]:
    """The invitees a person belongs to, their unit's first, then Kanwil, then directorate."""
    scope = scope_for(person)
    units = set(scope.operator_unit_ids) | set(scope.staff_unit_ids)
    kanwils = set(scope.editor_kanwil_ids) | set(scope.staff_kanwil_ids)
    directorates = set(scope.admin_directorate_ids) | set(scope.staff_directorate_ids)
    found = (
        Invitee.objects.filter(session=session)
        .filter(
            Q(unit_id__in=units) | Q(kanwil_id__in=kanwils) | Q(directorate_id__in=directorates)
        )
        .select_related(*INVITEE_RELATIONS)
    )
    return sorted(found, key=lambda invitee: (invitee.unit_id is None, invitee.kanwil_id is None))


def overlapping_attendances(session: TrainingSession) -> set[int]:
    """Attendances of the session whose person was also credited at another session held at
    the same time; their JP count once a year (one query)."""
    same_person = Q(user_id=OuterRef("user_id"), user__isnull=False) | Q(
        staff_id=OuterRef("staff_id"), staff__isnull=False
    )
    elsewhere = (
        Attendance.objects.filter(same_person, meets_rule=True)
        .exclude(session_id=session.pk)
        .filter(session__starts_at__lt=session.ends_at, session__ends_at__gt=session.starts_at)
    )
    return set(
        Attendance.objects.filter(session=session, meets_rule=True)
        .filter(Exists(elsewhere))
        .values_list("pk", flat=True)
    )
