"""Who may do what with people, roles and organisations. The only place roles are tested."""

from django.contrib.auth.models import AnonymousUser

from .models import Directorate, Kanwil, Role, Unit, User
from .selectors import scope_for

AnyUser = User | AnonymousUser


def is_signed_in(user: AnyUser) -> bool:
    """An active, authenticated person."""
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def is_central_admin(user: AnyUser) -> bool:
    """A central admin of Ditjenpas (acts anywhere)."""
    return bool(scope_for(user).admin_directorate_ids)


def is_kanwil_editor(user: AnyUser) -> bool:
    """An editor of at least one Kanwil."""
    return bool(scope_for(user).editor_kanwil_ids)


def is_unit_operator(user: AnyUser) -> bool:
    """An operator of at least one unit."""
    return bool(scope_for(user).operator_unit_ids)


def is_staff_member(user: AnyUser) -> bool:
    """Holds the staff role somewhere."""
    scope = scope_for(user)
    return bool(scope.staff_unit_ids or scope.staff_kanwil_ids or scope.staff_directorate_ids)


def must_use_two_factor(user: AnyUser) -> bool:
    """Editors and admins must set up two-factor sign-in before they act."""
    return is_central_admin(user) or is_kanwil_editor(user)


def can_operate_unit(user: AnyUser, unit: Unit) -> bool:
    """The user writes for this unit (its operator)."""
    return unit.pk in scope_for(user).operator_unit_ids


def can_edit_for_kanwil(user: AnyUser, kanwil_id: int) -> bool:
    """The user reviews for this Kanwil (its editor, or a central admin)."""
    return is_central_admin(user) or kanwil_id in scope_for(user).editor_kanwil_ids


def can_manage_people(user: AnyUser) -> bool:
    """May open the people desk (invite, see, deactivate)."""
    return is_central_admin(user) or is_kanwil_editor(user)


def can_invite(
    user: AnyUser,
    *,
    role: str,
    unit: Unit | None = None,
    kanwil: Kanwil | None = None,
    directorate: Directorate | None = None,
) -> bool:
    """Central admins grant any role anywhere; a Kanwil editor grants unit roles
    (operator, staff) for units of their region only."""
    if not is_signed_in(user):
        return False
    if is_central_admin(user):
        return True
    if role in (Role.OPERATOR, Role.STAFF) and unit is not None:
        return unit.kanwil_id in scope_for(user).editor_kanwil_ids
    return False


def can_view_person(user: AnyUser, person: User) -> bool:
    """Oneself always; others only through the people desk's scope."""
    return is_signed_in(user) and (user.pk == person.pk or can_manage_people(user))


def can_deactivate_person(user: AnyUser, person: User, person_scope=None) -> bool:
    """Admins deactivate anyone but themselves; editors deactivate people
    whose every role lies in units of their region."""
    if not is_signed_in(user) or user.pk == person.pk or not person.is_active:
        return False
    if is_central_admin(user):
        return True
    scope = person_scope or scope_for(person)
    editor_kanwils = scope_for(user).editor_kanwil_ids
    if not editor_kanwils or not scope.has_any_role:
        return False
    only_unit_roles = not (
        scope.editor_kanwil_ids
        or scope.admin_directorate_ids
        or scope.staff_kanwil_ids
        or scope.staff_directorate_ids
    )
    return only_unit_roles and set(scope.kanwil_of_unit.values()) <= set(editor_kanwils)


def can_manage_organisations(user: AnyUser) -> bool:
    """Adds and edits Kanwil, units and directorates (central admins)."""
    return is_central_admin(user)


def can_browse_training(user: AnyUser) -> bool:
    """Staff and every other role browse training records."""
    return scope_for(user).has_any_role
