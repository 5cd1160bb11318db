"""The One Day One News rule, written down once.

Every unit must report at least one activity story per working day. A unit's working day is
its *local* day, in the unit's zone (WIB, WITA or WIT): a story first submitted at 23:30 WIT
on Monday counts for Monday, although it is 14:30 UTC.

A story belongs to the local day of its **first** submission; pulling it back, editing and
submitting again does not move it. Each submitted story has an outcome, which follows its
workflow state:

- **green** when it is published. A story published days later still counts for the day it
  was first submitted: the unit is not punished for the Kanwil's review time;
- **amber** while it is still in review (submitted, approved, scheduled), was sent back
  (changes requested) or was pulled back to draft by the unit;
- **void** when it was rejected, or published and later withdrawn: it no longer counts.

A unit's working day is then:

- **green** when at least one story of that day is green;
- **amber** otherwise, when at least one story of that day is amber;
- **red** when nothing that still counts was submitted that day;
- **grey** on a non-working day (weekend, national holiday, joint leave), whatever was sent.
  Stories first submitted on a non-working day are kept but do not count for another day.

A day that has not ended yet (today) is shown as it stands; it is red until something is sent.

The **rate** of a period is the share of its working days that are green (days not yet begun
are left out). The **streak** is the number of consecutive green working days up to the last
one shown; today counts when it is already green, and does not break the streak while it is
still open. The Kanwil's **review latency** is measured separately, per editor and per Kanwil:
the median and 90th percentile of hours from a story's first submission to the first decision
on it (approve, request changes or reject).
"""

from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

GREEN = "green"
AMBER = "amber"
RED = "red"
GREY = "grey"

GREEN_STATES = frozenset({"published"})
AMBER_STATES = frozenset({"submitted", "changes_requested", "approved", "scheduled", "draft"})
# The first editor decision on a submission ends the review latency.
DECISION_ACTIONS = frozenset({"approve", "request_changes", "reject"})


def local_day(moment: datetime, zone: str) -> date:
    """The calendar day of an aware moment in the given IANA zone."""
    return moment.astimezone(ZoneInfo(zone)).date()


def outcome_for_state(state: str) -> str:
    """What a submitted story in this workflow state contributes: green, amber or void."""
    if state in GREEN_STATES:
        return GREEN
    if state in AMBER_STATES:
        return AMBER
    return "void"


def day_status(*, working: bool, green: int = 0, amber: int = 0) -> str:
    """The colour of one unit's day from the counts of its green and amber stories."""
    if not working:
        return GREY
    if green:
        return GREEN
    if amber:
        return AMBER
    return RED


def rate(statuses: Iterable[str]) -> float | None:
    """Share of working days that are green (None when no working day is counted)."""
    counted = [status for status in statuses if status != GREY]
    if not counted:
        return None
    return sum(status == GREEN for status in counted) / len(counted)


def streak(statuses: Sequence[str], *, today_open: bool = False) -> int:
    """Consecutive green working days at the end of an ordered list of day colours.

    With ``today_open`` the last entry is today: if it is not green yet it is skipped rather
    than breaking the streak."""
    days = list(statuses)
    if today_open and days and days[-1] != GREEN:
        days = days[:-1]
    count = 0
    for status in reversed(days):
        if status == GREY:
            continue
        if status != GREEN:
            break
        count += 1
    return count


def percentile(values: Sequence[float], fraction: float) -> float | None:
    """Linear-interpolated percentile (0 ≤ fraction ≤ 1) of the values; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    lower = int(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def latency_summary(hours: Sequence[float]) -> dict[str, float | int | None]:
    """Median and 90th percentile of review hours, with the count behind them."""
    return {
        "count": len(hours),
        "median": percentile(hours, 0.5),
        "p90": percentile(hours, 0.9),
    }


def rank(values: dict[int, float | None]) -> dict[int, int]:
    """Competition ranking (1, 2, 2, 4) of ids by value, highest first; None ranks last."""
    ordered = sorted(values.items(), key=lambda item: (item[1] is None, -(item[1] or 0)))
    ranks: dict[int, int] = {}
    previous: float | None | object = object()
    position = 0
    for index, (key, value) in enumerate(ordered, start=1):
        if value != previous:
            position = index
            previous = value
        ranks[key] = position
    return ranks


def grid(
    unit_ids: Iterable[int],
    days: Sequence[date],
    counts: dict[tuple[int, date], tuple[int, int]],
    is_working: Callable[[date], bool],
    *,
    today: date | None = None,
) -> dict[int, list[str]]:
    """Colour of every unit on every day; days after ``today`` are left blank ("")."""
    result: dict[int, list[str]] = {}
    for unit_id in unit_ids:
        row = []
        for day in days:
            if today is not None and day > today:
                row.append("")
                continue
            green, amber = counts.get((unit_id, day), (0, 0))
            row.append(day_status(working=is_working(day), green=green, amber=amber))
        result[unit_id] = row
    return result


def counted(statuses: Collection[str]) -> list[str]:
    """Day colours that take part in rates (drops blanks for days not begun)."""
    return [status for status in statuses if status]
