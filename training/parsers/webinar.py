"""Zoom webinar reports: "Attendee Report" with "Host Details", "Panelist Details" and
"Attendee Details" sections, each with its own header row.

The attendee and panelist sections are read; the host's rows are the organiser's own and are
left out, as are registrants who did not attend ("Attended: No", times "--").
"""

from datetime import date

from django.utils.translation import gettext as _

from .base import (
    ParsedFile,
    ParsedRow,
    cell,
    cells_of,
    check_row_count,
    find_column,
    finish,
    missing_columns,
    normalise_header,
    read_interval,
    zone_of,
)
from .tabular import is_blank
from .timestamps import infer_day_first

SECTIONS = {
    "attendee report": "report",
    "webinar report": "report",
    "laporan peserta": "report",
    "host details": "host",
    "detail host": "host",
    "detail tuan rumah": "host",
    "panelist details": "panelist",
    "detail panelis": "panelist",
    "attendee details": "attendee",
    "detail peserta": "attendee",
    "other attended": "other",
}
READ = ("panelist", "attendee")
COLUMNS = {
    "name": ("user name (original name)", "name (original name)", "user name", "nama pengguna"),
    "email": ("email", "user email", "email pengguna"),
    "join": ("join time", "waktu bergabung"),
    "leave": ("leave time", "waktu keluar"),
    "duration": ("time in session (minutes)", "waktu dalam sesi (menit)", "duration (minutes)"),
    "attended": ("attended", "hadir"),
}
NOT_ATTENDED = ("no", "tidak")
EMPTY_TIMES = ("", "--", "-")


def section_of(row: list[str]) -> str | None:
    """The section a title row opens, else None."""
    filled = [value for value in row if value.strip()]
    if len(filled) != 1:
        return None
    return SECTIONS.get(normalise_header(filled[0]).rstrip(":"))


def is_webinar(rows: list[tuple[int, list[str]]]) -> bool:
    """The rows carry an "Attendee Details" or "Panelist Details" section."""
    return any(section_of(row) in READ for _line, row in rows[:50_000])


def _split(rows):
    sections: dict[str, list[tuple[int, list[str]]]] = {}
    current = None
    for line, row in rows:
        found = section_of(row)
        if found is not None:
            current = found
            sections.setdefault(current, [])
        elif current is not None and not is_blank(row):
            sections[current].append((line, row))
    return sections


def parse_rows(rows, encoding: str, *, time_zone: str, reference: date | None) -> ParsedFile:
    """Participants of a Zoom webinar report, one row per connection."""
    sections = _split(rows)
    parsed = ParsedFile(source_format="zoom", encoding=encoding)
    report = [row for _line, row in sections.get("report", [])]
    for index, row in enumerate(report[:-1]):
        if row and normalise_header(row[0]) in ("topic", "topik"):
            parsed.meeting = {
                key.strip(): value.strip()
                for key, value in zip(row, report[index + 1], strict=False)
                if key.strip()
            }
            break
    tables = []
    for name in READ:
        section = sections.get(name, [])
        if not section:
            continue
        header = section[0][1]
        columns = {key: find_column(header, *aliases) for key, aliases in COLUMNS.items()}
        if columns["name"] is None or columns["join"] is None:
            raise missing_columns([_("name"), _("join time"), _("leave time")])
        data = [
            (line, row)
            for line, row in section[1:]
            if cell(row, columns["attended"]).lower() not in NOT_ATTENDED
            and cell(row, columns["join"]) not in EMPTY_TIMES
        ]
        tables.append((header, columns, data))
    check_row_count(sum(len(data) for _header, _columns, data in tables))
    times = [
        cell(row, columns[key])
        for _header, columns, data in tables
        for _line, row in data
        for key in ("join", "leave")
    ]
    day_first = infer_day_first(times, reference)
    zone = zone_of(time_zone)
    for header, columns, data in tables:
        for line, row in data:
            leave = cell(row, columns["leave"])
            joined, left = read_interval(
                cell(row, columns["join"]),
                "" if leave in EMPTY_TIMES else leave,
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
    parsed.rows.sort(key=lambda parsed_row: parsed_row.line_number)
    return finish(parsed)
