"""Every write to stories, their workflow, photos and notifications."""

from .notifications import mark_read, set_email_preference
from .stories import StaleEdit, add_comment, create_story, update_story
from .transitions import (
    TransitionRefused,
    approve_story,
    publish_due_stories,
    publish_story,
    pull_back_story,
    reject_story,
    request_changes,
    schedule_story,
    submit_story,
    unschedule_story,
    withdraw_story,
)

__all__ = [
    "StaleEdit",
    "TransitionRefused",
    "add_comment",
    "approve_story",
    "create_story",
    "mark_read",
    "publish_due_stories",
    "publish_story",
    "pull_back_story",
    "reject_story",
    "request_changes",
    "schedule_story",
    "set_email_preference",
    "submit_story",
    "unschedule_story",
    "update_story",
    "withdraw_story",
]
