"""Benchmark: importing a Zoom participants report of 5,000 rows into a training session.

Run from the project root::

    .venv/bin/python bench/training_import.py [--rows 5000] [--runs 3]
    .venv/bin/python bench/training_import.py --database-url postgres://postgres@127.0.0.1:5432/scratch

Without ``--database-url`` a temporary SQLite database is created and migrated. With it, the
named database (a scratch one: it is migrated) is used. Every run builds its data (a national
session with all Kanwil and units invited, people with roles, and the generated file) inside a
transaction that is rolled back, so nothing stays behind.

What is timed is the work of the Celery task for a large file (``process_import``): read the
stored file, parse it, match every row (e-mail, NIP, unit name, name), store the rows as
exported, merge each person's rejoins and upsert their attendance. The file has, per 10 rows:
8 rows of people matched by e-mail (each person joins twice), 1 row of a unit's room and 1 row
nobody can be matched to. The query count is measured on the same call, for the full size and
for a fifth of it, to show that it does not grow with the rows.

Targets: at most 2 s for 5,000 rows, and the same number of queries for 1,000 and 5,000 rows
(on PostgreSQL; SQLite caps a statement at 999 parameters, so Django splits bulk inserts there).
"""

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 2.0
WIB = ZoneInfo("Asia/Jakarta")
START = datetime(2025, 2, 6, 9, 0, tzinfo=WIB)


def setup_django(database_url: str | None, media_root: str) -> None:
    """Point the settings at the benchmark database and a throwaway media folder."""
    sys.path.insert(0, str(ROOT))
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(media_root) / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = media_root
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "humas_portal.settings")
    import django

    django.setup()


def zoom_report(rows: int, units: list[str]) -> bytes:
    """A Zoom participants report with the meeting block, in WIB."""

    def stamp(moment: datetime) -> str:
        return moment.strftime("%m/%d/%Y %I:%M:%S %p")

    lines = [
        "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants",
        f"812 0000 0000,Penguatan Kehumasan,{stamp(START)},{stamp(START + timedelta(hours=3))},"
        f"host@bench.example,180,{rows}",
        "",
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest",
    ]
    for index in range(rows):
        slot = index % 10
        person = index // 10 * 4 + slot // 2
        offset = timedelta(minutes=index % 17)
        if slot < 8 and slot % 2 == 0:
            name, email = f"Peserta Bench {person:05d}", f"peserta{person:05d}@bench.example"
            joined, left = START - timedelta(minutes=5) + offset, START + timedelta(minutes=70)
        elif slot < 8:
            name, email = f"Peserta Bench {person:05d}", f"peserta{person:05d}@bench.example"
            joined, left = START + timedelta(minutes=65), START + timedelta(minutes=150) - offset
        elif slot == 8:
            name, email = units[index % len(units)], ""
            joined, left = START + offset, START + timedelta(minutes=140)
        else:
            name, email = f"Tamu Tanpa Nama {index}", ""
            joined, left = START + offset, START + timedelta(minutes=30)
        minutes = int((left - joined).total_seconds() // 60)
        lines.append(f'"{name}",{email},{stamp(joined)},{stamp(left)},{minutes},No')
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def build(rows: int):
    """A national session, its invitations and the people of the file; returns the session,
    the organiser and the report."""
    from decimal import Decimal

    from accounts.models import Directorate, Role, RoleAssignment, Unit, User
    from training import services

    admin = User.objects.create_user(email="admin@bench.example", full_name="Admin Bench")
    RoleAssignment.objects.create(
        user=admin, role=Role.ADMIN, directorate=Directorate.objects.get(is_head_office=True)
    )
    units = list(Unit.objects.filter(is_active=True).order_by("pk"))
    people = rows // 10 * 4 + 4
    users = User.objects.bulk_create(
        User(email=f"peserta{index:05d}@bench.example", full_name=f"Peserta Bench {index:05d}")
        for index in range(people)
    )
    RoleAssignment.objects.bulk_create(
        RoleAssignment(user=user, role=Role.STAFF, unit=units[index % len(units)])
        for index, user in enumerate(users)
    )
    session = services.create_session(
        by=admin,
        organiser=Directorate.objects.get(slug="ti-dan-kerja-sama"),
        title="Penguatan Kehumasan (bench)",
        kind="penguatan",
        starts_at=START,
        ends_at=START + timedelta(minutes=150),
        time_zone="Asia/Jakarta",
        mode="online",
        presence_rule="share",
        presence_min_percent=75,
        jp_credited=Decimal(3),
    )
    services.invite_all(session=session, by=admin, expected_count=2)
    unit_names = [unit.name for unit in units]
    return session, admin, zoom_report(rows, unit_names)


def run_once(rows: int) -> dict:
    """Build, import, measure; everything is rolled back afterwards."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from training.models import Attendance, ImportFile, ImportRow
    from training.parsers import parse_attendance_file
    from training.services import imports

    # Every size goes the way a large file goes: stored now, applied by the task body.
    imports.SYNC_ROW_LIMIT = 0
    result = {}
    with transaction.atomic():
        session, admin, data = build(rows)
        started = time.perf_counter()
        parse_attendance_file(data, time_zone="Asia/Jakarta", reference=START.date())
        result["parse_s"] = time.perf_counter() - started
        staged = imports.stage_attendance_file(
            session=session, by=admin, data=data, name="bench.csv", time_zone="Asia/Jakarta"
        )
        import_file = imports.confirm_import(session=session, by=admin, token=staged.token)
        assert import_file.status == "queued", import_file.status
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            status = imports.process_import(import_file_id=import_file.pk)
            result["import_s"] = time.perf_counter() - started
        assert status == "done", ImportFile.objects.get(pk=import_file.pk).error
        result["queries"] = len(queries.captured_queries)
        result["rows_stored"] = ImportRow.objects.filter(import_file=import_file).count()
        result["attendances"] = Attendance.objects.filter(session=session).count()
        stored = ImportFile.objects.get(pk=import_file.pk)
        result["matched"] = stored.matched_rows
        result["rooms"] = stored.group_rows
        result["queued"] = stored.unmatched_rows
        transaction.set_rollback(True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url", default="", help="a scratch database (migrated)")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="training-bench-") as folder:
        setup_django(arguments.database_url or None, folder)
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0)
        small = run_once(arguments.rows // 5)
        runs = [run_once(arguments.rows) for _ in range(arguments.runs)]
        vendor = connection.vendor

    median = statistics.median(run["import_s"] for run in runs)
    report = {
        "rows": arguments.rows,
        "database": vendor,
        "python": platform.python_version(),
        "import_seconds_median": round(median, 3),
        "import_seconds_all": [round(run["import_s"], 3) for run in runs],
        "parse_seconds_median": round(statistics.median(run["parse_s"] for run in runs), 3),
        "queries": runs[0]["queries"],
        "queries_at_a_fifth": small["queries"],
        "rows_stored": runs[0]["rows_stored"],
        "attendances": runs[0]["attendances"],
        "matched_rows": runs[0]["matched"],
        "room_rows": runs[0]["rooms"],
        "queued_rows": runs[0]["queued"],
        "target_seconds": TARGET_SECONDS,
        "meets_time_target": median <= TARGET_SECONDS,
    }
    print(f"Attendance import, {arguments.rows} Zoom rows, {vendor}")
    print(f"  import (parse + match + store + upsert): {median:.3f} s median of {len(runs)}")
    print(f"  of which parsing alone:                  {report['parse_seconds_median']:.3f} s")
    print(
        f"  queries: {report['queries']} for {arguments.rows} rows, "
        f"{report['queries_at_a_fifth']} for {arguments.rows // 5} rows"
    )
    print(
        f"  rows stored {report['rows_stored']}, attendances {report['attendances']}, "
        f"matched {report['matched_rows']}, rooms {report['room_rows']}, "
        f"queued {report['queued_rows']}"
    )
    verdict = "meets" if report["meets_time_target"] else "MISSES"
    print(f"  {verdict} the {TARGET_SECONDS:.0f} s target")
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / f"training_import_{vendor}.json").write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
