"""Health of the whole deployment: database, shared cache, Celery beat and scheduled stories.

Beat records a heartbeat in the shared cache (see ``HeartbeatScheduler``); the readiness check
reads it. A heartbeat older than twice its interval means beat (or Redis) is down, and a
scheduled story still unpublished well after its time means beat or the workers are down.
"""

import logging
import time
from datetime import timedelta
from typing import Any

from celery.beat import PersistentScheduler
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.utils import timezone

logger = logging.getLogger(__name__)

HEARTBEAT_KEY = "ops:beat-heartbeat"
# Beat writes its heartbeat at most this often; it is stale after twice as long.
HEARTBEAT_INTERVAL = 30
# Scheduled stories are published every 30 s; one still waiting after this is overdue.
OVERDUE_AFTER = timedelta(minutes=2)


def record_heartbeat(now: float | None = None) -> None:
    """Store the time of beat's latest tick; an unreachable cache is only logged."""
    try:
        cache.set(HEARTBEAT_KEY, time.time() if now is None else now, timeout=None)
    except Exception as error:  # noqa: BLE001 - any cache failure; beat must keep running
        logger.warning("Could not record the beat heartbeat: %s", error)


class HeartbeatScheduler(PersistentScheduler):
    """Celery beat's default scheduler, recording a heartbeat as it ticks."""

    heartbeat_at = 0.0

    def tick(self, *args: Any, **kwargs: Any) -> float:
        """Run due entries as usual; at most every HEARTBEAT_INTERVAL, record a heartbeat."""
        now = time.monotonic()
        if now - self.heartbeat_at >= HEARTBEAT_INTERVAL:
            self.heartbeat_at = now
            record_heartbeat()
        # Wake up at least once per interval so the heartbeat stays fresh.
        return min(super().tick(*args, **kwargs), HEARTBEAT_INTERVAL)


def check_database() -> str:
    """ "ok" or "unreachable"."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        # The endpoint is public: the reason goes to the log only.
        logger.warning("Readiness: database unreachable: %s", error)
        return "unreachable"
    return "ok"


def check_beat(now: float | None = None) -> tuple[str, float | None]:
    """("ok" or what is wrong, seconds since the last heartbeat)."""
    try:
        beat_at = cache.get(HEARTBEAT_KEY)
    except Exception as error:  # noqa: BLE001 - any cache failure is reported, not raised
        logger.warning("Readiness: cache unreachable: %s", error)
        return "unknown: cache unreachable", None
    if beat_at is None:
        return "stale: no heartbeat recorded", None
    age = (time.time() if now is None else now) - float(beat_at)
    if age > 2 * HEARTBEAT_INTERVAL:
        return "stale", round(age, 1)
    return "ok", round(age, 1)


def overdue_scheduled_stories() -> int:
    """Scheduled stories still unpublished OVERDUE_AFTER past their time."""
    from news.selectors import stories_due_for_publication

    return stories_due_for_publication(timezone.now() - OVERDUE_AFTER).count()


def readiness() -> dict[str, Any]:
    """Every check, and the overall status: "ok", "degraded" or "down" (no database)."""
    database = check_database()
    beat, age = check_beat()
    checks: dict[str, Any] = {"database": database, "beat": beat, "beat_heartbeat_age_s": age}
    if database != "ok":
        return {"status": "down", "checks": checks}
    overdue = overdue_scheduled_stories()
    checks["scheduled_stories_overdue"] = overdue
    status = "ok" if beat == "ok" and overdue == 0 else "degraded"
    return {"status": status, "checks": checks}
