"""Who may do what with training records. The only place training roles are tested.

Every predicate answers from ``scope_for(user)`` (read once per request) and the fields of
the objects passed in; lists such as a session's invitees come prefetched by the selectors.
"""

from collections.abc import Iterable

from accounts.models import Directorate, Kanwil, Unit, User
from accounts.policies import AnyUser, is_central_admin, is_signed_in
from accounts.selectors import UserScope, scope_for

from .models import Invitee, Material, MaterialVisibility, TrainingSession

Organisation = Unit | Kanwil | Directorate


def can_browse_training(user: AnyUser) -> bool:
    """Staff and every other role browse sessions, speakers and participation figures."""
    return is_signed_in(user) and scope_for(user).has_any_role


def can_create_sessions(user: AnyUser) -> bool:
    """Central admins, Kanwil editors and unit operators organise sessions."""
    if not is_signed_in(user):
        return False
    scope = scope_for(user)
    return bool(scope.admin_directorate_ids or scope.editor_kanwil_ids or scope.operator_unit_ids)


def can_organise_for(user: AnyUser, organisation: Organisation) -> bool:
    """Admins organise for anyone; an editor for their Kanwil and its units; an operator for
    their own unit."""
    if not is_signed_in(user):
        return False
    if is_central_admin(user):
        return True
    scope = scope_for(user)
    if isinstance(organisation, Kanwil):
        return organisation.pk in scope.editor_kanwil_ids
    if isinstance(organisation, Unit):
        return (
            organisation.pk in scope.operator_unit_ids
            or organisation.kanwil_id in scope.editor_kanwil_ids
        )
    return False


def can_manage_session(user: AnyUser, session: TrainingSession) -> bool:
    """The organiser's side: edit, invite, record attendance, import, issue certificates."""
    if not is_signed_in(user):
        return False
    if is_central_admin(user):
        return True
    scope = scope_for(user)
    if session.organiser_kanwil_id:
        return session.organiser_kanwil_id in scope.editor_kanwil_ids
    if session.organiser_unit_id:
        return (
            session.organiser_unit_id in scope.operator_unit_ids
            or session.organiser_unit.kanwil_id in scope.editor_kanwil_ids
        )
    return False


def _own_organisations(scope: UserScope) -> tuple[set[int], set[int], set[int]]:
    """Units, Kanwil and directorates the person belongs to (any role)."""
    return (
        set(scope.operator_unit_ids) | set(scope.staff_unit_ids),
        set(scope.editor_kanwil_ids) | set(scope.staff_kanwil_ids),
        set(scope.admin_directorate_ids) | set(scope.staff_directorate_ids),
    )


def is_invited(user: AnyUser, invitees: Iterable[Invitee]) -> bool:
    """The person belongs to an invited unit, Kanwil or directorate."""
    if not is_signed_in(user):
        return False
    units, kanwils, directorates = _own_organisations(scope_for(user))
    return any(
        invitee.unit_id in units
        or invitee.kanwil_id in kanwils
        or invitee.directorate_id in directorates
        for invitee in invitees
    )


def oversees_invitee(user: AnyUser, invitee: Invitee) -> bool:
    """The invitee lies in the person's scope: their own organisation, or a unit of a Kanwil
    they edit."""
    scope = scope_for(user)
    units, kanwils, directorates = _own_organisations(scope)
    if invitee.unit_id:
        return invitee.unit_id in units or invitee.unit.kanwil_id in scope.editor_kanwil_ids
    if invitee.kanwil_id:
        return invitee.kanwil_id in kanwils
    return invitee.directorate_id in directorates


def can_see_join_details(
    user: AnyUser, session: TrainingSession, invitees: Iterable[Invitee]
) -> bool:
    """Join link, meeting ID, passcode and recording: organisers and invited staff only."""
    return can_manage_session(user, session) or is_invited(user, invitees)


def can_view_attendees(
    user: AnyUser, session: TrainingSession, invitees: Iterable[Invitee]
) -> bool:
    """Organisers see every attendee; others see those of the invitees in their scope."""
    if can_manage_session(user, session):
        return True
    return is_signed_in(user) and any(oversees_invitee(user, invitee) for invitee in invitees)


def can_check_in(user: AnyUser, invitees: Iterable[Invitee]) -> bool:
    """Invited people check themselves in."""
    return is_invited(user, invitees)


def can_open_material(
    user: AnyUser, session: TrainingSession, material: Material, invitees: Iterable[Invitee]
) -> bool:
    """Materials for the invited are as private as the join details."""
    if material.visibility == MaterialVisibility.STAFF:
        return can_browse_training(user)
    return can_see_join_details(user, session, invitees)


def can_invite(user: AnyUser, organisation: Organisation) -> bool:
    """Admins invite anyone; editors their Kanwil and its units; operators their unit."""
    return can_organise_for(user, organisation)


def can_view_history(user: AnyUser, person: User, person_scope: UserScope | None = None) -> bool:
    """Oneself; central admins; an editor for people of their region."""
    if not is_signed_in(user):
        return False
    if user.pk == person.pk or is_central_admin(user):
        return True
    editor_kanwils = scope_for(user).editor_kanwil_ids
    if not editor_kanwils:
        return False
    scope = person_scope or scope_for(person)
    return bool(
        set(scope.kanwil_of_unit.values()) & editor_kanwils
        or (set(scope.editor_kanwil_ids) | set(scope.staff_kanwil_ids)) & editor_kanwils
    )


def can_download_certificate(user: AnyUser, session: TrainingSession, holder: User | None) -> bool:
    """The holder, the organisers, and whoever may see the holder's history (a directory
    record without a login has only the organisers)."""
    return can_manage_session(user, session) or (
        holder is not None and can_view_history(user, holder)
    )


def can_link_coverage(user: AnyUser, session: TrainingSession, story) -> bool:
    """Organisers, and anyone who may see the story in the newsroom."""
    from news.policies import can_view_story

    return can_manage_session(user, session) or (
        can_browse_training(user) and can_view_story(user, story)
    )


def can_manage_speakers(user: AnyUser) -> bool:
    """Whoever organises sessions keeps the speaker records."""
    return can_create_sessions(user)


def can_edit_speaker(user: AnyUser, sessions: Iterable[TrainingSession]) -> bool:
    """A speaker record is changed by central admins and by the organisers of a session the
    speaker appears in; a speaker without appearances by whoever keeps speaker records."""
    if not can_manage_speakers(user):
        return False
    if is_central_admin(user):
        return True
    sessions = list(sessions)
    return not sessions or any(can_manage_session(user, session) for session in sessions)


def can_keep_calendar_link(user: AnyUser, person: User) -> bool:
    """Only the person makes, resets or stops their own private calendar link."""
    return is_signed_in(user) and user.pk == person.pk and can_browse_training(user)
