"""Background jobs of One Day One News; thin wrappers around services."""

from datetime import datetime

from celery import shared_task

from . import reminders, reporting


def _moment(now: str | None) -> datetime | None:
    return datetime.fromisoformat(now) if now else None


@shared_task
def send_operator_reminders(now: str | None = None) -> int:
    """Beat job: the midday reminder to units with nothing submitted (local time).

    ``now`` (ISO 8601) replays a given moment; beat leaves it empty."""
    return reminders.send_operator_reminders(now=_moment(now))


@shared_task
def send_editor_digests(now: str | None = None) -> int:
    """Beat job: the afternoon digest to Kanwil editors (local time)."""
    return reminders.send_editor_digests(now=_moment(now))


@shared_task
def build_recap(recap_id: int) -> str:
    """Build one monthly recap (XLSX and PDF)."""
    return reporting.build_recap(recap_id=recap_id)


@shared_task
def prepare_monthly_recaps() -> int:
    """Beat job: from the 1st, last month's recaps exist and are being built."""
    return reporting.prepare_monthly_recaps()
