"""Benchmark: the editor's live check, request to JSON answer, on the demo data (p99 <= 300 ms).

Run from the project root::

    .venv/bin/python bench/live_check_bench.py [--runs 200]

Creates a throw-away SQLite test database, seeds the demo (the two seed stories, the 6 February
2025 session with speakers and coverage, the other demo stories), puts the Palu seed story back
to draft so its operator may edit it, and posts the story's text, slightly changed each time,
to the live-check endpoint through Django's test client (middleware, CSRF exemption of the test
client aside, session, scoped read, context selectors, all checks, JSON). Prints p50/p95/p99.
"""

import argparse
import os
import statistics
import sys
import time
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "humas_portal.settings_test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    runs = parser.parse_args().runs
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    with override_settings(DEBUG=True):
        call_command("seed_demo", stdout=StringIO())

    from accounts.demo import demo_user
    from news.demo import OPERATORS
    from news.demo_content import PALU_BRIEFING
    from news.models import State, Story

    story = Story.objects.get(title=PALU_BRIEFING["title"])
    Story.objects.filter(pk=story.pk).update(state=State.DRAFT)
    client = Client()
    client.force_login(demo_user(OPERATORS[story.unit.slug]))
    url = reverse("news:story_live_check", args=[story.pk])
    times = []
    for run in range(runs):
        data = {
            "title": story.title,
            "lead": story.lead + " " * (run % 3),
            "body": story.body + f"<p>Catatan {run}.</p>",
            "dateline": story.dateline,
            "event_date": "2025-02-06",
        }
        start = time.perf_counter()
        response = client.post(url, data)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    found = len(response.json()["findings"])
    times.sort()
    sys.stdout.write(
        f"live check, {runs} requests, {found} findings: median {statistics.median(times):.1f} ms, "
        f"p95 {times[int(0.95 * (runs - 1))]:.1f} ms, p99 {times[int(0.99 * (runs - 1))]:.1f} ms "
        f"(target p99 <= 300 ms)\n"
    )


if __name__ == "__main__":
    main()
