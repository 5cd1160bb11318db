"""Tuned reads for the boards: a fixed number of queries whatever the units or days."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from accounts.models import Kanwil, Unit
from news.models import Coverage

from . import calendar, rule
from .models import CalendarChange, CalendarDay, OdonSettings, Recap, StoryDay, UnitDay

# How far back a streak is followed.
STREAK_LOOKBACK = timedelta(days=366)


def days_off(start: date, end: date) -> set[date]:
    """Holidays and joint-leave days between two dates (one query)."""
    return set(CalendarDay.objects.filter(day__range=(start, end)).values_list("day", flat=True))


def calendar_days(year: int) -> QuerySet[CalendarDay]:
    """The days off of one year, with who last changed them."""
    return CalendarDay.objects.filter(day__year=year).select_related("updated_by")


def recent_calendar_changes(limit: int = 20) -> QuerySet[CalendarChange]:
    """The latest changes to the calendar, with their authors."""
    return CalendarChange.objects.select_related("actor")[:limit]


def odon_settings() -> OdonSettings:
    """The settings row, or unsaved defaults when nobody has saved any."""
    return OdonSettings.objects.order_by("pk").first() or OdonSettings()


ROLL_UP_COLUMNS = ("unit_id", "day", "green", "amber", "void")


def _counts(rows) -> dict[tuple[int, date], tuple[int, int]]:
    """(unit, day) → (green, amber) from roll-up tuples in ROLL_UP_COLUMNS order."""
    return {(unit_id, day): (green, amber) for unit_id, day, green, amber, _void in rows}


def _stories_between(rows: list[tuple], start: date, end: date) -> dict[int, int]:
    """Submitted stories per unit in a period, from roll-up tuples."""
    totals: dict[int, int] = defaultdict(int)
    for unit_id, day, green, amber, void in rows:
        if start <= day <= end:
            totals[unit_id] += green + amber + void
    return totals


@dataclass
class UnitRow:
    """One line of a board: a unit, its cells and its figures."""

    unit: Unit
    cells: list[tuple[date, str]]
    rate: float | None
    streak: int
    green_days: int = 0
    rank: int = 0
    latency: dict = field(default_factory=dict)
    media: int = 0
    social: int = 0
    stories: int = 0

    @property
    def perfect(self) -> bool:
        """Every working day shown is green."""
        return self.rate == 1


@dataclass
class Board:
    """A unit × working-day grid with per-unit figures and review latency."""

    kanwil: Kanwil
    start: date
    end: date
    days: list[date]
    rows: list[UnitRow]
    editors: list[dict]
    latency: dict
    rate: float | None


def _latency_rows(stories: QuerySet[StoryDay]) -> list[dict]:
    return list(
        stories.filter(decided_at__isnull=False).values(
            "unit_id", "decided_by_id", "decided_by__full_name", "submitted_at", "decided_at"
        )
    )


def _hours(row: dict) -> float:
    return (row["decided_at"] - row["submitted_at"]).total_seconds() / 3600


def kanwil_board(
    kanwil: Kanwil, start: date, end: date, *, today: date, unit_type: str = ""
) -> Board:
    """The board of one Kanwil for a period: five queries, whatever the units or days."""
    units = list(Unit.objects.filter(kanwil=kanwil, is_active=True).order_by("name"))
    if unit_type:
        units = [unit for unit in units if unit.unit_type == unit_type]
    lookback = min(start, end - STREAK_LOOKBACK)
    off = days_off(lookback, end)
    rolled = list(
        UnitDay.objects.filter(kanwil=kanwil, day__range=(lookback, end)).values_list(
            *ROLL_UP_COLUMNS
        )
    )
    counts = _counts(rolled)
    stories = _stories_between(rolled, start, end)
    latency_rows = _latency_rows(StoryDay.objects.filter(kanwil=kanwil, day__range=(start, end)))
    coverage = (
        Coverage.objects.filter(story__kanwil=kanwil, story__odon_day__day__range=(start, end))
        .values("story__unit_id", "kind")
        .annotate(n=Count("pk"))
    )
    covered = {(row["story__unit_id"], row["kind"]): row["n"] for row in coverage}

    def working(day: date) -> bool:
        return calendar.is_working_day(day, off)

    shown = calendar.working_days(start, end, off)
    history = calendar.working_days(lookback, min(end, today), off)
    grid = rule.grid([u.pk for u in units], shown, counts, working, today=today)
    past = rule.grid([u.pk for u in units], history, counts, working, today=today)
    per_unit: dict[int, list[float]] = defaultdict(list)
    per_editor: dict[tuple[int, str], list[float]] = defaultdict(list)
    for row in latency_rows:
        per_unit[row["unit_id"]].append(_hours(row))
        per_editor[(row["decided_by_id"], row["decided_by__full_name"] or "")].append(_hours(row))
    rows = []
    for unit in units:
        cells = grid[unit.pk]
        statuses = rule.counted(cells)
        rows.append(
            UnitRow(
                unit=unit,
                cells=list(zip(shown, cells, strict=True)),
                rate=rule.rate(statuses),
                green_days=statuses.count(rule.GREEN),
                streak=rule.streak(rule.counted(past[unit.pk]), today_open=today <= end),
                latency=rule.latency_summary(per_unit[unit.pk]),
                media=covered.get((unit.pk, "media"), 0),
                social=covered.get((unit.pk, "social"), 0),
                stories=stories.get(unit.pk, 0),
            )
        )
    ranks = rule.rank({row.unit.pk: row.rate for row in rows})
    for row in rows:
        row.rank = ranks[row.unit.pk]
    rows.sort(key=lambda row: (row.rank, row.unit.name))
    editors = [
        {"name": name, **rule.latency_summary(hours)}
        for (_pk, name), hours in sorted(per_editor.items(), key=lambda item: item[0][1])
    ]
    all_statuses = [status for row in rows for _day, status in row.cells if status]
    return Board(
        kanwil=kanwil,
        start=start,
        end=end,
        days=shown,
        rows=rows,
        editors=editors,
        latency=rule.latency_summary([_hours(row) for row in latency_rows]),
        rate=rule.rate(all_statuses),
    )


@dataclass
class DeskSummary:
    """An operator's view of their unit: today, this week, this month, the streak."""

    unit: Unit
    today: date
    today_status: str
    week: list[tuple[date, str]]
    month_rate: float | None
    streak: int


def desk_summary(unit: Unit, today: date) -> DeskSummary:
    """Today's colour, the week strip, the month's rate and the streak (two queries)."""
    lookback = today - STREAK_LOOKBACK
    off = days_off(lookback, today + timedelta(days=7))
    counts = _counts(
        UnitDay.objects.filter(unit=unit, day__range=(lookback, today)).values_list(
            *ROLL_UP_COLUMNS
        )
    )

    def working(day: date) -> bool:
        return calendar.is_working_day(day, off)

    monday = today - timedelta(days=today.weekday())
    week_days = [monday + timedelta(days=offset) for offset in range(5)]
    week = rule.grid([unit.pk], week_days, counts, working, today=today)[unit.pk]
    month_days = calendar.working_days(today.replace(day=1), today, off)
    month = rule.grid([unit.pk], month_days, counts, working, today=today)[unit.pk]
    history = calendar.working_days(lookback, today, off)
    past = rule.grid([unit.pk], history, counts, working, today=today)[unit.pk]
    green, amber = counts.get((unit.pk, today), (0, 0))
    return DeskSummary(
        unit=unit,
        today=today,
        today_status=rule.day_status(working=working(today), green=green, amber=amber),
        week=list(zip(week_days, week, strict=True)),
        month_rate=rule.rate(rule.counted(month)),
        streak=rule.streak(past, today_open=True),
    )


def stories_of_unit_day(unit: Unit, day: date) -> QuerySet[StoryDay]:
    """The stories first submitted by a unit on one local day, behind a board cell."""
    return (
        StoryDay.objects.filter(unit=unit, day=day)
        .select_related("story", "decided_by")
        .order_by("submitted_at")
    )


@dataclass
class NationalBoard:
    """Every Kanwil × the months of a year, with the best and weakest units of a month."""

    year: int
    months: list[date]
    rows: list[dict]
    top: list[dict]
    bottom: list[dict]
    month: date


def national_board(year: int, *, today: date, month: int | None = None) -> NationalBoard:
    """Green unit-days over possible unit-days per Kanwil and month (five queries)."""
    start, end = date(year, 1, 1), min(date(year, 12, 31), today)
    kanwils = list(
        Kanwil.objects.annotate(unit_count=Count("units", filter=Q(units__is_active=True)))
    )
    off = days_off(start, end)
    counted = UnitDay.objects.filter(
        day__range=(start, end), green__gt=0, day__iso_week_day__lte=5
    ).exclude(day__in=off)
    green = {
        (row["kanwil_id"], row["month"]): row["n"]
        for row in counted.annotate(month=TruncMonth("day"))
        .values("kanwil_id", "month")
        .annotate(n=Count("pk"))
    }
    months = [date(year, number, 1) for number in range(1, end.month + 1)]
    workdays = {
        first: len(
            calendar.working_days(first, min(calendar.month_bounds(year, first.month)[1], end), off)
        )
        for first in months
    }
    rows = []
    for kanwil in kanwils:
        rates = []
        for first in months:
            possible = kanwil.unit_count * workdays[first]
            key = (kanwil.pk, first)
            rates.append(green.get(key, 0) / possible if possible else None)
        done = [value for value in rates if value is not None]
        rows.append(
            {"kanwil": kanwil, "rates": rates, "rate": sum(done) / len(done) if done else None}
        )
    rows.sort(key=lambda row: (row["rate"] is None, -(row["rate"] or 0), row["kanwil"].name))
    chosen = date(year, month or end.month, 1)
    last = min(calendar.month_bounds(year, chosen.month)[1], end)
    possible = len(calendar.working_days(chosen, last, off)) or 1
    per_unit = dict(
        counted.filter(day__range=(chosen, last)).values_list("unit_id").annotate(n=Count("pk"))
    )
    units = (
        Unit.objects.filter(is_active=True)
        .select_related("kanwil")
        .only("name", "kanwil__short_name")
    )
    ranked = sorted(
        ({"unit": unit, "rate": per_unit.get(unit.pk, 0) / possible} for unit in units),
        key=lambda row: (-row["rate"], row["unit"].name),
    )
    return NationalBoard(
        year=year,
        months=months,
        rows=rows,
        top=ranked[:10],
        bottom=ranked[-10:][::-1],
        month=chosen,
    )


def recaps_for(kanwil: Kanwil | None) -> QuerySet[Recap]:
    """The recaps of one Kanwil (or the national ones), newest first."""
    return Recap.objects.filter(kanwil=kanwil).order_by("-month")[:24]
