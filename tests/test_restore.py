"""The documented backup and restore: a dump of a migrated, seeded database restores into a fresh
one without an error, and the restored schema is the same as the original (PostgreSQL only)."""

import re
import shutil
import subprocess
import uuid

import pytest
from django.db import connection

from news.models import State
from tests.factories.news import attach_photo, force_state, write_story
from tests.test_celery_worker import test_database_url

pytestmark = [
    pytest.mark.services,
    # pg_dump reads committed rows from its own connection.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - fixed PostgreSQL tools, arguments from this module
        command, capture_output=True, text=True, timeout=300, check=False
    )


# PostgreSQL prints `varchar IN (...)` of a constraint as `= ANY ((ARRAY['a'::varchar])::text[])`
# and, once that text is read back by a restore, as `= ANY (ARRAY[('a'::varchar)::text])`: the
# same test, spelt two ways. Both spellings are brought to one before comparing.
CAST_ELEMENT = re.compile(r"\('((?:[^']|'')*)'::character varying\)::text")
CAST_ARRAY = re.compile(r"ANY \(\(ARRAY\[([^\]]*)\]\)::text\[\]\)")


def schema_text(dump: str) -> str:
    """The schema dump without the random key of pg_dump's psql \\restrict guard lines, with
    one spelling of varchar lists."""
    lines = (
        line for line in dump.splitlines() if not line.startswith(("\\restrict", "\\unrestrict"))
    )
    text = CAST_ELEMENT.sub(r"'\1'::character varying", "\n".join(lines))
    return CAST_ARRAY.sub(r"ANY (ARRAY[\1])", text)


def with_database(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def fresh_database():
    """An empty database next to the test database, dropped afterwards."""
    name = f"humas_restore_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_dump_restores_completely(operator_palu, palu_unit, tmp_path, fresh_database):
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.fail("pg_dump and pg_restore are needed (apt-get install postgresql-client)")
    story = write_story(unit=palu_unit, by=operator_palu)
    attach_photo(story)
    force_state(story, State.PUBLISHED)
    source = test_database_url()
    target = with_database(source, fresh_database)
    dump = tmp_path / "db.dump"

    dumped = run("pg_dump", "--format=custom", f"--file={dump}", f"--dbname={source}")
    assert dumped.returncode == 0, dumped.stderr
    restored = run("pg_restore", "--no-owner", f"--dbname={target}", str(dump))
    assert restored.returncode == 0, restored.stderr

    schemas = [
        run("pg_dump", "--schema-only", "--no-owner", f"--dbname={url}") for url in (source, target)
    ]
    assert [schema.returncode for schema in schemas] == [0, 0]
    assert "news_story_search_facets_idx" in schemas[1].stdout
    assert schema_text(schemas[0].stdout) == schema_text(schemas[1].stdout)
