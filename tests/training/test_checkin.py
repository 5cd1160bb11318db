"""Self check-in credits only time that has happened, and is closed out when the session ends."""

from datetime import timedelta

import pytest
from django.urls import reverse

from training import services
from training.models import Attendance, AttendanceSource, AttendanceStatus, AuditEntry

pytestmark = pytest.mark.django_db


def test_checking_in_credits_no_minutes_in_advance(running_now, operator_palu):
    attendance = services.check_in(
        session=running_now, by=operator_palu, code=running_now.checkin_code
    )
    assert attendance.minutes_attended == 0
    assert attendance.intervals == []
    assert attendance.last_leave is None
    assert not attendance.meets_rule


def test_the_close_out_credits_from_check_in_to_the_end(running_now, operator_palu):
    checked_in = running_now.starts_at + timedelta(minutes=5)
    services.check_in(
        session=running_now, by=operator_palu, code=running_now.checkin_code, now=checked_in
    )
    assert services.close_ended_check_ins(now=running_now.ends_at - timedelta(minutes=1)) == 0
    assert services.close_ended_check_ins(now=running_now.ends_at) == 1
    assert services.close_ended_check_ins(now=running_now.ends_at + timedelta(hours=1)) == 0
    attendance = Attendance.objects.get(user=operator_palu)
    expected = int((running_now.ends_at - checked_in).total_seconds() // 60)
    assert attendance.minutes_attended == expected
    assert attendance.last_leave == running_now.ends_at
    assert attendance.status == AttendanceStatus.PRESENT and attendance.meets_rule
    assert AuditEntry.objects.filter(action="check_ins_closed").count() == 1


def test_a_late_check_in_that_misses_the_rule_is_closed_as_late(running_now, operator_palu):
    near_the_end = running_now.ends_at - timedelta(minutes=10)
    services.check_in(
        session=running_now, by=operator_palu, code=running_now.checkin_code, now=near_the_end
    )
    services.close_ended_check_ins(now=running_now.ends_at)
    attendance = Attendance.objects.get(user=operator_palu)
    assert attendance.minutes_attended == 10
    assert (attendance.status, attendance.meets_rule) == (AttendanceStatus.LATE, False)


def test_checking_in_again_keeps_the_first_check_in(running_now, operator_palu):
    first = running_now.starts_at + timedelta(minutes=1)
    code = running_now.checkin_code
    services.check_in(session=running_now, by=operator_palu, code=code, now=first)
    services.check_in(
        session=running_now, by=operator_palu, code=code, now=first + timedelta(minutes=60)
    )
    assert Attendance.objects.get(user=operator_palu).first_join == first


def test_an_organisers_entry_is_not_closed_out(running_now, operator_palu, editor_sulteng):
    services.record_attendance(
        session=running_now, person=operator_palu, by=editor_sulteng, status="excused"
    )
    assert services.close_ended_check_ins(now=running_now.ends_at) == 0
    assert Attendance.objects.get(user=operator_palu).source == AttendanceSource.MANUAL


def test_the_session_page_says_the_time_is_credited_at_the_end(
    client_for, running_now, operator_palu
):
    client = client_for(operator_palu)
    response = client.post(
        reverse("training:check_in", args=[running_now.pk]), {"code": running_now.checkin_code}
    )
    assert response.status_code == 302
    page = client.get(running_now.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    assert "once the session ends" in page.content.decode()
