"""The development scheduler: runs the entries of CELERY_BEAT_SCHEDULE in-process.

``make run`` has no Redis and no Celery worker (tasks run eagerly), so ``celery beat`` would
have nowhere to send its jobs. ``manage.py run_scheduler`` reads the same
``CELERY_BEAT_SCHEDULE`` and calls each entry's task in its own process when it is due.
Production keeps ``celery beat`` and a worker (see bin/serve); the two must not run together.
"""

import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta

from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# The loop wakes at least this often, to notice that runserver has gone.
MAX_SLEEP_SECONDS = 5.0


def interval_seconds(spec) -> float | None:
    """An entry's period in seconds, or None for calendar schedules (crontab)."""
    if isinstance(spec, int | float):
        return float(spec)
    if isinstance(spec, timedelta):
        return spec.total_seconds()
    run_every = getattr(spec, "run_every", None)
    if isinstance(run_every, timedelta) and not hasattr(spec, "minute"):
        return run_every.total_seconds()
    return None


def is_due(spec, last_run: datetime | None, now: datetime) -> bool:
    """Whether an entry should run now: an interval runs at start, then every period."""
    seconds = interval_seconds(spec)
    if seconds is not None:
        return last_run is None or (now - last_run).total_seconds() >= seconds
    # A calendar schedule (crontab) first counts from the scheduler's start, as beat does.
    return spec.remaining_estimate(last_run or now).total_seconds() <= 0


def due_entries(
    schedule: Mapping[str, Mapping], last_runs: Mapping[str, datetime], now: datetime
) -> list[str]:
    """The names of the entries due at ``now``, in the schedule's order."""
    return [
        name
        for name, entry in schedule.items()
        if is_due(entry["schedule"], last_runs.get(name), now)
    ]


def seconds_until_next(
    schedule: Mapping[str, Mapping], last_runs: Mapping[str, datetime], now: datetime
) -> float:
    """How long the loop may sleep before some entry is due (at most MAX_SLEEP_SECONDS)."""
    waits = [MAX_SLEEP_SECONDS]
    for name, entry in schedule.items():
        seconds, last_run = interval_seconds(entry["schedule"]), last_runs.get(name)
        if seconds is not None and last_run is not None:
            waits.append(seconds - (now - last_run).total_seconds())
    return max(0.0, min(waits))


def run_entry(entry: Mapping):
    """Call an entry's task in this process, with its arguments; return what it returned."""
    task = import_string(entry["task"])
    return task.apply(args=entry.get("args", ()), kwargs=entry.get("kwargs", {}), throw=True).result


def tick(
    schedule: Mapping[str, Mapping],
    last_runs: dict[str, datetime],
    now: datetime,
    run: Callable[[Mapping], object] = run_entry,
) -> list[str]:
    """Run every due entry once; a failing job is logged and tried again next period."""
    due = due_entries(schedule, last_runs, now)
    for name in due:
        last_runs[name] = now
        try:
            run(schedule[name])
        except Exception:
            logger.exception("Periodic job %s failed", name)
    return due
