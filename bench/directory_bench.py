"""Benchmark: the staff directory's roster import and attendance matching against it.

Run from the project root::

    .venv/bin/python bench/directory_bench.py [--people 60000] [--rows 5000]
    .venv/bin/python bench/directory_bench.py --database-url postgres://postgres@127.0.0.1:5432/scratch

Without ``--database-url`` a temporary SQLite database is created and migrated; with it the named
(scratch) database is migrated and used. Everything is built inside a transaction that is rolled
back.

Measured:

1. Preview of a 5,000-row roster (read, check every row against the directory), target ≤ 3 s.
2. Applying a roster of ``--people`` rows (the Celery task's work, ``apply_roster``) to an empty
   directory, target ≤ 60 s for 60,000; then applying it again (idempotent: nothing changes).
3. Matching a ``--rows`` Zoom file against the ``--people`` records of a national session that
   invites every unit: per 10 rows, 4 with the NIP in the name, 3 with an e-mail address of a
   record, 2 with unit and name, 1 with the name alone. Target ≤ 3 s, and the same number of
   queries for a fifth of the rows.
"""

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
WIB = ZoneInfo("Asia/Jakarta")
START = datetime(2025, 2, 6, 9, 0, tzinfo=WIB)


def setup_django(database_url: str | None, media_root: str) -> None:
    """Point the settings at the benchmark database and a throwaway media folder."""
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{Path(media_root) / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = media_root
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "humas_portal.settings")
    import django

    django.setup()


def nip(number: int) -> str:
    """A valid, distinct NIP per number (up to 335,664)."""
    day, month, serial = number % 28 + 1, number // 28 % 12 + 1, number // 336 % 999 + 1
    return f"1985{month:02d}{day:02d}2010031{serial:03d}"


def roster(people: int, units: list[str]) -> bytes:
    """A SIASN-style roster, semicolons, BOM."""
    lines = ["NIP_BARU;NAMA;GELAR_DEPAN;GELAR_BELAKANG;UNOR_NAMA;JABATAN_NAMA;GOL_AKHIR_NAMA;EMAIL"]
    for index in range(people):
        lines.append(
            f"{nip(index)};Pegawai Bench {index:06d};;S.H.;{units[index % len(units)]};"
            f"Penjaga Tahanan;II/c;pegawai{index:06d}@bench.example"
        )
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode()


def zoom(rows: int, units: list[str]) -> list:
    """Parsed rows of a Zoom file, as the matcher receives them."""
    from training.parsers import ParsedRow

    result = []
    for index in range(rows):
        slot = index % 10
        person = index * 7 % 60000
        name = f"Pegawai Bench {person:06d}"
        email = ""
        if slot < 4:
            name = f"{name} {nip(person)}"
        elif slot < 7:
            email = f"pegawai{person:06d}@bench.example"
        elif slot < 9:
            name = f"{units[person % len(units)]} - {name}"
        result.append(ParsedRow(index + 2, name, email, START, START + timedelta(minutes=120), {}))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=60000)
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--database-url", default="")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="directory-bench-") as folder:
        setup_django(arguments.database_url or None, folder)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        report = measure(arguments.people, arguments.rows)
    print(json.dumps(report, indent=2))
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / f"directory_{report['database']}.json").write_text(json.dumps(report, indent=2))


def measure(people: int, rows: int) -> dict:
    """Everything, inside one rolled-back transaction."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from accounts.models import Directorate, Role, RoleAssignment, Unit, User
    from directory import rosters
    from directory.models import RosterImport, StaffMember
    from training import services
    from training.matching import Matcher

    report = {"database": connection.vendor, "python": platform.python_version()}
    with transaction.atomic():
        admin = User.objects.create_user(email="admin@bench.example", full_name="Admin Bench")
        RoleAssignment.objects.create(
            user=admin, role=Role.ADMIN, directorate=Directorate.objects.get(is_head_office=True)
        )
        units = list(
            Unit.objects.filter(is_active=True).order_by("pk").values_list("name", flat=True)
        )
        data = roster(people, units)
        small = roster(5000, units)
        started = time.perf_counter()
        checked = rosters.check_roster(small, "small.csv", by=admin)
        report["preview_5000_s"] = round(time.perf_counter() - started, 3)
        report["preview_errors"] = len(checked.errors)

        started = time.perf_counter()
        checked = rosters.check_roster(data, "roster.csv", by=admin)
        roster_import = RosterImport.objects.create(original_name="roster.csv", sha256="x")
        with CaptureQueriesContext(connection) as queries:
            rosters.apply_roster(roster=roster_import, checked=checked, by=admin)
        report[f"roster_{people}_apply_s"] = round(time.perf_counter() - started, 3)
        report["roster_queries"] = len(queries.captured_queries)
        report["records"] = StaffMember.objects.count()
        started = time.perf_counter()
        checked = rosters.check_roster(data, "roster.csv", by=admin)
        again = RosterImport.objects.create(original_name="roster.csv", sha256="x")
        rosters.apply_roster(roster=again, checked=checked, by=admin)
        report[f"roster_{people}_again_s"] = round(time.perf_counter() - started, 3)
        report["again_unchanged"] = again.unchanged_count

        session = services.create_session(
            by=admin,
            organiser=Directorate.objects.get(slug="ti-dan-kerja-sama"),
            title="Penguatan (bench)",
            kind="penguatan",
            starts_at=START,
            ends_at=START + timedelta(minutes=150),
            time_zone="Asia/Jakarta",
            mode="online",
            presence_rule="share",
            presence_min_percent=75,
        )
        services.invite_all(session=session, by=admin, expected_count=2)
        parsed = zoom(rows, units)
        with CaptureQueriesContext(connection) as few:
            Matcher(session).match(parsed[: rows // 5])
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as many:
            result = Matcher(session).match(parsed)
        report[f"match_{rows}_s"] = round(time.perf_counter() - started, 3)
        report["match_queries"] = len(many.captured_queries)
        report["match_queries_at_a_fifth"] = len(few.captured_queries)
        report["matched_rows"] = sum(1 for match in result.matches if match.staff_id)
        transaction.set_rollback(True)
    return report


if __name__ == "__main__":
    main()
