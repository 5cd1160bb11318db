"""Attendance reports of Zoom, Microsoft Teams and Google Meet, read into plain rows.

``parse_attendance_file`` never saves anything; it refuses a file it cannot read completely
with an ``AttendanceFileError`` carrying a translated message.
"""

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
# Join and leave columns that Zoom and Meet both write (in Indonesian they translate alike).
_GENERIC_TIMES = (("join time", "leave time"), ("waktu bergabung", "waktu keluar"))


def _earliest(text: str, markers: tuple[str, ...]) -> int | None:
    """Where the first of ``markers`` appears in ``text``, or None."""
    places = [place for marker in markers if (place := text.find(marker)) >= 0]
    return min(places) if places else None


def detect_format(text: str) -> str | None:
    """Which platform exported the text, judged from its first lines (English or Indonesian)."""
    head = text[:16384]
    lowered = head.lower()
    if "\t" in head and (
        teams.NUMBERED_SECTION.search(head) or any(marker in lowered for marker in teams.MARKERS)
    ):
        return "teams"
    # The header comes before the rows: the platform whose marker appears first wins, so a
    # participant named like another platform's column ("Durasi (Menit)") changes nothing.
    zoom_at = (
        0 if lowered.lstrip().startswith(zoom.FIRST_CELLS) else _earliest(lowered, zoom.MARKERS)
    )
    found = [
        (at, name)
        for at, name in ((zoom_at, "zoom"), (_earliest(lowered, meet.MARKERS), "meet"))
        if at is not None
    ]
    if found:
        return min(found)[1]
    if any(join in lowered and leave in lowered for join, leave in _GENERIC_TIMES):
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
