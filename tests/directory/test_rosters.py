"""Roster imports: preview, idempotent apply, moves as history, Celery for large files."""

import pytest
from django.urls import reverse

from accounts.models import AuditEvent
from directory import rosters
from directory.models import RosterImport, RosterStatus, StaffMember, StaffMove, StaffStatus
from tests.factories import UserFactory
from tests.factories.directory import StaffMemberFactory, nip_for

pytestmark = pytest.mark.django_db

HEADER = "NIP;Nama;Gelar Depan;Gelar Belakang;Unit Kerja;Jabatan;Golongan;Email\r\n"


def roster(*rows: tuple) -> bytes:
    lines = [";".join(str(cell) for cell in row) + "\r\n" for row in rows]
    return ("\ufeff" + HEADER + "".join(lines)).encode()


def palu(number: int, unit: str = "Lapas Perempuan Kelas III Palu", name: str = "") -> tuple:
    return (nip_for(number), name or f"Pegawai {number}", "", "S.H.", unit, "Staf", "II/a", "")


def apply(by, data: bytes) -> RosterImport:
    token, _checked = rosters.stage_roster(by=by, data=data, name="roster.csv")
    return rosters.confirm_roster(by=by, token=token)


def test_preview_saves_nothing(editor_sulteng):
    _token, checked = rosters.stage_roster(by=editor_sulteng, data=roster(palu(1)), name="r.csv")
    assert checked.counts["create"] == 1
    assert not StaffMember.objects.exists()


def test_applying_twice_is_idempotent_and_moves_are_history(editor_sulteng, lpka_palu_unit):
    first = apply(editor_sulteng, roster(palu(1), palu(2)))
    assert (first.status, first.created_count) == (RosterStatus.DONE, 2)
    again = apply(editor_sulteng, roster(palu(1), palu(2)))
    assert (again.created_count, again.unchanged_count, again.moved_count) == (0, 2, 0)
    assert StaffMember.objects.count() == 2
    moved = apply(editor_sulteng, roster(palu(1, unit=lpka_palu_unit.name), palu(2)))
    assert moved.moved_count == 1
    member = StaffMember.objects.get(nip=nip_for(1))
    assert member.unit == lpka_palu_unit
    move = StaffMove.objects.get()
    assert (
        move.from_name == "Lapas Perempuan Kelas III Palu" and move.to_name == lpka_palu_unit.name
    )
    assert AuditEvent.objects.filter(action="roster_applied").count() == 3


def test_rows_with_errors_are_skipped_and_counted(operator_palu, pelaihari_unit):
    result = apply(
        operator_palu,
        roster(
            palu(1),
            palu(2, unit=pelaihari_unit.name),
            ("123", "Salah", "", "", "Lapas X", "", "", ""),
        ),
    )
    assert result.created_count == 1 and result.error_count == 2
    assert list(StaffMember.objects.values_list("nip", flat=True)) == [nip_for(1)]


def test_a_record_elsewhere_is_previewed_as_new_and_moved_in(editor_sulteng, pelaihari_unit):
    StaffMemberFactory(nip=nip_for(5), unit=pelaihari_unit)
    _token, checked = rosters.stage_roster(by=editor_sulteng, data=roster(palu(5)), name="r.csv")
    # The preview does not reveal that the NIP is known in another region.
    assert checked.rows[0].action == "create"
    result = apply(editor_sulteng, roster(palu(5)))
    assert result.moved_count == 1 and result.created_count == 0


def test_logins_with_the_same_nip_are_linked(editor_sulteng):
    person = UserFactory(nip=nip_for(3))
    apply(editor_sulteng, roster(palu(3)))
    assert StaffMember.objects.get(nip=nip_for(3)).user == person


def test_large_rosters_run_in_celery_with_progress(
    editor_sulteng, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(rosters, "SYNC_ROW_LIMIT", 2)
    with django_capture_on_commit_callbacks(execute=True):
        result = apply(editor_sulteng, roster(palu(1), palu(2), palu(3)))
    assert result.status == RosterStatus.QUEUED
    result.refresh_from_db()
    # Tests run Celery eagerly: the queued job has finished once the request commits.
    assert result.status == RosterStatus.DONE and result.created_count == 3
    assert rosters.process_roster(roster_id=result.pk) == RosterStatus.DONE


def test_status_column_marks_who_left(editor_sulteng):
    data = (
        "NIP,Nama,Unit Kerja,Status\r\n"
        f"{nip_for(1)},Purna,Lapas Perempuan Kelas III Palu,Pensiun\r\n"
    ).encode()
    apply(editor_sulteng, data)
    assert StaffMember.objects.get().status == StaffStatus.LEFT


def test_upload_preview_confirm_through_the_pages(client_for, editor_sulteng):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(editor_sulteng)
    url = reverse("directory:roster_upload")
    upload = SimpleUploadedFile("r.csv", roster(palu(1), ("1", "X", "", "", "Nowhere", "", "", "")))
    page = client.post(url, {"file": upload})
    text = page.content.decode()
    assert "Roster preview" in text and "Unknown unit" in text
    assert not StaffMember.objects.exists()
    token = page.context["token"]
    response = client.post(reverse("directory:roster_confirm"), {"token": token})
    roster_import = RosterImport.objects.get()
    assert response.url == roster_import.get_absolute_url()
    assert client.get(response.url).status_code == 200
    progress = client.get(reverse("directory:roster_progress", args=[roster_import.pk])).json()
    assert progress["done"] and progress["percent"] == 100


def test_unreadable_files_are_a_message(client_for, operator_palu):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(operator_palu)
    page = client.post(
        reverse("directory:roster_upload"), {"file": SimpleUploadedFile("r.csv", b"Name,Email\n")}
    )
    assert page.status_code == 200 and "lacks the columns" in page.content.decode()


def test_staff_and_strangers_cannot_import(client_for, staff_member):
    assert client_for(staff_member).get(reverse("directory:roster_upload")).status_code == 404
