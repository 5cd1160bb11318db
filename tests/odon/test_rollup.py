"""The daily roll-up follows every workflow step and equals a recomputation."""

from datetime import UTC, date, datetime

import pytest

from news import services
from news.models import Transition
from odon import rollup, rule
from odon.models import StoryDay, UnitDay
from tests.factories.news import attach_photo, write_story

pytestmark = pytest.mark.django_db


def _story(unit, by, **extra):
    story = write_story(unit=unit, by=by, **extra)
    attach_photo(story)
    return story


def _table():
    return {
        (row.unit_id, row.day): (row.green, row.amber, row.void) for row in UnitDay.objects.all()
    }


def test_submission_review_and_publication_move_the_day(operator_palu, editor_sulteng, palu_unit):
    story = _story(palu_unit, operator_palu)
    assert not StoryDay.objects.exists()  # a draft counts for nothing
    services.submit_story(story=story, by=operator_palu)
    entry = StoryDay.objects.get(story=story)
    assert entry.outcome == rule.AMBER
    assert entry.day == rule.local_day(entry.submitted_at, "Asia/Makassar")
    services.request_changes(story=story, by=editor_sulteng, note="Tambahkan foto.")
    services.submit_story(story=story, by=operator_palu)
    services.approve_story(story=story, by=editor_sulteng)
    services.publish_story(story=story, by=editor_sulteng)
    entry.refresh_from_db()
    assert entry.outcome == rule.GREEN
    assert (
        entry.submitted_at
        == Transition.objects.filter(story=story, action="submit").earliest("created_at").created_at
    ), "a second submission does not move the story's day"
    assert entry.decided_by == editor_sulteng  # the request for changes was the first decision
    row = UnitDay.objects.get(unit=palu_unit, day=entry.day)
    assert (row.green, row.amber) == (1, 0)


def test_rejection_and_withdrawal_stop_counting(operator_palu, editor_sulteng, palu_unit):
    rejected = _story(palu_unit, operator_palu)
    services.submit_story(story=rejected, by=operator_palu)
    services.reject_story(story=rejected, by=editor_sulteng, note="Bukan kegiatan unit.")
    assert StoryDay.objects.get(story=rejected).outcome == "void"
    published = _story(palu_unit, operator_palu, title="Kunjungan")
    services.submit_story(story=published, by=operator_palu)
    services.approve_story(story=published, by=editor_sulteng)
    services.publish_story(story=published, by=editor_sulteng)
    services.withdraw_story(story=published, by=editor_sulteng, note="Data keliru.")
    row = UnitDay.objects.get(unit=palu_unit)
    assert (row.green, row.amber, row.void) == (0, 0, 2)


def test_the_local_day_of_a_late_evening_submission(operator_palu, palu_unit):
    story = _story(palu_unit, operator_palu)
    # 23:30 WITA on Monday 3 March 2025 is 15:30 UTC.
    step = Transition.objects.create(
        story=story,
        action="submit",
        from_state="draft",
        to_state="submitted",
        created_at=datetime(2025, 3, 3, 15, 30, tzinfo=UTC),
    )
    story.state = "submitted"
    entry = rollup.record_story_step(story=story, transition=step)
    assert entry.day == date(2025, 3, 3)


def test_the_roll_up_kept_by_the_services_equals_a_recomputation(
    operator_palu, operator_pelaihari, editor_sulteng, editor_kalsel, palu_unit, pelaihari_unit
):
    stories = [_story(palu_unit, operator_palu, title=f"Kegiatan {n}") for n in range(4)]
    stories.append(_story(pelaihari_unit, operator_pelaihari, title="Kalsel"))
    for story in stories:
        by = operator_palu if story.unit == palu_unit else operator_pelaihari
        services.submit_story(story=story, by=by)
    services.approve_story(story=stories[0], by=editor_sulteng)
    services.publish_story(story=stories[0], by=editor_sulteng)
    services.request_changes(story=stories[1], by=editor_sulteng, note="Perbaiki judul.")
    services.reject_story(story=stories[2], by=editor_sulteng, note="Ganda.")
    services.pull_back_story(story=stories[3], by=operator_palu)
    services.approve_story(story=stories[4], by=editor_kalsel)
    kept = _table()
    entries, unit_days = rollup.recompute()
    recomputed = {(row.unit_id, row.day): (row.green, row.amber, row.void) for row in unit_days}
    assert kept == recomputed
    kept_entries = {(e.story_id, e.day, e.outcome, e.decided_by_id) for e in StoryDay.objects.all()}
    assert kept_entries == {(e.story_id, e.day, e.outcome, e.decided_by_id) for e in entries}
    # And a rebuild from scratch gives the same table.
    UnitDay.objects.all().delete()
    StoryDay.objects.all().delete()
    rollup.rebuild()
    assert _table() == kept
