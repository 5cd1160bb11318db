"""Fill full-text search columns of stories while they are copied in.

A GeneratedField is computed by PostgreSQL itself, and a column kept up to date by a trigger
of the project's own is left to that trigger. A plain SearchVectorField gets a temporary
BEFORE INSERT trigger for the load, so COPY computes each vector once and no UPDATE rewrites
the table afterwards. The expression is the project's own when it offers one (see
project_expression), else DEFAULT_VECTOR.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from bench import pgbulk

TRIGGER = "bench_fill_search_vector"
DEFAULT_VECTOR = (
    "setweight(to_tsvector('indonesian', coalesce(NEW.title, '')), 'A') || "
    "setweight(to_tsvector('indonesian', coalesce(NEW.lead, '')), 'B') || "
    "setweight(to_tsvector('indonesian', coalesce(NEW.body, '')), 'C')"
)


def vector_fields(model: type[models.Model]) -> list[models.Field]:
    """Search vector columns the database does not compute by itself."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, SearchVectorField) and not getattr(field, "generated", False)
    ]


def _has_own_trigger(connection, table: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_trigger"
            " WHERE tgrelid = %s::regclass AND NOT tgisinternal AND tgname <> %s",
            [table, TRIGGER],
        )
        return cursor.fetchone()[0] > 0


def project_expression(model: type[models.Model], field: models.Field) -> str | None:
    """The project's own SQL for the column, written against NEW, if it offers one."""
    return None


def before_copy(connection, model: type[models.Model]) -> None:
    """Install the temporary trigger that fills the search columns during COPY."""
    fields = vector_fields(model)
    table = model._meta.db_table
    if not fields:
        return
    if _has_own_trigger(connection, table):
        print(f"  {table} has triggers of its own; they fill {[f.column for f in fields]}")
        return
    assignments = []
    for field in fields:
        expression = project_expression(model, field)
        source = "the project's expression" if expression else "the default expression"
        print(f"  {table}.{field.column}: filled during COPY with {source}")
        assignments.append(f"NEW.{field.column} := {expression or DEFAULT_VECTOR};")
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE OR REPLACE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN {' '.join(assignments)} RETURN NEW; END $$"
        )
        cursor.execute(
            f"CREATE TRIGGER {TRIGGER} BEFORE INSERT ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {TRIGGER}()"
        )


def after_copy(url: str, model: type[models.Model]) -> None:
    """Remove the temporary trigger."""
    database = pgbulk.connect(url)
    database.autocommit = True
    with database.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON {model._meta.db_table}")
        cursor.execute(f"DROP FUNCTION IF EXISTS {TRIGGER}()")
    database.close()
