"""Template helpers for people, roles, audit events and paginated lists.

Load with ``{% load portal_people %}``.
"""

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from accounts import policies
from accounts.models import Role, User
from accounts.nip import format_nip

register = template.Library()

AUDIT_ACTIONS = {
    "person.invited": _("Invited"),
    "person.deactivated": _("Account deactivated"),
    "role.granted": _("Role granted"),
    "role.revoked": _("Role revoked"),
    "invitation.accepted": _("Invitation accepted, password set"),
    "profile.updated": _("Profile updated"),
}


@register.filter
def nip(value) -> str:
    """ "198609262015051001" → "19860926 201505 1 001"; anything else unchanged."""
    if not value:
        return ""
    return format_nip(str(value))


@register.filter
def role_label(value) -> str:
    """ "editor" → "Kanwil editor"; an unknown code is returned unchanged."""
    try:
        return str(Role(value).label)
    except ValueError:
        return str(value or "")


@register.filter
def audit_action(value) -> str:
    """A readable name for an audit action code such as "role.granted"."""
    label = AUDIT_ACTIONS.get(value)
    return str(label) if label is not None else str(value or "")


@register.filter
def can_manage_people(user) -> bool:
    """Whether the user may open the people desk (asks accounts.policies)."""
    return policies.can_manage_people(user)


@register.filter
def must_use_two_factor(user) -> bool:
    """Whether the user's roles require two-factor sign-in (asks accounts.policies)."""
    return policies.must_use_two_factor(user)


@register.filter
def person_field_labels(names) -> str:
    """ "full_name", "nip" → "full name, NIP", for audit details listing changed fields."""
    labels = []
    for name in names or ():
        try:
            labels.append(str(User._meta.get_field(name).verbose_name))
        except FieldDoesNotExist:
            labels.append(str(name))
    return ", ".join(labels)


@register.simple_tag
def elided_page_range(page, on_each_side=2, on_ends=1):
    """Page numbers around the current page, with the paginator's ellipsis in the gaps."""
    paginator = page.paginator
    return list(
        paginator.get_elided_page_range(page.number, on_each_side=on_each_side, on_ends=on_ends)
    )
