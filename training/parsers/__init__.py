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
    first_line = next((line for line in lowered.splitlines() if line.strip()), "")
    if any(marker in first_line for marker in teams.EVENT_LIST_MARKERS):
        return "teams"
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


# The columns each platform's report is recognised by, as its English export writes them.
EXPECTED = {
    "zoom": ("Name (original name)", "User Email", "Join time", "Leave time", "Duration (minutes)"),
    "teams": ("Full Name", "User Action", "Timestamp"),
    "meet": ("Full name", "Email", "Time joined", "Time exited", "Duration"),
}
LAYOUT_NAMES = {"zoom": "Zoom", "teams": "Microsoft Teams", "meet": "Google Meet"}
_ALIASES = {
    "zoom": zoom.COLUMNS,
    "teams": teams.COLUMNS,
    "meet": meet.COLUMNS,
}


def header_guess(text: str) -> list[str]:
    """The likeliest header row of an unknown file: the first of its first 30 lines with the
    most cells, whichever of comma, semicolon or tab separates them."""
    best: list[str] = []
    for line in text.splitlines()[:30]:
        for separator in (",", ";", "\t"):
            cells = [cell.strip().strip('"') for cell in line.split(separator)]
            cells = [cell for cell in cells if cell]
            if len(cells) > len(best):
                best = cells
    return best[:20]


def closest_layout(header: list[str]) -> tuple[str, int]:
    """The platform whose column names match most of the header, and how many matched."""
    normalised = {" ".join(cell.lower().split()) for cell in header}
    scores = []
    for order, (name, columns) in enumerate(_ALIASES.items()):
        matched = sum(1 for aliases in columns.values() if normalised & set(aliases))
        scores.append((-matched, order, name))
    matched, _order, name = min(scores)
    return name, -matched


def unknown_format(text: str) -> AttendanceFileError:
    """Refusal of an unrecognised file naming the columns found, those expected, and the
    platform whose layout is closest."""
    found = header_guess(text)
    platform, matched = closest_layout(found)
    return file_error(
        _(
            "We do not recognise this file as a Zoom, Microsoft Teams or Google Meet "
            "attendance report. Columns found: %(found)s. The closest layout is %(platform)s's "
            "(%(matched)s columns recognised), which has the columns %(expected)s. Export the "
            "report from the platform in English or Indonesian and upload it unchanged."
        )
        % {
            "found": ", ".join(found) or "—",
            "platform": LAYOUT_NAMES[platform],
            "matched": matched,
            "expected": ", ".join(EXPECTED[platform]),
        },
        "unknown_format",
    )


def parse_attendance_file(
    data: bytes, *, time_zone: str, reference: date | None, source_format: str = ""
) -> ParsedFile:
    """Read an attendance report; ``source_format`` empty means: recognise it."""
    text, encoding = decode(data)
    chosen = source_format or detect_format(text)
    if chosen not in PARSERS:
        raise unknown_format(text)
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
