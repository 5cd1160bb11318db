"""Attendance credited to staff directory records: people without a login get JP too."""

import pytest
from django.urls import reverse

from directory import selectors as directory_selectors
from directory import services as directory_services
from training import services
from training.models import Attendance, ImportRow, MatchStatus

from ..factories.directory import StaffMemberFactory
from .conftest import connection as row
from .reports import zoom_csv
from .test_imports import import_file

pytestmark = pytest.mark.django_db


def test_a_zoom_row_without_login_is_credited_to_the_directory_record(
    sulteng_session, editor_sulteng, palu_unit, lpka_palu_unit
):
    by_nip = StaffMemberFactory(full_name="Siti Aminah", unit=palu_unit)
    by_email = StaffMemberFactory(full_name="Budi Santoso", email="budi@kemenimipas.example")
    by_unit = StaffMemberFactory(full_name="Nur Aisyah", unit=lpka_palu_unit)
    by_name = StaffMemberFactory(full_name="Maria Ulfa", unit=palu_unit)
    data = zoom_csv(
        [
            row(
                f"Siti {by_nip.nip[:8]} {by_nip.nip[8:14]} {by_nip.nip[14]} {by_nip.nip[15:]}",
                "",
                (9, 0),
                (11, 30),
            ),
            row("Budi", "BUDI@kemenimipas.example", (9, 0), (11, 30)),
            row("LPKA Palu - Nur Aisyah", "", (9, 0), (11, 30)),
            row("Maria Ulfa", "", (9, 0), (11, 30)),
        ]
    )
    import_file(sulteng_session, editor_sulteng, data)
    statuses = dict(ImportRow.objects.values_list("matched_staff_id", "match_status"))
    assert statuses == {
        by_nip.pk: MatchStatus.NIP,
        by_email.pk: MatchStatus.EMAIL,
        by_unit.pk: MatchStatus.UNIT_NAME,
        by_name.pk: MatchStatus.NAME,
    }
    credited = Attendance.objects.filter(session=sulteng_session, user=None)
    assert credited.count() == 4 and all(attendance.meets_rule for attendance in credited)
    years = directory_selectors.credit_of(directory_selectors.credited_attendances(by_nip))
    assert years[0].year == 2025 and years[0].jp == 3 and years[0].gap == 17
    certificates = services.issue_certificates(session=sulteng_session, by=editor_sulteng)
    assert {certificate.holder_nip for certificate in certificates} >= {by_nip.nip}


def test_name_only_never_crosses_into_another_region(
    sulteng_session, editor_sulteng, pelaihari_unit
):
    StaffMemberFactory(full_name="Maria Ulfa", unit=pelaihari_unit)
    import_file(
        sulteng_session, editor_sulteng, zoom_csv([row("Maria Ulfa", "", (9, 0), (11, 30))])
    )
    assert ImportRow.objects.get().match_status == MatchStatus.UNMATCHED
    assert not Attendance.objects.exists()


def test_linking_a_login_makes_the_history_follow(
    sulteng_session, editor_sulteng, palu_unit, operator_palu
):
    member = StaffMemberFactory(full_name="Rahmawati Operator Palu", unit=palu_unit)
    import_file(
        sulteng_session,
        editor_sulteng,
        zoom_csv([row("x " + member.nip, "", (9, 0), (11, 30))]),
    )
    attendance = Attendance.objects.get()
    assert attendance.user is None and attendance.staff == member
    directory_services.link_member(member=member, user=operator_palu, by=editor_sulteng)
    attendance.refresh_from_db()
    assert attendance.user == operator_palu and attendance.staff == member
    operator_palu.refresh_from_db()
    assert operator_palu.nip == member.nip
    assert ImportRow.objects.get().matched_user == operator_palu


def test_linking_merges_two_attendances_at_one_session(
    sulteng_session, editor_sulteng, palu_unit, operator_palu
):
    member = StaffMemberFactory(unit=palu_unit)
    import_file(
        sulteng_session, editor_sulteng, zoom_csv([row("x " + member.nip, "", (9, 0), (11, 30))])
    )
    services.record_attendance(
        session=sulteng_session, person=operator_palu, by=editor_sulteng, status="absent"
    )
    directory_services.link_member(member=member, user=operator_palu, by=editor_sulteng)
    kept = Attendance.objects.get()
    assert kept.meets_rule and kept.user == operator_palu and kept.staff == member


def test_the_queue_adds_a_person_to_the_directory_on_the_spot(
    client_for, sulteng_session, editor_sulteng, palu_unit
):
    from tests.factories.directory import nip_for

    import_file(sulteng_session, editor_sulteng, zoom_csv([row("Tamu Baru", "", (9, 0), (11, 30))]))
    queued = ImportRow.objects.get()
    client = client_for(editor_sulteng)
    page = client.get(reverse("training:matching_queue", args=[sulteng_session.pk]))
    assert "Add and credit" in page.content.decode()
    response = client.post(
        reverse("training:matching_add_member", args=[sulteng_session.pk, queued.pk]),
        {"nip": nip_for(900), "full_name": "Tamu Baru", "organisation": f"unit:{palu_unit.pk}"},
    )
    assert response.status_code == 302
    attendance = Attendance.objects.get()
    assert attendance.staff.nip == nip_for(900) and attendance.meets_rule
    queued.refresh_from_db()
    assert queued.match_status == MatchStatus.MANUAL


def test_the_queue_finds_directory_records_only_in_the_invited_scope(
    client_for, sulteng_session, editor_sulteng, pelaihari_unit, palu_unit
):
    outside = StaffMemberFactory(unit=pelaihari_unit)
    inside = StaffMemberFactory(unit=palu_unit)
    import_file(
        sulteng_session,
        editor_sulteng,
        zoom_csv([row("Satu", "", (9, 0), (11, 30)), row("Dua", "", (9, 0), (11, 30))]),
    )
    first, second = ImportRow.objects.order_by("line_number")
    client = client_for(editor_sulteng)
    url = "training:matching_resolve"
    client.post(reverse(url, args=[sulteng_session.pk, first.pk]), {"person": outside.nip})
    client.post(reverse(url, args=[sulteng_session.pk, second.pk]), {"person": inside.nip})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.match_status == MatchStatus.UNMATCHED
    assert second.matched_staff == inside
