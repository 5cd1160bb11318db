"""Reports exported from Zoom, Teams and Meet accounts whose language is Bahasa Indonesia: the
same rows are read back as from the English reports, whichever header variant is used."""

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from training.parsers import detect_format, meet, parse_attendance_file, teams, zoom
from training.parsers.timestamps import parse_duration, parse_timestamp

from .reports import WITA, Participant, meet_csv, teams_report, zoom_csv
from .test_parsers import as_read, as_written, participants

REFERENCE = date(2025, 2, 6)


def parse(data: bytes, **options):
    return parse_attendance_file(data, time_zone="Asia/Makassar", reference=REFERENCE, **options)


def aliases(parser, key: str) -> st.SearchStrategy[str]:
    """Any header cell the parser's table accepts for a column, in any letter case."""
    return st.sampled_from(parser.COLUMNS[key]).flatmap(
        lambda text: st.sampled_from([text, text.upper(), text.title(), f" {text} "])
    )


def table(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def clock(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def stamp(moment: datetime) -> str:
    local = moment.astimezone(WITA)
    return f"{local:%d/%m/%Y} {local.hour:02d}.{local.minute:02d}.{local.second:02d}"


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(participants(), min_size=1, max_size=12), st.booleans(), st.booleans())
def test_indonesian_zoom_reports_read_back_as_written(rows, meeting_block, bom):
    parsed = parse(zoom_csv(rows, meeting_block=meeting_block, bom=bom, language="id"))
    assert parsed.source_format == "zoom"
    assert [as_read(row) for row in parsed.rows] == [as_written(row) for row in rows]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(participants(tabs_allowed=False), min_size=1, max_size=12))
def test_indonesian_teams_reports_read_back_as_written(rows):
    parsed = parse(teams_report(rows, language="id"))
    assert (parsed.source_format, parsed.encoding) == ("teams", "utf-16")
    assert parsed.meeting["Judul rapat"] == "Penguatan Kehumasan"
    assert [as_read(row) for row in parsed.rows] == [as_written(row) for row in rows]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(participants(), min_size=1, max_size=12))
def test_indonesian_meet_reports_read_back_as_written(rows):
    parsed = parse(meet_csv(rows, language="id"))
    assert parsed.source_format == "meet"
    assert [as_read(row) for row in parsed.rows] == [as_written(row) for row in rows]


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(participants(tabs_allowed=False), min_size=1, max_size=8),
    st.sampled_from([zoom, meet, teams]),
    st.data(),
)
def test_any_header_variant_of_the_table_is_read(rows, parser, data):
    """Every alias in a parser's table, English or Indonesian, names its column."""
    keys = ["name", "email", "join", "leave", "duration"]
    header = [data.draw(aliases(parser, key)) for key in keys]
    body = [
        [
            row.name,
            row.email,
            stamp(row.joined),
            stamp(row.left),
            clock(int((row.left - row.joined).total_seconds())),
        ]
        for row in rows
    ]
    if parser is teams:
        # Teams writes tab-separated cells without quoting.
        text = "2. Peserta\r\n" + "".join("\t".join(cells) + "\r\n" for cells in [header, *body])
    else:
        text = table(header, body)
    parsed = parse(text.encode("utf-8"), source_format=parser.__name__.rsplit(".", 1)[1])
    assert [(row.name, row.email, row.joined_at) for row in parsed.rows] == [
        (row.name, row.email, row.joined.astimezone(UTC)) for row in rows
    ]
    # The leave column wins over the duration (Teams caps at it; the two agree here).
    assert [row.left_at for row in parsed.rows] == [row.left.astimezone(UTC) for row in rows]


def sample() -> list[Participant]:
    joined = datetime(2025, 2, 6, 9, 1, 3, tzinfo=WITA)
    return [Participant("Nur Aisyah", "nur@humas.example", joined, joined + timedelta(minutes=74))]


def test_indonesian_reports_are_recognised():
    assert detect_format(zoom_csv(sample(), language="id").decode("utf-8-sig")) == "zoom"
    no_block = zoom_csv(sample(), language="id", meeting_block=False).decode("utf-8-sig")
    assert detect_format(no_block) == "zoom"
    assert detect_format(teams_report(sample(), language="id").decode("utf-16")) == "teams"
    assert detect_format(meet_csv(sample(), language="id").decode()) == "meet"
    assert detect_format("Nama depan,Nama belakang,Email,Durasi,Waktu bergabung\n") == "meet"
    assert detect_format("Nama,Waktu bergabung,Waktu keluar\nA,09.00,10.00\n") == "zoom"
    assert detect_format("Nama,Alamat\nA,Palu\n") is None


def test_zoom_waiting_room_rows_in_indonesian_do_not_count():
    data = (
        b"Nama (nama asli),Email,Waktu bergabung,Waktu keluar,Durasi (menit),Tamu,"
        b"Di ruang tunggu\r\n"
        b"Nur Aisyah,nur@humas.example,06/02/2025 08.50.00,06/02/2025 09.00.00,10,Tidak,Ya\r\n"
        b"Nur Aisyah,nur@humas.example,06/02/2025 09.00.00,06/02/2025 10.00.00,60,Tidak,Tidak\r\n"
    )
    parsed = parse(data)
    assert parsed.skipped_rows == 1
    assert [row.joined_at for row in parsed.rows] == [datetime(2025, 2, 6, 1, 0, tzinfo=UTC)]


def test_the_older_teams_event_list_in_indonesian():
    events = (
        "Nama Lengkap\tTindakan Pengguna\tTanda Waktu\n"
        "Nur Aisyah\tBergabung\t06/02/2025 09.00.00\n"
        "Budi\tBergabung sebelumnya\t06/02/2025 09.05.00\n"
        "Nur Aisyah\tKeluar\t06/02/2025 10.00.00\n"
        "Budi\tKeluar\t06/02/2025 11.00.00\n"
    ).encode("utf-16")
    parsed = parse(events)
    assert parsed.source_format == "teams"
    assert [(row.name, row.left_at - row.joined_at) for row in parsed.rows] == [
        ("Nur Aisyah", timedelta(hours=1)),
        ("Budi", timedelta(minutes=115)),
    ]


def test_meet_in_indonesian_with_first_and_last_name_and_only_a_duration():
    data = (
        b"Nama depan,Nama belakang,Email,Durasi,Waktu bergabung\n"
        b"Nur,Aisyah,nur@humas.example,1 jam 2 mnt,6 Feb 2025 09.01\n"
    )
    row = parse(data).rows[0]
    assert row.name == "Nur Aisyah"
    assert row.joined_at == datetime(2025, 2, 6, 1, 1, tzinfo=UTC)
    assert row.left_at - row.joined_at == timedelta(minutes=62)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kamis, 6 Februari 2025 pukul 09.01", datetime(2025, 2, 6, 1, 1, tzinfo=UTC)),
        ("Jum'at, 7 Februari 2025 08.00", datetime(2025, 2, 7, 0, 0, tzinfo=UTC)),
        ("6 Agustus 2025 09.00 WIB", datetime(2025, 8, 6, 2, 0, tzinfo=UTC)),
        ("06/02/2025 09.01.03 Wita", datetime(2025, 2, 6, 1, 1, 3, tzinfo=UTC)),
        ("6 Des 2025, 10.00 WIT", datetime(2025, 12, 6, 1, 0, tzinfo=UTC)),
        ("2025-02-06 09:01 GMT+7", datetime(2025, 2, 6, 2, 1, tzinfo=UTC)),
        ("6 Mei 2025 9.00", datetime(2025, 5, 6, 1, 0, tzinfo=UTC)),
    ],
)
def test_indonesian_dates_and_zones(text, expected):
    assert parse_timestamp(text, day_first=True, reference=REFERENCE, zone=WITA) == expected


def test_indonesian_durations():
    assert parse_duration("1j 28m 57d") == 5337
    assert parse_duration("1 jam 2 mnt") == 3720
    assert parse_duration("45 menit") == 2700
    assert parse_duration("2 jam 5 menit 3 detik") == 7503
    assert parse_duration("30 dtk") == 30


def test_an_indonesian_zoom_file_imports_like_an_english_one(
    sulteng_session, editor_sulteng, operator_palu
):
    from training import services
    from training.models import Attendance
    from training.services import imports

    joined = datetime(2025, 2, 6, 9, 0, tzinfo=WITA)
    rows = [
        Participant("Rahmawati", operator_palu.email, joined, joined + timedelta(minutes=60)),
        Participant(
            "Rahmawati",
            operator_palu.email,
            joined + timedelta(minutes=50),
            joined + timedelta(minutes=150),
        ),
    ]
    staged = imports.stage_attendance_file(
        session=sulteng_session,
        by=editor_sulteng,
        data=zoom_csv(rows, language="id"),
        name="peserta.csv",
        time_zone="Asia/Makassar",
    )
    services.confirm_import(session=sulteng_session, by=editor_sulteng, token=staged.token)
    attendance = Attendance.objects.get(user=operator_palu)
    assert (attendance.minutes_attended, attendance.status) == (150, "present")
