"""The newsroom's signed-in pages cost the same queries for one row and for many, on any page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from news import services
from news.models import Notification, State, StoryRevision, Transition
from tests.factories.news import force_state, write_story

pytestmark = pytest.mark.django_db
MANY = 30  # more than one page of the queue (25) and of the inbox (30 + 1)


def queries_for(client, url) -> int:
    """Queries of one GET (which must succeed)."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def submitted_stories(unit, by, count: int) -> list:
    """Stories waiting for review in the unit's Kanwil."""
    return [
        force_state(write_story(unit=unit, by=by, title=f"Berita {index}"), State.SUBMITTED)
        for index in range(count)
    ]


def notify(recipient, stories) -> None:
    """One notification per story for the recipient."""
    Notification.objects.bulk_create(
        Notification(recipient=recipient, kind="submitted", story=story, actor=story.created_by)
        for story in stories
    )


def test_unit_desk_queries_do_not_grow(
    client_for, operator_palu, palu_unit, django_assert_num_queries
):
    client = client_for(operator_palu)
    url = reverse("news:unit_desk")
    story = write_story(unit=palu_unit, by=operator_palu)
    services.add_comment(story=story, by=operator_palu, text="Cek foto")
    one = queries_for(client, url)
    for index in range(MANY):
        write_story(unit=palu_unit, by=operator_palu, title=f"Lain {index}")
    with django_assert_num_queries(one):
        response = client.get(url)
    assert len(response.context["page"].object_list) == 25
    with django_assert_num_queries(one):
        client.get(f"{url}?after={response.context['page'].next_token}")


def test_review_queue_queries_do_not_grow_on_any_page(
    client_for, editor_sulteng, operator_palu, palu_unit, django_assert_num_queries
):
    client = client_for(editor_sulteng)
    url = reverse("news:review_queue")
    submitted_stories(palu_unit, operator_palu, 1)
    one = queries_for(client, url)
    submitted_stories(palu_unit, operator_palu, MANY)
    with django_assert_num_queries(one):
        first = client.get(url).context["page"]
    assert first.has_next and not first.has_previous
    with django_assert_num_queries(one):
        second = client.get(f"{url}?after={first.next_token}").context["page"]
    assert len(second.object_list) == MANY + 1 - 25
    assert not second.has_next and second.has_previous
    with django_assert_num_queries(one):
        back = client.get(f"{url}?before={second.previous_token}").context["page"]
    assert [story.pk for story in back.object_list] == [story.pk for story in first.object_list]


def test_review_queue_keeps_the_oldest_submission_first(
    client_for, editor_sulteng, operator_palu, palu_unit
):
    stories = submitted_stories(palu_unit, operator_palu, 3)
    page = client_for(editor_sulteng).get(reverse("news:review_queue")).context["page"]
    assert [story.pk for story in page.object_list] == [story.pk for story in stories]
    assert all("body" in story.get_deferred_fields() for story in page.object_list)


@pytest.mark.parametrize("cursor", ["after=x", "after=1_2_3", "before=99999999999999999999_1"])
def test_a_malformed_cursor_is_not_found(client_for, editor_sulteng, cursor):
    response = client_for(editor_sulteng).get(f"{reverse('news:review_queue')}?{cursor}")
    assert response.status_code == 404


def test_inbox_queries_do_not_grow(
    client_for, editor_sulteng, operator_palu, palu_unit, django_assert_num_queries
):
    client = client_for(editor_sulteng)
    url = reverse("news:inbox")
    stories = submitted_stories(palu_unit, operator_palu, 2)
    notify(editor_sulteng, stories[:1])
    client.get(url)  # the new notification makes the session read the unread count again
    one = queries_for(client, url)
    notify(editor_sulteng, stories * 20)
    client.get(url)
    with django_assert_num_queries(one):
        page = client.get(url).context["page"]
    assert len(page.object_list) == 30 and page.has_next
    with django_assert_num_queries(one):
        client.get(f"{url}?after={page.next_token}")


def _revise(story, by, times: int) -> None:
    """Save the story again and submit it ``times`` times."""
    for number in range(times):
        revision = StoryRevision.objects.create(
            story=story,
            number=story.current_revision.number + number + 1,
            title=story.title,
            lead=story.lead,
            body=f"{story.body} tambahan {number}",
            event_start=story.event_start,
            dateline=story.dateline,
            category_name="Kehumasan",
            created_by=by,
        )
        Transition.objects.create(
            story=story,
            actor=by,
            action="submit",
            from_state="draft",
            to_state="submitted",
            revision=revision,
        )
        story.current_revision = revision
        story.submitted_revision = revision
        story.save(update_fields=["current_revision", "submitted_revision"])


def test_review_page_and_changes_queries_do_not_grow(
    client_for, editor_sulteng, operator_palu, palu_unit, django_assert_num_queries
):
    client = client_for(editor_sulteng)
    story = force_state(write_story(unit=palu_unit, by=operator_palu), State.SUBMITTED)
    _revise(story, operator_palu, 2)
    detail = reverse("news:story_detail", args=[story.pk])
    changes = reverse("news:story_changes", args=[story.pk, "submitted"])
    client.get(detail)  # the editorial checks keep the unit directory a minute per process
    one_detail, one_changes = queries_for(client, detail), queries_for(client, changes)
    _revise(story, operator_palu, 8)
    for index in range(5):
        services.add_comment(story=story, by=editor_sulteng, text=f"Catatan {index}")
    client.get(detail)  # comments notify the authors, not the editor; nothing to re-read
    with django_assert_num_queries(one_detail):
        client.get(detail)
    with django_assert_num_queries(one_changes):
        client.get(changes)
