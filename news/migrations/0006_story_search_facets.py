"""Weeks, Kanwil, unit and category inside the full-text index, on PostgreSQL only.

- news_story_search_week(): the week of a time (whole weeks since 1970-01-01 00:00 UTC);
- news_story_search_facets(): a story's week, Kanwil, unit and category as text keys
  ('w2970', 'k12', 'u345', 'c3');
- a GIN index on the search vector and those keys, for published rows: a single index scan
  finds the matches of a few weeks, of a Kanwil, unit or category, without reading any other
  row. It also serves every query on the vector alone, so the GIN index of migration 0005
  (news_story_search_idx) is no longer needed; it stays until the code of this release runs
  everywhere, and a later migration removes it.

The index is built concurrently (so the migration is not atomic): stories can be written
meanwhile. Every step is skipped on other databases.
"""

from django.db import migrations

FORWARD = [
    """
    CREATE OR REPLACE FUNCTION news_story_search_week(value timestamptz) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT floor(extract(epoch FROM value AT TIME ZONE 'UTC') / 604800)::integer
    $$
    """,
    """
    CREATE OR REPLACE FUNCTION news_story_search_facets(
      published_at timestamptz, kanwil_id bigint, unit_id bigint, category_id bigint
    ) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT ARRAY[
        'w' || news_story_search_week(published_at)::text,
        'k' || kanwil_id::text,
        'u' || unit_id::text,
        'c' || category_id::text
      ]
    $$
    """,
    """
    CREATE INDEX CONCURRENTLY IF NOT EXISTS news_story_search_facets_idx ON news_story
    USING gin (search_vector, news_story_search_facets(published_at, kanwil_id, unit_id, category_id))
    WHERE state = 'published'
    """,
]

BACKWARD = [
    "DROP INDEX CONCURRENTLY IF EXISTS news_story_search_facets_idx",
    "DROP FUNCTION IF EXISTS news_story_search_facets(timestamptz, bigint, bigint, bigint)",
    "DROP FUNCTION IF EXISTS news_story_search_week(timestamptz)",
]


def _run_on_postgresql(statements: list[str]):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    # CREATE INDEX CONCURRENTLY cannot run inside a transaction.
    atomic = False

    dependencies = [("news", "0005_story_search_postgres")]

    operations = [
        migrations.RunPython(_run_on_postgresql(FORWARD), _run_on_postgresql(BACKWARD)),
    ]
