"""Who may see and change staff directory records. The only place directory roles are tested.

The reach below is the directory's one scope rule: the policies answer from it and the selectors
turn the same object into a query condition, so the two cannot drift apart.
"""

from dataclasses import dataclass

from django.db.models import Q

from accounts.models import Directorate, Kanwil, Unit
from accounts.policies import AnyUser, is_central_admin, is_signed_in
from accounts.selectors import scope_for

NOTHING = Q(pk__in=[])


@dataclass(frozen=True)
class Reach:
    """The organisations whose staff a person may see and edit."""

    everything: bool = False
    unit_ids: frozenset[int] = frozenset()
    kanwil_ids: frozenset[int] = frozenset()

    @property
    def is_empty(self) -> bool:
        """Reaches nobody."""
        return not (self.everything or self.unit_ids or self.kanwil_ids)

    def covers(self, *, unit: Unit | None = None, kanwil: Kanwil | None = None, directorate=None):
        """Whether an organisation (one of the three) lies within the reach."""
        if self.everything:
            return True
        if unit is not None:
            return unit.pk in self.unit_ids or unit.kanwil_id in self.kanwil_ids
        if kanwil is not None:
            return kanwil.pk in self.kanwil_ids
        return False

    def condition(self, prefix: str = "") -> Q:
        """The same rule as a query condition on ``StaffMember`` (or a relation to it)."""
        if self.everything:
            return Q()
        if self.is_empty:
            return NOTHING
        return (
            Q(**{f"{prefix}unit_id__in": self.unit_ids})
            | Q(**{f"{prefix}unit__kanwil_id__in": self.kanwil_ids})
            | Q(**{f"{prefix}kanwil_id__in": self.kanwil_ids})
        )


def reach_of(user: AnyUser) -> Reach:
    """Operators reach their unit, editors their region (its units and office), central admins
    everyone; staff and strangers nobody."""
    if not is_signed_in(user):
        return Reach()
    if is_central_admin(user):
        return Reach(everything=True)
    scope = scope_for(user)
    return Reach(unit_ids=scope.operator_unit_ids, kanwil_ids=scope.editor_kanwil_ids)


def can_use_directory(user: AnyUser) -> bool:
    """Opens the directory at all."""
    return not reach_of(user).is_empty


def can_see_member(user: AnyUser, member) -> bool:
    """The member works within the user's reach."""
    return reach_of(user).covers(
        unit=member.unit, kanwil=member.kanwil, directorate=member.directorate
    )


def can_edit_member(user: AnyUser, member) -> bool:
    """Whoever sees a record keeps it up to date."""
    return can_see_member(user, member)


def can_place_in(user: AnyUser, organisation: Unit | Kanwil | Directorate) -> bool:
    """May add a person to, or move a person into, this organisation."""
    reach = reach_of(user)
    if isinstance(organisation, Unit):
        return reach.covers(unit=organisation)
    if isinstance(organisation, Kanwil):
        return reach.covers(kanwil=organisation)
    return reach.covers(directorate=organisation)


def can_link_login(user: AnyUser, member) -> bool:
    """Linking a record to a login moves history; editors and central admins do it."""
    if not can_see_member(user, member):
        return False
    reach = reach_of(user)
    return reach.everything or bool(reach.kanwil_ids)
