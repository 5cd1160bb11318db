"""Timestamps and durations as the platforms write them, read into UTC and seconds."""

import re
import zoneinfo
from datetime import UTC, date, datetime, timedelta
from datetime import timezone as dt_timezone

MAX_DURATION_SECONDS = 7 * 24 * 3600

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "peb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "mei": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "agu": 8,
    "agt": 8,
    "agus": 8,
    "sep": 9,
    "oct": 10,
    "okt": 10,
    "nov": 11,
    "nop": 11,
    "dec": 12,
    "des": 12,
}
_TIME = (
    r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<ampm>[AaPp]\.?\s?[Mm]\.?)?"
)
# A zone after the time: an offset, UTC/GMT with or without one, or an Indonesian zone name.
_ZONE = (
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?"
    r"|(?i:WITA|WIB|WIT))?"
)
# Between the date and the time: a comma or spaces, maybe "pukul" (Indonesian for "at").
_SEPARATOR = r"(?:\s*,\s*|\s+)(?:(?i:pukul|at)\s+)?"
_WEEKDAY = r"(?:[A-Za-z']+,?\s+)?"
_NUMERIC = re.compile(
    rf"^\s*(?:(?P<d1>\d{{1,4}})[/.\-](?P<d2>\d{{1,2}})[/.\-](?P<d3>\d{{1,4}})"
    rf"(?:{_SEPARATOR}|T))?{_TIME}{_ZONE}\s*$"
)
_MONTH_FIRST = re.compile(
    rf"^\s*{_WEEKDAY}(?P<mon>[A-Za-z]{{3,9}})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    rf"{_SEPARATOR}{_TIME}{_ZONE}\s*$"
)
_DAY_FIRST = re.compile(
    rf"^\s*{_WEEKDAY}(?P<day>\d{{1,2}})\s+(?P<mon>[A-Za-z]{{3,9}})\.?\s+(?P<year>\d{{4}})"
    rf"{_SEPARATOR}{_TIME}{_ZONE}\s*$"
)
# Indonesian zone names and their offsets from UTC in hours.
_ZONE_HOURS = {"wib": 7, "wita": 8, "wit": 9}


def infer_day_first(values: list[str], reference: date | None) -> bool:
    """Whether ambiguous numeric dates (a/b/yyyy) of a file are day-first.

    A first part above 12 means day-first, a second part above 12 month-first; otherwise the
    reading that lands on the session's date wins, and month-first (the US default of Zoom and
    Teams) breaks a tie.
    """
    votes_day, votes_month = 0, 0
    for value in values:
        match = _NUMERIC.match(value)
        if not match or match["d1"] is None or len(match["d1"]) == 4:
            continue
        first, second = int(match["d1"]), int(match["d2"])
        if first > 12 >= second:
            return True
        if second > 12 >= first:
            return False
        if reference is not None:
            votes_month += (first, second) == (reference.month, reference.day)
            votes_day += (first, second) == (reference.day, reference.month)
    return votes_day > votes_month


def _year(text: str) -> int:
    year = int(text)
    return 2000 + year if year < 100 else year


def _clock(match: re.Match) -> tuple[int, int, int]:
    hour, minute, second = int(match["h"]), int(match["mi"]), int(match["s"] or 0)
    ampm = (match["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if ampm:
        if not 1 <= hour <= 12:
            raise ValueError("hour")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    return hour, minute, second


def _offset(text: str | None):
    if not text:
        return None
    if text.lower() in _ZONE_HOURS:
        return dt_timezone(timedelta(hours=_ZONE_HOURS[text.lower()]))
    text = text.removeprefix("UTC").removeprefix("GMT").strip()
    if text in ("", "Z"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    hours, _sep, minutes = text[1:].partition(":")
    if not minutes and len(hours) > 2:
        hours, minutes = hours[:2], hours[2:]
    delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta > timedelta(hours=14):
        raise ValueError("offset")
    return dt_timezone(sign * delta)


def parse_timestamp(
    value: str, *, day_first: bool, reference: date | None, zone: zoneinfo.ZoneInfo
) -> datetime:
    """A timestamp as exported by a platform, as an aware UTC datetime.

    Raises ValueError when the text is not a date and time (or a bare time with a reference
    date). Times without an offset are read in ``zone``.
    """
    match = _NUMERIC.match(value)
    if match:
        hour, minute, second = _clock(match)
        if match["d1"] is None:
            if reference is None:
                raise ValueError("no date")
            year, month, day = reference.year, reference.month, reference.day
        elif len(match["d1"]) == 4:
            year, month, day = int(match["d1"]), int(match["d2"]), int(match["d3"])
        else:
            first, second_part = int(match["d1"]), int(match["d2"])
            month, day = (second_part, first) if day_first else (first, second_part)
            year = _year(match["d3"])
    else:
        match = _MONTH_FIRST.match(value) or _DAY_FIRST.match(value)
        if not match:
            raise ValueError("format")
        month = _MONTHS.get(match["mon"][:4].lower()) or _MONTHS.get(match["mon"][:3].lower())
        if month is None:
            raise ValueError("month")
        year, day = int(match["year"]), int(match["day"])
        hour, minute, second = _clock(match)
    moment = datetime(year, month, day, hour, minute, second)
    offset = _offset(match["tz"])
    aware = moment.replace(tzinfo=offset or zone)
    try:
        return aware.astimezone(UTC)
    except OverflowError as error:
        raise ValueError("out of range") from error


# English and Indonesian units (jam/j, menit/mnt/m, detik/dtk/d) of durations like "1j 2m 3d".
_DURATION_PARTS = re.compile(
    r"(?P<n>\d+(?:[.,]\d+)?)\s*(?P<unit>hours|hour|hrs|hr|h|jam|jm|j"
    r"|minutes|minute|mins|min|menit|mnt|m|seconds|second|secs|sec|s|detik|dtk|det|d)\b",
    re.IGNORECASE,
)


def is_bare_time(value: str) -> bool:
    """A time of day without a date ("9:01 AM")."""
    match = _NUMERIC.match(value)
    return bool(match and match["d1"] is None)


_UNIT_SECONDS = {"h": 3600, "j": 3600, "m": 60, "s": 1, "d": 1}


def _duration_seconds(value: str, *, bare_unit_seconds: int) -> int | None:
    text = value.strip().lower()
    if not text:
        return None
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return round(float(text.replace(",", ".")) * bare_unit_seconds)
    if re.fullmatch(r"\d{1,3}:\d{2}(?::\d{2})?", text):
        parts = [int(part) for part in text.split(":")]
        if len(parts) == 2:
            parts = [0, *parts]
        return parts[0] * 3600 + parts[1] * 60 + parts[2]
    total, found = 0.0, False
    for match in _DURATION_PARTS.finditer(text):
        unit = match["unit"].lower()
        key = "m" if unit.startswith("me") else unit[0]
        total += float(match["n"].replace(",", ".")) * _UNIT_SECONDS[key]
        found = True
    return round(total) if found else None


def parse_duration(value: str, *, bare_unit_seconds: int = 60) -> int | None:
    """Seconds in "2h 28m 57s", "1 hr 2 min", "1:23:45", "83" (bare numbers in minutes);
    None when unreadable or longer than any meeting."""
    seconds = _duration_seconds(value, bare_unit_seconds=bare_unit_seconds)
    if seconds is None or not 0 <= seconds <= MAX_DURATION_SECONDS:
        return None
    return seconds
