"""Reads of sessions, speakers and organisers for the session pages."""

from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.models import Unit
from accounts.policies import AnyUser, is_central_admin
from accounts.selectors import scope_for
from news.models import State, Story

from .. import policies
from ..models import (
    AgendaItem,
    Appearance,
    Attendance,
    Coverage,
    Invitee,
    Material,
    Speaker,
    TrainingSession,
)
from .scopes import attendance_scope, person_matches

# PP 11/2017 (as amended): every civil servant needs at least 20 JP of development a year.
YEARLY_JP_TARGET = Decimal(20)
ORGANISER_RELATIONS = ("organiser_directorate", "organiser_kanwil", "organiser_unit__kanwil")
INVITEE_RELATIONS = ("unit__kanwil", "kanwil", "directorate")
# The "link a story" select lists at most this many stories, the latest events first.
STORY_CHOICES = 100


def sessions_for_listing() -> QuerySet[TrainingSession]:
    """Every session with its organiser, newest first."""
    return TrainingSession.objects.select_related(*ORGANISER_RELATIONS).order_by(
        "-starts_at", "-id"
    )


def filter_sessions(
    sessions: QuerySet[TrainingSession],
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    kind: str = "",
    organiser: str = "",
    unit: Unit | None = None,
    speaker: Speaker | None = None,
    person: str = "",
    query: str = "",
    viewer: AnyUser | None = None,
) -> QuerySet[TrainingSession]:
    """Narrow the session list by the filter form's choices.

    ``person`` finds the sessions where someone spoke (by name or alias) or attended (by name,
    NIP or e-mail); attendance counts only where ``viewer`` may see the attendee list.
    """
    if date_from:
        sessions = sessions.filter(starts_at__date__gte=date_from)
    if date_to:
        sessions = sessions.filter(starts_at__date__lte=date_to)
    if kind:
        sessions = sessions.filter(kind=kind)
    if organiser:
        kind_of_org, _sep, pk = organiser.partition(":")
        field = {"unit": "organiser_unit_id", "kanwil": "organiser_kanwil_id"}.get(
            kind_of_org, "organiser_directorate_id"
        )
        sessions = sessions.filter(**{field: pk}) if pk.isdigit() else sessions.none()
    if unit is not None:
        sessions = sessions.filter(Q(invitees__unit=unit) | Q(organiser_unit=unit)).distinct()
    if speaker is not None:
        sessions = sessions.filter(appearances__speaker=speaker).distinct()
    if person:
        sessions = sessions.filter(
            Q(pk__in=_sessions_with_speaker(person)) | Q(pk__in=_sessions_attended(person, viewer))
        )
    if query:
        sessions = sessions.filter(Q(title__icontains=query) | Q(theme__icontains=query))
    return sessions


def _sessions_with_speaker(text: str) -> QuerySet:
    """Ids of sessions where a speaker whose name or alias contains ``text`` appeared."""
    value = " ".join(text.split())
    return Appearance.objects.filter(
        Q(speaker__full_name__icontains=value) | Q(speaker__aliases__alias__icontains=value)
    ).values("session_id")


def _sessions_attended(text: str, viewer: AnyUser | None) -> QuerySet:
    """Ids of sessions attended by a matching person, counting only the attendance rows the
    viewer may see."""
    if viewer is None:
        return Attendance.objects.none().values("session_id")
    return (
        Attendance.objects.filter(attendance_scope(viewer))
        .filter(person_matches(text))
        .values("session_id")
    )


def session_for_page(user: AnyUser, pk: int) -> TrainingSession | None:
    """One session with its speakers, agenda, materials, invitees and published coverage."""
    if not policies.can_browse_training(user):
        return None
    return (
        TrainingSession.objects.select_related(*ORGANISER_RELATIONS)
        .prefetch_related(
            Prefetch(
                "appearances",
                queryset=Appearance.objects.select_related("speaker").order_by("position"),
            ),
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("appearance__speaker").order_by(
                    "position"
                ),
            ),
            Prefetch("materials", queryset=Material.objects.order_by("position", "id")),
            Prefetch("invitees", queryset=Invitee.objects.select_related(*INVITEE_RELATIONS)),
            Prefetch(
                "coverage",
                queryset=Coverage.objects.filter(story__state=State.PUBLISHED)
                .select_related("story__unit")
                .order_by("story__published_at"),
                to_attr="published_coverage",
            ),
        )
        .filter(pk=pk)
        .first()
    )


def session_for_update(pk: int) -> TrainingSession | None:
    """A session with its organiser, for the policy check of a write."""
    return TrainingSession.objects.select_related(*ORGANISER_RELATIONS).filter(pk=pk).first()


def upcoming_sessions(now: datetime | None = None, *, days: int = 365) -> QuerySet:
    """Sessions that have not ended yet, soonest first."""
    now = now or timezone.now()
    return (
        sessions_for_listing()
        .filter(ends_at__gte=now, starts_at__lte=now + timedelta(days=days))
        .order_by("starts_at", "id")
    )


def upcoming_sessions_with_invitees(now: datetime | None = None) -> QuerySet[TrainingSession]:
    """Upcoming sessions with their invitees, for feeds that say whom each session invites."""
    return upcoming_sessions(now).prefetch_related("invitees")


def speakers_for_listing() -> QuerySet[Speaker]:
    """Speakers with their aliases and number of appearances."""
    return Speaker.objects.prefetch_related("aliases").annotate(
        appearance_count=Count("appearances")
    )


def speaker_for_page(pk: int) -> Speaker | None:
    """A speaker with every appearance and its session."""
    return (
        Speaker.objects.prefetch_related(
            "aliases",
            Prefetch(
                "appearances",
                queryset=Appearance.objects.select_related("session__organiser_unit").order_by(
                    "-session__starts_at"
                ),
            ),
        )
        .filter(pk=pk)
        .first()
    )


def stories_to_link(user: AnyUser, session: TrainingSession) -> QuerySet[Story]:
    """Stories the user may link as coverage: those they see, around the session's date."""
    from news.selectors import stories_visible_to

    around = Q(event_start__gte=session.starts_at - timedelta(days=3)) & Q(
        event_start__lte=session.ends_at + timedelta(days=14)
    )
    stories = Story.objects.all() if is_central_admin(user) else stories_visible_to(user)
    return (
        stories.filter(around)
        .exclude(training_coverage__session=session)
        .select_related(None)
        .only("id", "title", "event_start")
        .order_by("-event_start", "-id")
    )


def story_choices_to_link(
    user: AnyUser, session: TrainingSession, *, limit: int = STORY_CHOICES
) -> list[tuple[int, str]]:
    """(id, title) of the stories nearest the session that the user may link, at most limit."""
    rows = stories_to_link(user, session).values_list("id", "title")[:limit]
    return list(rows)


def organisers_for(user: AnyUser) -> list[tuple[str, list[tuple[str, str]]]]:
    """Organisations the user may organise sessions for, grouped for a select box."""
    from accounts.models import Directorate, Kanwil

    if is_central_admin(user):
        directorates = list(Directorate.objects.order_by("-is_head_office", "name"))
        kanwils = list(Kanwil.objects.order_by("province"))
        units = list(Unit.objects.filter(is_active=True).order_by("name"))
    else:
        scope = scope_for(user)
        directorates = []
        kanwils = list(Kanwil.objects.filter(pk__in=scope.editor_kanwil_ids))
        units = list(
            Unit.objects.filter(is_active=True)
            .filter(Q(pk__in=scope.operator_unit_ids) | Q(kanwil_id__in=scope.editor_kanwil_ids))
            .order_by("name")
        )
    groups = [
        ("directorate", [(f"directorate:{org.pk}", org.name) for org in directorates]),
        ("kanwil", [(f"kanwil:{org.pk}", org.name) for org in kanwils]),
        ("unit", [(f"unit:{org.pk}", org.name) for org in units]),
    ]
    return [(kind, choices) for kind, choices in groups if choices]


def organisation_by_key(key: str):
    """The directorate, Kanwil or unit named by a "kind:pk" key, or None."""
    from accounts.models import Directorate, Kanwil

    kind, _sep, pk = key.partition(":")
    model = {"directorate": Directorate, "kanwil": Kanwil, "unit": Unit}.get(kind)
    if model is None or not pk.isdigit():
        return None
    return model.objects.filter(pk=int(pk)).first()


def filter_organisers() -> list[tuple[str, list[tuple[str, str]]]]:
    """Directorates and Kanwil for the session list's organiser filter."""
    from accounts.models import Directorate, Kanwil

    return [
        (
            "directorate",
            [(f"directorate:{org.pk}", org.name) for org in Directorate.objects.all()],
        ),
        ("kanwil", [(f"kanwil:{org.pk}", org.name) for org in Kanwil.objects.all()]),
    ]
