"""Sign-in rate limits count per client behind the reverse proxy, not per proxy."""

import secrets

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"


def _sign_in(client_address: str, email: str, password: str):
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=client_address)
    return client.post(reverse("account_login"), {"login": email, "password": password})


def _address() -> str:
    """A client address of this test only: the rate limits live in a cache shared by tests."""
    return "10.{}.{}.{}".format(*secrets.token_bytes(3))


@pytest.fixture
def behind_nginx(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1


def _guess_wildly(address: str) -> None:
    for _attempt in range(12):
        made_up = f"nobody.{secrets.token_hex(4)}@humas.example"
        response = _sign_in(address, made_up, "salah-salah-salah")
        assert response.status_code == 200


def test_one_clients_failures_do_not_lock_out_another(behind_nginx, operator_palu):
    guesser, colleague = _address(), _address()
    _guess_wildly(guesser)
    assert _sign_in(guesser, operator_palu.email, TEST_PASSWORD).status_code == 200
    assert _sign_in(colleague, operator_palu.email, TEST_PASSWORD).status_code == 302


def test_without_the_proxy_count_everyone_shares_the_proxy_address(settings, operator_palu):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    proxy = _address()
    client = Client(REMOTE_ADDR=proxy)
    for _attempt in range(12):
        made_up = f"nobody.{secrets.token_hex(4)}@humas.example"
        client.post(reverse("account_login"), {"login": made_up, "password": "salah-salah-salah"})
    colleague = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=_address())
    response = colleague.post(
        reverse("account_login"), {"login": operator_palu.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 200


def test_the_setting_is_read_from_the_environment():
    from tests.test_settings import run_python

    code = "from humas_portal import settings as s\nprint(s.ALLAUTH_TRUSTED_PROXY_COUNT)"
    assert run_python(code, TRUSTED_PROXY_COUNT="1").stdout.strip() == "1"
    assert run_python(code).stdout.strip() == "0"
