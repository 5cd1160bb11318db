"""Run the periodic jobs of CELERY_BEAT_SCHEDULE in-process, for development (make run)."""

import logging
import os
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from humas_portal import scheduler


class Command(BaseCommand):
    help = (
        "Run the periodic jobs of CELERY_BEAT_SCHEDULE in this process, for development without "
        "Redis. Production runs celery beat and a worker instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run every job once, then stop (for checks)."
        )

    def handle(self, *args, once: bool = False, **options):
        schedule = settings.CELERY_BEAT_SCHEDULE
        parent = os.getppid()
        names = ", ".join(schedule) or "none"
        self.stdout.write(f"Scheduler: running periodic jobs in-process ({names}).")
        # One line per job that did something, instead of Celery's line per run.
        logging.getLogger("celery.app.trace").setLevel(logging.WARNING)
        last_runs: dict = {}
        while True:
            now = timezone.now()
            scheduler.tick(schedule, last_runs, now, run=self._run)
            close_old_connections()
            # Stop with the `make run` shell that started us, even if its trap did not fire.
            if once or os.getppid() != parent:
                return
            time.sleep(scheduler.seconds_until_next(schedule, last_runs, timezone.now()))

    def _run(self, entry) -> None:
        result = scheduler.run_entry(entry)
        if result and not (isinstance(result, dict) and not any(result.values())):
            self.stdout.write(f"Scheduler: {entry['task']} -> {result}")
