"""One Day One News at national scale: board, national board and recap timings on PostgreSQL.

Run from the project root (the database name must contain "bench"; it is created and migrated)::

    .venv/bin/python bench/odon_bench.py --database humas_odon_bench --stories 1000000
    .venv/bin/python bench/odon_bench.py --database humas_odon_bench --skip-load   # time again

The data set is written with INSERT ... SELECT in PostgreSQL itself: units up to --units over
the 33 Kanwil, --stories stories over --years of weekdays (minimal rows in state draft: the
boards read only the roll-up), one StoryDay per story (about 85 % green, 8 % amber, 7 % void,
decided 1 to 48 hours after submission) and the UnitDay roll-up grouped from it. Then, uncached:

- the Kanwil month board view (selector + template), --runs random Kanwil and months: p50, p99
  and the number of queries of the board itself;
- the national board view for a year;
- the recap XLSX of one Kanwil (board + workbook), and the national recap (33 boards, XLSX
  and PDF) as the Celery task builds it.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import pgbulk  # noqa: E402
from bench.generate import DEFAULT_SERVER, prepare_database, setup_django  # noqa: E402

LOAD_SQL = """
WITH kanwils AS (SELECT array_agg(id ORDER BY id) AS ids FROM accounts_kanwil)
INSERT INTO accounts_unit (name, slug, unit_type, unit_class, city, kanwil_id, time_zone,
    is_active)
SELECT 'Lapas Bench ' || g, 'lapas-bench-' || g, 'lapas', '', 'Kota Bench',
    (SELECT ids[1 + g %% array_length(ids, 1)] FROM kanwils), '', true
FROM generate_series(1, GREATEST(%(units)s - (SELECT count(*) FROM accounts_unit), 0)) g;

INSERT INTO accounts_user (password, is_superuser, email, full_name, position, nip, is_active,
    is_staff, date_joined)
VALUES ('!', false, 'editor.bench@humas.test', 'Editor Bench', '', '', true, false, now())
ON CONFLICT DO NOTHING;

CREATE TEMP TABLE bench_units AS
SELECT row_number() OVER (ORDER BY u.id) - 1 AS n, u.id, u.kanwil_id,
    COALESCE(NULLIF(u.time_zone, ''), k.time_zone) AS zone
FROM accounts_unit u JOIN accounts_kanwil k ON k.id = u.kanwil_id WHERE u.is_active;

INSERT INTO news_story (unit_id, kanwil_id, state, title, lead, body, event_start, dateline,
    category_id, created_by_id, version, slug, created_at, updated_at, correction_note)
SELECT bu.id, bu.kanwil_id, 'draft', 'Kegiatan ' || g, 'Lead', '<p>Isi</p>', moment,
    'Kota', (SELECT min(id) FROM news_category),
    (SELECT id FROM accounts_user WHERE email = 'editor.bench@humas.test'), 1,
    'odon-bench-' || g, moment, moment, ''
FROM (
    SELECT g, (g::bigint * 7919) %% (SELECT count(*) FROM bench_units) AS n,
        -- A weekday of the span, 01:00 to 10:00 UTC (office hours in every zone).
        (date %(start)s + (random() * %(days)s)::int)::timestamp
            + make_interval(hours => 1 + (random() * 9)::int) AS moment
    FROM generate_series(1, %(stories)s) g
) s JOIN bench_units bu ON bu.n = s.n
WHERE extract(isodow FROM moment) < 6;

INSERT INTO odon_storyday (story_id, unit_id, kanwil_id, day, submitted_at, outcome,
    decided_at, decided_by_id)
SELECT s.id, s.unit_id, s.kanwil_id, (s.created_at AT TIME ZONE 'UTC' AT TIME ZONE bu.zone)::date,
    s.created_at, o.outcome,
    s.created_at + make_interval(hours => 1 + (random() * 47)::int),
    (SELECT id FROM accounts_user WHERE email = 'editor.bench@humas.test')
FROM news_story s JOIN bench_units bu ON bu.id = s.unit_id,
LATERAL (SELECT CASE WHEN r < 0.85 THEN 'green' WHEN r < 0.93 THEN 'amber' ELSE 'void' END
         AS outcome FROM (SELECT random() + s.id * 0 AS r) x) o
WHERE s.slug LIKE 'odon-bench-%%';

INSERT INTO odon_unitday (unit_id, kanwil_id, day, green, amber, void)
SELECT unit_id, min(kanwil_id), day, count(*) FILTER (WHERE outcome = 'green'),
    count(*) FILTER (WHERE outcome = 'amber'), count(*) FILTER (WHERE outcome = 'void')
FROM odon_storyday GROUP BY unit_id, day;
ANALYZE;
"""


def parse_args(argv=None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="a PostgreSQL database named *bench*")
    parser.add_argument("--stories", type=int, default=1_000_000)
    parser.add_argument("--units", type=int, default=630)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=40, help="Kanwil month boards to time")
    parser.add_argument("--reset", action="store_true", help="drop and re-create the database")
    parser.add_argument("--skip-load", action="store_true", help="time an existing data set")
    return parser.parse_args(argv)


def load(args, end: date) -> None:
    """Write the data set with SQL inside PostgreSQL."""
    from django.db import connection

    start = date(end.year - args.years, end.month, 1)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM odon_storyday")
        if cursor.fetchone()[0]:
            print("data set present; use --reset to write it again")
            return
        began = time.perf_counter()
        cursor.execute(
            LOAD_SQL,
            {
                "units": args.units,
                "stories": int(args.stories / 5 * 7),  # weekend draws are dropped
                "start": start.isoformat(),
                "days": (end - start).days,
            },
        )
        cursor.execute("SELECT count(*) FROM odon_storyday")
        print(f"loaded {cursor.fetchone()[0]:,} stories in {time.perf_counter() - began:.0f} s")


def timed(function) -> tuple[float, object]:
    """Milliseconds of one call and its result."""
    began = time.perf_counter()
    result = function()
    return (time.perf_counter() - began) * 1000, result


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main(argv=None) -> None:
    args = parse_args(argv)
    if "bench" not in args.database:
        sys.exit("odon_bench: the database name must contain 'bench'")
    base = os.environ.get("DATABASE_URL", "")
    base = base if base.startswith(("postgres://", "postgresql://")) else DEFAULT_SERVER
    url = pgbulk.with_database(base, args.database)
    prepare_database(url, args.database, args.reset)
    setup_django(url, args.database)

    from django.contrib.auth.models import AnonymousUser  # noqa: F401 - Django is ready now
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    from accounts.models import Directorate, Kanwil, Role, RoleAssignment, User
    from odon import calendar, charts, recap, selectors
    from odon.views import boards

    end = date(2026, 11, 30)
    if not args.skip_load:
        load(args, end)
    admin, _ = User.objects.get_or_create(
        email="admin.bench@humas.test", defaults={"full_name": "Admin Bench"}
    )
    RoleAssignment.objects.get_or_create(
        user=admin, role=Role.ADMIN, directorate=Directorate.objects.get(is_head_office=True)
    )
    kanwils = list(Kanwil.objects.all())
    factory = RequestFactory()
    chance = random.Random(7)
    times, cpu, queries = [], [], set()
    for run in range(args.runs + 1):
        kanwil = chance.choice(kanwils)
        month = date(chance.randint(end.year - args.years + 1, end.year), chance.randint(1, 11), 1)
        request = factory.get(f"/odon/kanwil/{kanwil.slug}/?month={month:%Y-%m}")
        request.user = User.objects.get(pk=admin.pk)  # a fresh scope: nothing cached
        cpu_began = time.process_time()
        with CaptureQueriesContext(connection) as captured:
            elapsed, response = timed(lambda r=request, k=kanwil: boards.kanwil_board(r, k.slug))
        assert response.status_code == 200
        if run == 0:
            continue  # the first run compiles templates and warms imports
        times.append(elapsed)
        cpu.append((time.process_time() - cpu_began) * 1000)
        queries.add(len(captured.captured_queries))
    print(
        f"Kanwil month board view: p50 {statistics.median(times):.0f} ms, "
        f"p90 {percentile(times, 0.9):.0f} ms, p95 {percentile(times, 0.95):.0f} ms, "
        f"p99 {percentile(times, 0.99):.0f} ms, max {max(times):.0f} ms over {len(times)} runs; "
        f"queries per page {sorted(queries)} (roles 1 + Kanwil 1 + board 5 + unread badge 1)"
    )
    print(
        f"  of which Django process CPU: p50 {statistics.median(cpu):.0f} ms, "
        f"p99 {percentile(cpu, 0.99):.0f} ms; load average {os.getloadavg()[0]:.1f}"
    )
    national = []
    for year in (end.year, end.year - 1, end.year - 2):
        request = factory.get(f"/odon/national/?year={year}")
        request.user = User.objects.get(pk=admin.pk)
        national.append(timed(lambda r=request: boards.national_board(r))[0])
    print(f"National board view: {', '.join(f'{t:.0f}' for t in national)} ms")

    first, last = calendar.month_bounds(2026, 10)
    kanwil = max(kanwils, key=lambda k: k.units.count())

    def one_recap():
        board = selectors.kanwil_board(kanwil, first, last, today=last)
        return recap.recap_xlsx([board], title="bench")

    print(f"Recap XLSX, one Kanwil ({kanwil.short_name}): {timed(one_recap)[0]:.0f} ms")

    def national_recap():
        boards_ = [selectors.kanwil_board(k, first, last, today=last) for k in kanwils]
        chart = charts.bars_svg([b.kanwil.short_name for b in boards_], [b.rate for b in boards_])
        return recap.recap_xlsx(boards_, title="bench"), recap.recap_pdf(
            boards_, title="bench", chart=chart
        )

    print(f"National recap (33 boards, XLSX + PDF): {timed(national_recap)[0] / 1000:.1f} s")


if __name__ == "__main__":
    main()
