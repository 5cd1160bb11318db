"""The PostgreSQL backend waits a moment for a restarting server, then gives up."""

from unittest import mock

import pytest
from django.db.backends.postgresql import base as django_base

from humas_portal.postgresql import base


def connect_after(failures: int):
    """A connect that is refused ``failures`` times, then succeeds."""
    calls = {"count": 0}

    def connect(self, conn_params):
        calls["count"] += 1
        if calls["count"] <= failures:
            raise django_base.Database.OperationalError("the database system is starting up")
        return "connection"

    return connect, calls


@pytest.fixture
def wrapper():
    return base.DatabaseWrapper({"NAME": "humas", "OPTIONS": {}, "ENGINE": "x"}, alias="restart")


def test_a_restart_costs_latency_not_an_error(settings, wrapper, monkeypatch):
    settings.DATABASE_CONNECT_PATIENCE = 2
    monkeypatch.setattr(base, "RETRY_PAUSE", 0.01)
    connect, calls = connect_after(3)
    with mock.patch.object(django_base.DatabaseWrapper, "get_new_connection", connect):
        assert wrapper.get_new_connection({}) == "connection"
    assert calls["count"] == 4


def test_without_patience_a_refusal_is_an_error_at_once(settings, wrapper):
    settings.DATABASE_CONNECT_PATIENCE = 0
    connect, calls = connect_after(1)
    with (
        mock.patch.object(django_base.DatabaseWrapper, "get_new_connection", connect),
        pytest.raises(django_base.Database.OperationalError),
    ):
        wrapper.get_new_connection({})
    assert calls["count"] == 1


def test_a_long_outage_still_ends_in_an_error(settings, wrapper, monkeypatch):
    settings.DATABASE_CONNECT_PATIENCE = 0.05
    monkeypatch.setattr(base, "RETRY_PAUSE", 0.01)
    connect, calls = connect_after(10**6)
    with (
        mock.patch.object(django_base.DatabaseWrapper, "get_new_connection", connect),
        pytest.raises(django_base.Database.OperationalError),
    ):
        wrapper.get_new_connection({})
    assert 2 <= calls["count"] <= 10
