"""Load benchmark of the public site: gunicorn and PostgreSQL on loopback, against a floor view.

Run from the project root, after bench/generate.py filled the database::

    .venv/bin/python bench/load.py --database humas_bench
    .venv/bin/python bench/load.py --database humas_bench --duration 10 --pages home,story

Two sessions, each with its own gunicorn (2 sync workers, DEBUG off, production settings):
uncached (DummyCache: nothing is cached anywhere) and cached (Redis, warmed first). Each session
measures the floor (a minimal Django view that touches no database) before its first page and
after every page, and each page's requests per second are compared with the mean of the two
floor measurements around it. Queries per page are counted with Django's test client on a
second request (bench/page_queries.py).
Results go to bench/results/load-<database>-<time>.json and .md.
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import httpload, pgbulk  # noqa: E402 - the project root must be on sys.path first
from bench.corpus_stats import migrations_digest  # noqa: E402
from bench.generate import database_url  # noqa: E402
from bench.pages import (  # noqa: E402
    FLOOR_PATH,
    Page,
    evaluate,
    format_table,
    pick_targets,
    plan_pages,
)

RESULTS = ROOT / "bench" / "results"
HEALTHZ = "/healthz/"
BUSY: dict[str, float] = {}  # how busy the machine was before each session


def parse_args() -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", help="bench database name (on DATABASE_URL's server)")
    parser.add_argument("--duration", type=float, default=15, help="seconds measured per page")
    parser.add_argument("--warmup", type=float, default=3, help="seconds of warm-up per page")
    parser.add_argument("--connections", type=int, default=2, help="concurrent connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--pages", help="comma-separated page names to measure (default: all)")
    parser.add_argument("--no-cached", action="store_true", help="skip the cached session")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN the slowest queries")
    parser.add_argument(
        "--queries-only",
        action="store_true",
        help="only count (and with --explain show) the queries of each page; no load",
    )
    parser.add_argument(
        "--wait-idle",
        type=float,
        default=120,
        help="seconds to wait for other work on the machine to finish before each session",
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    )
    return parser.parse_args()


def server_env(url: str, cache: str, redis_url: str, static_root: Path) -> dict[str, str]:
    """Production-like settings for gunicorn and the helper processes."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings_bench",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": url,
            "REDIS_URL": redis_url,
            "BENCH_CACHE": cache,
            "BENCH_CACHE_PREFIX": f"humas-bench-{secrets.token_hex(4)}",
            "STATIC_ROOT": str(static_root),
            "LOG_LEVEL": "WARNING",
        }
    )
    return env


def manage(env: dict[str, str], *command: str) -> None:
    """Run a manage.py command with the bench environment."""
    subprocess.run(
        [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True
    )


def count_queries(env: dict[str, str], pages: list[Page], explain: bool) -> dict[str, dict]:
    """Status, queries and slowest query of each page's first path (bench/page_queries.py)."""
    env = env | {"ALLOWED_HOSTS": "127.0.0.1,testserver"}
    payload = json.dumps([{"name": page.name, "path": page.paths[0]} for page in pages])
    command = [sys.executable, str(ROOT / "bench" / "page_queries.py")]
    if explain:
        command.append("--explain")
    completed = subprocess.run(
        command, cwd=ROOT, env=env, input=payload, capture_output=True, text=True, check=False
    )
    line = next((row for row in completed.stdout.splitlines() if row.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(f"page_queries failed:\n{completed.stderr[-3000:]}")
    return json.loads(line[len("RESULT ") :])


def forget_cache(redis_url: str, prefix: str) -> None:
    """Delete the cached run's keys (its version token never expires by itself)."""
    import redis

    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    for start in range(0, len(keys), 500):
        client.delete(*keys[start : start + 500])
    client.close()


def warm(base: str, paths: list[str]) -> None:
    """GET every path once, two at a time, so a cached run starts with a full cache."""
    pending = list(paths)
    lock = threading.Lock()

    def work() -> None:
        while True:
            with lock:
                if not pending:
                    return
                path = pending.pop()
            httpload.get(base + path)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _measure(
    label: str, base: str, page: Page, seconds: float, warmup: float, connections: int
) -> httpload.Measurement:
    """Warm up, then load one page for seconds; print the line."""
    httpload.drive(base, list(page.paths), warmup, connections)
    result = httpload.drive(base, list(page.paths), seconds, connections)
    print(
        f"  {label:8} {page.name:16} {result.rps:8.1f} req/s  p50 {result.p50_ms:7.1f} ms"
        f"  p99 {result.p99_ms:7.1f} ms  errors {result.errors}",
        flush=True,
    )
    return result


def run_session(
    label: str, env: dict[str, str], floor: Page, pages: list[Page], args: argparse.Namespace
) -> list[dict]:
    """Start gunicorn, measure the floor before and after every page; always stop it.

    Each page is compared with the mean of the two floor measurements around it, so a
    machine that gets busier or quieter during the run moves page and floor alike.
    """
    log = RESULTS / f"gunicorn-{label}.log"
    server = httpload.Server(ROOT, env, args.workers, log)
    rows = []
    busy = httpload.wait_until_quiet(args.wait_idle)
    if busy >= 0.15:
        print(f"  warning: other work keeps the machine {busy:.0%} busy; figures will be low")
    BUSY[label] = round(busy, 2)
    floor_seconds = max(3.0, args.duration / 3)
    floor_warmup = min(1.0, args.warmup)
    try:
        server.start(floor.paths[0])
        if label == "cached":
            for page in pages:
                warm(server.base, list(page.paths))
        before = _measure(label, server.base, floor, floor_seconds, floor_warmup, args.connections)
        rows.append({"session": label, "page": floor, "result": before})
        for page in pages:
            result = _measure(
                label, server.base, page, args.duration, args.warmup, args.connections
            )
            after = _measure(
                label, server.base, floor, floor_seconds, floor_warmup, args.connections
            )
            floor_rps = (before.rps + after.rps) / 2
            rows.append({"session": label, "page": page, "result": result, "floor": floor_rps})
            rows.append({"session": label, "page": floor, "result": after})
            before = after
    finally:
        server.stop()
    return rows


def print_queries(counts: dict[str, dict], explain: bool) -> None:
    """Queries of each page; with explain every query and the plan of the slowest."""
    for page_name, count in counts.items():
        print(
            f"\n{page_name} {count['path']}: status {count['status']}, {count['queries']} queries, "
            f"{count['sql_ms']:.1f} ms SQL of {count['ms']:.1f} ms"
        )
        if explain:
            for query in count.get("sql", []):
                print(f"  {query['ms']:7.1f} ms  {query['sql'][:400]}")
            if count.get("explain"):
                print(f"  plan of the slowest ({count['slowest']['ms']:.1f} ms):")
                print("\n".join("    " + line for line in count["explain"]))


def main() -> None:
    """Plan, measure both sessions, report."""
    args = parse_args()
    url, name = database_url(args)
    started = time.perf_counter()
    corpus_file = RESULTS / f"corpus-{name}.json"
    corpus = json.loads(corpus_file.read_text()) if corpus_file.exists() else {}
    if corpus.get("migrations_digest") not in (None, migrations_digest()):
        print(
            "warning: migration files changed since this data set was generated; a migration "
            "edited in place is not re-applied, so regenerate it (bench/generate.py --reset)"
        )
    database = pgbulk.connect(url)
    targets = pick_targets(database, corpus)
    database.close()
    print(
        f"database {name}: {targets['stories_count']:,} published stories, {targets['size']}; "
        f"commonest word {targets['common']!r}; typical searches {targets['typical']}"
    )
    static_root = RESULTS / "static"
    uncached_env = server_env(url, "none", args.redis_url, static_root)
    print("migrate, collectstatic and translations (as bin/serve does) …", flush=True)
    manage(uncached_env, "migrate", "--noinput")
    manage(uncached_env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(uncached_env, "compile_translations")

    healthz = Page("floor", f"floor {HEALTHZ}", (HEALTHZ,))
    pages, cached_pages = plan_pages(targets, args.pages)
    counts = count_queries(uncached_env, [healthz, *pages], args.explain)
    floor = healthz
    if counts.get("floor", {}).get("status") != 200:
        floor = Page("floor", f"floor {FLOOR_PATH} (bench)", (FLOOR_PATH,))
        counts["floor"] = count_queries(uncached_env, [floor], False)["floor"]
        print(f"note: {HEALTHZ} does not answer 200; the floor is the bench's own {FLOOR_PATH}")
    available = [page for page in pages if counts.get(page.name, {}).get("status") == 200]
    for page in pages:
        if page not in available:
            status = counts.get(page.name, {}).get("status")
            print(f"note: {page.name} ({page.paths[0]}) answers {status}; not measured")

    if args.queries_only:
        print_queries(counts, explain=args.explain)
        return
    rows = run_session("uncached", uncached_env, floor, available, args)
    cached_rows: list[dict] = []
    cached_counts: dict[str, dict] = {}
    measured = {page.name for page in available}
    cached_available = [
        page for page in cached_pages if page.name.removeprefix("cached-") in measured
    ]
    if cached_available and not args.no_cached:
        cached_env = server_env(url, "redis", args.redis_url, static_root)
        try:
            cached_counts = count_queries(cached_env, [floor, *cached_available], False)
            cached_rows = run_session("cached", cached_env, floor, cached_available, args)
        finally:
            forget_cache(args.redis_url, cached_env["BENCH_CACHE_PREFIX"])

    report = evaluate(rows, counts) + evaluate(cached_rows, cached_counts)
    table = format_table(report)
    print()
    print(table)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    meta = {
        "database": name,
        "published_stories": targets["stories_count"],
        "database_size": targets["size"],
        "commonest_word": targets["common"],
        "typical_queries": targets["typical"],
        "duration": args.duration,
        "warmup": args.warmup,
        "connections": args.connections,
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "tool": report[0]["tool"] if report else None,
        "cpu_busy_before": BUSY,
        "seconds": round(time.perf_counter() - started),
        "measured_at": stamp,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"load-{name}-{stamp}.json").write_text(
        json.dumps({"meta": meta, "pages": report, "queries": counts}, indent=2, default=str)
    )
    (RESULTS / f"load-{name}-{stamp}.md").write_text(table + "\n")
    if args.explain:
        print_queries(counts, explain=True)
    print(f"\nwhole run {meta['seconds']} s; results in bench/results/load-{name}-{stamp}.json")


if __name__ == "__main__":
    main()
