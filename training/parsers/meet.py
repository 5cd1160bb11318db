"""Google Meet attendance report (CSV)."""

from datetime import date, timedelta

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
    read_interval,
    zone_of,
)
from .tabular import HEADER_ALLOWANCE, is_blank, read_table
from .timestamps import infer_day_first, parse_duration

# Every header cell Meet writes for a column, in English and, for accounts whose language is
# Bahasa Indonesia, in Indonesian. Compared after lower-casing and collapsing spaces.
COLUMNS = {
    "name": (
        "full name",
        "name",
        "participant name",
        "participant",
        "display name",
        "nama lengkap",
        "nama",
        "nama peserta",
        "peserta",
        "nama tampilan",
    ),
    "first": ("first name", "given name", "nama depan"),
    "last": ("last name", "family name", "surname", "nama belakang"),
    "email": (
        "email",
        "participant email",
        "email address",
        "alamat email",
        "email peserta",
        "e-mail",
    ),
    "join": (
        "time joined",
        "joined",
        "first seen",
        "join time",
        "joined at",
        "first joined",
        "waktu bergabung",
        "bergabung",
        "pertama terlihat",
        "pertama kali terlihat",
        "terlihat pertama kali",
        "pertama bergabung",
    ),
    "leave": (
        "time exited",
        "exited",
        "last seen",
        "leave time",
        "left",
        "left at",
        "last left",
        "waktu keluar",
        "keluar",
        "terakhir terlihat",
        "terakhir kali terlihat",
        "terlihat terakhir kali",
        "terakhir keluar",
    ),
    "duration": (
        "duration",
        "attendance duration",
        "time in call",
        "durasi",
        "durasi kehadiran",
        "waktu dalam panggilan",
    ),
}
# Text that only a Meet report contains (lower case), for recognising the format.
MARKERS = (
    "time joined",
    "time exited",
    "first seen",
    "first name",
    "nama depan",
    "nama lengkap",
    "pertama terlihat",
    "pertama kali terlihat",
    "terakhir terlihat",
)


def _header_position(rows: list[tuple[int, list[str]]]) -> int | None:
    for index, (_line, row) in enumerate(rows[:HEADER_ALLOWANCE]):
        has_name = (
            find_column(row, *COLUMNS["name"]) is not None
            or find_column(row, *COLUMNS["first"]) is not None
        )
        if has_name and find_column(row, *COLUMNS["join"]) is not None:
            return index
    return None


def parse(text: str, encoding: str, *, time_zone: str, reference: date | None) -> ParsedFile:
    """Participants of a Meet report; a missing exit time is the join time plus the duration."""
    rows = read_table(text)
    position = _header_position(rows)
    if position is None:
        raise missing_columns([_("name"), _("time joined")])
    header = rows[position][1]
    columns = {key: find_column(header, *aliases) for key, aliases in COLUMNS.items()}
    if columns["leave"] is None and columns["duration"] is None:
        raise missing_columns([_("time exited")])
    parsed = ParsedFile(source_format="meet", encoding=encoding)
    data = [(line, row) for line, row in rows[position + 1 :] if not is_blank(row)]
    check_row_count(len(data))
    times = [cell(row, columns["join"]) for _line, row in data]
    times += [cell(row, columns["leave"]) for _line, row in data]
    day_first = infer_day_first(times, reference)
    zone = zone_of(time_zone)
    for line, row in data:
        name = cell(row, columns["name"])
        if not name:
            name = " ".join(
                part for part in (cell(row, columns["first"]), cell(row, columns["last"])) if part
            )
        joined, left = read_interval(
            cell(row, columns["join"]),
            cell(row, columns["leave"]),
            cell(row, columns["duration"]),
            line,
            day_first=day_first,
            reference=reference,
            zone=zone,
            roll_bare_exit=True,
        )
        # Meet's own duration is the time in the call; first-seen to last-seen also spans
        # the time away, so the duration caps the interval when both are given.
        seconds = parse_duration(cell(row, columns["duration"]))
        # Meet writes whole minutes: a minute of slack keeps exact exit times as they are.
        if seconds is not None and left - joined > timedelta(seconds=seconds + 60):
            left = joined + timedelta(seconds=seconds)
        parsed.rows.append(
            ParsedRow(
                line_number=line,
                name=name,
                email=cell(row, columns["email"]),
                joined_at=joined,
                left_at=left,
                cells=cells_of(header, row),
            )
        )
    return finish(parsed)
