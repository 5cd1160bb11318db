"""The review workflow in one place: which action moves a story from which states to which."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import NotificationKind, State


@dataclass(frozen=True)
class Action:
    """One workflow action."""

    name: str
    label: str
    sources: frozenset[str]
    target: str
    by_editor: bool
    note_required: bool = False
    notify: str | None = None


ACTIONS: dict[str, Action] = {
    action.name: action
    for action in [
        Action(
            "submit",
            _("Submit for review"),
            frozenset({State.DRAFT, State.CHANGES_REQUESTED}),
            State.SUBMITTED,
            by_editor=False,
            notify=NotificationKind.SUBMITTED,
        ),
        Action(
            "pull_back",
            _("Pull back"),
            frozenset({State.SUBMITTED}),
            State.DRAFT,
            by_editor=False,
        ),
        Action(
            "request_changes",
            _("Request changes"),
            frozenset({State.SUBMITTED, State.APPROVED, State.SCHEDULED}),
            State.CHANGES_REQUESTED,
            by_editor=True,
            note_required=True,
            notify=NotificationKind.CHANGES_REQUESTED,
        ),
        Action(
            "approve",
            _("Approve"),
            frozenset({State.SUBMITTED}),
            State.APPROVED,
            by_editor=True,
            notify=NotificationKind.APPROVED,
        ),
        Action(
            "schedule",
            _("Schedule"),
            frozenset({State.APPROVED}),
            State.SCHEDULED,
            by_editor=True,
            notify=NotificationKind.SCHEDULED,
        ),
        Action(
            "unschedule",
            _("Cancel schedule"),
            frozenset({State.SCHEDULED}),
            State.APPROVED,
            by_editor=True,
        ),
        Action(
            "publish",
            _("Publish now"),
            frozenset({State.APPROVED, State.SCHEDULED}),
            State.PUBLISHED,
            by_editor=True,
            notify=NotificationKind.PUBLISHED,
        ),
        Action(
            "reject",
            _("Reject"),
            frozenset({State.SUBMITTED, State.APPROVED, State.SCHEDULED}),
            State.REJECTED,
            by_editor=True,
            note_required=True,
            notify=NotificationKind.REJECTED,
        ),
        Action(
            "withdraw",
            _("Withdraw"),
            frozenset({State.PUBLISHED}),
            State.WITHDRAWN,
            by_editor=True,
            note_required=True,
            notify=NotificationKind.WITHDRAWN,
        ),
    ]
}

# Actions that put a story on the public site; the four-eyes rule applies to them.
PUBLISHING_ACTIONS = frozenset({"approve", "schedule", "publish"})

# Who may change the content in each state: operators while drafting, editors
# while reviewing (an editor's edit of an approved story voids the approval).
OPERATOR_EDITABLE = frozenset({State.DRAFT, State.CHANGES_REQUESTED})
EDITOR_EDITABLE = frozenset({State.SUBMITTED, State.APPROVED, State.SCHEDULED})
APPROVAL_STATES = frozenset({State.APPROVED, State.SCHEDULED})


def allows(state: str, action_name: str) -> bool:
    """Whether the action may start from this state."""
    action = ACTIONS.get(action_name)
    return action is not None and state in action.sources
