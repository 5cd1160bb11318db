"""Scoped and tuned reads of people, roles and organisations."""

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch, Q, QuerySet

from .models import Directorate, Invitation, Kanwil, Role, RoleAssignment, Unit, User

SCOPE_CACHE_ATTRIBUTE = "_portal_scope"


@dataclass(frozen=True)
class UserScope:
    """Everything the policies need to know about one person's roles, read once."""

    operator_unit_ids: frozenset[int] = frozenset()
    editor_kanwil_ids: frozenset[int] = frozenset()
    admin_directorate_ids: frozenset[int] = frozenset()
    staff_unit_ids: frozenset[int] = frozenset()
    staff_kanwil_ids: frozenset[int] = frozenset()
    staff_directorate_ids: frozenset[int] = frozenset()
    # Kanwil of every unit the person operates, so region checks need no query.
    kanwil_of_unit: dict[int, int] = field(default_factory=dict)
    time_zone: str | None = None

    @property
    def has_any_role(self) -> bool:
        """Whether the person holds at least one role."""
        return bool(
            self.operator_unit_ids
            or self.editor_kanwil_ids
            or self.admin_directorate_ids
            or self.staff_unit_ids
            or self.staff_kanwil_ids
            or self.staff_directorate_ids
        )


EMPTY_SCOPE = UserScope()


def role_assignments_of(user: User) -> QuerySet[RoleAssignment]:
    """A person's roles with their organisations, in a single query."""
    return RoleAssignment.objects.filter(user=user).select_related(
        "unit__kanwil", "kanwil", "directorate"
    )


def scope_for(user: User | AnonymousUser) -> UserScope:
    """The person's scope, computed once per user object (one query)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return EMPTY_SCOPE
    cached = getattr(user, SCOPE_CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    buckets: dict[str, set[int]] = {
        "operator_unit_ids": set(),
        "editor_kanwil_ids": set(),
        "admin_directorate_ids": set(),
        "staff_unit_ids": set(),
        "staff_kanwil_ids": set(),
        "staff_directorate_ids": set(),
    }
    kanwil_of_unit: dict[int, int] = {}
    zones: list[str] = []
    for assignment in role_assignments_of(user):
        organisation = assignment.organisation
        if assignment.role == Role.OPERATOR:
            key = "operator_unit_ids"
        elif assignment.role == Role.EDITOR:
            key = "editor_kanwil_ids"
        elif assignment.role == Role.ADMIN:
            key = "admin_directorate_ids"
        elif assignment.unit_id:
            key = "staff_unit_ids"
        elif assignment.kanwil_id:
            key = "staff_kanwil_ids"
        else:
            key = "staff_directorate_ids"
        buckets[key].add(organisation.pk)
        if assignment.unit_id:
            kanwil_of_unit[assignment.unit_id] = assignment.unit.kanwil_id
            zones.append(assignment.unit.effective_time_zone)
        else:
            zones.append(organisation.time_zone)
    scope = UserScope(
        **{key: frozenset(ids) for key, ids in buckets.items()},
        kanwil_of_unit=kanwil_of_unit,
        time_zone=zones[0] if zones else None,
    )
    setattr(user, SCOPE_CACHE_ATTRIBUTE, scope)
    return scope


def forget_scope(user: User) -> None:
    """Drop the cached scope after the person's roles change."""
    if hasattr(user, SCOPE_CACHE_ATTRIBUTE):
        delattr(user, SCOPE_CACHE_ATTRIBUTE)


def kanwils_with_unit_counts() -> QuerySet[Kanwil]:
    """All Kanwil with the number of their active units."""
    return Kanwil.objects.annotate(
        unit_count=Count("units", filter=Q(units__is_active=True))
    ).order_by("province")


def units_of_kanwil(kanwil: Kanwil) -> QuerySet[Unit]:
    """The active units of one Kanwil, by name."""
    return kanwil.units.filter(is_active=True).select_related("kanwil").order_by("name")


def active_units() -> QuerySet[Unit]:
    """Every active unit, with its Kanwil."""
    return Unit.objects.filter(is_active=True).select_related("kanwil")


def directorates() -> QuerySet[Directorate]:
    """Ditjenpas headquarters and its directorates."""
    return Directorate.objects.all()


def people_visible_to(user: User) -> QuerySet[User]:
    """People whose records the user may see: everyone for central admins,
    people of their region for Kanwil editors, and themselves otherwise."""
    from . import policies

    scope = scope_for(user)
    people = User.objects.all()
    if policies.is_central_admin(user):
        visible = people
    elif scope.editor_kanwil_ids:
        in_region = (
            Q(role_assignments__unit__kanwil_id__in=scope.editor_kanwil_ids)
            | Q(role_assignments__kanwil_id__in=scope.editor_kanwil_ids)
            | Q(pk=user.pk)
        )
        visible = people.filter(
            pk__in=User.objects.filter(in_region).values("pk"),
        )
    else:
        visible = people.filter(pk=user.pk)
    return visible.prefetch_related(
        Prefetch(
            "role_assignments",
            queryset=RoleAssignment.objects.select_related("unit__kanwil", "kanwil", "directorate"),
        )
    ).order_by("full_name", "pk")


def open_invitation_for(user: User) -> Invitation | None:
    """The person's pending invitation, if any."""
    return Invitation.objects.filter(
        user=user, accepted_at__isnull=True, revoked_at__isnull=True
    ).first()


def invitation_by_token_hash(token_hash: str) -> Invitation | None:
    """The invitation a link points at, with its person."""
    return Invitation.objects.select_related("user").filter(token_hash=token_hash).first()


def recent_audit_events_about(person: User, limit: int = 20):
    """The latest audit events concerning one person."""
    return person.audit_events.select_related("actor")[:limit]
