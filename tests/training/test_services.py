"""Writes to training records: who may, what is refused, what is recorded."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import Kanwil, Unit
from news.models import State
from tests.factories.news import force_state, write_story
from training import services
from training.models import (
    Attendance,
    AttendanceSource,
    AttendanceStatus,
    AuditEntry,
    Coverage,
    Invitee,
    PresenceRule,
    TrainingSession,
)

from .conftest import plan_session

pytestmark = pytest.mark.django_db


def test_each_role_organises_within_its_scope(
    central_admin,
    editor_sulteng,
    operator_palu,
    ti_directorate,
    sulteng,
    kalsel,
    palu_unit,
    lpka_palu_unit,
    pelaihari_unit,
):
    assert plan_session(by=central_admin, organiser=ti_directorate).organiser == ti_directorate
    assert plan_session(by=central_admin, organiser=pelaihari_unit).organiser == pelaihari_unit
    assert plan_session(by=editor_sulteng, organiser=sulteng).organiser == sulteng
    assert plan_session(by=editor_sulteng, organiser=lpka_palu_unit).organiser == lpka_palu_unit
    assert plan_session(by=operator_palu, organiser=palu_unit).organiser == palu_unit
    refused = [
        (editor_sulteng, kalsel),
        (editor_sulteng, pelaihari_unit),
        (editor_sulteng, ti_directorate),
        (operator_palu, lpka_palu_unit),
        (operator_palu, sulteng),
    ]
    for person, organiser in refused:
        with pytest.raises(PermissionDenied):
            plan_session(by=person, organiser=organiser)
    assert AuditEntry.objects.filter(action="session_created").count() == 5


def test_a_session_is_created_in_utc_with_its_zone_and_a_code(editor_sulteng, sulteng):
    session = plan_session(by=editor_sulteng, organiser=sulteng, title="  Rakor  ")
    assert session.title == "Rakor"
    assert session.starts_at.utcoffset() == timedelta(0)
    assert session.time_zone == "Asia/Makassar"
    assert len(session.checkin_code) == 6
    assert session.scheduled_minutes == 150
    assert session.required_minutes == 113


@pytest.mark.parametrize(
    "changes",
    [
        {"ends_at": None},
        {"time_zone": "Mars/Olympus"},
        {"presence_rule": PresenceRule.MINUTES},
        {"presence_min_percent": 120},
        {"jp_credited": Decimal("-1")},
        {"mode": "in_person", "place": ""},
        {"title": "   "},
    ],
)
def test_invalid_sessions_are_refused(editor_sulteng, sulteng, changes):
    if changes.get("ends_at", 1) is None:
        changes = {"ends_at": timezone.now() - timedelta(days=3650)}
    with pytest.raises(ValidationError):
        plan_session(by=editor_sulteng, organiser=sulteng, **changes)
    assert not TrainingSession.objects.exists()


def test_the_database_holds_the_invariants(sulteng_session):
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingSession.objects.filter(pk=sulteng_session.pk).update(
            ends_at=sulteng_session.starts_at
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingSession.objects.filter(pk=sulteng_session.pk).update(
            organiser_unit=Unit.objects.first()
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Invitee.objects.create(session=sulteng_session)


def test_the_rule_is_fixed_once_attendance_exists(sulteng_session, editor_sulteng, operator_palu):
    services.update_session(
        session=sulteng_session, by=editor_sulteng, presence_min_percent=80, title="Baru"
    )
    services.record_attendance(
        session=sulteng_session, person=operator_palu, by=editor_sulteng, status="present"
    )
    for change in (
        {"presence_min_percent": 50},
        {"presence_rule": PresenceRule.MINUTES, "presence_min_minutes": 10},
        {"ends_at": sulteng_session.ends_at + timedelta(hours=1)},
    ):
        with pytest.raises(ValidationError) as caught:
            services.update_session(session=sulteng_session, by=editor_sulteng, **change)
        assert caught.value.code == "rule_fixed"
    services.update_session(session=sulteng_session, by=editor_sulteng, passcode="baru")
    sulteng_session.refresh_from_db()
    assert (sulteng_session.presence_min_percent, sulteng_session.passcode) == (80, "baru")


def test_only_organisers_edit(sulteng_session, editor_kalsel, operator_palu):
    for person in (editor_kalsel, operator_palu):
        with pytest.raises(PermissionDenied):
            services.update_session(session=sulteng_session, by=person, title="x")


def test_appearances_keep_the_position_of_their_day(sulteng_session, editor_sulteng):
    speaker = services.create_speaker(
        by=editor_sulteng,
        full_name="Maulidi  Hilal",
        current_position="Direktur Teknologi Informasi dan Kerja Sama Pemasyarakatan",
        aliases=["M. Hilal", "m. hilal", "Maulidi Hilal"],
    )
    assert [alias.alias for alias in speaker.aliases.all()] == ["M. Hilal"]
    appearance = services.add_appearance(
        session=sulteng_session, by=editor_sulteng, speaker=speaker, role="presenter"
    )
    services.update_speaker(
        speaker=speaker, by=editor_sulteng, current_position="Jabatan baru", current_organisation=""
    )
    appearance.refresh_from_db()
    assert appearance.position_title.startswith("Direktur Teknologi")
    second = services.add_appearance(
        session=sulteng_session, by=editor_sulteng, speaker=speaker, role="closing"
    )
    assert (second.position, second.position_title) == (2, "Jabatan baru")


def test_agenda_items_are_ordered_and_timed(sulteng_session, editor_sulteng):
    start = sulteng_session.starts_at
    first = services.add_agenda_item(
        session=sulteng_session,
        by=editor_sulteng,
        kind="opening",
        title="Pembukaan",
        starts_at=start,
        ends_at=start + timedelta(minutes=15),
    )
    second = services.add_agenda_item(
        session=sulteng_session, by=editor_sulteng, kind="discussion", title="Tanya jawab"
    )
    assert (first.position, second.position) == (1, 2)
    with pytest.raises(ValidationError):
        services.add_agenda_item(
            session=sulteng_session,
            by=editor_sulteng,
            kind="closing",
            title="Penutup",
            starts_at=start,
            ends_at=start,
        )


def test_invite_all_reaches_what_each_role_may(
    central_admin, editor_sulteng, operator_palu, ti_directorate, sulteng, palu_unit
):
    national = plan_session(by=central_admin, organiser=ti_directorate)
    added = services.invite_all(session=national, by=central_admin)
    assert added == Kanwil.objects.count() + Unit.objects.filter(is_active=True).count()
    assert services.invite_all(session=national, by=central_admin) == 0
    regional = plan_session(by=editor_sulteng, organiser=sulteng)
    services.invite_all(session=regional, by=editor_sulteng, expected_count=3)
    invited = regional.invitees.all()
    assert {invitee.kanwil_id or invitee.unit.kanwil_id for invitee in invited} == {sulteng.pk}
    assert {invitee.expected_count for invitee in invited} == {3}
    own = plan_session(by=operator_palu, organiser=palu_unit)
    services.invite_all(session=own, by=operator_palu)
    assert [invitee.unit for invitee in own.invitees.all()] == [palu_unit]


def test_an_editor_cannot_invite_another_region(sulteng_session, editor_sulteng, pelaihari_unit):
    with pytest.raises(PermissionDenied):
        services.invite_organisations(
            session=sulteng_session, by=editor_sulteng, organisations=[pelaihari_unit]
        )


def test_manual_entry_follows_the_rule(sulteng_session, editor_sulteng, operator_palu):
    attendance = services.record_attendance(
        session=sulteng_session, person=operator_palu, by=editor_sulteng, status="present"
    )
    assert (attendance.minutes_attended, attendance.meets_rule) == (150, True)
    assert attendance.source == AttendanceSource.MANUAL
    assert attendance.invitee.unit.slug == "lapas-perempuan-kelas-iii-palu"
    with pytest.raises(ValidationError):
        services.record_attendance(
            session=sulteng_session,
            person=operator_palu,
            by=editor_sulteng,
            status="present",
            minutes=30,
        )
    excused = services.record_attendance(
        session=sulteng_session, person=operator_palu, by=editor_sulteng, status="excused"
    )
    assert (excused.pk, excused.meets_rule) == (attendance.pk, False)
    assert AuditEntry.objects.filter(action="attendance_recorded").count() == 2


def test_check_in_needs_an_invitation_the_code_and_the_time(
    running_now, operator_palu, operator_pelaihari, sulteng_session
):
    with pytest.raises(PermissionDenied):
        services.check_in(session=running_now, by=operator_pelaihari, code=running_now.checkin_code)
    with pytest.raises(ValidationError) as caught:
        services.check_in(session=running_now, by=operator_palu, code="WRONG1")
    assert caught.value.code == "wrong_code"
    later = running_now.ends_at + timedelta(minutes=1)
    with pytest.raises(ValidationError) as caught:
        services.check_in(
            session=running_now, by=operator_palu, code=running_now.checkin_code, now=later
        )
    assert caught.value.code == "closed"
    attendance = services.check_in(
        session=running_now, by=operator_palu, code=running_now.checkin_code.lower()
    )
    assert attendance.source == AttendanceSource.SELF
    assert attendance.status == AttendanceStatus.PRESENT
    # Nothing is credited in advance: the close-out at the end credits the time.
    assert (attendance.minutes_attended, attendance.meets_rule) == (0, False)


def test_the_organisers_entry_wins_over_check_in(running_now, operator_palu, editor_sulteng):
    services.record_attendance(
        session=running_now, person=operator_palu, by=editor_sulteng, status="excused"
    )
    services.check_in(session=running_now, by=operator_palu, code=running_now.checkin_code)
    assert Attendance.objects.get(user=operator_palu).status == AttendanceStatus.EXCUSED


def test_coverage_links_once_and_only_visible_stories(
    sulteng_session, operator_palu, palu_unit, operator_pelaihari
):
    story = write_story(unit=palu_unit, by=operator_palu)
    force_state(story, State.PUBLISHED)
    first = services.link_story(session=sulteng_session, story=story, by=operator_palu)
    again = services.link_story(session=sulteng_session, story=story, by=operator_palu)
    assert first.pk == again.pk and Coverage.objects.count() == 1
    with pytest.raises(PermissionDenied):
        services.link_story(session=sulteng_session, story=story, by=operator_pelaihari)
