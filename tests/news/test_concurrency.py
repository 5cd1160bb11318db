"""On PostgreSQL: row locks make racing clicks record exactly one step."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from accounts.models import User
from news import services
from news.models import State, Story, Transition
from tests.factories.news import attach_photo, write_story

# serialized_rollback restores the reference data (units, Kanwil) the flush removes.
pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _race(*calls):
    """Run the calls at the same moment in threads; return what each raised or returned."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - the outcome is what we inspect
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def _submitted_story(palu_unit, operator_palu) -> Story:
    story = write_story(unit=palu_unit, by=operator_palu)
    attach_photo(story)
    services.submit_story(story=story, by=operator_palu)
    return Story.objects.get(pk=story.pk)


def test_two_editors_approving_at_once_record_one_transition(
    palu_unit, operator_palu, editor_sulteng, central_admin
):
    story = _submitted_story(palu_unit, operator_palu)
    editor = User.objects.get(pk=editor_sulteng.pk)
    admin = User.objects.get(pk=central_admin.pk)
    results = _race(
        lambda: services.approve_story(story=story, by=editor),
        lambda: services.approve_story(story=story, by=admin),
    )
    successes = [result for result in results if isinstance(result, Story)]
    refusals = [result for result in results if isinstance(result, ValidationError)]
    assert len(successes) == 1 and len(refusals) == 1, results
    assert Transition.objects.filter(story=story, action="approve").count() == 1
    assert Story.objects.get(pk=story.pk).state == State.APPROVED


def test_a_double_click_on_submit_records_one_transition(palu_unit, operator_palu):
    story = write_story(unit=palu_unit, by=operator_palu)
    attach_photo(story)
    operator = User.objects.get(pk=operator_palu.pk)
    results = _race(
        lambda: services.submit_story(story=story, by=operator),
        lambda: services.submit_story(story=story, by=User.objects.get(pk=operator_palu.pk)),
    )
    assert sum(isinstance(result, Story) for result in results) == 1, results
    assert Transition.objects.filter(story=story, action="submit").count() == 1


def test_two_stale_edits_at_once_keep_one_and_refuse_the_other(palu_unit, operator_palu):
    story = write_story(unit=palu_unit, by=operator_palu)

    def edit(title):
        def call():
            return services.update_story(
                story=story,
                by=User.objects.get(pk=operator_palu.pk),
                expected_version=1,
                title=title,
                lead=story.lead,
                body=story.body,
                event_start=story.event_start,
                dateline=story.dateline,
                category=story.category,
            )

        return call

    results = _race(edit("Judul A"), edit("Judul B"))
    saved = [result for result in results if isinstance(result, Story)]
    stale = [result for result in results if isinstance(result, services.StaleEdit)]
    assert len(saved) == 1 and len(stale) == 1, results
    fresh = Story.objects.get(pk=story.pk)
    assert fresh.version == 2
    assert fresh.title == saved[0].title
    assert fresh.revisions.count() == 2
    assert not any(isinstance(result, PermissionDenied) for result in results)
