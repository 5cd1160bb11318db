"""Fixtures of the One Day One News tests: roll-up rows written directly for speed."""

from datetime import UTC, date, datetime

import pytest

from accounts.models import Unit
from news.models import Story
from odon.models import StoryDay, UnitDay
from tests.factories import OperatorFactory
from tests.factories.news import attach_photo, write_story


def submitted_story(
    unit: Unit, by=None, *, day: date, outcome: str = "green", title: str = "Kegiatan"
):
    """A story counted for ``day`` with an outcome, without going through the workflow.

    ``by`` None: a new operator of the unit writes it."""
    by = by or OperatorFactory(unit=unit).user
    story = write_story(unit=unit, by=by, title=title)
    attach_photo(story)
    state = {"green": "published", "amber": "submitted", "void": "rejected"}[outcome]
    Story.objects.filter(pk=story.pk).update(state=state) if state != "published" else None
    moment = datetime(day.year, day.month, day.day, 2, 0, tzinfo=UTC)
    entry = StoryDay.objects.create(
        story=story,
        unit=unit,
        kanwil_id=unit.kanwil_id,
        day=day,
        submitted_at=moment,
        outcome=outcome,
    )
    row, _ = UnitDay.objects.get_or_create(
        unit=unit, day=day, defaults={"kanwil_id": unit.kanwil_id}
    )
    setattr(row, outcome, getattr(row, outcome) + 1)
    row.save()
    return entry


@pytest.fixture
def make_submission():
    """Build a counted submission: make_submission(unit, by, day=..., outcome=...)."""
    return submitted_story
