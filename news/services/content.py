"""What every change of a story's content entails, whether text or photos changed."""

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from .. import workflow
from ..models import State, Story, StoryRevision, Transition

# ``stories.update_story`` is to use ``record_content_change`` too; importing the module rather
# than the name keeps that import cycle harmless.
from . import stories


def record_content_change(
    *, story: Story, by: User, fields: list[str] | tuple[str, ...] = ()
) -> StoryRevision:
    """Snapshot a locked story, bump its version and void an approval; save the given fields."""
    story.version += 1
    story.updated_at = timezone.now()
    update_fields = [*fields, "version", "updated_at", "current_revision"]
    previous_state = story.state
    voided = previous_state in workflow.APPROVAL_STATES
    if voided:
        story.state = State.SUBMITTED
        story.approved_revision = None
        story.publish_at = None
        update_fields += ["state", "approved_revision", "publish_at"]
    revision = stories.snapshot(story=story, by=by)
    story.save(update_fields=list(dict.fromkeys(update_fields)))
    if voided:
        Transition.objects.create(
            story=story,
            actor=by,
            action="edit_voids_approval",
            from_state=previous_state,
            to_state=story.state,
            note=_("The content changed after approval, so the approval no longer applies."),
            revision=revision,
        )
    return revision
