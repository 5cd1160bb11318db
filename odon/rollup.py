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
