"""The per-client rate limit of public pages that answer guesses."""

import secrets

import pytest
from django.test import Client
from django.urls import reverse

from humas_portal import ratelimit


def _scope() -> str:
    """A scope of this test only: the counters live in a cache other tests share."""
    return f"test-{secrets.token_hex(4)}"


def test_a_client_is_allowed_up_to_the_limit_in_each_window():
    scope = _scope()
    results = [ratelimit.allow(scope, "a", limit=3, period=60, now=600.0) for _ in range(4)]
    assert results == [True, True, True, False]
    assert ratelimit.allow(scope, "b", limit=3, period=60, now=600.0)
    assert ratelimit.allow(scope, "a", limit=3, period=60, now=660.0)


def _address() -> str:
    return "10.{}.{}.{}".format(*secrets.token_bytes(3))


@pytest.mark.django_db
def test_certificate_checks_answer_429_with_a_translated_page(settings):
    settings.CERTIFICATE_CHECKS_PER_MINUTE = 3
    guesser = Client(REMOTE_ADDR=_address())
    urls = [reverse("certificate_verify", args=[f"HP-2025-0001-000{n}-X"]) for n in range(4)]
    assert [guesser.get(url).status_code for url in urls[:3]] == [404, 404, 404]
    refused = guesser.get(urls[3], HTTP_ACCEPT_LANGUAGE="id")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "Terlalu banyak permintaan" in refused.content.decode()
    assert Client(REMOTE_ADDR=_address()).get(urls[3]).status_code == 404


@pytest.mark.django_db
def test_behind_the_proxy_each_client_has_its_own_count(settings):
    settings.CERTIFICATE_CHECKS_PER_MINUTE = 1
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = _address()
    url = reverse("certificate_verify", args=["HP-2025-0001-0001-X"])
    first = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=_address())
    second = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=_address())
    assert first.get(url).status_code == 404
    assert first.get(url).status_code == 429
    assert second.get(url).status_code == 404
