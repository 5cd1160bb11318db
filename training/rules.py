"""The presence rule of a session applied to the minutes a person attended. Pure functions."""

from datetime import datetime, timedelta

from .models import AttendanceStatus, TrainingSession

# Joining this long after the start still counts as present, later as late.
LATE_AFTER = timedelta(minutes=15)


def evaluate(
    session: TrainingSession, *, minutes: int, first_join: datetime | None
) -> tuple[str, bool]:
    """(status, meets the rule) for a person connected ``minutes`` in total."""
    if minutes < max(session.required_minutes, 1):
        return AttendanceStatus.ABSENT, False
    if first_join is not None and first_join > session.starts_at + LATE_AFTER:
        return AttendanceStatus.LATE, True
    return AttendanceStatus.PRESENT, True
