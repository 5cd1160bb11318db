"""A database outage answers 503 with a translated maintenance page; cached public pages stay up."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.urls import reverse

from humas_portal.views import database_unreachable
from news.public import cache as public_cache

pytestmark = pytest.mark.django_db


def database_down():
    """Every attempt to use the database fails as it does while PostgreSQL is stopped."""
    refused = OperationalError("connection to server at 127.0.0.1 failed: Connection refused")
    return mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=refused)


def test_signed_in_pages_answer_503_with_the_maintenance_page(client_for, operator_palu):
    client = client_for(operator_palu)
    client.raise_request_exception = False
    with database_down():
        response = client.get(reverse("accounts:dashboard"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "sedang dalam pemeliharaan" in response.content.decode()


def test_the_maintenance_page_speaks_english_to_english_readers():
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="en")
    client.cookies["django_language"] = "en"
    with database_down():
        response = client.post(reverse("account_login"), {"login": "a@b.example", "password": "x"})
    assert response.status_code == 503
    assert "The portal is under maintenance" in response.content.decode()


def test_cached_public_pages_are_still_served():
    client = Client(raise_request_exception=False)
    assert client.get(reverse("home")).status_code == 200
    with database_down():
        response = client.get(reverse("home"))
    assert response.status_code == 200


def test_other_errors_are_not_mistaken_for_an_outage():
    assert not database_unreachable(ValueError("a bug"))
    # The database answers: an OperationalError of one query (a lock timeout) is not an outage.
    assert not database_unreachable(OperationalError("canceling statement due to lock timeout"))
    with database_down():
        assert database_unreachable(OperationalError("server closed the connection"))


def test_an_expired_public_page_is_served_from_the_last_copy_while_the_database_is_down():
    client = Client(raise_request_exception=False)
    first = client.get(reverse("home"))
    assert first.status_code == 200
    # Every cached entry is stale now, as after its timeout; only this process's copy is left.
    public_cache.invalidate()
    with database_down():
        response = client.get(reverse("home"))
    assert response.status_code == 200
    assert response.content == first.content
    # The old copy was not stored again under the current version.
    version = public_cache.current_version()
    assert all(entry[0] != version for entry in public_cache.local_pages.entries.values())


def test_a_public_page_never_built_answers_the_maintenance_page():
    client = Client(raise_request_exception=False)
    with database_down():
        response = client.get(reverse("public:search") + "?q=never-built")
    assert response.status_code == 503
