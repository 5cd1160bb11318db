"""Background jobs of the staff directory; thin wrappers around services."""

from celery import shared_task

from . import rosters


@shared_task
def process_roster(roster_id: int) -> str:
    """Apply a large staff roster."""
    return rosters.process_roster(roster_id=roster_id)
