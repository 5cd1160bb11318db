"""The working-day calendar as pure functions: weekdays minus the days off.

A working day is Monday to Friday and not in the set of days off (national holidays and
joint-leave days, cuti bersama). The set comes from the calendar table (selectors.days_off);
here it is only an argument, so every rule can be tested without a database.
"""

from collections.abc import Collection, Iterator
from datetime import date, timedelta

import holidays

# The holidays package names joint-leave days in its "government" category.
PUBLIC = "public"
JOINT_LEAVE = "government"


def is_working_day(day: date, days_off: Collection[date]) -> bool:
    """Monday to Friday, and not a holiday or joint-leave day."""
    return day.weekday() < 5 and day not in days_off


def each_day(start: date, end: date) -> Iterator[date]:
    """Every date from start to end, both included."""
    for offset in range((end - start).days + 1):
        yield start + timedelta(days=offset)


def working_days(start: date, end: date, days_off: Collection[date]) -> list[date]:
    """The working days from start to end, both included, in order."""
    return [day for day in each_day(start, end) if is_working_day(day, days_off)]


def previous_working_day(day: date, days_off: Collection[date], *, limit: int = 60) -> date | None:
    """The last working day strictly before ``day`` (None past ``limit`` days)."""
    for offset in range(1, limit + 1):
        candidate = day - timedelta(days=offset)
        if is_working_day(candidate, days_off):
            return candidate
    return None


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month."""
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def seed_days(years: list[int]) -> list[tuple[date, str, str]]:
    """Weekday holidays and joint-leave days of Indonesia from the holidays package.

    Returns (date, kind, name) with kind "holiday" or "joint_leave"; weekend holidays are left
    out, since weekends are never working days anyway."""
    public = holidays.country_holidays("ID", years=years, categories=(PUBLIC,))
    joint = holidays.country_holidays("ID", years=years, categories=(JOINT_LEAVE,))
    days: dict[date, tuple[str, str]] = {}
    for day, name in joint.items():
        days[day] = ("joint_leave", name)
    for day, name in public.items():
        days[day] = ("holiday", name)
    return sorted(
        (day, kind, name[:120]) for day, (kind, name) in days.items() if day.weekday() < 5
    )
