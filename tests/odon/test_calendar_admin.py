"""Central admins keep the calendar in the portal; every change is recorded."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from odon import services
from odon.models import CalendarChange, CalendarDay

pytestmark = pytest.mark.django_db


def test_admin_adds_a_joint_leave_range_on_weekdays_only(central_admin):
    added = services.add_days_off(
        start=date(2027, 10, 8),
        end=date(2027, 10, 11),
        kind="joint_leave",
        name="Cuti",
        by=central_admin,
    )
    assert [row.day for row in added] == [date(2027, 10, 8), date(2027, 10, 11)]
    assert CalendarChange.objects.filter(action="added", actor=central_admin).count() == 2


@pytest.mark.parametrize(
    ("start", "end", "code"),
    [
        (date(2027, 3, 9), date(2027, 3, 8), "order"),
        (date(2027, 3, 6), date(2027, 3, 7), "weekend"),
        (date(2027, 3, 1), date(2027, 5, 1), "long"),
        (date(2025, 4, 4), date(2025, 4, 8), "overlap"),  # 4 and 7 April are cuti bersama
    ],
)
def test_bad_ranges_get_a_clear_message(central_admin, start, end, code):
    with pytest.raises(ValidationError) as refused:
        services.add_days_off(start=start, end=end, kind="holiday", name="X", by=central_admin)
    assert refused.value.code == code


def test_moving_a_holiday_is_recorded_with_what_it_was(central_admin):
    day_off = CalendarDay.objects.get(day=date(2025, 12, 26))
    services.change_day_off(
        day_off=day_off,
        day=date(2025, 12, 24),
        kind="joint_leave",
        name="Cuti Natal",
        by=central_admin,
    )
    change = CalendarChange.objects.get(action="changed")
    assert change.detail["before"]["day"] == "2025-12-26"
    assert change.actor == central_admin
    with pytest.raises(ValidationError):
        services.change_day_off(
            day_off=day_off, day=date(2025, 12, 25), kind="holiday", name="X", by=central_admin
        )


def test_editors_may_not_change_the_calendar(editor_sulteng):
    with pytest.raises(PermissionDenied):
        services.add_days_off(
            start=date(2027, 3, 5),
            end=date(2027, 3, 5),
            kind="holiday",
            name="X",
            by=editor_sulteng,
        )


def test_calendar_pages(client_for, central_admin, editor_sulteng):
    url = reverse("odon:calendar")
    assert client_for(editor_sulteng).get(url).status_code == 404
    client = client_for(central_admin)
    assert "Eid al-Fitr" in client.get(url + "?year=2025").content.decode()
    response = client.post(url, {"start": "2025-04-07", "kind": "holiday", "name": "Ganda"})
    assert response.status_code == 200  # shown again with the message
    assert "07-04-2025" in response.content.decode()
    response = client.post(url, {"start": "2027-13-01", "kind": "holiday", "name": "X"})
    assert response.status_code == 200
    response = client.post(url, {"start": "2027-10-15", "kind": "holiday", "name": "Hari X"})
    assert response.status_code == 302
    day_off = CalendarDay.objects.get(day=date(2027, 10, 15))
    change_url = reverse("odon:calendar_change", args=[day_off.pk])
    response = client.post(change_url, {"day": "2027-10-16", "kind": "holiday", "name": "Hari X"})
    assert response.status_code == 200  # a Saturday is refused with a message
    assert client.post(reverse("odon:calendar_remove", args=[day_off.pk])).status_code == 302
    assert not CalendarDay.objects.filter(day=date(2027, 10, 15)).exists()


def test_settings_page(client_for, central_admin, editor_sulteng):
    url = reverse("odon:settings")
    assert client_for(editor_sulteng).get(url).status_code == 404
    client = client_for(central_admin)
    response = client.post(url, {"reminder_hour": 12, "digest_hour": 25})
    assert response.status_code == 200
    response = client.post(url, {"reminder_hour": 12, "digest_hour": 16})
    assert response.status_code == 302
