"""Keeps the daily roll-up right: called by the workflow services after every story step.

Runs inside the transaction of the step, so the boards never disagree with the stories.
Imports nothing from news.services, so the workflow can call it without an import cycle."""

from django.db.models import Count, Q

from accounts.models import Unit

from . import rule
from .models import StoryDay, UnitDay


def refresh_unit_day(*, unit: Unit, day) -> UnitDay | None:
    """Recount one unit's day from its submitted stories (a handful of rows)."""
    counts = StoryDay.objects.filter(unit=unit, day=day).aggregate(
        green=Count("pk", filter=Q(outcome=rule.GREEN)),
        amber=Count("pk", filter=Q(outcome=rule.AMBER)),
        void=Count("pk", filter=Q(outcome="void")),
    )
    row, _created = UnitDay.objects.update_or_create(
        unit=unit, day=day, defaults={"kanwil_id": unit.kanwil_id, **counts}
    )
    return row


def record_story_step(*, story, transition) -> StoryDay | None:
    """Follow one workflow step of a story: first submission, outcome, first decision."""
    entry = StoryDay.objects.select_for_update().filter(story_id=story.pk).first()
    if entry is None:
        if transition.action != "submit":
            return None  # never submitted: nothing to count yet
        unit = story.unit
        entry = StoryDay.objects.create(
            story_id=story.pk,
            unit_id=unit.pk,
            kanwil_id=unit.kanwil_id,
            day=rule.local_day(transition.created_at, unit.effective_time_zone),
            submitted_at=transition.created_at,
            outcome=rule.outcome_for_state(story.state),
        )
        refresh_unit_day(unit=unit, day=entry.day)
        return entry
    changed = ["outcome"]
    entry.outcome = rule.outcome_for_state(story.state)
    if entry.decided_at is None and transition.action in rule.DECISION_ACTIONS:
        entry.decided_at = transition.created_at
        entry.decided_by_id = transition.actor_id
        changed += ["decided_at", "decided_by"]
    entry.save(update_fields=changed)
    refresh_unit_day(unit=story.unit, day=entry.day)
    return entry


def recompute(*, kanwil_id: int | None = None) -> tuple[list[StoryDay], list[UnitDay]]:
    """Build the roll-up from the stories and their workflow steps alone (not saved).

    Used to rebuild the tables for data that predates them, and by tests to prove the
    roll-up kept by the services equals a recomputation."""
    from news.models import Story, Transition

    stories = Story.objects.filter(transitions__action="submit").distinct()
    if kanwil_id is not None:
        stories = stories.filter(kanwil_id=kanwil_id)
    info = {
        row["pk"]: row
        for row in stories.values(
            "pk",
            "state",
            "unit_id",
            "unit__kanwil_id",
            "unit__time_zone",
            "unit__kanwil__time_zone",
        )
    }
    first_submit: dict[int, object] = {}
    first_decision: dict[int, tuple] = {}
    steps = (
        Transition.objects.filter(story_id__in=list(info))
        .order_by("created_at", "id")
        .values_list("story_id", "action", "created_at", "actor_id")
    )
    for story_id, action, at, actor_id in steps.iterator():
        if action == "submit":
            first_submit.setdefault(story_id, at)
        elif action in rule.DECISION_ACTIONS and story_id in first_submit:
            first_decision.setdefault(story_id, (at, actor_id))
    entries = []
    days: dict[tuple[int, object], list[int]] = {}
    for story_id, submitted_at in first_submit.items():
        row = info[story_id]
        zone = row["unit__time_zone"] or row["unit__kanwil__time_zone"]
        decided_at, decided_by = first_decision.get(story_id, (None, None))
        entry = StoryDay(
            story_id=story_id,
            unit_id=row["unit_id"],
            kanwil_id=row["unit__kanwil_id"],
            day=rule.local_day(submitted_at, zone),
            submitted_at=submitted_at,
            outcome=rule.outcome_for_state(row["state"]),
            decided_at=decided_at,
            decided_by_id=decided_by,
        )
        entries.append(entry)
        tally = days.setdefault((entry.unit_id, entry.day), [0, 0, 0, entry.kanwil_id])
        tally[["green", "amber", "void"].index(entry.outcome)] += 1
    unit_days = [
        UnitDay(unit_id=unit_id, day=day, kanwil_id=t[3], green=t[0], amber=t[1], void=t[2])
        for (unit_id, day), t in days.items()
    ]
    return entries, unit_days


def rebuild(*, kanwil_id: int | None = None) -> int:
    """Replace the roll-up with a recomputation (for data older than the roll-up)."""
    from django.db import transaction

    entries, unit_days = recompute(kanwil_id=kanwil_id)
    with transaction.atomic():
        scope = {} if kanwil_id is None else {"kanwil_id": kanwil_id}
        StoryDay.objects.filter(**scope).delete()
        UnitDay.objects.filter(**scope).delete()
        StoryDay.objects.bulk_create(entries, batch_size=2000)
        UnitDay.objects.bulk_create(unit_days, batch_size=2000)
    return len(entries)
