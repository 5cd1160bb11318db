"""Full-text and typo-tolerant search of published stories, on PostgreSQL only.

- pg_trgm, for trigram matching of misspelt words against titles;
- news_story_search_text() and news_story_plain_text(): a story's body (sanitised HTML) and
  its plain fields as text the parser reads as words;
- a trigger that fills search_vector while a story is published (title A, lead B, body C,
  dateline D, with the ``indonesian`` configuration) and empties it in every other state, so
  the search index never holds unpublished text;
- a GIN index on the vector and a GiST trigram index on titles, both for published rows.

Every step is skipped on other databases: on SQLite the search falls back to icontains.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

FORWARD = [
    # Plain text for the parser: "<" and ">" become spaces, since the text-search parser
    # takes them for markup (and skips whatever follows a "<script>").
    """
    CREATE OR REPLACE FUNCTION news_story_plain_text(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT translate(coalesce(value, ''), '<>', '  ')
    $$
    """,
    """
    CREATE OR REPLACE FUNCTION news_story_search_text(body text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT replace(replace(replace(replace(replace(
        regexp_replace(coalesce(body, ''), '<[^>]*>', ' ', 'g'),
        '&nbsp;', ' '), '&lt;', ' '), '&gt;', ' '), '&quot;', '"'), '&amp;', '&')
    $$
    """,
    """
    CREATE OR REPLACE FUNCTION news_story_search_vector_update() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.state = 'published' THEN
        NEW.search_vector :=
          setweight(to_tsvector('indonesian', news_story_plain_text(NEW.title)), 'A') ||
          setweight(to_tsvector('indonesian', news_story_plain_text(NEW.lead)), 'B') ||
          setweight(to_tsvector('indonesian', news_story_search_text(NEW.body)), 'C') ||
          setweight(to_tsvector('indonesian', news_story_plain_text(NEW.dateline)), 'D');
      ELSE
        NEW.search_vector := NULL;
      END IF;
      RETURN NEW;
    END
    $$
    """,
    """
    CREATE TRIGGER news_story_search_vector_trigger
    BEFORE INSERT OR UPDATE OF title, lead, body, dateline, state ON news_story
    FOR EACH ROW EXECUTE FUNCTION news_story_search_vector_update()
    """,
    # Fire the trigger once for the stories published before this migration.
    "UPDATE news_story SET state = state WHERE state = 'published'",
    """
    CREATE INDEX IF NOT EXISTS news_story_search_idx ON news_story
    USING gin (search_vector) WHERE state = 'published'
    """,
    """
    CREATE INDEX IF NOT EXISTS news_story_title_trgm_idx ON news_story
    USING gist (title gist_trgm_ops) WHERE state = 'published'
    """,
]

BACKWARD = [
    "DROP INDEX IF EXISTS news_story_title_trgm_idx",
    "DROP INDEX IF EXISTS news_story_search_idx",
    "DROP TRIGGER IF EXISTS news_story_search_vector_trigger ON news_story",
    "DROP FUNCTION IF EXISTS news_story_search_vector_update()",
    "DROP FUNCTION IF EXISTS news_story_search_text(text)",
    "DROP FUNCTION IF EXISTS news_story_plain_text(text)",
    "UPDATE news_story SET search_vector = NULL",
]


def _run_on_postgresql(statements: list[str]):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("news", "0004_story_public_indexes")]

    operations = [
        # Skips itself on databases other than PostgreSQL.
        TrigramExtension(),
        migrations.RunPython(_run_on_postgresql(FORWARD), _run_on_postgresql(BACKWARD)),
    ]
