"""The public pages the load benchmark measures, their targets, and the report table."""

import statistics
from dataclasses import dataclass, field
from urllib.parse import quote_plus

FLOOR_PATH = "/__bench__/floor/"  # the bench's own floor view (bench/urls_bench.py)
STORY_PATHS = 2000  # random published stories the story page cycles through (uncached)
CACHED_PATHS = 300  # paths per page in the cached run, all fetched once before measuring
UNIT_PATHS = 60
TYPICAL_MAX_SHARE = 0.25  # a "typical" two-word search finds at most this share of stories


@dataclass(frozen=True)
class Target:
    """What a page must reach, relative to the floor measured in the same session."""

    min_ratio: float | None = None
    max_queries: int | None = None
    max_p99_ms: float | None = None

    def describe(self) -> str:
        """The target in words, e.g. "≥ 0.10× floor, ≤ 3 queries"."""
        parts = []
        if self.min_ratio is not None:
            parts.append(f"≥ {self.min_ratio:.2f}× floor")
        if self.max_queries is not None:
            parts.append(f"≤ {self.max_queries} queries")
        if self.max_p99_ms is not None:
            parts.append(f"p99 < {self.max_p99_ms:.0f} ms")
        return ", ".join(parts)


@dataclass(frozen=True)
class Page:
    """A page (or a family of pages, visited in turn) under load."""

    name: str
    label: str
    paths: tuple[str, ...]
    target: Target | None = field(default=None)


LIST_TARGET = Target(min_ratio=0.10, max_queries=3)
CACHED_TARGET = Target(min_ratio=0.6)
CACHED_PAGES = ("home", "kanwil", "unit", "story", "feed")


def pick_targets(connection, corpus: dict) -> dict:
    """Slugs and searches to visit, picked at random with a fixed seed, and database facts."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.42)")
        cursor.execute("SELECT slug FROM accounts_kanwil ORDER BY random()")
        kanwils = [row[0] for row in cursor.fetchall()]
        cursor.execute(
            "SELECT u.slug FROM accounts_unit u WHERE u.is_active AND EXISTS ("
            " SELECT 1 FROM news_story s WHERE s.unit_id = u.id AND s.state = 'published')"
            " ORDER BY random() LIMIT %s",
            [UNIT_PATHS],
        )
        units = [row[0] for row in cursor.fetchall()]
        cursor.execute(
            "SELECT slug FROM news_story WHERE state = 'published' ORDER BY random() LIMIT %s",
            [STORY_PATHS],
        )
        stories = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT count(*) FROM news_story WHERE state = 'published'")
        count = cursor.fetchone()[0]
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        size = cursor.fetchone()[0]
        common = corpus.get("commonest_word")
        if not common:
            # No summary from generate.py: the commonest lexeme of a 1 % sample.
            cursor.execute(
                "SELECT word FROM ts_stat($$SELECT search_vector FROM news_story"
                " TABLESAMPLE SYSTEM (1) WHERE state = 'published'$$)"
                " ORDER BY nentry DESC LIMIT 1"
            )
            common = cursor.fetchone()[0]
    connection.rollback()
    # Typical searches narrow things down: they find some stories, not most of them.
    typical = [
        query["q"]
        for query in corpus.get("typical_queries", [])
        if 0 < query["sample_share"] <= TYPICAL_MAX_SHARE
    ] or ["razia kamar", "layanan kunjungan", "pelatihan menjahit"]
    return {
        "kanwils": kanwils,
        "units": units,
        "stories": stories,
        "stories_count": count,
        "size": size,
        "common": common,
        "typical": typical,
    }


def plan_pages(targets: dict, only: str | None) -> tuple[list[Page], list[Page]]:
    """The uncached pages and their cached counterparts, optionally only some by name."""
    pages = [
        Page("home", "home /", ("/",), LIST_TARGET),
        Page(
            "kanwil",
            "Kanwil /kanwil/<slug>/",
            tuple(f"/kanwil/{slug}/" for slug in targets["kanwils"]),
            LIST_TARGET,
        ),
        Page(
            "unit",
            "unit /upt/<slug>/",
            tuple(f"/upt/{slug}/" for slug in targets["units"]),
            LIST_TARGET,
        ),
        Page(
            "story",
            "story /berita/<slug>/",
            tuple(f"/berita/{slug}/" for slug in targets["stories"]),
            Target(min_ratio=0.25),
        ),
        Page("feed", "feed /feed/rss/", ("/feed/rss/",), Target(min_ratio=0.10)),
        Page(
            "search-common",
            f"search {targets['common']!r}",
            (f"/cari/?q={quote_plus(targets['common'])}",),
            Target(max_p99_ms=300),
        ),
        Page(
            "search-typical",
            "search two words",
            tuple(f"/cari/?q={quote_plus(query)}" for query in targets["typical"]),
            Target(min_ratio=0.03),
        ),
    ]
    cached = [
        Page(f"cached-{page.name}", page.label, page.paths[:CACHED_PATHS], CACHED_TARGET)
        for page in pages
        if page.name in CACHED_PAGES
    ]
    if only:
        wanted = {name.strip() for name in only.split(",")}
        pages = [page for page in pages if page.name in wanted]
        cached = [page for page in cached if page.name in wanted]
    return pages, cached


def _floor_summary(session: str, page: Page, results: list) -> dict:
    """One row for all floor measurements of a session: mean rate, median latencies."""
    return {
        "session": session,
        "page": page.name,
        "label": f"{page.label} (mean of {len(results)})",
        "paths": len(page.paths),
        "rps": round(statistics.fmean(result.rps for result in results), 1),
        "p50_ms": round(statistics.median(result.p50_ms for result in results), 1),
        "p99_ms": round(statistics.median(result.p99_ms for result in results), 1),
        "ratio": 1.0,
        "queries": 0,
        "single_ms": None,
        "sql_ms": None,
        "errors": sum(result.errors for result in results),
        "requests": sum(result.requests for result in results),
        "floor_spread": [round(result.rps, 1) for result in results],
        "target": "",
        "result": "",
        "tool": results[0].tool,
    }


def evaluate(rows: list[dict], counts: dict[str, dict]) -> list[dict]:
    """The session's floor, then each page with its ratio to the floors around it."""
    floors = [row for row in rows if row["page"].name == "floor"]
    if not floors:
        return []
    report = [_floor_summary(rows[0]["session"], floors[0]["page"], [r["result"] for r in floors])]
    for row in rows:
        if row["page"].name == "floor":
            continue
        page, result = row["page"], row["result"]
        ratio = result.rps / row["floor"] if row["floor"] else 0.0
        count = counts.get(page.name, {})
        queries = count.get("queries")
        verdict = ""
        if page.target is not None:
            target = page.target
            checks = [result.errors == 0]
            if target.min_ratio is not None:
                checks.append(ratio >= target.min_ratio)
            if target.max_queries is not None:
                checks.append(queries is not None and queries <= target.max_queries)
            if target.max_p99_ms is not None:
                checks.append(result.p99_ms < target.max_p99_ms)
            verdict = "PASS" if all(checks) else "FAIL"
        report.append(
            {
                "session": row["session"],
                "page": page.name,
                "label": page.label,
                "paths": len(page.paths),
                "rps": round(result.rps, 1),
                "p50_ms": round(result.p50_ms, 1),
                "p99_ms": round(result.p99_ms, 1),
                "floor_rps": round(row["floor"], 1),
                "ratio": round(ratio, 3),
                "queries": queries,
                "single_ms": round(count["ms"], 1) if "ms" in count else None,
                "sql_ms": round(count["sql_ms"], 1) if "sql_ms" in count else None,
                "errors": result.errors,
                "requests": result.requests,
                "target": page.target.describe() if page.target else "",
                "result": verdict,
                "tool": result.tool,
            }
        )
    return report


def ratio_text(ratio: float) -> str:
    """0.25, or 0.004 for a ratio too small for two decimals."""
    return f"{ratio:.2f}" if ratio >= 0.095 else f"{ratio:.3f}"


def format_table(report: list[dict]) -> str:
    """The report as a Markdown table (readable in a terminal too)."""
    lines = [
        "| run | page | URLs | req/s | p50 ms | p99 ms | floor req/s | × floor | queries "
        "| SQL ms | errors | target | result |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in report:
        queries = "" if row["queries"] is None else str(row["queries"])
        sql_ms = "" if row["sql_ms"] is None else f"{row['sql_ms']:.1f}"
        if "floor_spread" in row:
            floor = f"{min(row['floor_spread']):.0f}–{max(row['floor_spread']):.0f}"
        else:
            floor = f"{row['floor_rps']:.0f}"
        lines.append(
            f"| {row['session']} | {row['label']} | {row['paths']} | {row['rps']:.1f} "
            f"| {row['p50_ms']:.1f} | {row['p99_ms']:.1f} | {floor} | {ratio_text(row['ratio'])} "
            f"| {queries} | {sql_ms} | {row['errors']} | {row['target']} | {row['result']} |"
        )
    return "\n".join(lines)
