"""Background jobs of One Day One News; thin wrappers around services."""

from celery import shared_task

from . import reminders, reporting


@shared_task
def send_operator_reminders() -> int:
    """Beat job: the midday reminder to units with nothing submitted (local time)."""
    return reminders.send_operator_reminders()


@shared_task
def send_editor_digests() -> int:
    """Beat job: the afternoon digest to Kanwil editors (local time)."""
    return reminders.send_editor_digests()


@shared_task
def build_recap(recap_id: int) -> str:
    """Build one monthly recap (XLSX and PDF)."""
    return reporting.build_recap(recap_id=recap_id)


@shared_task
def prepare_monthly_recaps() -> int:
    """Beat job: from the 1st, last month's recaps exist and are being built."""
    return reporting.prepare_monthly_recaps()
