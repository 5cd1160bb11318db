"""Every write to people, roles and invitations, including what it leaves behind."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts import services, tasks
from accounts.models import AuditEvent, Invitation, Role, RoleAssignment, User
from accounts.selectors import scope_for
from tests.factories import (
    TEST_PASSWORD,
    EditorFactory,
    InvitationFactory,
    OperatorFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NEW_EMAIL = "nur.hidayah@lapas-palu.example"
NEW_PASSWORD = "Pemasyarakatan-2026!"
VALID_NIP = "198609262015051001"
TOKEN_IN_LINK = re.compile(r"/invitation/([A-Za-z0-9_\-]+)/")


def fresh(user: User) -> User:
    """The same person re-read, without a cached scope."""
    return User.objects.get(pk=user.pk)


def token_from(message) -> str:
    """The invitation token of the link in an e-mail's plain-text body."""
    tokens = TOKEN_IN_LINK.findall(message.body)
    assert tokens, message.body
    assert len(set(tokens)) == 1
    return tokens[0]


def trace() -> dict[str, int]:
    """How much people-related data the database holds."""
    return {
        "users": User.objects.count(),
        "roles": RoleAssignment.objects.count(),
        "invitations": Invitation.objects.count(),
        "events": AuditEvent.objects.count(),
        "addresses": EmailAddress.objects.count(),
    }


@pytest.fixture
def invite(django_capture_on_commit_callbacks, palu_unit):
    """Invite someone as the transaction commits (so the e-mail task really runs)."""

    def _invite(*, by, **kwargs):
        kwargs.setdefault("email", NEW_EMAIL)
        kwargs.setdefault("full_name", "Nur Hidayah")
        kwargs.setdefault("role", Role.OPERATOR)
        if not {"unit", "kanwil", "directorate"} & set(kwargs):
            kwargs["unit"] = palu_unit
        with django_capture_on_commit_callbacks(execute=True):
            return services.invite_person(by=by, **kwargs)

    return _invite


# --- invite_person -----------------------------------------------------------------------


def test_invite_creates_person_role_invitation_and_one_email(
    invite, editor_sulteng, palu_unit, mailoutbox
):
    """Editor of Sulteng invites an operator for Palu: everything is in place, one e-mail."""
    before = timezone.now()

    person = invite(
        by=editor_sulteng,
        email="  Nur.Hidayah@Lapas-Palu.EXAMPLE ",
        position="Pranata Humas",
        nip=VALID_NIP,
    )

    person.refresh_from_db()
    assert person.email == NEW_EMAIL
    assert person.full_name == "Nur Hidayah"
    assert person.position == "Pranata Humas"
    assert person.nip == VALID_NIP
    assert person.is_active
    assert not person.has_usable_password()

    address = EmailAddress.objects.get(user=person)
    assert (address.email, address.primary, address.verified) == (NEW_EMAIL, True, False)

    assignment = RoleAssignment.objects.get(user=person)
    assert (assignment.role, assignment.unit) == (Role.OPERATOR, palu_unit)
    assert assignment.granted_by == editor_sulteng

    invitation = Invitation.objects.get(user=person)
    assert invitation.role_assignment == assignment
    assert invitation.invited_by == editor_sulteng
    assert invitation.accepted_at is None and invitation.revoked_at is None
    assert invitation.sent_at is not None
    assert before <= invitation.created_at
    assert invitation.expires_at == invitation.created_at + timedelta(
        days=settings.INVITATION_VALID_DAYS
    )

    assert set(
        AuditEvent.objects.filter(subject=person, actor=editor_sulteng).values_list(
            "action", flat=True
        )
    ) == {"person.invited", "role.granted"}

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [NEW_EMAIL]
    assert message.subject.strip()
    token = token_from(message)
    # The token travels only in the e-mail; the database keeps its hash.
    assert invitation.token_hash == services.hash_token(token)
    assert token not in invitation.token_hash
    assert (
        settings.SITE_URL.rstrip("/")
        + reverse("accounts:invitation_accept", kwargs={"token": token})
        in message.body
    )
    html_bodies = [body for body, mimetype in message.alternatives if mimetype == "text/html"]
    assert len(html_bodies) == 1
    assert token in html_bodies[0]


def test_invitation_link_sets_password_verifies_email_and_signs_in(
    invite, editor_sulteng, mailoutbox
):
    """Follow the link from the e-mail: choose a password, end up signed in on the desk."""
    person = invite(by=editor_sulteng)
    url = reverse("accounts:invitation_accept", kwargs={"token": token_from(mailoutbox[0])})
    client = Client()

    page = client.get(url)
    assert page.status_code == 200

    response = client.post(url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:dashboard")
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert EmailAddress.objects.get(user=person, email=NEW_EMAIL).verified
    assert int(client.session["_auth_user_id"]) == person.pk
    invitation = Invitation.objects.get(user=person)
    assert invitation.accepted_at is not None
    assert AuditEvent.objects.filter(
        action="invitation.accepted", subject=person, actor=person
    ).exists()
    assert client.get(reverse("accounts:dashboard")).status_code == 200


def test_invited_editor_is_walked_to_two_factor_set_up(invite, central_admin, kalsel, mailoutbox):
    """An editor who just set a password is led on to TOTP, not into the desk."""
    invite(by=central_admin, role=Role.EDITOR, kanwil=kalsel)
    url = reverse("accounts:invitation_accept", kwargs={"token": token_from(mailoutbox[0])})
    client = Client()

    response = client.post(url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}, follow=True)

    assert response.status_code == 200
    visited = [location.split("?")[0] for location, _ in response.redirect_chain]
    assert visited[0] == reverse("accounts:dashboard")
    assert reverse("mfa_activate_totp") in visited
    assert response.request["PATH_INFO"].startswith("/accounts/")
    assert "_auth_user_id" in client.session


def test_accepted_person_can_sign_in_with_email_and_password(invite, editor_sulteng, mailoutbox):
    """Mandatory e-mail verification is satisfied by accepting the invitation."""
    person = invite(by=editor_sulteng)
    services.accept_invitation(
        invitation=Invitation.objects.get(user=person), password=NEW_PASSWORD
    )
    client = Client(REMOTE_ADDR="10.20.0.1")

    response = client.post(
        reverse("account_login"), {"login": NEW_EMAIL.upper(), "password": NEW_PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:dashboard")
    assert int(client.session["_auth_user_id"]) == person.pk


def test_invitation_link_with_mismatched_passwords_changes_nothing(
    invite, editor_sulteng, mailoutbox
):
    """A form error keeps the invitation open and the password unset."""
    person = invite(by=editor_sulteng)
    url = reverse("accounts:invitation_accept", kwargs={"token": token_from(mailoutbox[0])})

    response = Client().post(url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD + "x"})

    assert response.status_code == 200
    assert response.context["form"].errors["password2"]
    person.refresh_from_db()
    assert not person.has_usable_password()
    assert Invitation.objects.get(user=person).accepted_at is None


def test_invitation_link_refuses_weak_password(invite, editor_sulteng, mailoutbox):
    """Django's password validators apply (too short, too common, all digits)."""
    person = invite(by=editor_sulteng)
    url = reverse("accounts:invitation_accept", kwargs={"token": token_from(mailoutbox[0])})

    for weak in ("12345678901", "password", "kurz"):
        response = Client().post(url, {"password1": weak, "password2": weak})
        assert response.status_code == 200
        assert response.context["form"].errors["password1"], weak

    person.refresh_from_db()
    assert not person.has_usable_password()


def test_invitation_by_editor_of_another_region_leaves_no_trace(
    invite, editor_kalsel, palu_unit, mailoutbox, django_capture_on_commit_callbacks
):
    """Kalsel's editor inviting for a Palu unit: refused, and nothing was written or sent."""
    before = trace()

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(PermissionDenied),
    ):
        services.invite_person(
            email=NEW_EMAIL,
            full_name="Nur Hidayah",
            role=Role.OPERATOR,
            unit=palu_unit,
            by=editor_kalsel,
        )

    assert trace() == before
    assert not User.objects.filter(email__iexact=NEW_EMAIL).exists()
    assert callbacks == []
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("inviter", "role", "organisation"),
    [
        ("editor_sulteng", Role.EDITOR, "sulteng"),
        ("editor_sulteng", Role.ADMIN, "head_office"),
        ("editor_sulteng", Role.STAFF, "sulteng"),
        ("editor_sulteng", Role.OPERATOR, "pelaihari_unit"),
        ("operator_palu", Role.OPERATOR, "palu_unit"),
        ("staff_member", Role.STAFF, "lpka_palu_unit"),
    ],
)
def test_invitations_out_of_scope_are_refused_without_trace(
    inviter, role, organisation, request, mailoutbox, django_capture_on_commit_callbacks
):
    """Editors cannot create editors or admins; operators and staff cannot invite at all."""
    by = request.getfixturevalue(inviter)
    org = request.getfixturevalue(organisation)
    keyword = {"palu_unit": "unit", "pelaihari_unit": "unit", "lpka_palu_unit": "unit"}.get(
        organisation, "kanwil" if organisation == "sulteng" else "directorate"
    )
    before = trace()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        services.invite_person(
            email=NEW_EMAIL, full_name="Nur Hidayah", role=role, by=by, **{keyword: org}
        )

    assert trace() == before
    assert mailoutbox == []


def test_central_admin_invites_an_editor(invite, central_admin, kalsel, mailoutbox):
    """Admins create editors (who will then have to set up two-factor sign-in)."""
    person = invite(by=central_admin, role=Role.EDITOR, kanwil=kalsel)

    assignment = RoleAssignment.objects.get(user=person)
    assert (assignment.role, assignment.kanwil) == (Role.EDITOR, kalsel)
    assert len(mailoutbox) == 1


def test_reinviting_an_existing_person_only_adds_the_role(
    invite, editor_sulteng, operator_palu, lpka_palu_unit, mailoutbox
):
    """Someone who already signs in gets the new role; no new account, no link, no e-mail."""
    before = trace()

    person = invite(
        by=editor_sulteng,
        email=operator_palu.email.upper(),
        full_name="Nama Lain",
        nip=VALID_NIP,
        role=Role.STAFF,
        unit=lpka_palu_unit,
    )

    assert person.pk == operator_palu.pk
    operator_palu.refresh_from_db()
    assert operator_palu.full_name == "Rahmawati Operator Palu"  # not overwritten
    assert operator_palu.nip == ""
    assert set(operator_palu.role_assignments.values_list("role", "unit")) == {
        (Role.OPERATOR, operator_palu.role_assignments.get(role=Role.OPERATOR).unit_id),
        (Role.STAFF, lpka_palu_unit.pk),
    }
    after = trace()
    assert after["users"] == before["users"]
    assert after["roles"] == before["roles"] + 1
    assert after["invitations"] == before["invitations"]
    assert list(AuditEvent.objects.filter(subject=person).values_list("action", flat=True)) == [
        "role.granted"
    ]
    assert mailoutbox == []


def test_reinviting_with_the_same_role_is_idempotent(
    invite, editor_sulteng, operator_palu, palu_unit, mailoutbox
):
    """Inviting someone into the role they hold changes nothing."""
    before = trace()

    invite(by=editor_sulteng, email=operator_palu.email, role=Role.OPERATOR, unit=palu_unit)

    assert trace() == before
    assert mailoutbox == []


def test_reinviting_someone_who_has_not_accepted_sends_a_fresh_link(
    invite, editor_sulteng, lpka_palu_unit, mailoutbox
):
    """The old link is revoked and a new one e-mailed; the old one no longer opens."""
    person = invite(by=editor_sulteng)
    old_token = token_from(mailoutbox[0])

    invite(by=editor_sulteng, role=Role.STAFF, unit=lpka_palu_unit)

    assert User.objects.filter(email=NEW_EMAIL).count() == 1
    assert len(mailoutbox) == 2
    new_token = token_from(mailoutbox[1])
    assert new_token != old_token
    invitations = Invitation.objects.filter(user=person)
    assert invitations.count() == 2
    assert invitations.filter(revoked_at__isnull=True).get().token_hash == services.hash_token(
        new_token
    )
    client = Client()
    old = client.get(reverse("accounts:invitation_accept", kwargs={"token": old_token}))
    assert old.status_code == 410


def test_inviting_a_deactivated_person_is_refused(
    invite, central_admin, operator_palu, lpka_palu_unit, mailoutbox
):
    """Deactivated accounts are not quietly revived by an invitation."""
    operator_palu.is_active = False
    operator_palu.save()
    before = trace()

    with pytest.raises(ValidationError):
        invite(by=central_admin, email=operator_palu.email, role=Role.STAFF, unit=lpka_palu_unit)

    assert trace() == before
    assert mailoutbox == []


def test_inviting_with_a_nip_someone_else_has_is_refused(invite, editor_sulteng, mailoutbox):
    """The NIP is unique; the invitation fails cleanly and creates nobody."""
    UserFactory(nip=VALID_NIP)
    before = trace()

    with pytest.raises(ValidationError):
        invite(by=editor_sulteng, nip=VALID_NIP)

    assert trace() == before
    assert mailoutbox == []


def test_invitation_rolled_back_sends_no_email(
    editor_sulteng, palu_unit, mailoutbox, django_capture_on_commit_callbacks
):
    """The e-mail goes out on commit only: a rolled-back invitation mails nobody."""
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.invite_person(
            email=NEW_EMAIL,
            full_name="Nur Hidayah",
            role=Role.OPERATOR,
            unit=palu_unit,
            by=editor_sulteng,
        )
        raise RuntimeError("something later in the request failed")

    assert callbacks == []
    assert mailoutbox == []
    assert not User.objects.filter(email=NEW_EMAIL).exists()


def test_email_task_skips_closed_invitations(mailoutbox):
    """A link revoked before the worker ran is not sent."""
    invitation = InvitationFactory(revoked_at=timezone.now())

    tasks.send_invitation_email.delay(invitation.pk, "token")

    assert mailoutbox == []
    invitation.refresh_from_db()
    assert invitation.sent_at is None


# --- Accepting and expiring --------------------------------------------------------------


def test_accepting_twice_is_refused(invite, editor_sulteng, mailoutbox):
    """A link works once: the service refuses, the page answers 410 Gone."""
    person = invite(by=editor_sulteng)
    token = token_from(mailoutbox[0])
    invitation = Invitation.objects.get(user=person)
    services.accept_invitation(invitation=invitation, password=NEW_PASSWORD)

    with pytest.raises(ValidationError):
        services.accept_invitation(invitation=invitation, password="Lain-Sekali-2026!")

    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    url = reverse("accounts:invitation_accept", kwargs={"token": token})
    client = Client()
    assert client.get(url).status_code == 410
    response = client.post(
        url, {"password1": "Lain-Sekali-2026!", "password2": "Lain-Sekali-2026!"}
    )
    assert response.status_code == 410
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert "_auth_user_id" not in client.session


def test_expired_link_answers_410_and_sets_nothing(invite, editor_sulteng, mailoutbox):
    """Past its expiry the link is gone, even before the beat job revoked it."""
    person = invite(by=editor_sulteng)
    token = token_from(mailoutbox[0])
    invitation = Invitation.objects.get(user=person)
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - timedelta(days=10),
        expires_at=timezone.now() - timedelta(seconds=1),
    )
    url = reverse("accounts:invitation_accept", kwargs={"token": token})
    client = Client()

    assert client.get(url).status_code == 410
    response = client.post(url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert response.status_code == 410
    person.refresh_from_db()
    assert not person.has_usable_password()
    assert "_auth_user_id" not in client.session
    with pytest.raises(ValidationError):
        services.accept_invitation(invitation=invitation, password=NEW_PASSWORD)


def test_unknown_link_answers_410():
    """A made-up token leads nowhere."""
    url = reverse("accounts:invitation_accept", kwargs={"token": "tidak-ada-undangan-seperti-ini"})

    assert Client().get(url).status_code == 410


def test_link_of_deactivated_person_answers_410(invite, editor_sulteng, central_admin, mailoutbox):
    """Deactivation closes the door the invitation opened."""
    person = invite(by=editor_sulteng)
    token = token_from(mailoutbox[0])
    services.deactivate_person(person=person, by=central_admin)

    url = reverse("accounts:invitation_accept", kwargs={"token": token})
    assert Client().get(url).status_code == 410


def test_expire_invitations_revokes_only_open_expired_ones():
    """The beat job closes what ran out and leaves the rest alone."""
    now = timezone.now()
    long_ago = now - timedelta(days=10)
    expired = InvitationFactory(created_at=long_ago, expires_at=now - timedelta(days=3))
    valid = InvitationFactory()
    accepted = InvitationFactory(
        created_at=long_ago, expires_at=now - timedelta(days=3), accepted_at=now - timedelta(days=5)
    )
    revoked_at = now - timedelta(days=4)
    revoked = InvitationFactory(
        created_at=long_ago, expires_at=now - timedelta(days=3), revoked_at=revoked_at
    )

    assert services.expire_invitations(now=now) == 1

    for invitation in (expired, valid, accepted, revoked):
        invitation.refresh_from_db()
    assert expired.revoked_at == now
    assert valid.revoked_at is None
    assert accepted.revoked_at is None
    assert revoked.revoked_at == revoked_at
    assert services.expire_invitations(now=now) == 0


def test_expire_invitations_task_runs_the_service():
    """The Celery beat entry point returns how many it closed."""
    InvitationFactory(
        created_at=timezone.now() - timedelta(days=10),
        expires_at=timezone.now() - timedelta(minutes=1),
    )

    assert tasks.expire_invitations.delay().get() == 1
    assert not Invitation.objects.filter(revoked_at__isnull=True).exists()


# --- deactivate_person -------------------------------------------------------------------


def test_deactivate_person_writes_audit_and_revokes_invitations(editor_sulteng, palu_unit):
    """The account is off, its open link revoked, and the audit trail says who did it."""
    person = OperatorFactory(unit=palu_unit).user
    invitation = InvitationFactory(user=person)

    services.deactivate_person(person=person, by=editor_sulteng)

    person.refresh_from_db()
    invitation.refresh_from_db()
    assert not person.is_active
    assert invitation.revoked_at is not None
    event = AuditEvent.objects.get(action="person.deactivated")
    assert (event.actor, event.subject) == (editor_sulteng, person)
    # The roles stay, for the record.
    assert person.role_assignments.exists()


def test_deactivated_persons_session_stops_at_the_next_request(
    operator_palu, editor_sulteng, client_for
):
    """No need to wait for the session to expire: the next request is anonymous."""
    client = client_for(operator_palu)
    desk = reverse("accounts:dashboard")
    assert client.get(desk).status_code == 200

    services.deactivate_person(person=operator_palu, by=editor_sulteng)
    response = client.get(desk)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("actor", "target"),
    [
        ("editor_kalsel", "operator_palu"),
        ("editor_sulteng", "operator_pelaihari"),
        ("editor_sulteng", "editor_kalsel"),
        ("editor_sulteng", "editor_sulteng"),
        ("central_admin", "central_admin"),
        ("operator_palu", "staff_member"),
    ],
)
def test_deactivation_out_of_scope_is_refused(actor, target, request):
    """Refused deactivations change nothing and leave no audit row."""
    by = request.getfixturevalue(actor)
    person = request.getfixturevalue(target)

    with pytest.raises(PermissionDenied):
        services.deactivate_person(person=person, by=by)

    person.refresh_from_db()
    assert person.is_active
    assert not AuditEvent.objects.filter(action="person.deactivated").exists()


def test_central_admin_deactivates_an_editor(central_admin, editor_kalsel):
    """Admins may switch off anyone but themselves."""
    services.deactivate_person(person=editor_kalsel, by=central_admin)

    editor_kalsel.refresh_from_db()
    assert not editor_kalsel.is_active


# --- grant_role and revoke_role ----------------------------------------------------------


def test_grant_role_writes_audit_and_refreshes_scope(central_admin, operator_palu, kalsel):
    """The new role is effective on the same user object at once."""
    person = fresh(operator_palu)
    assert not scope_for(person).editor_kanwil_ids

    assignment = services.grant_role(
        person=person, role=Role.EDITOR, kanwil=kalsel, by=central_admin
    )

    assert assignment.granted_by == central_admin
    assert scope_for(person).editor_kanwil_ids == {kalsel.pk}
    event = AuditEvent.objects.get(action="role.granted", subject=person)
    assert event.actor == central_admin
    assert event.detail == {"role": Role.EDITOR, "organisation": str(kalsel)}


def test_grant_role_twice_is_idempotent(central_admin, operator_palu, kalsel):
    """Same assignment back, no second row, no second audit event."""
    first = services.grant_role(
        person=operator_palu, role=Role.EDITOR, kanwil=kalsel, by=central_admin
    )
    second = services.grant_role(
        person=operator_palu, role=Role.EDITOR, kanwil=kalsel, by=central_admin
    )

    assert first.pk == second.pk
    assert AuditEvent.objects.filter(action="role.granted", subject=operator_palu).count() == 1


def test_grant_role_out_of_scope_is_refused(editor_sulteng, operator_palu, sulteng, pelaihari_unit):
    """Editors cannot make editors, nor operators elsewhere."""
    before = trace()

    with pytest.raises(PermissionDenied):
        services.grant_role(
            person=operator_palu, role=Role.EDITOR, kanwil=sulteng, by=editor_sulteng
        )
    with pytest.raises(PermissionDenied):
        services.grant_role(
            person=operator_palu, role=Role.OPERATOR, unit=pelaihari_unit, by=editor_sulteng
        )

    assert trace() == before


def test_grant_role_by_the_system_needs_no_inviter(operator_palu, head_office):
    """Seeders and management commands grant roles with by=None."""
    services.grant_role(person=operator_palu, role=Role.ADMIN, directorate=head_office, by=None)

    event = AuditEvent.objects.get(action="role.granted", subject=operator_palu)
    assert event.actor is None
    assert RoleAssignment.objects.filter(user=operator_palu, role=Role.ADMIN).exists()


def test_revoke_role_deletes_and_audits(editor_sulteng, operator_palu):
    """The role disappears; the audit row keeps what it was."""
    assignment = operator_palu.role_assignments.get()
    organisation = str(assignment.organisation)

    services.revoke_role(assignment=assignment, by=editor_sulteng)

    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()
    event = AuditEvent.objects.get(action="role.revoked")
    assert (event.actor, event.subject) == (editor_sulteng, operator_palu)
    assert event.detail == {"role": Role.OPERATOR, "organisation": organisation}


def test_revoke_role_out_of_scope_is_refused(editor_kalsel, operator_palu, staff_member):
    """Kalsel's editor cannot take Palu's roles away; staff cannot take anything."""
    assignment = operator_palu.role_assignments.get()

    with pytest.raises(PermissionDenied):
        services.revoke_role(assignment=assignment, by=editor_kalsel)
    with pytest.raises(PermissionDenied):
        services.revoke_role(assignment=assignment, by=staff_member)

    assert RoleAssignment.objects.filter(pk=assignment.pk).exists()
    assert not AuditEvent.objects.filter(action="role.revoked").exists()


def test_editor_cannot_revoke_an_editor_role(editor_sulteng, sulteng):
    """Not even of a colleague in the same Kanwil."""
    colleague = EditorFactory(kanwil=sulteng)

    with pytest.raises(PermissionDenied):
        services.revoke_role(assignment=colleague, by=editor_sulteng)


# --- update_profile ----------------------------------------------------------------------


def test_update_profile_saves_and_audits_changed_fields(operator_palu):
    """Only the fields that changed are saved and listed."""
    services.update_profile(
        person=operator_palu,
        by=operator_palu,
        full_name="Rahmawati, S.Sos.",
        position=operator_palu.position,
        nip=VALID_NIP,
    )

    operator_palu.refresh_from_db()
    assert operator_palu.full_name == "Rahmawati, S.Sos."
    assert operator_palu.nip == VALID_NIP
    event = AuditEvent.objects.get(action="profile.updated")
    assert event.detail == {"fields": ["full_name", "nip"]}


def test_update_profile_without_changes_writes_nothing(operator_palu):
    """Saving the same values is a no-op."""
    services.update_profile(
        person=operator_palu,
        by=operator_palu,
        full_name=operator_palu.full_name,
        position=operator_palu.position,
        nip=operator_palu.nip,
    )

    assert not AuditEvent.objects.exists()


def test_update_profile_with_duplicate_nip_is_refused(operator_palu, operator_pelaihari):
    """Someone else's NIP: ValidationError, nothing saved."""
    User.objects.filter(pk=operator_pelaihari.pk).update(nip=VALID_NIP)

    with pytest.raises(ValidationError):
        services.update_profile(
            person=operator_palu,
            by=operator_palu,
            full_name="Nama Baru",
            position="",
            nip=VALID_NIP,
        )

    assert User.objects.get(pk=operator_palu.pk).nip == ""
    assert User.objects.get(pk=operator_palu.pk).full_name == "Rahmawati Operator Palu"
    assert not AuditEvent.objects.exists()


def test_refused_profile_update_leaves_the_passed_person_unchanged(
    operator_palu, operator_pelaihari
):
    """The view passes request.user; a refused update must not leave the rejected values on
    it, or the re-rendered page shows them (and a later save in the request would store them)."""
    User.objects.filter(pk=operator_pelaihari.pk).update(nip=VALID_NIP)

    with pytest.raises(ValidationError):
        services.update_profile(
            person=operator_palu,
            by=operator_palu,
            full_name="Nama Yang Ditolak",
            position="Jabatan Baru",
            nip=VALID_NIP,
        )

    assert operator_palu.full_name == "Rahmawati Operator Palu"
    assert operator_palu.position == "Pranata Humas"
    assert operator_palu.nip == ""


def test_update_profile_with_invalid_nip_is_refused(operator_palu):
    """The model validation applies the NIP rules."""
    with pytest.raises(ValidationError):
        services.update_profile(
            person=operator_palu,
            by=operator_palu,
            full_name=operator_palu.full_name,
            position="",
            nip="198613262015051001",
        )

    assert User.objects.get(pk=operator_palu.pk).nip == ""


def test_update_profile_of_someone_else_is_refused(operator_palu, central_admin):
    """Not even central admins edit other people's profiles."""
    with pytest.raises(PermissionDenied):
        services.update_profile(
            person=operator_palu, by=central_admin, full_name="X", position="", nip=""
        )

    assert User.objects.get(pk=operator_palu.pk).full_name == "Rahmawati Operator Palu"


def test_persona_password_works(operator_palu):
    """The factories' password is the documented one."""
    assert operator_palu.check_password(TEST_PASSWORD)
