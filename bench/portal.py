"""Load benchmark of the signed-in pages: gunicorn and PostgreSQL on loopback, against a floor.

Run from the project root, after bench/generate.py filled the database::

    .venv/bin/python bench/portal.py --database humas_bench_100k
    .venv/bin/python bench/portal.py --database humas_bench_100k --pages queue,inbox --duration 5

The first run adds the signed-in pages' data (bench/portal_data.py): 2,000 submissions waiting
in one Kanwil, a 1,500-word story with 50 revisions, 10,000 notifications for that Kanwil's
editor, 5,000 staff, 5,000 training sessions, one session with every unit and Kanwil invited
and 5,000 attendance rows, a unit invited about 1,000 times and a person with 500 sessions.
It then signs in four personas (operator, editor, central admin; editors and admins with a
TOTP authenticator) by writing their sessions, counts each page's queries with the test client,
and measures every page in one uncached gunicorn run (2 sync workers, DummyCache), interleaved
with the floor view as bench/load.py does. Results go to bench/results/portal-<database>-<time>.
"""

import argparse
import json
import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import httpload  # noqa: E402 - the project root must be on sys.path first
from bench.generate import database_url  # noqa: E402
from bench.load import BUSY, RESULTS, manage, run_session, server_env  # noqa: E402
from bench.pages import FLOOR_PATH, Page, Target, evaluate, format_table  # noqa: E402

LIST = Target(min_ratio=0.05)
DETAIL = Target(min_ratio=0.08)
HEAVY = Target(min_ratio=0.02, max_p99_ms=300)


def parse_args() -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", help="bench database name (on DATABASE_URL's server)")
    parser.add_argument("--duration", type=float, default=10, help="seconds measured per page")
    parser.add_argument("--warmup", type=float, default=2, help="seconds of warm-up per page")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--pages", help="comma-separated page names to measure (default: all)")
    parser.add_argument("--queries-only", action="store_true", help="count queries; no load")
    parser.add_argument("--wait-idle", type=float, default=60)
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    )
    return parser.parse_args()


def setup(env: dict[str, str]) -> None:
    """Django in this process, on the bench database with the server's settings and secret."""
    os.environ.update(env | {"ALLOWED_HOSTS": "127.0.0.1,testserver"})
    import django

    django.setup()


def sign_in(user) -> str:
    """A signed-in session for the person, as a completed sign-in leaves it; its key."""
    from allauth.mfa.models import Authenticator
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from accounts import policies

    if (
        policies.must_use_two_factor(user)
        and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    ):
        Authenticator.objects.create(
            user=user, type=Authenticator.Type.TOTP, data={"secret": "bench"}
        )
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def plan(only: str | None) -> tuple[list[Page], dict[str, str]]:
    """The pages, each with the session key of the persona who visits it."""
    from django.db import connection
    from django.urls import reverse

    from accounts.models import User
    from bench.portal_data import MARKER_EMAIL, PER_PAGE_QUEUE

    def one(sql: str, params=()):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()

    kanwil_id, editor_id = one(
        "SELECT s.kanwil_id, r.user_id FROM news_story s JOIN accounts_roleassignment r"
        " ON r.kanwil_id = s.kanwil_id AND r.role = 'editor' WHERE s.state = 'submitted'"
        " GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1"
    )
    (operator_id,) = one(
        "SELECT r.user_id FROM accounts_roleassignment r JOIN news_story s ON s.unit_id = r.unit_id"
        " WHERE r.role = 'operator' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    )
    (story_id,) = one(
        "SELECT story_id FROM news_storyrevision GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    )
    page80 = one(
        "SELECT submitted_revision_id, id FROM news_story WHERE kanwil_id = %s"
        " AND state IN ('submitted', 'approved', 'scheduled')"
        " ORDER BY submitted_revision_id, id OFFSET %s LIMIT 1",
        [kanwil_id, 79 * PER_PAGE_QUEUE - 1],
    )
    (big_session,) = one(
        "SELECT session_id FROM training_attendance GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    )
    (unit_slug,) = one(
        "SELECT u.slug FROM training_invitee i JOIN accounts_unit u ON u.id = i.unit_id"
        " GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    )
    person = User.objects.get(email="staf00007@bench.humas.test")
    admin = User.objects.get(email=MARKER_EMAIL)
    keys = {
        "operator": sign_in(User.objects.get(pk=operator_id)),
        "editor": sign_in(User.objects.get(pk=editor_id)),
        "admin": sign_in(admin),
    }
    queue = reverse("news:review_queue")
    rows = [
        ("desk", "operator desk", "operator", reverse("news:unit_desk"), LIST),
        ("queue", "review queue (2,000 submitted)", "editor", queue, LIST),
        (
            "queue-80",
            "review queue, page 80",
            "editor",
            f"{queue}?after={page80[0]}_{page80[1]}",
            LIST,
        ),
        (
            "review",
            "a story's review page",
            "editor",
            reverse("news:story_detail", args=[story_id]),
            DETAIL,
        ),
        (
            "diff",
            "diff against the previous submission",
            "editor",
            reverse("news:story_changes", args=[story_id, "submitted"]),
            HEAVY,
        ),
        ("inbox", "inbox (10,000 notifications)", "editor", reverse("news:inbox"), LIST),
        ("sessions", "training session list", "admin", reverse("training:session_list"), LIST),
        (
            "session",
            "one session page (5,000 attendance rows)",
            "admin",
            reverse("training:session_detail", args=[big_session]),
            DETAIL,
        ),
        (
            "attendees",
            "a session's attendees",
            "admin",
            reverse("training:attendee_list", args=[big_session]),
            LIST,
        ),
        (
            "history",
            "a person's training history",
            "admin",
            reverse("training:person_history", args=[person.pk]),
            HEAVY,
        ),
        (
            "participation",
            "a unit's participation",
            "admin",
            reverse("training:unit_participation", args=[unit_slug]),
            HEAVY,
        ),
        ("people", "people directory", "admin", reverse("accounts:person_list"), LIST),
    ]
    wanted = {name.strip() for name in only.split(",")} if only else None
    pages, cookies = [], {}
    for name, label, persona, path, target in rows:
        if wanted and name not in wanted:
            continue
        pages.append(Page(name, f"{label} [{persona}]", (path,), target))
        cookies[name] = keys[persona]
    return pages, cookies


def count_queries(pages: list[Page], cookies: dict[str, str]) -> dict[str, dict]:
    """Status and queries of a second request of each page, as its persona."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    results = {}
    for page in pages:
        client = Client(raise_request_exception=False)
        client.cookies[settings.SESSION_COOKIE_NAME] = cookies[page.name]
        client.get(page.paths[0])
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(page.paths[0])
            elapsed = time.perf_counter() - started
        queries = [float(query["time"]) * 1000 for query in captured.captured_queries]
        results[page.name] = {
            "path": page.paths[0],
            "status": response.status_code,
            "bytes": len(response.content),
            "queries": len(queries),
            "ms": elapsed * 1000,
            "sql_ms": sum(queries),
            "sql": [
                f"{float(query['time']) * 1000:7.1f} ms  {query['sql'][:300]}"
                for query in captured.captured_queries
            ],
        }
        print(
            f"  {page.name:14} {response.status_code} {len(queries):3} queries"
            f" {elapsed * 1000:7.1f} ms {len(response.content) / 1024:6.0f} KB",
            flush=True,
        )
    return results


def main() -> None:
    """Build once, sign in, count, measure, report."""
    args = parse_args()
    url, name = database_url(args)
    started = time.perf_counter()
    static_root = RESULTS / "static"
    env = server_env(url, "none", args.redis_url, static_root)
    print("migrate, collectstatic and translations …", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(env, "compile_translations")
    setup(env)
    from bench import portal_data

    if not portal_data.is_built():
        print("adding the signed-in pages' data …", flush=True)
        began = time.perf_counter()
        portal_data.build()
        print(f"  done in {time.perf_counter() - began:.0f} s", flush=True)
    pages, cookies = plan(args.pages)
    counts = count_queries(pages, cookies)
    if args.queries_only:
        for page_name, count in counts.items():
            print(f"\n{page_name}:")
            print("\n".join("  " + sql for sql in count["sql"]))
        return
    available = [page for page in pages if counts[page.name]["status"] == 200]
    floor = Page("floor", f"floor {FLOOR_PATH} (bench)", (FLOOR_PATH,))
    # Each page is driven with its persona's session cookie.
    from django.conf import settings

    for page in available:
        httpload.COOKIES[page.paths[0]] = f"{settings.SESSION_COOKIE_NAME}={cookies[page.name]}"
    rows = run_session("uncached", env, floor, available, args)
    report = evaluate(rows, counts)
    table = format_table(report)
    print()
    print(table)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    meta = {
        "database": name,
        "duration": args.duration,
        "warmup": args.warmup,
        "connections": args.connections,
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "cpu_busy_before": BUSY,
        "seconds": round(time.perf_counter() - started),
        "measured_at": stamp,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"portal-{name}-{stamp}.json").write_text(
        json.dumps({"meta": meta, "pages": report, "queries": counts}, indent=2, default=str)
    )
    (RESULTS / f"portal-{name}-{stamp}.md").write_text(table + "\n")
    print(f"\nwhole run {meta['seconds']} s; results in bench/results/portal-{name}-{stamp}.md")


if __name__ == "__main__":
    main()
