"""Statistics of the generated corpus: its commonest word and typical two-word searches."""

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

from django.db import connection

from bench.corpus import word_counts
from bench.corpus_topics import TOPICS

SAMPLE_SIZE = 20_000
ROOT = Path(__file__).resolve().parent.parent


def migrations_digest() -> str:
    """A digest of every migration file, to notice a data set older than the schema code."""
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*/migrations/[0-9]*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _sample_clause(cursor, size: int) -> str:
    """A TABLESAMPLE clause that yields about size published stories."""
    cursor.execute("SELECT count(*) FROM news_story WHERE state = 'published'")
    published = max(1, cursor.fetchone()[0])
    share = min(100.0, 100.0 * size / published)
    return f"TABLESAMPLE SYSTEM ({share:.4f}) REPEATABLE (42)"


def sample_texts(size: int = SAMPLE_SIZE) -> list[str]:
    """Title, lead and body of about size published stories, from pages spread over the table."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title || ' ' || lead || ' ' || body FROM news_story"
            f" {_sample_clause(cursor, size)} WHERE state = 'published' LIMIT %s",
            [size],
        )
        return [row[0] for row in cursor.fetchall()]


def match_shares(queries: list[str], size: int = SAMPLE_SIZE) -> dict[str, float]:
    """Share of sampled published stories each query finds with the 'indonesian' search."""
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH sample AS ("
            " SELECT to_tsvector('indonesian', title || ' ' || lead || ' ' || body) AS vector"
            f" FROM news_story {_sample_clause(cursor, size)}"
            " WHERE state = 'published' LIMIT %s)"
            " SELECT query, avg((vector @@ plainto_tsquery('indonesian', query))::int)"
            " FROM sample CROSS JOIN unnest(%s::text[]) AS query GROUP BY query",
            [size, queries],
        )
        return {query: float(share) for query, share in cursor.fetchall()}


def describe_corpus(name: str) -> dict:
    """The commonest word (by its search lexeme) and typical two-word searches, from a sample."""
    occurrences, _documents = word_counts(sample_texts())
    top = [word for word, _count in occurrences.most_common(60)]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word, array_to_string(tsvector_to_array(to_tsvector('indonesian', word)), ' ')"
            " FROM unnest(%s::text[]) AS word",
            [top],
        )
        lexeme_of = dict(cursor.fetchall())
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        size = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM news_story WHERE state = 'published'")
        stories = cursor.fetchone()[0]
    by_lexeme: dict[str, int] = {}
    for word in top:
        if lexeme_of.get(word):
            by_lexeme[lexeme_of[word]] = by_lexeme.get(lexeme_of[word], 0) + occurrences[word]
    lexeme = max(by_lexeme, key=by_lexeme.__getitem__)
    word = max((w for w in top if lexeme_of.get(w) == lexeme), key=occurrences.__getitem__)
    typical = [query for topic in TOPICS for query in topic["queries"]]
    shares = match_shares([word, *typical])
    return {
        "database": name,
        "stories": stories,
        "commonest_word": word,
        "lexeme": lexeme,
        "word_forms": sorted(w for w in top if lexeme_of.get(w) == lexeme),
        "document_share": round(shares.get(word, 0.0), 4),
        "top_words": occurrences.most_common(20),
        "typical_queries": [
            {"q": query, "sample_share": round(shares.get(query, 0.0), 4)} for query in typical
        ],
        "database_size": size,
        "migrations_digest": migrations_digest(),
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def write_summary(path: Path, summary: dict) -> None:
    """Save the corpus summary as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    print(f"wrote {path.relative_to(path.parents[2])}")
