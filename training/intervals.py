"""Connected time as a union of intervals: rejoins never count twice, nothing outside the
session counts at all. Pure functions, usable with datetimes or plain numbers."""

from collections.abc import Iterable
from datetime import datetime
from typing import TypeVar

T = TypeVar("T")


def merge_intervals(intervals: Iterable[tuple[T, T]], *, start: T, end: T) -> list[tuple[T, T]]:
    """The union of ``intervals`` clipped to [start, end]: sorted, disjoint and non-touching.

    Empty and inverted intervals, and parts outside [start, end], are dropped.
    """
    clipped = []
    for left, right in intervals:
        low = left if left > start else start
        high = right if right < end else end
        if high > low:
            clipped.append((low, high))
    clipped.sort()
    merged: list[tuple[T, T]] = []
    for low, high in clipped:
        if merged and low <= merged[-1][1]:
            if high > merged[-1][1]:
                merged[-1] = (merged[-1][0], high)
        else:
            merged.append((low, high))
    return merged


def covered_seconds(merged: Iterable[tuple[datetime, datetime]]) -> int:
    """Whole seconds covered by already merged datetime intervals."""
    return int(sum((high - low).total_seconds() for low, high in merged))


def attended_minutes(
    intervals: Iterable[tuple[datetime, datetime]], *, start: datetime, end: datetime
) -> tuple[int, list[tuple[datetime, datetime]]]:
    """Whole minutes connected within the session, and the merged intervals."""
    merged = merge_intervals(intervals, start=start, end=end)
    return covered_seconds(merged) // 60, merged


def to_json(merged: Iterable[tuple[datetime, datetime]]) -> list[list[str]]:
    """Merged intervals as ISO strings, for a JSON field."""
    return [[low.isoformat(), high.isoformat()] for low, high in merged]


def from_json(stored: Iterable) -> list[tuple[datetime, datetime]]:
    """Intervals read back from a JSON field; malformed pairs are skipped."""
    result = []
    for pair in stored or []:
        try:
            low, high = (datetime.fromisoformat(value) for value in pair)
        except (TypeError, ValueError):
            continue
        result.append((low, high))
    return result
