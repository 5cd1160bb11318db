"""Who may see and change One Day One News data. Roles are asked of accounts.policies only."""

from accounts.models import Unit
from accounts.policies import (
    AnyUser,
    can_edit_for_kanwil,
    can_operate_unit,
    is_central_admin,
    is_signed_in,
)
from accounts.selectors import scope_for


def can_view_unit_record(user: AnyUser, unit: Unit) -> bool:
    """The unit's operators, its Kanwil's editors and central admins."""
    return is_signed_in(user) and (
        can_operate_unit(user, unit) or can_edit_for_kanwil(user, unit.kanwil_id)
    )


def can_view_kanwil_board(user: AnyUser, kanwil_id: int) -> bool:
    """The Kanwil's editors and central admins."""
    return is_signed_in(user) and can_edit_for_kanwil(user, kanwil_id)


def can_view_national_board(user: AnyUser) -> bool:
    """Central admins only."""
    return is_signed_in(user) and is_central_admin(user)


def can_edit_calendar(user: AnyUser) -> bool:
    """Central admins keep the holiday and joint-leave calendar."""
    return is_signed_in(user) and is_central_admin(user)


def can_edit_settings(user: AnyUser) -> bool:
    """Central admins set reminder hours and the public coverage section."""
    return is_signed_in(user) and is_central_admin(user)


def board_kanwil_ids(user: AnyUser) -> frozenset[int]:
    """The Kanwil whose boards an editor opens by default (none for admins: they choose)."""
    return scope_for(user).editor_kanwil_ids


def desk_unit_ids(user: AnyUser) -> frozenset[int]:
    """The units whose ODON record an operator sees on the desk."""
    return scope_for(user).operator_unit_ids
