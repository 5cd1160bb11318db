"""Selectors that gather what the editorial checks compare a story with (no checks here)."""

from __future__ import annotations

import time
import zoneinfo
from datetime import date, datetime, timedelta

from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, TextField, Value
from django.db.models.functions import Concat
from django.utils import timezone

from accounts.models import Unit
from accounts.policies import AnyUser
from training.models import Appearance, Coverage, SpeakerAlias, TrainingSession
from training.policies import can_link_coverage

from .checks import CheckContext, NeighbourStory, SessionEntry, SpeakerEntry, StoryInput, UnitEntry
from .checks.similarity import similarity
from .models import State, Story
from .selectors import stories_visible_to

NEIGHBOUR_THRESHOLD = 0.3
NEIGHBOUR_LIMIT = 8
# Without trigram search (SQLite) at most this many stories of those days are compared in Python.
FALLBACK_CANDIDATES = 300


def story_input(story: Story, **changes) -> StoryInput:
    """The checks' view of a saved story, optionally with typed-but-unsaved values."""
    unit = story.unit
    values = {
        "title": story.title,
        "lead": story.lead,
        "body": story.body,
        "dateline": story.dateline,
        "event_date": local_event_date(story.event_start, unit.effective_time_zone),
        "photo_captions": tuple(photo.caption for photo in story.photos.all()),
    }
    values.update({name: value for name, value in changes.items() if value is not None})
    return StoryInput(
        unit_name=unit.name,
        unit_type=unit.unit_type,
        unit_class=unit.unit_class,
        unit_city=unit.city,
        story_id=story.pk,
        **values,
    )


def local_event_date(moment: datetime | None, time_zone: str) -> date | None:
    """The event's calendar day in the unit's zone."""
    if moment is None:
        return None
    return timezone.localtime(moment, zoneinfo.ZoneInfo(time_zone)).date()


DIRECTORY_SECONDS = 60
_directory_cache: dict[str, tuple[float, tuple[UnitEntry, ...]]] = {}


def directory() -> tuple[UnitEntry, ...]:
    """The directory of active units, kept a minute per process (it rarely changes)."""
    now = time.monotonic()
    cached = _directory_cache.get("units")
    if cached is not None and now - cached[0] < DIRECTORY_SECONDS:
        return cached[1]
    rows = Unit.objects.filter(is_active=True).values_list(
        "name", "unit_type", "unit_class", "city"
    )
    entries = tuple(UnitEntry(*row) for row in rows)
    _directory_cache["units"] = (now, entries)
    return entries


def _sessions_query() -> QuerySet[TrainingSession]:
    appearances = Appearance.objects.select_related("speaker").prefetch_related(
        Prefetch("speaker__aliases", queryset=SpeakerAlias.objects.order_by("alias"))
    )
    return TrainingSession.objects.select_related(
        "organiser_directorate", "organiser_kanwil", "organiser_unit"
    ).prefetch_related(Prefetch("appearances", queryset=appearances))


def sessions_for(user: AnyUser, story: Story, day: date | None) -> tuple[SessionEntry, ...]:
    """Sessions linked to the story, and sessions held on its event day."""
    condition = Q(coverage__story=story)
    if day is not None:
        start = datetime(day.year, day.month, day.day, tzinfo=zoneinfo.ZoneInfo("UTC"))
        condition |= Q(
            starts_at__gte=start - timedelta(hours=12), starts_at__lt=start + timedelta(hours=36)
        )
    linked = Exists(Coverage.objects.filter(session=OuterRef("pk"), story=story))
    entries = []
    for session in _sessions_query().filter(condition).annotate(linked=linked).distinct()[:20]:
        session_day = local_event_date(session.starts_at, session.time_zone)
        if not session.linked and session_day != day:
            continue
        entries.append(_session_entry(session, session_day, session.linked, user, story))
    return tuple(entries)


def _session_entry(session, session_day, linked: bool, user: AnyUser, story: Story) -> SessionEntry:
    speakers = tuple(
        SpeakerEntry(
            name=appearance.speaker.full_name,
            aliases=tuple(alias.alias for alias in appearance.speaker.aliases.all()),
            position_title=appearance.position_title,
            organisation=appearance.organisation_name,
        )
        for appearance in session.appearances.all()
    )
    organiser = session.organiser
    return SessionEntry(
        id=session.pk,
        title=session.title,
        day=session_day,
        organiser=getattr(organiser, "name", "") or "",
        speakers=speakers,
        linked=linked,
        can_link=not linked and can_link_coverage(user, session, story),
    )


def neighbours_for(
    user: AnyUser, story: Story, title: str, lead: str
) -> tuple[NeighbourStory, ...]:
    """Other units' stories within a day of the event that read alike, as the user may see."""
    window = Q(
        event_start__gte=story.event_start - timedelta(days=1),
        event_start__lte=story.event_start + timedelta(days=1),
    )
    visible = Q(state=State.PUBLISHED) | Q(pk__in=stories_visible_to(user).values("pk"))
    candidates = (
        Story.objects.filter(window & visible)
        .exclude(unit_id=story.unit_id)
        .exclude(state__in=[State.REJECTED, State.WITHDRAWN])
        .select_related("unit")
    )
    text = f"{title} {lead}"[:600]
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        ranked = (
            candidates.annotate(
                similarity=TrigramSimilarity(
                    Concat("title", Value(" "), "lead", output_field=TextField()), text
                )
            )
            .filter(similarity__gte=NEIGHBOUR_THRESHOLD)
            .order_by("-similarity")[:NEIGHBOUR_LIMIT]
        )
        rows = [(row, row.similarity) for row in ranked]
    else:
        scored = [
            (row, similarity(text, f"{row.title} {row.lead}"))
            for row in candidates[:FALLBACK_CANDIDATES]
        ]
        rows = sorted(
            (pair for pair in scored if pair[1] >= NEIGHBOUR_THRESHOLD), key=lambda pair: -pair[1]
        )[:NEIGHBOUR_LIMIT]
    return tuple(
        NeighbourStory(id=row.pk, title=row.title, unit_name=row.unit.name, similarity=score)
        for row, score in rows
    )


def context_for(
    user: AnyUser, story: Story, checked: StoryInput, *, neighbours: bool = True
) -> CheckContext:
    """Directory, sessions and (on submit and review) neighbour stories, as this user sees them."""
    return CheckContext(
        directory=directory(),
        sessions=sessions_for(user, story, checked.event_date),
        neighbours=neighbours_for(user, story, checked.title, checked.lead) if neighbours else (),
    )
