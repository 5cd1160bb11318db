"""Every (state × action × persona): allowed steps happen once; refused ones leave no trace."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from news import services, workflow
from news.models import Comment, Notification, State, Story, StoryRevision, Transition
from tests.factories.news import force_state

PERSONAS = [
    "operator_palu",
    "operator_pelaihari",
    "editor_sulteng",
    "editor_kalsel",
    "central_admin",
    "staff_member",
]


def _call(action: str, story: Story, by):
    if action in ("request_changes", "reject", "withdraw"):
        service = {
            "request_changes": services.request_changes,
            "reject": services.reject_story,
            "withdraw": services.withdraw_story,
        }[action]
        return service(story=story, by=by, note="Mohon lengkapi keterangan foto.")
    if action == "schedule":
        return services.schedule_story(
            story=story, by=by, publish_at=timezone.now() + timedelta(hours=3)
        )
    service = {
        "submit": services.submit_story,
        "pull_back": services.pull_back_story,
        "approve": services.approve_story,
        "unschedule": services.unschedule_story,
        "publish": services.publish_story,
    }[action]
    return service(story=story, by=by)


def _expected(state: str, action: str, persona: str) -> bool:
    spec = workflow.ACTIONS[action]
    if state not in spec.sources:
        return False
    if spec.by_editor:
        return persona in ("editor_sulteng", "central_admin")
    return persona == "operator_palu"


def _trace(story: Story) -> tuple:
    return (
        Transition.objects.filter(story=story).count(),
        Notification.objects.filter(story=story).count(),
        Comment.objects.filter(story=story).count(),
        StoryRevision.objects.filter(story=story).count(),
        len(mail.outbox),
    )


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("action", list(workflow.ACTIONS))
@pytest.mark.parametrize("state", State.values)
@pytest.mark.django_db
def test_every_state_action_and_persona(
    request, palu_story, state, action, persona, django_capture_on_commit_callbacks
):
    # Every persona exists in every case, so a leak to another scope has somewhere to go.
    people = {name: request.getfixturevalue(name) for name in PERSONAS}
    story = force_state(palu_story, state)
    before = _trace(story)
    snapshot = Story.objects.values().get(pk=story.pk)

    with django_capture_on_commit_callbacks(execute=True):
        try:
            _call(action, story, people[persona])
        except (PermissionDenied, ValidationError):
            succeeded = False
        else:
            succeeded = True

    assert succeeded is _expected(state, action, persona)
    story.refresh_from_db()
    if succeeded:
        assert story.state == workflow.ACTIONS[action].target
        steps = Transition.objects.filter(story=story, action=action)
        assert steps.count() == 1
        step = steps.get()
        assert (step.from_state, step.to_state) == (state, story.state)
        assert step.actor == people[persona]
    else:
        assert _trace(story) == before
        assert Story.objects.values().get(pk=story.pk) == snapshot
