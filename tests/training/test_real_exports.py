"""Files in the exact layouts the platforms export (kept in tests/training/exports/)."""

from datetime import timedelta
from pathlib import Path

import pytest

from training.parsers import AttendanceFileError, parse_attendance_file

from .conftest import at

EXPORTS = Path(__file__).parent / "exports"


def parse(name: str):
    return parse_attendance_file(
        (EXPORTS / name).read_bytes(),
        time_zone="Asia/Makassar",
        reference=at(9).date(),
    )


def test_zoom_webinar_reads_panelists_and_attendees_not_the_host_or_absentees():
    parsed = parse("zoom_webinar_attendee_report.csv")
    assert parsed.source_format == "zoom"
    assert [row.name for row in parsed.rows] == [
        "Maulidi Hilal",
        "Rahmawati Operator Palu",
        "Rahmawati Operator Palu",
    ]
    assert parsed.rows[1].joined_at == at(8, 58)
    assert parsed.rows[2].left_at == at(11, 31)
    assert parsed.meeting["Webinar ID"] == "812 3456 7890"


def test_old_teams_list_saved_as_utf8_with_commas_bom_and_crlf():
    parsed = parse("teams_attendance_list_utf8_comma.csv")
    assert parsed.source_format == "teams"
    assert [(row.name, row.left_at - row.joined_at) for row in parsed.rows] == [
        ("Rahmawati Operator Palu", timedelta(minutes=153)),
        ("Yusuf Staf LPKA Palu", timedelta(minutes=37, seconds=50)),
    ]


def test_meet_duration_wins_over_a_longer_join_to_exit_span():
    (row,) = parse("meet_attendance_duration.csv").rows
    # 09.00 to 10.56 spans 116 minutes; Meet's own report says 80 minutes in the call.
    assert row.left_at - row.joined_at == timedelta(minutes=80)


def test_headers_in_another_language_name_the_columns_and_the_closest_platform():
    with pytest.raises(AttendanceFileError) as error:
        parse("zoom_participants_spanish.csv")
    message = str(error.value.messages[0])
    assert "Nombre (nombre original)" in message and "Hora de salida" in message
    assert "Join time" in message and "Leave time" in message
    assert "closest layout" in message


@pytest.mark.django_db
def test_a_file_of_another_day_needs_confirmation(client_for, sulteng_session, editor_sulteng):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from training import services
    from training.models import ImportFile

    from .test_imports import stage

    same_day = (EXPORTS / "zoom_webinar_attendee_report.csv").read_bytes()
    next_day = same_day.replace(b'"02/06/2025 08:55:04 AM"', b'"02/07/2025 08:55:04 AM"')
    staged = stage(sulteng_session, editor_sulteng, next_day)
    with pytest.raises(ValidationError) as error:
        services.confirm_import(session=sulteng_session, by=editor_sulteng, token=staged.token)
    assert error.value.code == "date_mismatch"
    client = client_for(editor_sulteng)
    page = client.post(
        reverse("training:import_upload", args=[sulteng_session.pk]),
        {"file": SimpleUploadedFile("webinar.csv", next_day), "time_zone": "Asia/Makassar"},
    )
    assert "07-02-2025 08.55" in page.content.decode()
    assert "I have checked" in page.content.decode()
    confirm = reverse("training:import_confirm", args=[sulteng_session.pk])
    client.post(confirm, {"token": page.context["staged"].token, "confirm_date": "1"})
    assert ImportFile.objects.count() == 1
    # The file of the session's own day goes through without a question.
    services.confirm_import(
        session=sulteng_session,
        by=editor_sulteng,
        token=stage(sulteng_session, editor_sulteng, same_day).token,
    )
    assert ImportFile.objects.count() == 2
