"""Who may do what with stories. The only place news roles are tested."""

from accounts.models import Unit
from accounts.policies import (
    AnyUser,
    can_edit_for_kanwil,
    can_operate_unit,
    is_central_admin,
    is_kanwil_editor,
    is_signed_in,
    is_unit_operator,
)

from . import workflow
from .models import State, Story


def can_write_for_unit(user: AnyUser, unit: Unit) -> bool:
    """Operators write stories for their own unit only."""
    return is_signed_in(user) and can_operate_unit(user, unit)


def can_review_unit(user: AnyUser, unit: Unit) -> bool:
    """Editors review their region's units; central admins review everywhere."""
    return is_signed_in(user) and can_edit_for_kanwil(user, unit.kanwil_id)


def can_view_story(user: AnyUser, story: Story) -> bool:
    """The unit's operators and the Kanwil's editors see a story at every stage."""
    return can_write_for_unit(user, story.unit) or can_review_unit(user, story.unit)


def is_public_story(story: Story) -> bool:
    """Published stories are public; nothing else is."""
    return story.state == State.PUBLISHED


def can_see_photo(user: AnyUser, story: Story) -> bool:
    """A photo is as visible as its story."""
    return is_public_story(story) or can_view_story(user, story)


def is_author(user: AnyUser, story: Story) -> bool:
    """Wrote the story (creator or listed author)."""
    if story.created_by_id == user.pk:
        return True
    return any(author.pk == user.pk for author in story.authors.all())


def can_edit_story(user: AnyUser, story: Story) -> bool:
    """Operators edit while drafting; editors while reviewing."""
    if story.state in workflow.OPERATOR_EDITABLE and can_write_for_unit(user, story.unit):
        return True
    return story.state in workflow.EDITOR_EDITABLE and can_review_unit(user, story.unit)


def can_comment(user: AnyUser, story: Story) -> bool:
    """Anyone who may see the story may discuss it."""
    return can_view_story(user, story)


def can_manage_photos(user: AnyUser, story: Story) -> bool:
    """Photos change with the content."""
    return can_edit_story(user, story)


def can_perform(user: AnyUser, story: Story, action_name: str) -> bool:
    """The role fits the action, the state allows it, and nobody publishes their own story."""
    action = workflow.ACTIONS.get(action_name)
    if action is None or not workflow.allows(story.state, action_name):
        return False
    if action.by_editor:
        if not can_review_unit(user, story.unit):
            return False
        return not (action_name in workflow.PUBLISHING_ACTIONS and wrote_content(user, story))
    return can_write_for_unit(user, story.unit)


def wrote_content(user: AnyUser, story: Story) -> bool:
    """Four eyes: an author, or the person who saved the revision under review."""
    revision = story.current_revision
    return is_author(user, story) or (revision is not None and revision.created_by_id == user.pk)


def available_actions(user: AnyUser, story: Story) -> list[workflow.Action]:
    """The actions to offer as buttons."""
    return [action for name, action in workflow.ACTIONS.items() if can_perform(user, story, name)]


def can_use_review_queue(user: AnyUser) -> bool:
    """Editors and central admins have a review queue."""
    return is_central_admin(user) or is_kanwil_editor(user)


def can_use_unit_desk(user: AnyUser) -> bool:
    """Operators have a desk of their unit's stories."""
    return is_unit_operator(user)


def can_share_story(user: AnyUser, story: Story) -> bool:
    """The share kit of a published story: its unit's operators, its Kanwil's editors, admins."""
    return is_public_story(story) and can_view_story(user, story)


def can_set_focal_point(user: AnyUser, story: Story) -> bool:
    """Whoever may see the story sets where its photos are cropped, until it is closed."""
    return story.state not in (State.REJECTED, State.WITHDRAWN) and can_view_story(user, story)


def can_edit_hashtags(user: AnyUser, unit: Unit | None) -> bool:
    """The default hashtags are the central admins'; a unit's own are its operators' and
    its Kanwil editors' (and the central admins')."""
    if unit is None:
        return is_signed_in(user) and is_central_admin(user)
    return can_write_for_unit(user, unit) or can_review_unit(user, unit)


def can_record_coverage(user: AnyUser, story: Story) -> bool:
    """The unit's operators and the Kanwil's editors log where a published story appeared."""
    return is_public_story(story) and can_view_story(user, story)
