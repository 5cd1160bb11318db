"""How the public reads use the database connection on PostgreSQL: checked by use, not pinged."""

import psycopg2
import pytest
from django.db import connection

from news.public import cache as public_cache
from news.public.meta import story_path

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def reused_connection():
    """The connection as a later request finds it: open, with Django's health check due."""
    connection.ensure_connection()
    connection.health_check_enabled = True
    connection.health_check_done = False
    return connection


def _story_page(client, story) -> str:
    public_cache.invalidate()
    response = client.get(story_path(story))
    assert response.status_code == 200
    return response.content.decode()


def test_a_public_read_does_not_ping_a_reused_connection_first(
    anonymous, palu_public, reused_connection, monkeypatch
):
    pings = []
    monkeypatch.setattr(connection, "is_usable", lambda: pings.append("SELECT 1") or True)

    assert palu_public.title in _story_page(anonymous, palu_public)
    assert pings == []


def test_a_public_read_reconnects_when_the_reused_connection_died(
    anonymous, palu_public, reused_connection
):
    dead_pid = connection.connection.get_backend_pid()
    with psycopg2.connect(**connection.get_connection_params()) as other, other.cursor() as cursor:
        # What a database restart does to every open connection; waits until it is gone.
        cursor.execute("SELECT pg_terminate_backend(%s, 5000)", [dead_pid])
        assert cursor.fetchone() == (True,)
    other.close()

    assert palu_public.title in _story_page(anonymous, palu_public)
    assert connection.connection.get_backend_pid() != dead_pid


def test_a_failing_read_on_a_live_connection_is_not_repeated(
    palu_public, reused_connection, monkeypatch
):
    from django.db import OperationalError

    from news.public import rows

    calls = []

    def failing(sql, params):
        calls.append(sql)
        raise OperationalError("canceling statement due to statement timeout")

    monkeypatch.setattr(rows, "_execute_prepared", failing)
    with pytest.raises(OperationalError):
        rows.fetch("SELECT 1")
    assert len(calls) == 1
