"""The newsroom's shortcuts on the person's desk (accounts' dashboard)."""

from django import template

from accounts.policies import AnyUser

from .. import policies, selectors

register = template.Library()


@register.inclusion_tag("news/partials/desk_shortcuts.html")
def newsroom_shortcuts(user: AnyUser) -> dict:
    """The write-a-story button and the needs-revision count for operators, else nothing."""
    if not policies.can_use_unit_desk(user):
        return {"show": False}
    return {"show": True, "needs_revision": selectors.needs_revision_count_for(user)}
