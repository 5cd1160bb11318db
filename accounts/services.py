"""Every write to people, roles and invitations."""

import hashlib
import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from humas_portal.text import clean_line

from . import policies
from .models import (
    AuditEvent,
    Directorate,
    Invitation,
    Kanwil,
    Role,
    RoleAssignment,
    Unit,
    User,
)
from .selectors import forget_scope


def hash_token(token: str) -> str:
    """Invitation tokens are stored hashed, so a database leak does not leak links."""
    return hashlib.sha256(token.encode()).hexdigest()


def record_event(*, actor: User | None, action: str, subject: User | None, **detail) -> None:
    """Append one audit row."""
    AuditEvent.objects.create(actor=actor, action=action, subject=subject, detail=detail)


def _scope_detail(assignment: RoleAssignment) -> dict:
    return {"role": assignment.role, "organisation": str(assignment.organisation)}


def _check_scope_fits_role(*, role: str, unit, kanwil, directorate) -> None:
    """The database refuses a mismatch too; this turns it into a message."""
    chosen = [org for org in (unit, kanwil, directorate) if org is not None]
    expected = {Role.OPERATOR: unit, Role.EDITOR: kanwil, Role.ADMIN: directorate}
    if len(chosen) != 1 or (role in expected and expected[role] is None):
        raise ValidationError(_("This role does not fit the chosen organisation."))


@transaction.atomic
def grant_role(
    *,
    person: User,
    role: str,
    by: User | None,
    unit: Unit | None = None,
    kanwil: Kanwil | None = None,
    directorate: Directorate | None = None,
) -> RoleAssignment:
    """Give a person a role in one organisation (idempotent)."""
    if by is not None and not policies.can_invite(
        by, role=role, unit=unit, kanwil=kanwil, directorate=directorate
    ):
        raise PermissionDenied(_("You may not grant this role in this organisation."))
    _check_scope_fits_role(role=role, unit=unit, kanwil=kanwil, directorate=directorate)
    assignment, created = RoleAssignment.objects.get_or_create(
        user=person,
        role=role,
        unit=unit,
        kanwil=kanwil,
        directorate=directorate,
        defaults={"granted_by": by},
    )
    if created:
        record_event(actor=by, action="role.granted", subject=person, **_scope_detail(assignment))
        forget_scope(person)
    return assignment


@transaction.atomic
def revoke_role(*, assignment: RoleAssignment, by: User) -> None:
    """Take one role away from a person."""
    if not policies.can_invite(
        by,
        role=assignment.role,
        unit=assignment.unit,
        kanwil=assignment.kanwil,
        directorate=assignment.directorate,
    ):
        raise PermissionDenied(_("You may not revoke this role."))
    detail = _scope_detail(assignment)
    person = assignment.user
    assignment.delete()
    record_event(actor=by, action="role.revoked", subject=person, **detail)
    forget_scope(person)


def _new_invitation(*, person: User, assignment: RoleAssignment, by: User | None) -> str:
    """Replace any open invitation with a fresh one; return the clear-text token."""
    now = timezone.now()
    Invitation.objects.filter(
        user=person, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        user=person,
        role_assignment=assignment,
        token_hash=hash_token(token),
        invited_by=by,
        created_at=now,
        expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    _queue_invitation_email(invitation.pk, token)
    return token


def _queue_invitation_email(invitation_id: int, token: str) -> None:
    # Imported here: the tasks module imports this one.
    from humas_portal.queueing import enqueue_on_commit

    from .tasks import send_invitation_email

    # A broker outage leaves the invitation unsent; resend_unsent_invitations picks it up.
    enqueue_on_commit(send_invitation_email, invitation_id, token)


# An invitation not sent this long after it was made lost its e-mail task (broker outage).
UNSENT_AFTER = timedelta(minutes=5)


@transaction.atomic
def resend_unsent_invitations(*, now=None, unsent_after: timedelta = UNSENT_AFTER) -> int:
    """Give open invitations whose e-mail never left a fresh link and queue it; return how many.

    The clear-text token exists only in the lost task, so a new one replaces it; the old task,
    should it still run, no longer matches the stored hash and sends nothing."""
    now = now or timezone.now()
    unsent = list(
        Invitation.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("user")
        .filter(
            sent_at__isnull=True,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=now,
            created_at__lte=now - unsent_after,
        )
        .order_by("pk")[:100]
    )
    for invitation in unsent:
        token = secrets.token_urlsafe(32)
        invitation.token_hash = hash_token(token)
        invitation.save(update_fields=["token_hash"])
        record_event(actor=None, action="invitation.requeued", subject=invitation.user)
        _queue_invitation_email(invitation.pk, token)
    return len(unsent)


@transaction.atomic
def invite_person(
    *,
    email: str,
    full_name: str,
    role: str,
    by: User,
    position: str = "",
    nip: str = "",
    unit: Unit | None = None,
    kanwil: Kanwil | None = None,
    directorate: Directorate | None = None,
) -> User:
    """Create (or find) a person, grant the role and e-mail a set-password link
    when they have not signed in yet."""
    if not policies.can_invite(by, role=role, unit=unit, kanwil=kanwil, directorate=directorate):
        raise PermissionDenied(_("You may not invite people with this role here."))
    email = email.strip().lower()
    person = User.objects.select_for_update().filter(email__iexact=email).first()
    if person is None:
        try:
            with transaction.atomic():
                person = User.objects.create_user(
                    email=email,
                    full_name=clean_line(full_name),
                    position=clean_line(position),
                    nip=clean_line(nip),
                )
        except (IntegrityError, ValidationError) as error:
            # Someone invited the same address a moment ago: carry on with that person.
            person = User.objects.select_for_update().filter(email__iexact=email).first()
            if person is None:
                if isinstance(error, ValidationError):
                    raise
                raise ValidationError(_("Someone else already has this NIP.")) from error
        else:
            EmailAddress.objects.create(user=person, email=email, primary=True, verified=False)
            record_event(actor=by, action="person.invited", subject=person, email=email)
    if not person.is_active:
        raise ValidationError(
            _("This person's account is deactivated; ask a central admin to reactivate it.")
        )
    assignment = grant_role(
        person=person, role=role, by=by, unit=unit, kanwil=kanwil, directorate=directorate
    )
    if not person.has_usable_password():
        _new_invitation(person=person, assignment=assignment, by=by)
    return person


@transaction.atomic
def mark_invitation_sent(*, invitation_id: int) -> None:
    """Note that the invitation e-mail left."""
    Invitation.objects.filter(pk=invitation_id, sent_at__isnull=True).update(sent_at=timezone.now())


def invitation_is_usable(invitation: Invitation | None) -> bool:
    """Open and not yet expired."""
    return bool(
        invitation
        and invitation.accepted_at is None
        and invitation.revoked_at is None
        and invitation.expires_at > timezone.now()
        and invitation.user.is_active
    )


@transaction.atomic
def accept_invitation(*, invitation: Invitation, password: str) -> User:
    """Set the invited person's password and confirm their e-mail address."""
    invitation = Invitation.objects.select_for_update().select_related("user").get(pk=invitation.pk)
    if not invitation_is_usable(invitation):
        raise ValidationError(_("This invitation link has expired or was already used."))
    person = invitation.user
    person.set_password(password)
    person.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=person, email=person.email, defaults={"verified": True, "primary": True}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    record_event(actor=person, action="invitation.accepted", subject=person)
    return person


@transaction.atomic
def expire_invitations(*, now=None) -> int:
    """Revoke every open invitation past its expiry; return how many."""
    now = now or timezone.now()
    return Invitation.objects.filter(
        accepted_at__isnull=True, revoked_at__isnull=True, expires_at__lte=now
    ).update(revoked_at=now)


@transaction.atomic
def deactivate_person(*, person: User, by: User) -> None:
    """Switch an account off; their sessions end at their next request."""
    person = User.objects.select_for_update().get(pk=person.pk)
    if not policies.can_deactivate_person(by, person):
        raise PermissionDenied(_("You may not deactivate this person."))
    person.is_active = False
    person.save(update_fields=["is_active"])
    Invitation.objects.filter(
        user=person, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    record_event(actor=by, action="person.deactivated", subject=person)


@transaction.atomic
def update_profile(*, person: User, by: User, full_name: str, position: str, nip: str) -> User:
    """Change one's own name, position and NIP."""
    if by.pk != person.pk:
        raise PermissionDenied(_("You may only edit your own profile."))
    # A fresh, locked copy: a refused change must not linger on the caller's object.
    person = User.objects.select_for_update().get(pk=person.pk)
    changed = {
        name: value
        for name, value in {
            "full_name": clean_line(full_name),
            "position": clean_line(position),
            "nip": clean_line(nip),
        }.items()
        if getattr(person, name) != value
    }
    if not changed:
        return person
    for name, value in changed.items():
        setattr(person, name, value)
    person.full_clean(exclude=["password"])
    person.save(update_fields=list(changed))
    record_event(actor=by, action="profile.updated", subject=person, fields=sorted(changed))
    return person
