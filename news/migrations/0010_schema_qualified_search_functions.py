"""The search functions of migrations 0005-0007, with every call inside them schema-qualified.

pg_restore runs with an empty search_path: an index whose expression calls
news_story_search_facets() failed to build, because that function called
news_story_search_week() by its bare name. The same bodies are written again here, with each
of the portal's own functions and tables named with the schema they live in, so a dump restores
completely. Built-in functions and the ``indonesian`` configuration live in pg_catalog, which is
always searched. The functions keep their names and signatures, so the indexes and the trigger
that use them need no change. Every step is skipped on other databases.
"""

from django.db import migrations

VECTOR = """
        NEW.search_vector :=
          setweight(to_tsvector('indonesian', {s}.news_story_plain_text(NEW.title)), 'A') ||
          setweight(to_tsvector('indonesian', {s}.news_story_plain_text(NEW.lead)), 'B') ||
          setweight(to_tsvector('indonesian', {s}.news_story_search_text(NEW.body)), 'C') ||
          setweight(to_tsvector('indonesian', {s}.news_story_plain_text(NEW.dateline)), 'D');
"""

# {s} is the schema the migrations created the functions in (normally "public").
FORWARD = [
    """
    CREATE OR REPLACE FUNCTION {s}.news_story_search_facets(
      published_at timestamptz, kanwil_id bigint, unit_id bigint, category_id bigint
    ) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT ARRAY[
        'w' || {s}.news_story_search_week(published_at)::text,
        'k' || kanwil_id::text,
        'u' || unit_id::text,
        'c' || category_id::text
      ]
    $$
    """,
    """
    CREATE OR REPLACE FUNCTION {s}.news_story_search_vector_update() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.state = 'published' THEN"""
    + VECTOR
    + """
        IF TG_OP = 'INSERT' OR OLD.state IS DISTINCT FROM NEW.state
           OR OLD.title IS DISTINCT FROM NEW.title THEN
          INSERT INTO {s}.news_story_title_word (word)
          SELECT unnest({s}.news_story_title_words(NEW.title))
          ON CONFLICT DO NOTHING;
        END IF;
      ELSE
        NEW.search_vector := NULL;
      END IF;
      RETURN NEW;
    END
    $$
    """,
]

# The bodies as migrations 0006 and 0007 wrote them.
BACKWARD = [
    """
    CREATE OR REPLACE FUNCTION {s}.news_story_search_facets(
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
    CREATE OR REPLACE FUNCTION {s}.news_story_search_vector_update() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.state = 'published' THEN"""
    + VECTOR.replace("{s}.", "")
    + """
        IF TG_OP = 'INSERT' OR OLD.state IS DISTINCT FROM NEW.state
           OR OLD.title IS DISTINCT FROM NEW.title THEN
          INSERT INTO news_story_title_word (word)
          SELECT unnest(news_story_title_words(NEW.title))
          ON CONFLICT DO NOTHING;
        END IF;
      ELSE
        NEW.search_vector := NULL;
      END IF;
      RETURN NEW;
    END
    $$
    """,
]


def _run_on_postgresql(statements: list[str]):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                "SELECT n.nspname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE p.proname = 'news_story_search_week'"
            )
            schema = cursor.fetchone()[0]
        quoted = schema_editor.quote_name(schema)
        for statement in statements:
            schema_editor.execute(statement.replace("{s}", quoted))

    return run


class Migration(migrations.Migration):
    dependencies = [("news", "0009_share_kit_and_focal_point")]

    operations = [
        migrations.RunPython(_run_on_postgresql(FORWARD), _run_on_postgresql(BACKWARD)),
    ]
