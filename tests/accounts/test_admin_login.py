"""The Django admin signs people in through allauth, so rate limits and two-factor apply."""

import itertools
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.test import Client
from django.urls import reverse

from tests.factories import TEST_PASSWORD, OperatorFactory, activate_totp

pytestmark = pytest.mark.django_db

ADMIN_INDEX = reverse("admin:index")
ADMIN_LOGIN = reverse("admin:login")
LOGIN = reverse("account_login")
MFA_AUTHENTICATE = reverse("mfa_authenticate")
KANWIL_CHANGELIST = reverse("admin:accounts_kanwil_changelist")

# Each client gets its own address, so allauth's per-IP limits never couple two tests.
_addresses = (f"10.99.{n // 250}.{n % 250 + 1}" for n in itertools.count())


def fresh_client() -> Client:
    return Client(REMOTE_ADDR=next(_addresses))


def current_code(secret: str) -> str:
    """The TOTP code an authenticator app would show now (not in the last second of its
    30-second window, so it is still valid when the server checks it)."""
    if time.time() % 30 > 29:
        time.sleep(1.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def split(location: str) -> tuple[str, dict]:
    parts = urlsplit(location)
    return parts.path, parse_qs(parts.query)


def is_signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_admin_login_redirects_anonymous_to_allauth_login():
    """The admin's own password form is never shown."""
    response = fresh_client().get(ADMIN_LOGIN, {"next": ADMIN_INDEX})

    assert response.status_code == 302
    assert split(response["Location"]) == (LOGIN, {"next": [ADMIN_INDEX]})


def test_admin_index_leads_anonymous_to_allauth_login():
    """Following the redirects from /admin/ ends on the allauth sign-in page."""
    response = fresh_client().get(ADMIN_INDEX, follow=True)

    assert response.status_code == 200
    final_path, query = split(response.redirect_chain[-1][0])
    assert final_path == LOGIN
    assert query["next"] == [ADMIN_INDEX]


def test_posting_credentials_to_the_admin_form_does_not_sign_in(central_admin):
    """The admin login view cannot be used to bypass allauth's limits and two-factor."""
    client = fresh_client()

    response = client.post(
        ADMIN_LOGIN, {"username": central_admin.email, "password": TEST_PASSWORD}
    )

    assert response.status_code == 302
    assert split(response["Location"])[0] == LOGIN
    assert not is_signed_in(client)


def test_central_admin_signs_in_with_password_and_totp_and_reaches_admin(central_admin):
    """Password first, then the TOTP code, then the admin with the organisation models."""
    secret = activate_totp(central_admin)
    client = fresh_client()

    step_one = client.post(
        f"{LOGIN}?next={ADMIN_INDEX}",
        {"login": central_admin.email, "password": TEST_PASSWORD},
    )

    assert step_one.status_code == 302
    assert split(step_one["Location"])[0] == MFA_AUTHENTICATE
    assert not is_signed_in(client)
    # Half signed in is not signed in: the admin still sends us to sign in.
    assert split(client.get(ADMIN_INDEX)["Location"])[0] == ADMIN_LOGIN

    step_two = client.post(MFA_AUTHENTICATE, {"code": current_code(secret)})

    assert step_two.status_code == 302
    assert step_two["Location"] == ADMIN_INDEX
    assert int(client.session["_auth_user_id"]) == central_admin.pk
    index = client.get(ADMIN_INDEX)
    assert index.status_code == 200
    assert KANWIL_CHANGELIST in index.content.decode()
    assert client.get(KANWIL_CHANGELIST).status_code == 200


def test_wrong_totp_code_does_not_sign_in(central_admin):
    """The second factor is really checked."""
    secret = activate_totp(central_admin)
    wrong = f"{(int(current_code(secret)) + 1) % 10**6:06d}"
    client = fresh_client()
    client.post(LOGIN, {"login": central_admin.email, "password": TEST_PASSWORD})

    response = client.post(MFA_AUTHENTICATE, {"code": wrong})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not is_signed_in(client)


def test_failed_logins_are_rate_limited_even_with_the_right_password_afterwards(central_admin):
    """After five wrong passwords for one address, the right one is refused for a while."""
    activate_totp(central_admin)
    client = fresh_client()

    for _ in range(5):
        wrong = client.post(LOGIN, {"login": central_admin.email, "password": "salah-sandi-123"})
        assert wrong.status_code == 200
        assert wrong.context["form"].errors

    response = client.post(LOGIN, {"login": central_admin.email, "password": TEST_PASSWORD})

    # Refused at the password step: no redirect on to the TOTP step, nobody signed in.
    assert response.status_code in (200, 429)
    if response.status_code == 200:
        assert response.context["form"].errors
    assert not is_signed_in(client)
    assert client.get(MFA_AUTHENTICATE).status_code != 200


def test_central_admin_with_totp_reaches_the_admin(client_for, central_admin):
    """Signed in (with TOTP) and is_staff: the admin opens."""
    client = client_for(central_admin)

    response = client.get(ADMIN_INDEX)

    assert response.status_code == 200
    assert KANWIL_CHANGELIST in response.content.decode()


def test_operator_gets_no_admin(client_for, operator_palu):
    """Signed in without is_staff: the admin login refuses outright (403)."""
    client = client_for(operator_palu)

    index = client.get(ADMIN_INDEX)
    assert index.status_code == 302
    assert split(index["Location"])[0] == ADMIN_LOGIN
    assert client.get(ADMIN_LOGIN).status_code == 403
    assert client.get(KANWIL_CHANGELIST).status_code == 302


def test_editor_gets_no_admin(client_for, editor_sulteng):
    """Editors use the portal, not the admin."""
    client = client_for(editor_sulteng)

    assert client.get(ADMIN_LOGIN).status_code == 403


def test_staff_flag_alone_grants_no_models(client_for, palu_unit):
    """Permissions in the admin come from the policies: an operator with is_staff sees nothing."""
    operator = OperatorFactory(unit=palu_unit, user__is_staff=True).user
    client = client_for(operator)

    index = client.get(ADMIN_INDEX)

    assert index.status_code == 200
    assert KANWIL_CHANGELIST not in index.content.decode()
    assert client.get(KANWIL_CHANGELIST).status_code == 403


def test_central_admin_without_totp_is_sent_to_set_it_up(client_for, central_admin):
    """Even the admin site waits until two-factor is active."""
    client = client_for(central_admin, two_factor=False)

    response = client.get(ADMIN_INDEX)

    assert response.status_code == 302
    assert split(response["Location"])[0] == reverse("mfa_activate_totp")
