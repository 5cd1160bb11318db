"""Every workflow step is one function here, each row-locked and recorded."""

from collections.abc import Callable, Collection, Mapping
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from odon.rollup import record_story_step

from .. import policies, workflow
from ..models import State, Story, Transition
from ..public import cache as public_cache
from ..sanitize import clean_text
from ..selectors import stories_due_for_publication
from . import checks
from .notifications import notify_authors, notify_kanwil_editors
from .related import choose_related_stories, queue_refresh_of_lists_citing
from .sharing import ensure_share_kit, queue_share_cards


class TransitionRefused(ValidationError):
    """The step is not possible: wrong state, wrong person, or missing information."""


def _transition(
    *,
    story: Story,
    by: User | None,
    action_name: str,
    note: str = "",
    guard: Callable[[Story], str | None] | None = None,
    **changes,
) -> Story:
    """Lock the story, check, move it, record the step and queue notifications.

    A change may be a callable of the locked story, so it reads fresh values."""
    action = workflow.ACTIONS[action_name]
    locked = (
        Story.objects.select_for_update(of=("self",))
        .select_related("unit__kanwil", "current_revision")
        .get(pk=story.pk)
    )
    if locked.state not in action.sources:
        raise TransitionRefused(
            _("This story is “%(state)s”; “%(action)s” is not possible now.")
            % {"state": locked.get_state_display(), "action": action.label},
            code="wrong_state",
        )
    if by is not None and not policies.can_perform(by, locked, action_name):
        if action.name in workflow.PUBLISHING_ACTIONS and policies.wrote_content(by, locked):
            raise PermissionDenied(
                _("Four eyes: someone other than its writers must approve and publish it.")
            )
        raise PermissionDenied(_("You may not do this with this story."))
    problem = guard(locked) if guard else None
    if problem:
        raise TransitionRefused(problem, code="incomplete")
    note = clean_text(note)
    if action.note_required and not note:
        raise TransitionRefused(_("Please give a reason."), code="note_required")
    from_state = locked.state
    locked.state = action.target
    locked.updated_at = timezone.now()
    for name, value in changes.items():
        setattr(locked, name, value(locked) if callable(value) else value)
    locked.save(update_fields=["state", "updated_at", *changes])
    revision_id = (
        locked.approved_revision_id
        if action.target in (State.APPROVED, State.SCHEDULED, State.PUBLISHED)
        else locked.current_revision_id
    )
    step = Transition.objects.create(
        story=locked,
        actor=by,
        action=action.name,
        from_state=from_state,
        to_state=locked.state,
        note=note,
        revision_id=revision_id,
    )
    # One Day One News roll-up, in this same transaction.
    record_story_step(story=locked, transition=step)
    if action.notify == "submitted":
        notify_kanwil_editors(story=locked, kind=action.notify, actor=by)
    elif action.notify:
        notify_authors(story=locked, kind=action.notify, actor=by, note=note)
    return locked


@transaction.atomic
def submit_story(
    *,
    story: Story,
    by: User,
    overrides: Mapping[str, str] | None = None,
    ethics_ticked: Collection[int] | None = None,
) -> Story:
    """Send the story to the Kanwil editors once the checks pass or each block is explained.

    The form always sends `ethics_ticked` (maybe empty); None is for callers without a form."""
    found: list = []

    def guard(locked: Story) -> str | None:
        problem = _ready_for_review(locked)
        if problem:
            return problem
        found.extend(checks.findings_for(story=locked, user=by))
        return checks.submission_problem(
            findings=found, overrides=overrides, ethics_ticked=ethics_ticked
        )

    submitted = _transition(
        story=story,
        by=by,
        action_name="submit",
        guard=guard,
        submitted_revision_id=lambda locked: locked.current_revision_id,
    )
    checks.record_submission_check(
        story=submitted, by=by, findings=found, overrides=overrides, ethics_ticked=ethics_ticked
    )
    return submitted


def _ready_for_review(story: Story) -> str | None:
    """A story goes to review with 1 to 10 captioned photos."""
    if not story.photos.exists():
        return _("Add at least one photo with a caption before submitting.")
    return None


@transaction.atomic
def pull_back_story(*, story: Story, by: User) -> Story:
    """Take a submission back to draft before review."""
    return _transition(story=story, by=by, action_name="pull_back")


@transaction.atomic
def request_changes(*, story: Story, by: User, note: str) -> Story:
    """Send the story back to its writers with a reason; any approval lapses."""
    return _transition(
        story=story,
        by=by,
        action_name="request_changes",
        note=note,
        approved_revision=None,
        publish_at=None,
    )


@transaction.atomic
def approve_story(*, story: Story, by: User) -> Story:
    """Approve exactly the revision under review."""
    return _transition(
        story=story,
        by=by,
        action_name="approve",
        approved_revision_id=lambda locked: locked.current_revision_id,
    )


@transaction.atomic
def schedule_story(*, story: Story, by: User, publish_at: datetime) -> Story:
    """Publish the approved revision automatically at a later time."""
    if publish_at <= timezone.now():
        raise TransitionRefused(_("Choose a time in the future."), code="past")
    return _transition(story=story, by=by, action_name="schedule", publish_at=publish_at)


@transaction.atomic
def unschedule_story(*, story: Story, by: User) -> Story:
    """Cancel a scheduled publication; the approval stays."""
    return _transition(story=story, by=by, action_name="unschedule", publish_at=None)


@transaction.atomic
def publish_story(*, story: Story, by: User | None) -> Story:
    """Put exactly the approved revision live (by=None: the scheduler)."""
    published = _transition(
        story=story,
        by=by,
        action_name="publish",
        live_revision_id=lambda locked: locked.approved_revision_id,
        published_at=lambda locked: locked.published_at or timezone.now(),
        publish_at=None,
    )
    choose_related_stories(story=published)
    # The short link exists from the moment the story is public; its cards follow.
    ensure_share_kit(story=published)
    queue_share_cards(published.pk)
    # The public pages show it from now on; the search vector follows by trigger.
    transaction.on_commit(public_cache.invalidate, robust=True)
    return published


@transaction.atomic
def reject_story(*, story: Story, by: User, note: str) -> Story:
    """Turn the story down for good, with a reason."""
    return _transition(
        story=story, by=by, action_name="reject", note=note, approved_revision=None, publish_at=None
    )


@transaction.atomic
def withdraw_story(*, story: Story, by: User, note: str) -> Story:
    """Take a published story down with a public correction note."""
    withdrawn = _transition(
        story=story, by=by, action_name="withdraw", note=note, correction_note=clean_text(note)
    )
    transaction.on_commit(public_cache.invalidate, robust=True)
    transaction.on_commit(lambda: queue_refresh_of_lists_citing(withdrawn.pk))
    return withdrawn


def publish_due_stories(*, now: datetime | None = None) -> int:
    """Publish every scheduled story whose time has come; safe to run twice at once."""
    now = now or timezone.now()
    published = 0
    for story_id in stories_due_for_publication(now).values_list("pk", flat=True):
        with transaction.atomic():
            # Skip rows another run holds; it is publishing them already.
            claimed = (
                Story.objects.select_for_update(skip_locked=True)
                .filter(pk=story_id, state=State.SCHEDULED, publish_at__lte=now)
                .first()
            )
            if claimed is None:
                continue
            publish_story(story=claimed, by=None)
            published += 1
    return published
