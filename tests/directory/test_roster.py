"""Reading and checking rosters: pure functions, no database."""

import io

import pytest
from openpyxl import Workbook

from directory.roster import (
    RosterError,
    check_rows,
    clean_golongan,
    columns_of,
    read_rows,
    read_table,
)
from tests.factories.directory import nip_for

PALU = ("unit", 1)
PELAIHARI = ("unit", 2)
ORGANISATIONS = {
    "lapas perempuan kelas iii palu": PALU,
    "rutan kelas iib pelaihari": PELAIHARI,
}

# SIASN's "Data Utama" export: semicolons, a byte order mark, CRLF lines.
SIASN_CSV = (
    "\ufeffPNS_ID;NIP_BARU;NAMA;GELAR_DEPAN;GELAR_BELAKANG;GOL_AKHIR_NAMA;JABATAN_NAMA;"
    "UNOR_NAMA;EMAIL_GOV\r\n"
    f"A1;{nip_for(1)};Siti Aminah;Dr.;S.H., M.H.;iii/a;Pranata Humas;"
    "Lapas Perempuan Kelas III Palu;siti@kemenimipas.example\r\n"
    f"A2;{nip_for(2)};Budi Santoso;;S.Kom;III-B;Pengelola Data;Rutan Kelas IIB Pelaihari;\r\n"
    "A3;1985010120100310;Salah Nip;;;II/a;Staf;Rutan Kelas IIB Pelaihari;\r\n"
    f"A4;{nip_for(4)};Tak Dikenal;;;II/a;Staf;Lapas Antah Berantah;\r\n"
    f"A5;{nip_for(1)};Siti Dobel;;;III/a;Staf;Lapas Perempuan Kelas III Palu;\r\n"
).encode()


def test_siasn_csv_is_read_with_titles_and_golongan():
    rows = read_rows(read_table(SIASN_CSV, "siasn.csv"))
    assert [row.line for row in rows] == [2, 3, 4, 5, 6]
    first = rows[0]
    assert (first.nip, first.name, first.front_title, first.back_title) == (
        nip_for(1),
        "Siti Aminah",
        "Dr.",
        "S.H., M.H.",
    )
    assert first.golongan == "III/a" and rows[1].golongan == "III/b"
    assert first.email == "siti@kemenimipas.example"


def test_every_bad_row_gets_its_own_error():
    rows = check_rows(
        read_rows(read_table(SIASN_CSV, "siasn.csv")),
        organisations=ORGANISATIONS,
        allowed=None,
        existing={},
    )
    actions = [row.action for row in rows]
    assert actions == ["create", "create", "error", "error", "error"]
    assert "18 digits" in rows[2].errors[0]
    assert "Unknown unit" in rows[3].errors[0]
    assert "line 2" in rows[4].errors[0]


def test_rows_outside_the_importers_organisations_are_refused():
    rows = check_rows(
        read_rows(read_table(SIASN_CSV, "siasn.csv"))[:2],
        organisations=ORGANISATIONS,
        allowed={PALU},
        existing={},
    )
    assert rows[0].action == "create"
    assert rows[1].action == "error" and "outside" in rows[1].errors[0]


def test_known_records_are_unchanged_updated_or_moved():
    rows = read_rows(read_table(SIASN_CSV, "siasn.csv"))[:2]
    same = {**rows[0].values, "organisation": PALU}
    moved = {**rows[1].values, "organisation": PALU}
    checked = check_rows(
        rows,
        organisations=ORGANISATIONS,
        allowed=None,
        existing={nip_for(1): same, nip_for(2): moved},
    )
    assert [row.action for row in checked] == ["unchanged", "move"]


def test_xlsx_with_simpeg_headers_and_numeric_nip():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["No", "NIP", "Nama Lengkap", "Unit Kerja", "Jabatan", "Gol. Ruang", "Status"])
    sheet.append(
        [1, int(nip_for(7)), "Rahmat Hidayat", "Rutan Kelas IIB Pelaihari", "Staf", "II/c", "Aktif"]
    )
    sheet.append([2, nip_for(8), "Purna Bakti", "Rutan Kelas IIB Pelaihari", "", "IV/a", "Pensiun"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    rows = check_rows(
        read_rows(read_table(buffer.getvalue(), "simpeg.xlsx")),
        organisations=ORGANISATIONS,
        allowed=None,
        existing={},
    )
    # A NIP kept as a number has lost digits in Excel: refused, never imported as another NIP.
    assert rows[0].action == "error" and "lost its last digits" in rows[0].errors[0]
    assert rows[1].nip == nip_for(8) and rows[1].action == "create"
    assert not rows[0].left and rows[1].left


def test_missing_columns_are_named():
    with pytest.raises(RosterError) as error:
        columns_of(["Name", "Email"])
    assert "NIP" in str(error.value) and "UNIT KERJA" in str(error.value)
    assert "Name, Email" in str(error.value)


def test_a_broken_xlsx_is_a_clear_error():
    with pytest.raises(RosterError):
        read_table(b"PK\x03\x04 not really", "roster.xlsx")


def test_golongan_spellings():
    assert clean_golongan("iv / e") == "IV/e"
    assert clean_golongan("Pembina") == "Pembina"
