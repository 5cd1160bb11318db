"""Scoped and tuned reads of the staff directory."""

import re

from django.db.models import Q, QuerySet
from django.db.models.functions import Lower

from accounts.models import Directorate, Kanwil, Unit
from accounts.nip import normalise_nip
from accounts.policies import AnyUser
from training import credit
from training.models import Attendance
from training.selectors.records import local_year

from .models import RosterImport, StaffMember, StaffMove
from .policies import reach_of
from .roster import normalise_name

MEMBER_RELATIONS = ("unit__kanwil", "kanwil", "directorate", "user")


def members_visible_to(user: AnyUser) -> QuerySet[StaffMember]:
    """Directory records within the user's reach, by name."""
    return (
        StaffMember.objects.filter(reach_of(user).condition())
        .select_related(*MEMBER_RELATIONS)
        .order_by("full_name", "id")
    )


def search_members(user: AnyUser, text: str) -> QuerySet[StaffMember]:
    """Records in reach whose name or e-mail contains the text, or whose NIP starts with it.
    Only records in reach are searched, so a lookup says nothing about anyone else."""
    members = members_visible_to(user)
    value = " ".join(text.split())
    if not value:
        return members
    condition = Q(full_name__icontains=value) | Q(email__iexact=value)
    digits = normalise_nip(value)
    if re.fullmatch(r"[0-9]{4,18}", digits):
        condition |= Q(nip__startswith=digits)
    return members.filter(condition)


def member_for(user: AnyUser, pk: int) -> StaffMember | None:
    """One record, only when it is within the user's reach."""
    return members_visible_to(user).filter(pk=pk).first()


def find_member(user: AnyUser, identifier: str) -> StaffMember | None:
    """A record in reach by its NIP or e-mail address (none outside reach, as if unknown)."""
    value = identifier.strip()
    if not value:
        return None
    members = members_visible_to(user)
    digits = normalise_nip(value)
    if digits.isdigit():
        return members.filter(nip=digits).first()
    found = list(members.annotate(email_lower=Lower("email")).filter(email_lower=value.lower())[:2])
    return found[0] if len(found) == 1 else None


def moves_of(member: StaffMember) -> QuerySet[StaffMove]:
    """A record's moves between organisations, newest first."""
    return member.moves.select_related("moved_by")


def credited_attendances(member: StaffMember) -> list[Attendance]:
    """Attendances credited to the record (and to its login), newest session first."""
    condition = Q(staff=member)
    if member.user_id:
        condition |= Q(user_id=member.user_id)
    return list(
        Attendance.objects.filter(condition)
        .select_related("session")
        .order_by("-session__starts_at", "-id")
    )


def credit_of(attendances: list[Attendance]) -> list[credit.YearCredit]:
    """JP per year from attendances that met their rule; overlapping sessions count once."""
    return credit.yearly_credit(
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


def organisation_names() -> dict[str, tuple[str, int]]:
    """Every active unit, every Kanwil and directorate by normalised name (three queries)."""
    names: dict[str, tuple[str, int]] = {}
    for pk, name in Directorate.objects.values_list("pk", "name"):
        names[normalise_name(name)] = ("directorate", pk)
    for pk, name, short in Kanwil.objects.values_list("pk", "name", "short_name"):
        names[normalise_name(name)] = ("kanwil", pk)
        names.setdefault(normalise_name(short), ("kanwil", pk))
    for pk, name in Unit.objects.filter(is_active=True).values_list("pk", "name"):
        names[normalise_name(name)] = ("unit", pk)
    return names


def organisations_in_reach(user: AnyUser) -> set[tuple[str, int]] | None:
    """The organisations a roster of this user may place people in (None: any)."""
    reach = reach_of(user)
    if reach.everything:
        return None
    units = Unit.objects.filter(Q(pk__in=reach.unit_ids) | Q(kanwil_id__in=reach.kanwil_ids))
    allowed = {("unit", pk) for pk in units.values_list("pk", flat=True)}
    allowed |= {("kanwil", pk) for pk in reach.kanwil_ids}
    return allowed


def current_values(nips: set[str]) -> dict[str, dict]:
    """What the directory holds for these NIPs, in the shape the roster check compares."""
    result = {}
    rows = StaffMember.objects.filter(nip__in=nips).values(
        "pk",
        "nip",
        "full_name",
        "front_title",
        "back_title",
        "position",
        "golongan",
        "email",
        "status",
        "unit_id",
        "kanwil_id",
        "directorate_id",
    )
    for row in rows:
        if row["unit_id"]:
            row["organisation"] = ("unit", row["unit_id"])
        elif row["kanwil_id"]:
            row["organisation"] = ("kanwil", row["kanwil_id"])
        else:
            row["organisation"] = ("directorate", row["directorate_id"])
        result[row["nip"]] = row
    return result


def rosters_of(user: AnyUser) -> QuerySet[RosterImport]:
    """The roster imports a person uploaded (central admins see all)."""
    rosters = RosterImport.objects.select_related("uploaded_by")
    if reach_of(user).everything:
        return rosters
    return rosters.filter(uploaded_by_id=getattr(user, "pk", None))


def member_in_session_scope(session, identifier: str) -> StaffMember | None:
    """A record by NIP or e-mail address among the organisations a session invited, for its
    matching queue; records elsewhere are not found, as if unknown."""
    from training.matching import Matcher

    value = identifier.strip()
    if not value:
        return None
    members = StaffMember.objects.filter(Matcher(session).invited_scope())
    digits = normalise_nip(value)
    if digits.isdigit():
        return members.filter(nip=digits).first()
    found = list(members.annotate(email_lower=Lower("email")).filter(email_lower=value.lower())[:2])
    return found[0] if len(found) == 1 else None


def invited_choices(session, user: AnyUser) -> list[tuple[str, str]]:
    """Invited units and Kanwil offices the organiser may add people to, as form choices."""
    reach = reach_of(user)
    choices = []
    for invitee in session.invitees.select_related("unit", "kanwil"):
        if invitee.unit_id and reach.covers(unit=invitee.unit):
            choices.append((f"unit:{invitee.unit_id}", invitee.unit.name))
        elif invitee.kanwil_id and reach.covers(kanwil=invitee.kanwil):
            choices.append((f"kanwil:{invitee.kanwil_id}", invitee.kanwil.name))
    return choices
