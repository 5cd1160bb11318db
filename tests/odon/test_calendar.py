"""The working-day calendar: pure rules and the 2025 decree (SKB 3 Menteri)."""

from datetime import date

import pytest

from odon import calendar
from odon.models import CalendarDay, DayKind

# National holidays on weekdays and joint-leave days of 2025, per the joint decree
# (SKB Menteri Agama, Menteri Ketenagakerjaan and Menteri PANRB, 2024) and its revision.
HOLIDAYS_2025 = {
    date(2025, 1, 1),
    date(2025, 1, 27),
    date(2025, 1, 29),
    date(2025, 3, 31),
    date(2025, 4, 1),
    date(2025, 4, 18),
    date(2025, 5, 1),
    date(2025, 5, 12),
    date(2025, 5, 29),
    date(2025, 6, 6),
    date(2025, 6, 27),
    date(2025, 9, 5),
    date(2025, 12, 25),
}
JOINT_LEAVE_2025 = {
    date(2025, 1, 28),
    date(2025, 3, 28),
    date(2025, 4, 2),  # Idul Fitri
    date(2025, 4, 3),  # Idul Fitri
    date(2025, 4, 4),  # Idul Fitri
    date(2025, 4, 7),  # Idul Fitri
    date(2025, 5, 13),
    date(2025, 5, 30),
    date(2025, 6, 9),
    date(2025, 8, 18),
    date(2025, 12, 26),
}
DAYS_OFF_2025 = HOLIDAYS_2025 | JOINT_LEAVE_2025


def test_weekdays_minus_days_off():
    assert calendar.is_working_day(date(2025, 4, 8), DAYS_OFF_2025)  # Tuesday after Lebaran
    assert not calendar.is_working_day(date(2025, 4, 7), DAYS_OFF_2025)  # cuti bersama
    assert not calendar.is_working_day(date(2025, 4, 5), DAYS_OFF_2025)  # Saturday


def test_idul_fitri_2025_leaves_one_working_day_in_the_first_eight_days_of_april():
    days = calendar.working_days(date(2025, 3, 27), date(2025, 4, 8), DAYS_OFF_2025)
    assert days == [date(2025, 3, 27), date(2025, 4, 8)]


def test_working_days_of_2025():
    weekdays = [
        d for d in calendar.each_day(date(2025, 1, 1), date(2025, 12, 31)) if d.weekday() < 5
    ]
    assert len(weekdays) == 261
    assert len(calendar.working_days(date(2025, 1, 1), date(2025, 12, 31), DAYS_OFF_2025)) == 237


def test_seed_from_the_package_matches_the_decree():
    seeded = calendar.seed_days([2025])
    assert {day for day, kind, _name in seeded if kind == "holiday"} == HOLIDAYS_2025
    assert {day for day, kind, _name in seeded if kind == "joint_leave"} == JOINT_LEAVE_2025


def test_previous_working_day_skips_the_lebaran_break():
    assert calendar.previous_working_day(date(2025, 4, 8), DAYS_OFF_2025) == date(2025, 3, 27)


def test_month_bounds():
    assert calendar.month_bounds(2024, 2) == (date(2024, 2, 1), date(2024, 2, 29))
    assert calendar.month_bounds(2025, 12) == (date(2025, 12, 1), date(2025, 12, 31))


@pytest.mark.django_db
def test_the_migration_seeded_2025():
    seeded = CalendarDay.objects.filter(day__year=2025)
    assert set(seeded.values_list("day", flat=True)) == DAYS_OFF_2025
    assert seeded.get(day=date(2025, 4, 7)).kind == DayKind.JOINT_LEAVE
