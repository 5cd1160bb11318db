"""Attendance and history exports: CSV (UTF-8 with BOM), XLSX, and a SIASN-shaped list.

Every text cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return at
the start) is prefixed with an apostrophe, so it shows as text.
"""

import csv
import io
import zoneinfo
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from .models import Attendance, SessionKind

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

Cell = str | int | float | Decimal | date | datetime | None


def neutralise(value: Cell) -> Cell:
    """Text that starts like a formula gets a leading apostrophe; other values pass."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _local(moment: datetime | None, zone: str) -> str:
    if moment is None:
        return ""
    return moment.astimezone(zoneinfo.ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def attendance_table(attendances: Iterable[Attendance]) -> list[list[Cell]]:
    """A header and one row per attendee, times in the session's zone."""
    header = [
        _("Name"),
        _("NIP"),
        _("E-mail"),
        _("Organisation"),
        _("Status"),
        _("Minutes attended"),
        _("First joined"),
        _("Last left"),
        _("Meets the rule"),
        _("Source"),
        _("Certificate"),
    ]
    rows: list[list[Cell]] = [header]
    for attendance in attendances:
        zone = attendance.session.time_zone
        certificates = getattr(attendance, "valid_certificates", [])
        rows.append(
            [
                attendance.holder_name,
                attendance.holder_nip,
                attendance.holder_email,
                attendance.organisation_name,
                attendance.get_status_display(),
                attendance.minutes_attended,
                _local(attendance.first_join, zone),
                _local(attendance.last_leave, zone),
                _("yes") if attendance.meets_rule else _("no"),
                attendance.get_source_display(),
                certificates[0].number if certificates else "",
            ]
        )
    return rows


# SIASN's reference list of kinds of development (jenis diklat), as (jenisDiklatId,
# jenisKursusSertipikat); see docs/training.md for what was verified. A kind without a
# counterpart (a coordination meeting) is left empty for the person to choose in SIASN.
SIASN_KIND = {
    SessionKind.PELATIHAN: (3, "T"),  # Diklat Teknis
    SessionKind.BIMTEK: (8, "P"),  # Bimbingan Teknis
    SessionKind.PENGUATAN: (8, "P"),  # Bimbingan Teknis
    SessionKind.ASISTENSI: (8, "P"),  # Bimbingan Teknis
    SessionKind.SOSIALISASI: (7, "P"),  # Sosialisasi
    SessionKind.WEBINAR: (9, "P"),  # Seminar
    SessionKind.FGD: (4, "P"),  # Workshop
}
SIASN_COLUMNS = [
    "jenisDiklatId",
    "jenisKursusSertipikat",
    "namaKursus",
    "institusiPenyelenggara",
    "jumlahJam",
    "tanggalKursus",
    "tanggalSelesaiKursus",
    "tahunKursus",
    "nomorSertipikat",
]


def siasn_hours(jp: Decimal) -> int:
    """JP as the whole hours SIASN stores (jumlahJam is an integer); halves round up."""
    return int(Decimal(jp).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def siasn_table(attendances: Iterable[Attendance]) -> list[list[Cell]]:
    """A person's credited sessions in the shape of SIASN's course history (riwayat kursus).

    The columns carry the field names of SIASN's riwayat kursus records, in the order of its
    web service; dates are DD-MM-YYYY, the year is the local year of the start.
    """
    rows: list[list[Cell]] = [list(SIASN_COLUMNS)]
    for attendance in attendances:
        if not attendance.meets_rule:
            continue
        session = attendance.session
        zone = zoneinfo.ZoneInfo(session.time_zone)
        start, end = session.starts_at.astimezone(zone), session.ends_at.astimezone(zone)
        certificates = getattr(attendance, "valid_certificates", [])
        organiser = session.organiser
        kind_id, certificate_kind = SIASN_KIND.get(session.kind, ("", ""))
        rows.append(
            [
                kind_id,
                certificate_kind,
                session.title,
                organiser.name if organiser is not None else "",
                siasn_hours(session.jp_credited),
                start.strftime("%d-%m-%Y"),
                end.strftime("%d-%m-%Y"),
                start.year,
                certificates[0].number if certificates else "",
            ]
        )
    return rows


def to_csv(rows: Sequence[Sequence[Cell]]) -> bytes:
    """CSV in UTF-8 with a byte order mark, so spreadsheet programs read it right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if value is None else neutralise(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(rows: Sequence[Sequence[Cell]], *, title: str) -> bytes:
    """An XLSX workbook with one sheet; text cells are never formulas."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    def clean(value: Cell) -> Cell:
        value = neutralise(value)
        return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "".join(char for char in title if char not in "[]:*?/\\")[:31] or "Sheet1"
    for row in rows:
        sheet.append([clean(value) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
