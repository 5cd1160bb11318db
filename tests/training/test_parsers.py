"""Reading Zoom, Teams and Meet reports: what is read back is what was exported, and any
other input is refused with a message, never an unexpected error."""

import codecs
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from training.parsers import AttendanceFileError, detect_format, parse_attendance_file
from training.parsers.base import MAX_FILE_BYTES
from training.parsers.timestamps import infer_day_first, parse_duration

from .conftest import SESSION_START
from .reports import WITA, Participant, meet_csv, teams_report, zoom_csv

REFERENCE = date(2025, 2, 6)
NAME_ALPHABET = st.characters(
    codec="utf-8",
    exclude_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn"),
)
names = st.text(NAME_ALPHABET, min_size=1, max_size=40).map(str.strip).filter(bool)
emails = st.one_of(st.just(""), st.emails().filter(lambda value: len(value) < 200))


@st.composite
def participants(draw, *, tabs_allowed: bool = True):
    """Connections on the session's day, in whole seconds."""
    name = draw(names)
    if not tabs_allowed:
        name = " ".join(name.split())
    email = draw(emails)
    joined = SESSION_START + timedelta(seconds=draw(st.integers(-3600, 4 * 3600)))
    left = joined + timedelta(seconds=draw(st.integers(0, 4 * 3600)))
    return Participant(name, email, joined, left)


def parse(data: bytes, **options):
    return parse_attendance_file(
        data, time_zone=options.pop("time_zone", "Asia/Makassar"), reference=REFERENCE, **options
    )


def as_read(row):
    return (row.name, row.email, row.joined_at, row.left_at)


def as_written(participant: Participant):
    return (
        participant.name,
        participant.email,
        participant.joined.astimezone(UTC),
        participant.left.astimezone(UTC),
    )


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(participants(), min_size=1, max_size=15), st.booleans(), st.booleans())
def test_zoom_reports_read_back_as_written(rows, meeting_block, bom):
    parsed = parse(zoom_csv(rows, meeting_block=meeting_block, bom=bom))
    assert parsed.source_format == "zoom"
    assert [as_read(row) for row in parsed.rows] == [as_written(row) for row in rows]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(participants(tabs_allowed=False), min_size=1, max_size=15))
def test_teams_reports_read_back_as_written(rows):
    parsed = parse(teams_report(rows))
    assert (parsed.source_format, parsed.encoding) == ("teams", "utf-16")
    assert [as_read(row) for row in parsed.rows] == [as_written(row) for row in rows]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(participants(), min_size=1, max_size=15))
def test_meet_reports_read_back_as_written(rows):
    parsed = parse(meet_csv(rows))
    assert parsed.source_format == "meet"
    assert [as_read(row) for row in parsed.rows] == [as_written(row) for row in rows]


def test_a_participant_named_like_another_platforms_column_does_not_change_the_format():
    start = datetime(2025, 2, 6, 1, 0, tzinfo=UTC)
    named = [
        Participant(name=name, email="", joined=start, left=start + timedelta(minutes=30))
        for name in ("Durasi (Menit)", "Time Joined", "Nama Lengkap")
    ]
    assert parse(meet_csv(named)).source_format == "meet"
    assert parse(zoom_csv(named, meeting_block=False, bom=False)).source_format == "zoom"


@settings(max_examples=200)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_are_read_or_refused_with_a_message(data):
    try:
        parsed = parse(data)
    except AttendanceFileError as error:
        assert error.messages and all(message.strip() for message in error.messages)
    else:
        assert parsed.rows


@settings(max_examples=200)
@given(st.text(max_size=400), st.sampled_from(["zoom", "teams", "meet", ""]))
def test_arbitrary_text_after_a_real_header_never_crashes(text, source_format):
    header = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
    for data in (header + text, "2. Participants\nName\tFirst Join\tLast Leave\n" + text):
        try:
            parse(data.encode("utf-8", "surrogatepass"), source_format=source_format)
        except AttendanceFileError:
            pass
        except UnicodeEncodeError:
            pass


def sample_rows():
    return [
        Participant(
            "Nur Aisyah",
            "nur@humas.example",
            datetime(2025, 2, 6, 9, 1, 3, tzinfo=WITA),
            datetime(2025, 2, 6, 10, 15, tzinfo=WITA),
        )
    ]


def test_zoom_meeting_block_is_kept_apart():
    parsed = parse(zoom_csv(sample_rows(), meeting_block=True))
    assert parsed.meeting["Meeting ID"] == "812 3456 7890"
    assert len(parsed.rows) == 1
    assert parsed.rows[0].cells["User Email"] == "nur@humas.example"


def test_times_are_read_in_the_chosen_zone():
    data = zoom_csv(sample_rows(), zone=WITA)
    in_wib = parse(data, time_zone="Asia/Jakarta").rows[0]
    in_wita = parse(data).rows[0]
    assert in_wib.joined_at - in_wita.joined_at == timedelta(hours=1)


def test_day_first_dates_are_recognised():
    assert infer_day_first(["13/02/2025 09:00"], REFERENCE)
    assert not infer_day_first(["02/13/2025 09:00"], REFERENCE)
    assert infer_day_first(["06/02/2025 09:00"], REFERENCE)
    assert not infer_day_first(["02/06/2025 09:00"], REFERENCE)
    parsed = parse(zoom_csv(sample_rows(), time_format="%d/%m/%Y %H:%M:%S"))
    assert parsed.rows[0].joined_at == datetime(2025, 2, 6, 1, 1, 3, tzinfo=UTC)


def test_teams_utf16_without_bom_and_older_event_list():
    body = teams_report(sample_rows(), encoding="utf-16-le")
    assert not body.startswith(codecs.BOM_UTF16_LE)
    assert parse(body).rows[0].name == "Nur Aisyah"
    events = (
        "Full Name\tUser Action\tTimestamp\n"
        "Nur Aisyah\tJoined\t2/6/2025, 9:00:00 AM\n"
        "Budi\tJoined\t2/6/2025, 9:05:00 AM\n"
        "Nur Aisyah\tLeft\t2/6/2025, 10:00:00 AM\n"
        "Budi\tLeft\t2/6/2025, 11:00:00 AM\n"
    ).encode("utf-16")
    parsed = parse(events)
    assert parsed.source_format == "teams"
    assert [(row.name, row.left_at - row.joined_at) for row in parsed.rows] == [
        ("Nur Aisyah", timedelta(hours=1)),
        ("Budi", timedelta(minutes=115)),
    ]


def test_meet_exit_time_only_and_duration_fallback():
    data = (
        b"First name,Last name,Email,Duration,Time joined\n"
        b"Nur,Aisyah,nur@humas.example,1 hr 2 min,9:01 AM\n"
    )
    row = parse(data).rows[0]
    assert row.name == "Nur Aisyah"
    assert row.left_at - row.joined_at == timedelta(minutes=62)


def test_durations():
    assert parse_duration("2h 28m 57s") == 8937
    assert parse_duration("1 hr 2 min") == 3720
    assert parse_duration("1:02:03") == 3723
    assert parse_duration("74") == 74 * 60
    assert parse_duration("99999999999999999999") is None
    assert parse_duration("soon") is None


def test_duplicates_and_formulas_are_reported():
    rows = [*sample_rows(), *sample_rows()]
    rows.append(Participant('=HYPERLINK("x")', "", rows[0].joined, rows[0].left))
    parsed = parse(zoom_csv(rows))
    assert len(parsed.rows) == 3
    assert len(parsed.duplicate_lines) == 1
    assert parsed.formula_rows == 1
    assert len(parsed.warnings) == 2


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"\xef\xbb\xbf   \r\n", "empty"),
        (b"PK\x03\x04" + b"\x00" * 100, "binary"),
        (b"%PDF-1.7 \x00\x01", "binary"),
        (bytes(range(256)) * 4, "binary"),
        (b"hello,world\n1,2\n", "unknown_format"),
        (b"Name,Join Time,Leave Time\nBudi,kemarin,besok\n", "bad_time"),
        ("Name (Original Name),Join Time,Leave Time\nRené,x,y\n".encode("cp1252"), "encoding"),
        (b"Name (Original Name),User Email,Join Time,Leave Time\n", "no_rows"),
        (b"Name (Original Name),User Email\nBudi,b@x.id\n", "missing_columns"),
        (
            b"Name (Original Name),User Email,Join Time,Leave Time\n"
            b"Budi,b@x.id,02/06/2025 09:00 AM,02/06/2025 08:00 AM\n",
            "leave_before_join",
        ),
        (
            b"Name (Original Name),User Email,Join Time,Leave Time\n"
            b"Budi,b@x.id,02/06/2025 09:00 AM,tomorrow\n",
            "bad_time",
        ),
        (
            b"Name (Original Name),User Email,Join Time,Leave Time\n"
            b'"Budi,b@x.id,02/06/2025 09:00 AM,02/06/2025 10:00 AM\n',
            "malformed",
        ),
    ],
)
def test_bad_files_are_refused_with_a_reason(data, code):
    with pytest.raises(AttendanceFileError) as caught:
        parse(data)
    assert caught.value.code == code
    assert caught.value.messages[0]


def test_huge_files_are_refused_before_reading():
    with pytest.raises(AttendanceFileError) as caught:
        parse(b"a" * (MAX_FILE_BYTES + 1))
    assert caught.value.code == "too_large"


def test_format_detection():
    assert detect_format(zoom_csv(sample_rows()).decode("utf-8-sig")) == "zoom"
    assert detect_format(teams_report(sample_rows()).decode("utf-16")) == "teams"
    assert detect_format(meet_csv(sample_rows()).decode()) == "meet"
    assert detect_format("hello,world\n1,2\n") is None
