"""What the public may read. Built on news.policies.is_public_story, the one rule."""

from .. import policies
from ..models import State, Story


def can_read(story: Story) -> bool:
    """Anyone reads a published story in full."""
    return policies.is_public_story(story)


def shows_withdrawal_notice(story: Story) -> bool:
    """A withdrawn story keeps a page with its title and correction note, never its text."""
    return story.state == State.WITHDRAWN and not policies.is_public_story(story)
