"""What every attendance file parser shares: limits, decoding, errors, timestamps, durations."""

import codecs
import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .timestamps import is_bare_time, parse_duration, parse_timestamp

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
MAX_CELL_CHARS = 1_000
NAME_MAX_CHARS = 255
EMAIL_MAX_CHARS = 254
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

# Magic numbers of files people upload by mistake instead of the CSV export.
_BINARY_SIGNATURES = {
    b"PK\x03\x04": "spreadsheet",  # XLSX, ODS and every other ZIP
    b"\xd0\xcf\x11\xe0": "spreadsheet",  # legacy XLS
    b"%PDF": "pdf",
    b"\x89PNG": "image",
    b"\xff\xd8\xff": "image",
    b"GIF8": "image",
}


class AttendanceFileError(ValidationError):
    """The file cannot be imported; the message says why and what to do."""


@dataclass(frozen=True)
class ParsedRow:
    """One participant row: who, and from when to when (aware, UTC)."""

    line_number: int
    name: str
    email: str
    joined_at: datetime
    left_at: datetime
    cells: dict[str, str]

    @property
    def key(self) -> tuple:
        """Identity of the row for spotting exact duplicates."""
        return (self.name, self.email.lower(), self.joined_at, self.left_at)


@dataclass
class ParsedFile:
    """Everything read from an attendance file, before anything is saved."""

    source_format: str
    encoding: str
    rows: list[ParsedRow] = field(default_factory=list)
    meeting: dict[str, str] = field(default_factory=dict)
    skipped_rows: int = 0
    formula_rows: int = 0
    duplicate_lines: set[int] = field(default_factory=set)

    @property
    def warnings(self) -> list[str]:
        """Translated notes to show on the preview."""
        notes = []
        if self.duplicate_lines:
            count = len(self.duplicate_lines)
            notes.append(
                ngettext(
                    "%(count)s row repeats an earlier row exactly; it is kept with the file "
                    "but counted once.",
                    "%(count)s rows repeat an earlier row exactly; they are kept with the file "
                    "but counted once.",
                    count,
                )
                % {"count": count}
            )
        if self.formula_rows:
            notes.append(
                ngettext(
                    "%(count)s row contains text a spreadsheet would run as a formula (it starts "
                    "with =, +, - or @). It is kept as plain text and neutralised in exports.",
                    "%(count)s rows contain text a spreadsheet would run as a formula (they start "
                    "with =, +, - or @). They are kept as plain text and neutralised in exports.",
                    self.formula_rows,
                )
                % {"count": self.formula_rows}
            )
        if self.skipped_rows:
            notes.append(
                ngettext(
                    "%(count)s row records time in the waiting room and does not count.",
                    "%(count)s rows record time in the waiting room and do not count.",
                    self.skipped_rows,
                )
                % {"count": self.skipped_rows}
            )
        return notes


def file_error(message: str, code: str) -> AttendanceFileError:
    """An import refusal with a stable code for tests and logs."""
    return AttendanceFileError(message, code=code)


def check_size(data: bytes) -> None:
    """Refuse empty and oversized files before reading them."""
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise file_error(_("The file is empty."), "empty")
    if len(data) > MAX_FILE_BYTES:
        raise file_error(
            _(
                "The file is larger than %(limit)s MB. Export only the participants of this "
                "session, or split the report."
            )
            % {"limit": MAX_FILE_BYTES // (1024 * 1024)},
            "too_large",
        )


def _refuse_binary(data: bytes) -> None:
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            if kind == "spreadsheet":
                raise file_error(
                    _(
                        "This is a spreadsheet workbook, not a CSV file. Upload the report as "
                        "exported by the platform, or save it as “CSV UTF-8” first."
                    ),
                    "binary",
                )
            break
    else:
        return
    raise file_error(_("This is not a text file. Upload the attendance report itself."), "binary")


def decode(data: bytes) -> tuple[str, str]:
    """The file's text and the encoding it was in (UTF-8 or UTF-16, with or without BOM)."""
    check_size(data)
    _refuse_binary(data)
    if data.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8-sig", data)]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", data)]
    else:
        sample = data[:4096]
        even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
        if odd_nuls > len(sample) // 4 and even_nuls == 0:
            candidates = [("utf-16-le", data)]
        elif even_nuls > len(sample) // 4 and odd_nuls == 0:
            candidates = [("utf-16-be", data)]
        else:
            candidates = [("utf-8", data)]
    encoding, payload = candidates[0]
    try:
        text = payload.decode(encoding)
    except UnicodeDecodeError as error:
        if b"\x00" in data[:4096]:
            raise file_error(
                _("This is not a text file. Upload the attendance report itself."), "binary"
            ) from error
        raise file_error(
            _(
                "The file is not in an encoding we can read (UTF-8 or UTF-16). Export it again "
                "from the platform, or save it as “CSV UTF-8” in your spreadsheet program."
            ),
            "encoding",
        ) from error
    text = text.lstrip("\ufeff")
    if "\x00" in text or _control_share(text[:4096]) > 0.05:
        raise file_error(
            _("This is not a text file. Upload the attendance report itself."), "binary"
        )
    if not text.strip():
        raise file_error(_("The file is empty."), "empty")
    return text, "utf-16" if encoding.startswith("utf-16") else encoding


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\r\n")
    return controls / len(text)


def normalise_header(value: str) -> str:
    """A header cell reduced for comparison: lower case, single spaces, no BOM."""
    return " ".join(value.replace("\ufeff", "").strip().lower().split())


def find_column(header: list[str], *aliases: str) -> int | None:
    """Index of the first header cell equal to one of the aliases."""
    normalised = [normalise_header(cell) for cell in header]
    for alias in aliases:
        if alias in normalised:
            return normalised.index(alias)
    return None


def cell(row: list[str], index: int | None) -> str:
    """The stripped cell at ``index``, or an empty string."""
    if index is None or index >= len(row):
        return ""
    return row[index].strip()


def cells_of(header: list[str], row: list[str]) -> dict[str, str]:
    """The row as exported, keyed by its header (extra cells keep their position)."""
    result = {}
    for index, value in enumerate(row):
        key = header[index].strip() if index < len(header) and header[index].strip() else str(index)
        result[key] = value[:MAX_CELL_CHARS]
    return result


def looks_like_formula(*values: str) -> bool:
    """A value a spreadsheet would execute."""
    return any(value.startswith(FORMULA_PREFIXES) for value in values if value)


def zone_of(name: str) -> zoneinfo.ZoneInfo:
    """The IANA zone called ``name``."""
    return zoneinfo.ZoneInfo(name)


def bad_time(line: int, value: str) -> AttendanceFileError:
    """A refusal naming the line with an unreadable timestamp."""
    return file_error(
        _("Line %(line)s: “%(value)s” is not a date and time we can read.")
        % {"line": line, "value": value[:60]},
        "bad_time",
    )


def read_timestamp(
    value: str, line: int, *, day_first: bool, reference, zone: zoneinfo.ZoneInfo
) -> datetime:
    """One exported time, or a message naming the line it could not be read on."""
    try:
        return parse_timestamp(value, day_first=day_first, reference=reference, zone=zone)
    except ValueError as error:
        raise bad_time(line, value) from error


def read_interval(
    joined_text: str,
    left_text: str,
    duration_text: str,
    line: int,
    *,
    day_first: bool,
    reference,
    zone: zoneinfo.ZoneInfo,
    roll_bare_exit: bool = False,
) -> tuple[datetime, datetime]:
    """A row's join and leave times; the leave time may come from a duration instead.

    With ``roll_bare_exit``, a bare exit time earlier than the join time is taken to be on
    the next day (a session that ran past midnight)."""
    options = {"day_first": day_first, "reference": reference, "zone": zone}
    joined = read_timestamp(joined_text, line, **options)
    if left_text:
        left = read_timestamp(left_text, line, **options)
        if roll_bare_exit and left < joined and is_bare_time(left_text):
            left += timedelta(days=1)
    else:
        seconds = parse_duration(duration_text)
        if seconds is None:
            raise bad_time(line, left_text)
        left = joined + timedelta(seconds=seconds)
    check_order(line, joined, left)
    return joined, left


def check_order(line: int, joined: datetime, left: datetime) -> None:
    """Refuse a row that leaves before it joins."""
    if left < joined:
        raise file_error(
            _("Line %(line)s: the participant left before joining.") % {"line": line},
            "leave_before_join",
        )


def check_row_count(count: int) -> None:
    """Refuse files with more rows than we accept."""
    if count > MAX_ROWS:
        raise file_error(
            _("The file has more than %(limit)s participant rows.") % {"limit": MAX_ROWS},
            "too_many_rows",
        )


def missing_columns(names: list[str]) -> AttendanceFileError:
    """A refusal listing the columns the file lacks."""
    return file_error(
        _(
            "The file lacks these columns: %(columns)s. Export the full participants report "
            "from the platform."
        )
        % {"columns": ", ".join(names)},
        "missing_columns",
    )


def no_rows() -> AttendanceFileError:
    """A refusal for a report without participants."""
    return file_error(_("The file has no participant rows."), "no_rows")


def finish(parsed: ParsedFile) -> ParsedFile:
    """Count formula-looking rows and mark exact duplicates."""
    if not parsed.rows:
        raise no_rows()
    seen: set[tuple] = set()
    for row in parsed.rows:
        if looks_like_formula(row.name, row.email):
            parsed.formula_rows += 1
        if row.key in seen:
            parsed.duplicate_lines.add(row.line_number)
        seen.add(row.key)
    return parsed
