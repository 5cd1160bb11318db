"""Reads of one item of a session's programme, and of what an organiser manages."""

from django.db.models import Exists, OuterRef, QuerySet

from ..models import (
    AgendaItem,
    Appearance,
    Attendance,
    Coverage,
    GroupAttendance,
    ImportRow,
    Invitee,
    Material,
    TrainingSession,
)
from .sessions import INVITEE_RELATIONS


def agenda_item_of(session: TrainingSession, pk: int) -> AgendaItem | None:
    """One part of a session's programme, with its speaker."""
    return (
        AgendaItem.objects.select_related("appearance__speaker")
        .filter(session=session, pk=pk)
        .first()
    )


def appearance_of(session: TrainingSession, pk: int) -> Appearance | None:
    """One speaker's appearance at a session."""
    return Appearance.objects.select_related("speaker").filter(session=session, pk=pk).first()


def material_of(session: TrainingSession, pk: int) -> Material | None:
    """One material of a session."""
    return Material.objects.filter(session=session, pk=pk).first()


def coverage_of(session: TrainingSession, pk: int) -> Coverage | None:
    """One story linked to a session."""
    return Coverage.objects.select_related("story__unit").filter(session=session, pk=pk).first()


def coverage_for_management(session: TrainingSession) -> QuerySet[Coverage]:
    """Every story linked to a session, published or not, oldest link first."""
    return (
        Coverage.objects.filter(session=session)
        .select_related("story__unit", "linked_by")
        .order_by("linked_at", "id")
    )


def _with_records(invitees: QuerySet[Invitee]) -> QuerySet[Invitee]:
    """Annotate ``has_records``: attendance, a unit room or file rows are tied to the invitee."""
    return invitees.annotate(
        has_records=Exists(Attendance.objects.filter(invitee=OuterRef("pk")))
        | Exists(GroupAttendance.objects.filter(invitee=OuterRef("pk")))
        | Exists(ImportRow.objects.filter(matched_invitee=OuterRef("pk")))
    )


def invitees_for_management(session: TrainingSession) -> QuerySet[Invitee]:
    """A session's invited organisations, by Kanwil and name, each saying whether it has
    attendance (and so cannot be withdrawn)."""
    return _with_records(
        Invitee.objects.filter(session=session)
        .select_related(*INVITEE_RELATIONS)
        .order_by(
            "directorate__name", "kanwil__province", "unit__kanwil__province", "unit__name", "id"
        )
    )


def invitee_of(session: TrainingSession, pk: int) -> Invitee | None:
    """One invited organisation of a session, saying whether it has attendance."""
    return invitees_for_management(session).filter(pk=pk).first()


def invitee_has_records(invitee: Invitee) -> bool:
    """Attendance, a unit room or imported rows are tied to this invitation."""
    return (
        Attendance.objects.filter(invitee=invitee).exists()
        or GroupAttendance.objects.filter(invitee=invitee).exists()
        or ImportRow.objects.filter(matched_invitee=invitee).exists()
    )
