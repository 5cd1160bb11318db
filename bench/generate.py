"""Generate a national-scale data set for the load benchmark, in a PostgreSQL database of its own.

Run from the project root::

    .venv/bin/python bench/generate.py --stories 100000 --database humas_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/humas_bench .venv/bin/python bench/generate.py

The database must be PostgreSQL and its name must contain "bench"; it is created when missing
(--reset drops and re-creates it) and migrated. On top of the reference data from the
migrations (33 Kanwil, the real units, the categories) it adds units up to --units (~627) over
the 33 Kanwil, one operator per unit and one editor per Kanwil, tags, and --stories published
stories of Indonesian news text (plus a few per cent in other states), each with its revision,
authors, tags and photo rows (no files). Rows go in with COPY; indexes and constraints are set
aside during the load and rebuilt afterwards. The commonest word of the corpus and typical
two-word searches are written to bench/results/corpus-<database>.json for bench/load.py.
"""

import argparse
import json
import os
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import pgbulk  # noqa: E402 - the project root must be on sys.path first

DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
RESULTS = ROOT / "bench" / "results"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=100_000, help="published stories")
    parser.add_argument("--database", help="database name (on DATABASE_URL's server)")
    parser.add_argument("--units", type=int, default=627, help="units in all, real ones included")
    parser.add_argument("--years", type=float, default=6.0, help="years the stories span")
    parser.add_argument("--max-photos", type=int, default=3, help="photos per story, 0 for none")
    parser.add_argument(
        "--unpublished", type=float, default=0.03, help="extra stories in other states, share"
    )
    parser.add_argument("--chunk", type=int, default=5000, help="stories per COPY chunk")
    parser.add_argument("--seed", type=int, default=20250206)
    parser.add_argument("--reset", action="store_true", help="drop and re-create the database")
    parser.add_argument(
        "--describe-only",
        action="store_true",
        help="only (re)write the corpus summary JSON of an existing database",
    )
    return parser.parse_args(argv)


def database_url(args: argparse.Namespace) -> tuple[str, str]:
    """The bench database's URL and name; exits unless it is PostgreSQL named like *bench*."""
    url = os.environ.get("DATABASE_URL", "")
    if args.database:
        base = url if url.startswith(("postgres://", "postgresql://")) else DEFAULT_SERVER
        url = pgbulk.with_database(base, args.database)
    if not url:
        sys.exit("generate: give --database NAME or DATABASE_URL (PostgreSQL)")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit(f"generate: refusing {url.split(':')[0]}: the benchmark needs PostgreSQL")
    name = url.rsplit("/", 1)[-1].split("?")[0]
    if not re.fullmatch(r"[A-Za-z0-9_]+", name) or "bench" not in name.lower():
        sys.exit(f"generate: refusing database {name!r}: its name must contain 'bench'")
    return url, name


def prepare_database(url: str, name: str, reset: bool) -> None:
    """Create the database when it does not exist; with reset, drop it first."""
    connection = pgbulk.connect(pgbulk.with_database(url, "postgres"))
    connection.autocommit = True
    with connection.cursor() as cursor:
        if reset:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")
    connection.close()


def setup_django(url: str, name: str) -> None:
    """Point Django at the bench database (and nothing else), then migrate it."""
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings_bench"
    os.environ.setdefault("BENCH_CACHE", "none")
    os.environ["DEBUG"] = "true"
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    if connection.vendor != "postgresql" or connection.settings_dict["NAME"] != name:
        sys.exit("generate: Django is not connected to the bench database; stopping")
    pgbulk.timed("migrate", lambda: call_command("migrate", interactive=False, verbosity=0))


def _choose_related_stories() -> None:
    """Every published story's related news, as publishing would have chosen it."""
    from news.services.related import fill_related_stories

    def progress(done: int, total: int) -> None:
        print(f"  related stories for {done:,}/{total:,} story ids", flush=True)

    fill_related_stories(progress=progress)


def main(argv: list[str] | None = None) -> None:
    """Create, fill and analyse the bench database."""
    args = parse_args(argv)
    url, name = database_url(args)
    started = time.perf_counter()
    prepare_database(url, name, args.reset and not args.describe_only)
    setup_django(url, name)

    from bench import corpus_stats, loader, orgs

    if not args.describe_only:
        loader.refuse_if_filled(reset_hint=f"--reset drops {name} and starts again")
        rng = random.Random(args.seed)
        units = pgbulk.timed(
            "units, people, tags", lambda: orgs.build_organisation(rng, args.units)
        )
        plan = loader.StoryPlan(
            stories=args.stories,
            years=args.years,
            max_photos=args.max_photos,
            unpublished=args.unpublished,
            chunk=args.chunk,
            seed=args.seed,
        )
        loader.load_stories(url, units, plan)
        pgbulk.timed("related stories", _choose_related_stories)
        loader.finish(url)
    summary = corpus_stats.describe_corpus(name)
    summary_file = RESULTS / f"corpus-{name}.json"
    if args.describe_only and summary_file.exists():
        previous = json.loads(summary_file.read_text())
        summary["generated_in_seconds"] = previous.get("generated_in_seconds")
    else:
        summary["generated_in_seconds"] = round(time.perf_counter() - started, 1)
    corpus_stats.write_summary(summary_file, summary)
    print(
        f"done in {time.perf_counter() - started:.0f} s: {summary['stories']:,} published stories, "
        f"database {name} is {summary['database_size']}"
    )
    print(
        f"commonest word: {summary['commonest_word']!r} (lexeme {summary['lexeme']!r}, in "
        f"{summary['document_share']:.0%} of sampled stories)"
    )


if __name__ == "__main__":
    main()
