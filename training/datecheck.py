"""Whether an attendance file belongs to the session: the meeting block that Zoom and Teams
write (start time) compared with the session's schedule. Pure functions."""

import zoneinfo
from datetime import datetime, timedelta

from django.utils.translation import gettext as _

from .parsers import ParsedFile
from .parsers.base import normalise_header
from .parsers.timestamps import infer_day_first, parse_timestamp

# Meeting-block keys holding the start, in English and Indonesian, Zoom and Teams.
START_KEYS = (
    "actual start time",
    "start time",
    "meeting start time",
    "waktu mulai",
    "waktu mulai rapat",
    "waktu mulai sebenarnya",
)
# A meeting opened this long before or after the planned start is still the same session.
TOLERANCE = timedelta(hours=3)


def meeting_start(parsed: ParsedFile, *, time_zone: str, reference) -> datetime | None:
    """The start the file's meeting block gives, or None when it has none or it is unreadable."""
    found = {normalise_header(key).rstrip(":"): value for key, value in parsed.meeting.items()}
    for key in START_KEYS:
        value = (found.get(key) or "").strip()
        if not value:
            continue
        try:
            return parse_timestamp(
                value,
                day_first=infer_day_first([value], reference),
                reference=reference,
                zone=zoneinfo.ZoneInfo(time_zone),
            )
        except (ValueError, zoneinfo.ZoneInfoNotFoundError):
            return None
    return None


def date_warning(session, parsed: ParsedFile, *, time_zone: str) -> str:
    """A message when the file's meeting started on another day or far from the session's
    start, else ''."""
    zone = zoneinfo.ZoneInfo(session.time_zone)
    planned = session.starts_at.astimezone(zone)
    start = meeting_start(parsed, time_zone=time_zone, reference=planned.date())
    if start is None:
        return ""
    local = start.astimezone(zone)
    if local.date() == planned.date() and abs(start - session.starts_at) <= TOLERANCE:
        return ""
    return _(
        "The file's meeting started on %(file)s, but this session starts on %(session)s. "
        "Check that the file belongs to this session before you confirm."
    ) % {
        "file": local.strftime("%d-%m-%Y %H.%M"),
        "session": planned.strftime("%d-%m-%Y %H.%M"),
    }
