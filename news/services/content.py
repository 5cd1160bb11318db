"""What every change of a story's content entails, whether text or photos changed."""

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from .. import workflow
from ..models import State, Story, StoryRevision, Transition


def snapshot(*, story: Story, by: User | None) -> StoryRevision:
    """Record the story's current content as its next revision."""
    last = story.revisions.order_by("-number").values_list("number", flat=True).first() or 0
    revision = StoryRevision.objects.create(
        story=story,
        number=last + 1,
        title=story.title,
        lead=story.lead,
        body=story.body,
        event_start=story.event_start,
        dateline=story.dateline,
        category_name=story.category.name,
        tag_names=sorted(tag.name for tag in story.tags.all()),
        photos=[
            {"id": photo.pk, "caption": photo.caption, "credit": photo.credit}
            for photo in story.photos.order_by("position", "id")
        ],
        created_by=by,
    )
    story.current_revision = revision
    return revision


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
    revision = snapshot(story=story, by=by)
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
