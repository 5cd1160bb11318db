"""Sign-in: editors set up two-factor right after signing in without typing the password again."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from accounts.adapters import AUTHENTICATION_RECORDS_KEY
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def _sign_in(client: Client, user) -> str:
    """Sign in through the form and follow redirects; the last address reached."""
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD}
    )
    path = response["Location"]
    for _step in range(5):
        response = client.get(path)
        if response.status_code != 302:
            return path
        path = response["Location"]
    return path


def test_an_editor_goes_from_sign_in_straight_to_two_factor_setup(editor_sulteng):
    client = Client()
    landed = _sign_in(client, editor_sulteng)
    assert landed.startswith(reverse("mfa_activate_totp"))
    assert client.get(landed).status_code == 200


def test_the_password_is_asked_again_once_the_sign_in_is_old(editor_sulteng):
    client = Client()
    _sign_in(client, editor_sulteng)
    session = client.session
    for record in session[AUTHENTICATION_RECORDS_KEY]:
        record["at"] = time.time() - 3600
    session.save()
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_a_session_without_a_password_sign_in_is_asked_for_it(client_for, editor_sulteng):
    client = client_for(editor_sulteng, two_factor=False)
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
