"""Exports: CSV with BOM, XLSX, SIASN shape and iCal, with formulas neutralised."""

import csv
import io
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from training import exports, ical, selectors, services
from training.models import TrainingSession

from .conftest import connection as row
from .reports import zoom_csv

pytestmark = pytest.mark.django_db

FORMULAS = ["=1+2", "+SUM(A1)", "-3+cmd", "@SUM(1)", "\tTAB", "\rCR"]


@pytest.mark.parametrize("value", FORMULAS)
def test_formula_cells_are_neutralised(value):
    assert exports.neutralise(value) == "'" + value
    assert exports.neutralise("Nur Aisyah") == "Nur Aisyah"
    assert exports.neutralise(-3) == -3


def test_csv_and_xlsx_never_carry_a_formula():
    rows = [["Name", "Minutes"], *[[value, 10] for value in FORMULAS]]
    body = exports.to_csv(rows)
    assert body.startswith(b"\xef\xbb\xbf")
    read_back = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert [line[0] for line in read_back[1:]] == ["'" + value for value in FORMULAS]
    sheet = load_workbook(io.BytesIO(exports.to_xlsx(rows, title="Rakor: 6/2"))).active
    for index, value in enumerate(FORMULAS, start=2):
        cell = sheet.cell(row=index, column=1)
        assert cell.data_type == "s"
        # XML turns a carriage return into a line feed; the apostrophe stays first.
        assert cell.value == "'" + value.replace("\r", "\n")
    assert sheet.cell(row=2, column=2).value == 10


@pytest.fixture
def imported(sulteng_session, editor_sulteng, operator_palu):
    """A file whose display name is a formula, and a person matched by e-mail."""
    from training.services import imports

    rows = [
        row('=HYPERLINK("http://evil.example","klik")', operator_palu.email, (9, 0), (11, 30)),
    ]
    staged = imports.stage_attendance_file(
        session=sulteng_session,
        by=editor_sulteng,
        data=zoom_csv(rows),
        name="x.csv",
        time_zone="Asia/Makassar",
    )
    services.confirm_import(session=sulteng_session, by=editor_sulteng, token=staged.token)
    operator_palu.full_name = "=cmd|' /C calc'!A0"
    operator_palu.save(update_fields=["full_name"])
    return sulteng_session


def test_attendance_downloads(client_for, imported, editor_sulteng):
    client = client_for(editor_sulteng)
    csv_response = client.get(reverse("training:attendee_export", args=[imported.pk, "csv"]))
    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in csv_response["Content-Disposition"]
    text = csv_response.content.decode("utf-8-sig")
    assert "'=cmd|' /C calc'!A0" in text
    assert "2025-02-06 09:00" in text
    xlsx = client.get(reverse("training:attendee_export", args=[imported.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.cell(row=2, column=1).value == "'=cmd|' /C calc'!A0"
    assert sheet.cell(row=2, column=6).value == 150


def test_siasn_shape(client_for, imported, operator_palu, editor_sulteng):
    services.issue_certificates(session=imported, by=editor_sulteng)
    response = client_for(operator_palu).get(
        reverse("training:person_siasn", args=[operator_palu.pk])
    )
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "jenisDiklatId,jenisKursusSertipikat,namaKursus,institusiPenyelenggara,jumlahJam,"
        "tanggalKursus,tanggalSelesaiKursus,tahunKursus,nomorSertipikat"
    )
    fields = lines[1].split(",")
    # A "penguatan" session counts as Bimbingan Teknis (8, P) in SIASN's reference list.
    assert fields[:3] == ["8", "P", "Bimtek Humas Sulteng"]
    assert fields[4:8] == ["3", "06-02-2025", "06-02-2025", "2025"]
    assert fields[8].startswith("HP-2025-")


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("pelatihan", (3, "T")),
        ("bimtek", (8, "P")),
        ("sosialisasi", (7, "P")),
        ("webinar", (9, "P")),
        ("fgd", (4, "P")),
        ("rakor", ("", "")),
    ],
)
def test_siasn_kinds_and_whole_hours(
    sulteng_session, editor_sulteng, operator_palu, kind, expected
):
    TrainingSession.objects.filter(pk=sulteng_session.pk).update(
        kind=kind, jp_credited=Decimal("2.5")
    )
    services.record_attendance(
        session=sulteng_session, person=operator_palu, by=editor_sulteng, status="present"
    )
    rows = exports.siasn_table(selectors.history_of(operator_palu))
    assert tuple(rows[1][:2]) == expected
    assert rows[1][4] == 3
    assert exports.siasn_hours(Decimal("2.49")) == 2
    assert exports.siasn_hours(Decimal("4.00")) == 4


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_ical_is_valid_and_folded(sulteng_session, national_session):
    national_session.title = "Sosialisasi; etika, media \\ sosial " + "panjang " * 20 + "ñ" * 30
    text = ical.calendar(
        [sulteng_session, national_session],
        host="humas.example",
        url_for=lambda session: f"https://humas.example/training/{session.pk}/",
        now=datetime(2025, 1, 1, 3, 0, tzinfo=UTC),
        name="Pelatihan",
    )
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    lines = unfold(text)
    assert "DTSTART;TZID=Asia/Makassar:20250206T090000" in lines
    assert "DTEND;TZID=Asia/Makassar:20250206T113000" in lines
    assert "DTSTAMP:20250101T030000Z" in lines
    assert lines.count("BEGIN:VEVENT") == 2
    summary = next(line for line in lines if line.startswith("SUMMARY:Sosialisasi"))
    assert summary.startswith("SUMMARY:Sosialisasi\\; etika\\, media \\\\ sosial")
    assert summary.endswith("ñ" * 30)
    assert sulteng_session.passcode not in text


def test_calendar_download_lists_upcoming_sessions(client_for, staff_member, editor_sulteng):
    from django.utils import timezone

    from .conftest import plan_session

    soon = timezone.now() + timezone.timedelta(days=3)
    upcoming = plan_session(
        by=editor_sulteng,
        organiser=editor_sulteng.role_assignments.get().kanwil,
        title="Rakor minggu depan",
        starts_at=soon,
        ends_at=soon + timezone.timedelta(hours=2),
    )
    response = client_for(staff_member).get(reverse("training:calendar"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert f"UID:training-session-{upcoming.pk}@testserver" in body
    assert "Penguatan Kehumasan" not in body
