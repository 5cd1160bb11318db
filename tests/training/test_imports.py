"""Importing attendance files: preview first, all or nothing, never twice, union of rejoins."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from training import services
from training.models import (
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    AuditEntry,
    GroupAttendance,
    ImportFile,
    ImportRow,
    ImportStatus,
    MatchStatus,
)
from training.services import imports

from .conftest import connection as row
from .reports import meet_csv, teams_report, zoom_csv

pytestmark = pytest.mark.django_db


def palu_rows(operator_palu):
    """Rahmawati rejoins twice (overlapping); a Palu room; someone nobody knows."""
    email = operator_palu.email
    return [
        row("Rahmawati Operator Palu", email, (8, 50), (10, 0)),
        row("Rahmawati Operator Palu", email, (9, 30), (10, 30)),
        row("Rahmawati Operator Palu", email, (10, 40), (11, 45)),
        row("LPP Palu", "", (9, 0), (11, 30)),
        row("Tamu Misterius", "", (9, 0), (9, 20)),
    ]


def stage(session, by, data, name="participants.csv", **options):
    return imports.stage_attendance_file(
        session=session, by=by, data=data, name=name, time_zone="Asia/Makassar", **options
    )


def import_file(session, by, data, **options):
    staged = stage(session, by, data, **options)
    return services.confirm_import(session=session, by=by, token=staged.token)


def test_staging_saves_nothing_in_the_database(sulteng_session, editor_sulteng, operator_palu):
    staged = stage(sulteng_session, editor_sulteng, zoom_csv(palu_rows(operator_palu)))
    assert staged.parsed.source_format == "zoom"
    assert not ImportFile.objects.exists()
    assert not ImportRow.objects.exists()
    assert not Attendance.objects.exists()
    assert default_storage.listdir(imports.STAGING_DIR)[1]


def test_confirming_applies_the_union_of_rejoins(
    sulteng_session, editor_sulteng, operator_palu, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        saved = import_file(sulteng_session, editor_sulteng, zoom_csv(palu_rows(operator_palu)))
    assert saved.status == ImportStatus.DONE
    assert (saved.row_count, saved.matched_rows, saved.group_rows, saved.unmatched_rows) == (
        5,
        3,
        1,
        1,
    )
    attendance = Attendance.objects.get(session=sulteng_session, user=operator_palu)
    # 09.00–10.30 and 10.40–11.30 within the session: 140 minutes, not the 260 of the rows.
    assert attendance.minutes_attended == 140
    assert attendance.status == AttendanceStatus.PRESENT and attendance.meets_rule
    assert attendance.source == AttendanceSource.IMPORT
    assert attendance.invitee.unit == operator_palu.role_assignments.get().unit
    room = GroupAttendance.objects.get()
    assert (room.invitee.unit.slug, room.connections, room.minutes_attended) == (
        "lapas-perempuan-kelas-iii-palu",
        1,
        150,
    )
    assert ImportRow.objects.get(display_name="Tamu Misterius").match_status == (
        MatchStatus.UNMATCHED
    )
    assert ImportRow.objects.first().cells["Name (Original Name)"] == "Rahmawati Operator Palu"
    assert saved.file.read().startswith(b"\xef\xbb\xbfMeeting ID")
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"import_confirmed", "attendance_imported"} <= actions
    assert not default_storage.listdir(imports.STAGING_DIR)[1]


def test_the_same_file_twice_changes_nothing(sulteng_session, editor_sulteng, operator_palu):
    data = zoom_csv(palu_rows(operator_palu))
    import_file(sulteng_session, editor_sulteng, data)
    with pytest.raises(Exception) as caught:
        import_file(sulteng_session, editor_sulteng, data)
    assert caught.value.code == "duplicate"
    assert ImportFile.objects.count() == 1
    assert ImportRow.objects.count() == 5
    assert Attendance.objects.count() == 1


def test_a_second_file_merges_per_person(sulteng_session, editor_sulteng, operator_palu):
    email = operator_palu.email
    import_file(sulteng_session, editor_sulteng, zoom_csv([row("R", email, (9, 0), (10, 0))]))
    second = teams_report([row("R", email, (9, 30), (11, 0))])
    import_file(sulteng_session, editor_sulteng, second)
    attendance = Attendance.objects.get()
    assert attendance.minutes_attended == 120
    assert attendance.status == AttendanceStatus.PRESENT


def test_meet_files_import_too(sulteng_session, editor_sulteng, operator_palu):
    data = meet_csv([row("R", operator_palu.email, (9, 0), (11, 30))])
    assert import_file(sulteng_session, editor_sulteng, data).source_format == "meet"
    assert Attendance.objects.get().minutes_attended == 150


def test_the_organisers_entry_survives_an_import(sulteng_session, editor_sulteng, operator_palu):
    services.record_attendance(
        session=sulteng_session, person=operator_palu, by=editor_sulteng, status="excused"
    )
    import_file(sulteng_session, editor_sulteng, zoom_csv(palu_rows(operator_palu)))
    attendance = Attendance.objects.get()
    assert (attendance.status, attendance.source) == ("excused", "manual")


def test_late_and_absent(sulteng_session, editor_sulteng, operator_palu, staff_member):
    rows = [
        row("A", operator_palu.email, (9, 20), (11, 30)),
        row("B", staff_member.email, (9, 0), (10, 0)),
    ]
    import_file(sulteng_session, editor_sulteng, zoom_csv(rows))
    statuses = dict(Attendance.objects.values_list("user_id", "status"))
    assert statuses == {operator_palu.pk: "late", staff_member.pk: "absent"}


def test_only_organisers_import(sulteng_session, editor_kalsel, operator_palu):
    for person in (editor_kalsel, operator_palu):
        with pytest.raises(Exception) as caught:
            stage(sulteng_session, person, zoom_csv(palu_rows(operator_palu)))
        assert caught.type.__name__ == "PermissionDenied"


def test_a_token_is_bound_to_its_person_and_session(
    sulteng_session, kalsel_session, editor_sulteng, central_admin, operator_palu
):
    staged = stage(sulteng_session, editor_sulteng, zoom_csv(palu_rows(operator_palu)))
    for session, person, token in (
        (sulteng_session, central_admin, staged.token),
        (kalsel_session, central_admin, staged.token),
        (sulteng_session, editor_sulteng, staged.token + "x"),
    ):
        with pytest.raises(Exception) as caught:
            services.confirm_import(session=session, by=person, token=token)
        assert getattr(caught.value, "code", "") == "expired"
    assert not ImportFile.objects.exists()


def test_large_files_run_in_celery_all_or_nothing(
    sulteng_session, editor_sulteng, operator_palu, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(imports, "SYNC_ROW_LIMIT", 2)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        saved = import_file(sulteng_session, editor_sulteng, zoom_csv(palu_rows(operator_palu)))
    assert saved.status == ImportStatus.QUEUED
    assert len(callbacks) >= 2
    saved.refresh_from_db()
    assert saved.status == ImportStatus.DONE
    assert Attendance.objects.count() == 1
    # Running the task again does nothing.
    assert imports.process_import(import_file_id=saved.pk) == ImportStatus.DONE
    assert ImportRow.objects.count() == 5


def test_a_failing_background_import_leaves_nothing_behind(
    sulteng_session, editor_sulteng, operator_palu, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(imports, "SYNC_ROW_LIMIT", 2)

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(imports, "rebuild_from_files", broken)
    with django_capture_on_commit_callbacks(execute=True):
        saved = import_file(sulteng_session, editor_sulteng, zoom_csv(palu_rows(operator_palu)))
    saved.refresh_from_db()
    assert saved.status == ImportStatus.FAILED and saved.error
    assert not ImportRow.objects.exists()
    assert not Attendance.objects.exists()
    # A failed file may be uploaded again.
    monkeypatch.undo()
    assert import_file(
        sulteng_session, editor_sulteng, zoom_csv(palu_rows(operator_palu))
    ).status == (ImportStatus.DONE)


def test_import_queries_do_not_grow_with_rows(sulteng_session, editor_sulteng, operator_palu):
    def queries(count: int, offset: int) -> int:
        rows = [
            row(f"Peserta {offset + index}", f"p{offset + index}@x.example", (9, 0), (10, 0))
            for index in range(count)
        ]
        rows.append(row("R", operator_palu.email, (9, 0), (11, 0)))
        staged = stage(sulteng_session, editor_sulteng, zoom_csv(rows), name=f"{count}.csv")
        with CaptureQueriesContext(connection) as context:
            services.confirm_import(session=sulteng_session, by=editor_sulteng, token=staged.token)
        return len(context.captured_queries)

    assert queries(5, 0) == queries(50, 100)


# --- The pages ----------------------------------------------------------------------------


def upload(client, session, data, name="participants.csv"):
    return client.post(
        reverse("training:import_upload", args=[session.pk]),
        {"file": SimpleUploadedFile(name, data), "time_zone": "Asia/Makassar"},
    )


def test_preview_then_confirm_through_the_pages(
    client_for, sulteng_session, editor_sulteng, operator_palu
):
    client = client_for(editor_sulteng)
    response = upload(client, sulteng_session, zoom_csv(palu_rows(operator_palu)))
    assert response.status_code == 200
    assert "Tamu Misterius" in response.content.decode()
    assert not ImportFile.objects.exists()
    token = response.context["staged"].token
    confirm = reverse("training:import_confirm", args=[sulteng_session.pk])
    response = client.post(confirm, {"token": token})
    saved = ImportFile.objects.get()
    assert response.status_code == 302 and response.url == saved.get_absolute_url()
    assert client.get(saved.get_absolute_url()).status_code == 200
    progress = client.get(reverse("training:import_progress", args=[sulteng_session.pk, saved.pk]))
    assert progress.json()["done"] is True


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 50,
        bytes(range(256)) * 8,
        "Nama,Waktu\nRené,nanti\n".encode("cp1252"),
        b"Name (Original Name),User Email,Join Time,Leave Time\nBudi,,besok,lusa\n",
        b"Name (Original Name),User Email\n=cmd|' /C calc'!A0,x\n",
    ],
)
def test_bad_files_show_a_message_and_save_nothing(
    client_for, sulteng_session, editor_sulteng, data
):
    response = upload(client_for(editor_sulteng), sulteng_session, data)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not ImportFile.objects.exists()
    assert (
        not default_storage.exists(imports.STAGING_DIR)
        or not (default_storage.listdir(imports.STAGING_DIR)[1])
    )


def test_a_duplicate_confirmation_is_a_message(
    client_for, sulteng_session, editor_sulteng, operator_palu
):
    client = client_for(editor_sulteng)
    data = zoom_csv(palu_rows(operator_palu))
    confirm = reverse("training:import_confirm", args=[sulteng_session.pk])
    client.post(confirm, {"token": upload(client, sulteng_session, data).context["staged"].token})
    preview = upload(client, sulteng_session, data)
    assert preview.context["preview"].earlier_import is not None
    response = client.post(confirm, {"token": preview.context["staged"].token}, follow=True)
    assert response.status_code == 200
    assert any("imported already" in str(message) for message in response.context["messages"])
    assert ImportFile.objects.count() == 1


def test_the_matching_queue_resolves_rows(
    client_for, sulteng_session, editor_sulteng, operator_palu, staff_member
):
    import_file(sulteng_session, editor_sulteng, zoom_csv(palu_rows(operator_palu)))
    client = client_for(editor_sulteng)
    queue = client.get(reverse("training:matching_queue", args=[sulteng_session.pk]))
    assert "Tamu Misterius" in queue.content.decode()
    queued = ImportRow.objects.get(match_status=MatchStatus.UNMATCHED)
    url = reverse("training:matching_resolve", args=[sulteng_session.pk, queued.pk])
    client.post(url, {"person": staff_member.email})
    queued.refresh_from_db()
    assert (queued.match_status, queued.matched_user) == (MatchStatus.MANUAL, staff_member)
    attendance = Attendance.objects.get(user=staff_member)
    assert (attendance.minutes_attended, attendance.status) == (20, "absent")
    assert client.post(url, {"ignore": "on"}).status_code == 302
    queued.refresh_from_db()
    assert queued.match_status == MatchStatus.MANUAL


def test_the_queue_is_the_organisers(client_for, sulteng_session, editor_kalsel, staff_member):
    for person in (editor_kalsel, staff_member):
        client = client_for(person)
        assert (
            client.get(reverse("training:matching_queue", args=[sulteng_session.pk])).status_code
            == 404
        )
        assert (
            client.get(reverse("training:import_upload", args=[sulteng_session.pk])).status_code
            == 404
        )


def test_unconfirmed_uploads_are_swept(sulteng_session, editor_sulteng, operator_palu):
    from datetime import timedelta

    from training.tasks import sweep_staged_uploads

    stage(sulteng_session, editor_sulteng, zoom_csv(palu_rows(operator_palu)))
    assert sweep_staged_uploads() == 0
    assert imports.sweep_staged_uploads(older_than=timedelta(seconds=-5)) == 1
    assert not default_storage.listdir(imports.STAGING_DIR)[1]
