"""Scope filters as query conditions, built from the same scope the policies answer from."""

import re

from django.db.models import Q

from accounts.policies import AnyUser, is_central_admin, is_signed_in
from accounts.selectors import scope_for

NOTHING = Q(pk__in=[])


def attendance_scope(user: AnyUser) -> Q:
    """Attendance rows the user may see (on ``Attendance``): every row of the sessions they
    organise, the rows of the invitees in their scope, and their own.

    The same rule as ``policies.can_view_attendees`` with ``policies.oversees_invitee``.
    """
    if not is_signed_in(user):
        return NOTHING
    if is_central_admin(user):
        return Q()
    scope = scope_for(user)
    units = set(scope.operator_unit_ids) | set(scope.staff_unit_ids)
    kanwils = set(scope.editor_kanwil_ids) | set(scope.staff_kanwil_ids)
    directorates = set(scope.admin_directorate_ids) | set(scope.staff_directorate_ids)
    organised = (
        Q(session__organiser_kanwil_id__in=scope.editor_kanwil_ids)
        | Q(session__organiser_unit_id__in=scope.operator_unit_ids)
        | Q(session__organiser_unit__kanwil_id__in=scope.editor_kanwil_ids)
    )
    overseen = (
        Q(invitee__unit_id__in=units)
        | Q(invitee__unit__kanwil_id__in=scope.editor_kanwil_ids)
        | Q(invitee__kanwil_id__in=kanwils)
        | Q(invitee__directorate_id__in=directorates)
    )
    return organised | overseen | Q(user_id=user.pk)


def person_matches(text: str, *, prefix: str = "user__") -> Q:
    """People whose name or e-mail address contains ``text``, or whose NIP starts with it
    (spaces in a typed NIP are ignored)."""
    value = " ".join(text.split())
    if not value:
        return NOTHING
    condition = Q(**{f"{prefix}full_name__icontains": value}) | Q(
        **{f"{prefix}email__icontains": value}
    )
    digits = re.sub(r"\s", "", value)
    if digits.isdigit() and len(digits) >= 4:
        condition |= Q(**{f"{prefix}nip__startswith": digits})
    return condition
