"""Zoom participants report (CSV), with or without the meeting block above the header."""

from datetime import date

from django.utils.translation import gettext as _

from . import webinar
from .base import (
    ParsedFile,
    ParsedRow,
    cell,
    cells_of,
    check_row_count,
    find_column,
    finish,
    missing_columns,
    read_interval,
    zone_of,
)
from .tabular import HEADER_ALLOWANCE, is_blank, read_table
from .timestamps import infer_day_first

# Every header cell Zoom writes for a column, in English and, for accounts whose language is
# Bahasa Indonesia, in Indonesian. Compared after lower-casing and collapsing spaces.
COLUMNS = {
    "name": (
        "name (original name)",
        "user name (original name)",
        "name",
        "participant",
        "participant name",
        "display name",
        "nama (nama asli)",
        "nama pengguna (nama asli)",
        "nama",
        "nama peserta",
        "nama tampilan",
    ),
    "email": (
        "user email",
        "email",
        "participant email",
        "email address",
        "email pengguna",
        "alamat email",
        "email peserta",
        "e-mail",
    ),
    "join": ("join time", "joined", "join", "waktu bergabung", "waktu gabung", "bergabung"),
    "leave": ("leave time", "left", "leave", "waktu keluar", "waktu meninggalkan", "keluar"),
    "duration": (
        "duration (minutes)",
        "duration (mins)",
        "total duration (minutes)",
        "duration",
        "durasi (menit)",
        "total durasi (menit)",
        "durasi",
    ),
    "waiting": ("in waiting room", "di ruang tunggu", "dalam ruang tunggu"),
}
# Values of the waiting-room column that mean the row is time spent waiting.
YES = ("yes", "ya", "true")
# Text that only a Zoom report contains (lower case), for recognising the format.
MARKERS = (
    "name (original name)",
    "user email",
    "duration (minutes)",
    "nama (nama asli)",
    "nama pengguna (nama asli)",
    "email pengguna",
    "durasi (menit)",
)
FIRST_CELLS = ("meeting id", "id rapat")


def _header_position(rows: list[tuple[int, list[str]]]) -> int | None:
    for index, (_line, row) in enumerate(rows[:HEADER_ALLOWANCE]):
        if (
            find_column(row, *COLUMNS["name"]) is not None
            and find_column(row, *COLUMNS["join"]) is not None
            and (
                find_column(row, *COLUMNS["leave"]) is not None
                or find_column(row, *COLUMNS["duration"]) is not None
            )
        ):
            return index
    return None


def parse(text: str, encoding: str, *, time_zone: str, reference: date | None) -> ParsedFile:
    """Participants of a Zoom report, one row per connection (webinar reports included)."""
    rows = read_table(text)
    if webinar.is_webinar(rows):
        return webinar.parse_rows(rows, encoding, time_zone=time_zone, reference=reference)
    position = _header_position(rows)
    if position is None:
        raise missing_columns([_("name"), _("join time"), _("leave time")])
    parsed = ParsedFile(source_format="zoom", encoding=encoding)
    if position >= 2 and not is_blank(rows[0][1]):
        parsed.meeting = {
            key.strip(): value.strip()
            for key, value in zip(rows[0][1], rows[1][1], strict=False)
            if key.strip()
        }
    header = rows[position][1]
    columns = {key: find_column(header, *aliases) for key, aliases in COLUMNS.items()}
    data = [(line, row) for line, row in rows[position + 1 :] if not is_blank(row)]
    check_row_count(len(data))
    times = [cell(row, columns["join"]) for _line, row in data]
    times += [cell(row, columns["leave"]) for _line, row in data]
    day_first = infer_day_first(times, reference)
    zone = zone_of(time_zone)
    for line, row in data:
        if cell(row, columns["waiting"]).lower() in YES:
            parsed.skipped_rows += 1
            continue
        joined, left = read_interval(
            cell(row, columns["join"]),
            cell(row, columns["leave"]),
            cell(row, columns["duration"]),
            line,
            day_first=day_first,
            reference=reference,
            zone=zone,
        )
        parsed.rows.append(
            ParsedRow(
                line_number=line,
                name=cell(row, columns["name"]),
                email=cell(row, columns["email"]),
                joined_at=joined,
                left_at=left,
                cells=cells_of(header, row),
            )
        )
    return finish(parsed)
