"""Count the SQL queries of pages with Django's test client; bench/load.py runs it.

Reads a JSON list of {"name": ..., "path": ...} on stdin and prints one line "RESULT <json>"
with, for each page, the status, the number of queries of a second (steady-state) request, their
total time and the slowest query; with --explain also that query's EXPLAIN (ANALYZE, BUFFERS).
The environment (DJANGO_SETTINGS_MODULE, DATABASE_URL, BENCH_CACHE…) comes from the caller.
"""

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = "RESULT "


def measure(pages: list[dict], explain: bool) -> dict[str, dict]:
    """Queries per page, measured on the second request of each."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(raise_request_exception=False)
    results: dict[str, dict] = {}
    for page in pages:
        client.get(page["path"])  # one-time work, and the cache filled in a cached run
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(page["path"])
            elapsed = time.perf_counter() - started
        queries = [
            {"sql": query["sql"], "ms": float(query["time"]) * 1000}
            for query in captured.captured_queries
        ]
        slowest = max(queries, key=lambda query: query["ms"], default=None)
        result = {
            "path": page["path"],
            "status": response.status_code,
            "queries": len(queries),
            "ms": elapsed * 1000,
            "sql_ms": sum(query["ms"] for query in queries),
            "slowest": slowest,
        }
        if explain:
            result["sql"] = queries
            if slowest and slowest["sql"].lstrip().upper().startswith("SELECT"):
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + slowest["sql"])
                    result["explain"] = [row[0] for row in cursor.fetchall()]
        results[page["name"]] = result
    return results


def main() -> None:
    """Read the pages from stdin, print the result line."""
    sys.path.insert(0, str(ROOT))
    explain = "--explain" in sys.argv[1:]
    results = measure(json.load(sys.stdin), explain)
    print(MARKER + json.dumps(results), flush=True)


if __name__ == "__main__":
    main()
