"""Microsoft Teams attendance report: UTF-16, tab-separated, in numbered sections.

Both layouts are read, in English and in Indonesian: the sectioned report ("1. Summary",
"2. Participants", "3. In-Meeting Activities"; "1. Ringkasan", "2. Peserta", "3. Aktivitas
Dalam Rapat") and the older event list ("Full Name, User Action, Timestamp").
The per-join activities are preferred; without them each participant's first join to last
leave, capped at their in-meeting duration, is used.
"""

import csv
import re
from datetime import date, timedelta

from django.utils.translation import gettext as _

from .base import (
    ParsedFile,
    ParsedRow,
    bad_time,
    cell,
    cells_of,
    check_order,
    check_row_count,
    find_column,
    finish,
    missing_columns,
    no_rows,
    normalise_header,
    read_timestamp,
    zone_of,
)
from .tabular import is_blank, read_table
from .timestamps import infer_day_first, parse_duration

# Every header cell Teams writes for a column, in English and, for accounts whose language is
# Bahasa Indonesia, in Indonesian. Compared after lower-casing and collapsing spaces.
COLUMNS = {
    "name": ("name", "full name", "participant name", "nama", "nama lengkap", "nama peserta"),
    "email": (
        "email",
        "e-mail",
        "participant id (upn)",
        "upn",
        "alamat email",
        "id peserta (upn)",
    ),
    "join": (
        "join time",
        "first join",
        "first join time",
        "waktu bergabung",
        "bergabung pertama",
        "gabung pertama",
        "waktu bergabung pertama",
        "pertama bergabung",
    ),
    "leave": (
        "leave time",
        "last leave",
        "last leave time",
        "waktu keluar",
        "keluar terakhir",
        "waktu keluar terakhir",
        "terakhir keluar",
    ),
    "duration": (
        "duration",
        "in-meeting duration",
        "in meeting duration",
        "durasi",
        "durasi dalam rapat",
        "durasi di rapat",
    ),
    # The older event list: one Joined/Left line per event.
    "action": ("user action", "action", "tindakan pengguna", "tindakan"),
    "timestamp": ("timestamp", "time", "tanda waktu", "stempel waktu", "waktu"),
}
# Section titles, each under its English key.
SECTIONS = {
    "summary": ("summary", "meeting summary", "ringkasan", "ringkasan rapat"),
    "participants": ("participants", "peserta"),
    "in-meeting activities": (
        "in-meeting activities",
        "aktivitas dalam rapat",
        "aktivitas di dalam rapat",
        "aktivitas rapat",
    ),
}
# How the event list says someone joined or left.
JOINED = ("join", "bergabung")
LEFT = ("left", "keluar", "meninggalkan")
# Text that only a Teams report contains (lower case), for recognising the format.
MARKERS = (
    "in-meeting activities",
    "user action",
    "meeting summary",
    "aktivitas dalam rapat",
    "tindakan pengguna",
    "ringkasan rapat",
)
# The header of the older event list, in whatever separator it was saved with.
EVENT_LIST_MARKERS = ("user action", "tindakan pengguna")
_SECTION_OF_TITLE = {title: key for key, titles in SECTIONS.items() for title in titles}
_TITLES = "|".join(re.escape(title) for title in sorted(_SECTION_OF_TITLE, key=len, reverse=True))
SECTION_TITLE = re.compile(rf"^\s*(?:\d+\.\s*)?({_TITLES})\s*$", re.IGNORECASE)
# A numbered section title on a line of its own, as the report starts with ("1. Summary").
NUMBERED_SECTION = re.compile(rf"^\s*\d+\.\s*({_TITLES})\s*$", re.IGNORECASE | re.MULTILINE)


def _sections(rows: list[tuple[int, list[str]]]) -> dict[str, list[tuple[int, list[str]]]]:
    """Rows grouped by section title; rows before any title go to "summary"."""
    sections: dict[str, list[tuple[int, list[str]]]] = {"summary": []}
    current = "summary"
    for line, row in rows:
        filled = [value for value in row if value.strip()]
        if len(filled) == 1:
            match = SECTION_TITLE.match(filled[0])
            if match:
                current = _SECTION_OF_TITLE[normalise_header(match[1])]
                sections.setdefault(current, [])
                continue
        if not is_blank(row):
            sections[current].append((line, row))
    return sections


def _table(section: list[tuple[int, list[str]]]) -> tuple[list[str], list[tuple[int, list[str]]]]:
    if not section:
        return [], []
    return section[0][1], section[1:]


def _from_events(parsed, header, data, *, reference, zone) -> ParsedFile:
    """The older layout: one Joined/Left event per line, paired per person."""
    columns = {key: find_column(header, *COLUMNS[key]) for key in ("name", "action", "email")}
    columns["time"] = find_column(header, *COLUMNS["timestamp"])
    day_first = infer_day_first([cell(row, columns["time"]) for _line, row in data], reference)
    events = []
    for line, row in data:
        moment = read_timestamp(
            cell(row, columns["time"]), line, day_first=day_first, reference=reference, zone=zone
        )
        events.append((moment, line, row))
    if not events:
        raise no_rows()
    meeting_end = max(moment for moment, _line, _row in events)
    open_joins: dict[str, tuple] = {}
    for moment, line, row in sorted(events, key=lambda event: (event[0], event[1])):
        name = cell(row, columns["name"])
        action = cell(row, columns["action"]).lower()
        if action.startswith(JOINED):
            open_joins.setdefault(name, (moment, line, row))
        elif action.startswith(LEFT) and name in open_joins:
            joined, join_line, join_row = open_joins.pop(name)
            parsed.rows.append(
                ParsedRow(
                    join_line,
                    name,
                    cell(join_row, columns["email"]),
                    joined,
                    moment,
                    cells_of(header, join_row),
                )
            )
    for name, (joined, line, row) in open_joins.items():
        parsed.rows.append(
            ParsedRow(
                line, name, cell(row, columns["email"]), joined, meeting_end, cells_of(header, row)
            )
        )
    parsed.rows.sort(key=lambda parsed_row: parsed_row.line_number)
    return parsed


def parse(text: str, encoding: str, *, time_zone: str, reference: date | None) -> ParsedFile:
    """Participants of a Teams attendance report, one row per join."""
    if "\t" in text[:16384]:
        rows = read_table(text, delimiter="\t", quoting=csv.QUOTE_NONE)
    else:
        # The older event list saved from Excel as "CSV UTF-8": commas, quoted cells.
        rows = read_table(text)
    sections = _sections(rows)
    parsed = ParsedFile(source_format="teams", encoding=encoding)
    parsed.meeting = {
        row[0].strip(): row[1].strip()
        for _line, row in sections.get("summary", [])
        if len(row) >= 2 and row[0].strip()
    }
    zone = zone_of(time_zone)
    # The older event list has no sections: its header is the first row.
    for index, (_line, row) in enumerate(rows[:50]):
        if (
            find_column(row, *COLUMNS["action"]) is not None
            and find_column(row, *COLUMNS["timestamp"]) is not None
        ):
            data = [item for item in rows[index + 1 :] if not is_blank(item[1])]
            check_row_count(len(data))
            return finish(_from_events(parsed, row, data, reference=reference, zone=zone))
    header, data = _table(sections.get("in-meeting activities", []))
    capped = False
    if not data:
        header, data = _table(sections.get("participants", []))
        capped = True
    if not header:
        raise missing_columns([_("Participants"), _("In-Meeting Activities")])
    columns = {
        key: find_column(header, *COLUMNS[key])
        for key in ("name", "email", "join", "leave", "duration")
    }
    absent = [
        label
        for key, label in (("name", _("name")), ("join", _("join time")))
        if columns[key] is None
    ]
    if columns["leave"] is None and columns["duration"] is None:
        absent.append(_("leave time"))
    if absent:
        raise missing_columns(absent)
    check_row_count(len(data))
    times = [cell(row, columns["join"]) for _line, row in data]
    times += [cell(row, columns["leave"]) for _line, row in data]
    day_first = infer_day_first(times, reference)
    for line, row in data:
        joined = read_timestamp(
            cell(row, columns["join"]), line, day_first=day_first, reference=reference, zone=zone
        )
        seconds = parse_duration(cell(row, columns["duration"]), bare_unit_seconds=60)
        if cell(row, columns["leave"]):
            left = read_timestamp(
                cell(row, columns["leave"]),
                line,
                day_first=day_first,
                reference=reference,
                zone=zone,
            )
            if capped and seconds is not None:
                left = min(left, joined + timedelta(seconds=seconds))
        elif seconds is not None:
            left = joined + timedelta(seconds=seconds)
        else:
            raise bad_time(line, "")
        check_order(line, joined, left)
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
