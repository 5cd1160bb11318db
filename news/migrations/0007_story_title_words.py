"""The words of published titles, for "did you mean" on PostgreSQL only.

- news_story_title_word: every word (letters only, 3 to 40 of them, lower case) that a
  published title has contained, with a GiST trigram index, so the closest word to a misspelt
  one is found among a few thousand words rather than a million titles;
- news_story_title_words(): the words of a title;
- the search trigger of migration 0005 also adds the words of a title when its story is
  published or its title changes while published (the search vector is filled as before);
- the words of the titles published before this migration.

Words are never removed: the search only suggests a word when the corrected query finds
published stories. Every step is skipped on other databases.
"""

from django.db import migrations

VECTOR = """
        NEW.search_vector :=
          setweight(to_tsvector('indonesian', news_story_plain_text(NEW.title)), 'A') ||
          setweight(to_tsvector('indonesian', news_story_plain_text(NEW.lead)), 'B') ||
          setweight(to_tsvector('indonesian', news_story_search_text(NEW.body)), 'C') ||
          setweight(to_tsvector('indonesian', news_story_plain_text(NEW.dateline)), 'D');
"""

FORWARD = [
    """
    CREATE TABLE IF NOT EXISTS news_story_title_word (word text PRIMARY KEY)
    """,
    """
    CREATE INDEX IF NOT EXISTS news_story_title_word_trgm_idx ON news_story_title_word
    USING gist (word gist_trgm_ops)
    """,
    """
    CREATE OR REPLACE FUNCTION news_story_title_words(title text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT word), '{}')
      FROM regexp_split_to_table(lower(coalesce(title, '')), '[^[:alpha:]]+') AS word
      WHERE length(word) BETWEEN 3 AND 40
    $$
    """,
    """
    CREATE OR REPLACE FUNCTION news_story_search_vector_update() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.state = 'published' THEN"""
    + VECTOR
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
    """
    INSERT INTO news_story_title_word (word)
    SELECT DISTINCT unnest(news_story_title_words(title)) FROM news_story
    WHERE state = 'published'
    ON CONFLICT DO NOTHING
    """,
]

BACKWARD = [
    # The trigger function as migration 0005 wrote it.
    """
    CREATE OR REPLACE FUNCTION news_story_search_vector_update() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.state = 'published' THEN"""
    + VECTOR
    + """
      ELSE
        NEW.search_vector := NULL;
      END IF;
      RETURN NEW;
    END
    $$
    """,
    "DROP FUNCTION IF EXISTS news_story_title_words(text)",
    "DROP TABLE IF EXISTS news_story_title_word",
]


def _run_on_postgresql(statements: list[str]):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("news", "0006_story_search_facets")]

    operations = [
        migrations.RunPython(_run_on_postgresql(FORWARD), _run_on_postgresql(BACKWARD)),
    ]
