"""Google Meet attendance report (CSV)."""

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
    read_interval,
    zone_of,
)
from .tabular import HEADER_ALLOWANCE, is_blank, read_table
from .timestamps import infer_day_first

NAME = ("full name", "name", "participant name", "participant", "display name")
FIRST_NAME = ("first name", "given name")
LAST_NAME = ("last name", "family name", "surname")
EMAIL = ("email", "participant email", "email address")
JOIN = ("time joined", "joined", "first seen", "join time", "joined at", "first joined")
LEAVE = ("time exited", "exited", "last seen", "leave time", "left", "left at", "last left")
DURATION = ("duration", "attendance duration", "time in call")


def _header_position(rows: list[tuple[int, list[str]]]) -> int | None:
    for index, (_line, row) in enumerate(rows[:HEADER_ALLOWANCE]):
        has_name = find_column(row, *NAME) is not None or find_column(row, *FIRST_NAME) is not None
        if has_name and find_column(row, *JOIN) is not None:
            return index
    return None


def parse(text: str, encoding: str, *, time_zone: str, reference: date | None) -> ParsedFile:
    """Participants of a Meet report; a missing exit time is the join time plus the duration."""
    rows = read_table(text)
    position = _header_position(rows)
    if position is None:
        raise missing_columns([_("name"), _("time joined")])
    header = rows[position][1]
    columns = {
        "name": find_column(header, *NAME),
        "first": find_column(header, *FIRST_NAME),
        "last": find_column(header, *LAST_NAME),
        "email": find_column(header, *EMAIL),
        "join": find_column(header, *JOIN),
        "leave": find_column(header, *LEAVE),
        "duration": find_column(header, *DURATION),
    }
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
