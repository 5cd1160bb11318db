"""Reading a staff roster (CSV or XLSX, SIMPEG/SIASN-style columns) and checking each row.
Pure functions: the caller supplies what the database knows.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accounts.nip import normalise_nip, validate_nip

MAX_ROWS = 100_000

# Header texts accepted per column, compared lower-case with single spaces and no punctuation.
COLUMNS: dict[str, tuple[str, ...]] = {
    "nip": ("nip", "nip baru", "nip pns", "nipbaru", "nip 18"),
    "name": ("nama", "nama lengkap", "nama pegawai", "nama pns", "name", "full name"),
    "front_title": ("gelar depan", "gelardepan", "glr depan", "front title"),
    "back_title": ("gelar belakang", "gelarbelakang", "glr belakang", "gelar blk", "back title"),
    "organisation": (
        "unit kerja",
        "unor",
        "unor nama",
        "unit organisasi",
        "satuan kerja",
        "satker",
        "unit",
        "nama unor",
        "unit kerja nama",
    ),
    "position": ("jabatan", "nama jabatan", "jabatan nama", "position"),
    "golongan": (
        "golongan",
        "gol",
        "gol ruang",
        "golongan ruang",
        "pangkat golongan",
        "gol akhir nama",
        "golongan akhir",
    ),
    "email": ("email", "e mail", "email gov", "email kantor", "alamat email"),
    "status": ("status", "status pegawai", "kedudukan hukum", "kedudukan"),
}
REQUIRED = ("nip", "name", "organisation")
# Values of the status column that mean the person no longer serves.
LEFT_WORDS = ("pensiun", "berhenti", "keluar", "meninggal", "mutasi keluar", "left", "retired")
_GOLONGAN = re.compile(r"^(I|II|III|IV)\s*[/.\-]?\s*([a-e])$", re.IGNORECASE)


class RosterError(Exception):
    """The file cannot be read as a roster; the message says why."""


def header_key(text: str) -> str:
    """A header as compared: lower case, punctuation as spaces, single spaces."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(text or "").lower()).split())


def normalise_name(text: str) -> str:
    """Lower case, single spaces, letters and digits only (for organisation names)."""
    return header_key(text)


def clean_golongan(value: str) -> str:
    """'iii/a', 'III a', 'III-A' become 'III/a'; anything else is kept as typed."""
    text = " ".join(str(value or "").split())
    found = _GOLONGAN.match(text)
    return f"{found.group(1).upper()}/{found.group(2).lower()}" if found else text[:12]


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RosterError(_("The file is neither UTF-8 nor Windows text."))


def _csv_table(data: bytes) -> list[list[str]]:
    text = _decode(data)
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _xlsx_table(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise RosterError(_("The XLSX file cannot be opened.")) from error
    try:
        sheet = workbook.worksheets[0]
        table = []
        for values in sheet.iter_rows(values_only=True):
            table.append(["" if value is None else _cell_text(value) for value in values])
            if len(table) > MAX_ROWS + 1:
                break
        return table
    finally:
        workbook.close()


# Excel keeps numbers as doubles: beyond 15 digits the last ones are lost, so an 18-digit NIP
# typed as a number comes back as another, plausible NIP. Such cells are marked and refused.
LOST_DIGITS = "~"


def _cell_text(value) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        if abs(value) >= 10**15:
            return f"{LOST_DIGITS}{int(value)}"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
    return str(value).strip()


def read_table(data: bytes, name: str) -> list[list[str]]:
    """The cells of the first sheet (XLSX) or the CSV, row by row."""
    if data[:2] == b"PK" or name.lower().endswith(".xlsx"):
        table = _xlsx_table(data)
    else:
        table = _csv_table(data)
    if len(table) > MAX_ROWS + 1:
        raise RosterError(_("A roster may have at most %(max)s rows.") % {"max": MAX_ROWS})
    return table


@dataclass
class RosterRow:
    """One row of the roster as read, and what applying it would do."""

    line: int
    nip: str = ""
    name: str = ""
    front_title: str = ""
    back_title: str = ""
    organisation_text: str = ""
    organisation: tuple[str, int] | None = None
    position: str = ""
    golongan: str = ""
    email: str = ""
    left: bool = False
    errors: list[str] = field(default_factory=list)
    action: str = ""  # create, update, move, unchanged, error

    @property
    def values(self) -> dict:
        """The fields of a directory record this row sets."""
        return {
            "full_name": self.name,
            "front_title": self.front_title,
            "back_title": self.back_title,
            "position": self.position,
            "golongan": self.golongan,
            "email": self.email,
            "status": "left" if self.left else "active",
        }


def columns_of(header: list[str]) -> dict[str, int]:
    """Which column index holds which field; raises RosterError naming missing columns."""
    found: dict[str, int] = {}
    for index, text in enumerate(header):
        key = header_key(text)
        for field_name, accepted in COLUMNS.items():
            if key in accepted and field_name not in found:
                found[field_name] = index
    missing = [name for name in REQUIRED if name not in found]
    if missing:
        raise RosterError(
            _("The roster lacks the columns %(missing)s. Columns found: %(found)s.")
            % {
                "missing": ", ".join(COLUMNS[name][0].upper() for name in missing),
                "found": ", ".join(text for text in header if text) or "—",
            }
        )
    return found


def read_rows(table: list[list[str]]) -> list[RosterRow]:
    """Rows of a roster with their cells in place; nothing is checked yet."""
    if not table:
        raise RosterError(_("The file is empty."))
    columns = columns_of(table[0])
    rows = []
    for line, cells in enumerate(table[1:], start=2):
        if not any(str(cell).strip() for cell in cells):
            continue

        def cell(name: str, cells=cells) -> str:
            index = columns.get(name)
            return (
                " ".join(str(cells[index]).split())
                if index is not None and index < len(cells)
                else ""
            )

        rows.append(
            RosterRow(
                line=line,
                nip=normalise_nip(cell("nip")).lstrip("'"),
                name=cell("name")[:200],
                front_title=cell("front_title")[:40],
                back_title=cell("back_title")[:80],
                organisation_text=cell("organisation")[:200],
                position=cell("position")[:200],
                golongan=clean_golongan(cell("golongan")),
                email=cell("email").lower()[:254],
                left=any(word in cell("status").lower() for word in LEFT_WORDS),
            )
        )
    return rows


def check_rows(
    rows: list[RosterRow],
    *,
    organisations: dict[str, tuple[str, int]],
    allowed: set[tuple[str, int]] | None,
    existing: dict[str, dict],
) -> list[RosterRow]:
    """Give every row its errors and its action.

    ``organisations`` maps normalised names to ("unit" | "kanwil" | "directorate", pk);
    ``allowed`` is the organisations the importer reaches (None: all); ``existing`` maps NIP to
    the current values of the record (its ``values`` plus ``organisation``).
    """
    first_line_of: dict[str, int] = {}
    email_owner: dict[str, str] = {}
    for row in rows:
        if row.nip.startswith(LOST_DIGITS):
            row.errors.append(
                _(
                    "The NIP was saved as a number, so Excel lost its last digits; format the "
                    "NIP column as text and export the roster again."
                )
            )
            row.nip = row.nip[len(LOST_DIGITS) :]
            row.action = "error"
            continue
        try:
            validate_nip(row.nip)
        except ValidationError as error:
            row.errors.extend(str(message) for message in error.messages)
        if not row.nip:
            row.errors.append(_("The NIP is missing."))
        if not row.name:
            row.errors.append(_("The name is missing."))
        row.organisation = organisations.get(normalise_name(row.organisation_text))
        if row.organisation is None:
            row.errors.append(
                _("Unknown unit “%(name)s”.") % {"name": row.organisation_text or "—"}
            )
        elif allowed is not None and row.organisation not in allowed:
            row.errors.append(
                _("“%(name)s” is outside the organisations you keep.")
                % {"name": row.organisation_text}
            )
        if row.email and "@" not in row.email:
            row.errors.append(_("“%(email)s” is not an e-mail address.") % {"email": row.email})
        if row.nip in first_line_of:
            row.errors.append(
                _("The NIP appears already on line %(line)s.") % {"line": first_line_of[row.nip]}
            )
        elif row.nip:
            first_line_of[row.nip] = row.line
        if row.email and email_owner.setdefault(row.email, row.nip) != row.nip:
            row.errors.append(_("The e-mail address belongs to another NIP in this file."))
        row.action = _action(row, existing.get(row.nip))
    return rows


def _action(row: RosterRow, current: dict | None) -> str:
    if row.errors:
        return "error"
    if current is None:
        return "create"
    if current["organisation"] != row.organisation:
        return "move"
    same = all(current.get(key) == value for key, value in row.values.items())
    return "unchanged" if same else "update"
