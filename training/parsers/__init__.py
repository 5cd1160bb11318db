"""Attendance reports of Zoom, Microsoft Teams and Google Meet, read into plain rows.

``parse_attendance_file`` never saves anything; it refuses a file it cannot read completely
with an ``AttendanceFileError`` carrying a translated message.
"""

import re
from datetime import date

from django.utils.translation import gettext as _

from . import meet, teams, zoom
from .base import (
    MAX_FILE_BYTES,
    MAX_ROWS,
    AttendanceFileError,
    ParsedFile,
    ParsedRow,
    decode,
    file_error,
    looks_like_formula,
)

PARSERS = {"zoom": zoom.parse, "teams": teams.parse, "meet": meet.parse}
_TEAMS_SECTION = re.compile(r"^\s*\d\.\s*(summary|participants|in-meeting activities)", re.I | re.M)


def detect_format(text: str) -> str | None:
    """Which platform exported the text, judged from its first lines."""
    head = text[:16384]
    lowered = head.lower()
    if "\t" in head and (
        _TEAMS_SECTION.search(head)
        or "in-meeting activities" in lowered
        or "user action" in lowered
        or "meeting summary" in lowered
    ):
        return "teams"
    if (
        "name (original name)" in lowered
        or "user email" in lowered
        or lowered.lstrip().startswith("meeting id")
        or "duration (minutes)" in lowered
    ):
        return "zoom"
    if any(word in lowered for word in ("time joined", "time exited", "first seen", "first name")):
        return "meet"
    if "join time" in lowered and "leave time" in lowered:
        return "zoom"
    return None


def parse_attendance_file(
    data: bytes, *, time_zone: str, reference: date | None, source_format: str = ""
) -> ParsedFile:
    """Read an attendance report; ``source_format`` empty means: recognise it."""
    text, encoding = decode(data)
    chosen = source_format or detect_format(text)
    if chosen not in PARSERS:
        raise file_error(
            _(
                "We do not recognise this file as a Zoom, Microsoft Teams or Google Meet "
                "attendance report. Export the participants report from the platform and "
                "upload it unchanged."
            ),
            "unknown_format",
        )
    return PARSERS[chosen](text, encoding, time_zone=time_zone, reference=reference)


__all__ = [
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "PARSERS",
    "AttendanceFileError",
    "ParsedFile",
    "ParsedRow",
    "detect_format",
    "looks_like_formula",
    "parse_attendance_file",
]
