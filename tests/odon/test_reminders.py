"""The midday reminder and the afternoon digest: once a day, working days only, opt-out."""

from datetime import UTC, date, datetime

import pytest
from django.core import mail

from news.models import EmailPreference, Notification, NotificationKind
from odon import reminders, tasks
from odon.models import ReminderKind, ReminderSent

pytestmark = pytest.mark.django_db

# Tuesday 8 April 2025, 13:05 WITA (Palu) = 05:05 UTC; 16:05 WITA = 08:05 UTC.
MIDDAY_WITA = datetime(2025, 4, 8, 5, 5, tzinfo=UTC)
AFTERNOON_WITA = datetime(2025, 4, 8, 8, 5, tzinfo=UTC)
TUESDAY = date(2025, 4, 8)


def reminders_for(user):
    return Notification.objects.filter(recipient=user, kind=NotificationKind.ODON_REMINDER)


def test_operators_of_a_unit_with_nothing_submitted_get_one_reminder(
    operator_palu, operator_pelaihari, palu_unit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reminders.send_operator_reminders(now=MIDDAY_WITA)
    notification = reminders_for(operator_palu).get()
    assert palu_unit.name in notification.note
    assert ReminderSent.objects.filter(
        kind=ReminderKind.OPERATOR, unit=palu_unit, day=TUESDAY
    ).exists()
    # Pelaihari (Kalsel) is WITA too; both got theirs, by e-mail as well.
    assert reminders_for(operator_pelaihari).count() == 1
    assert {message.to[0] for message in mail.outbox} >= {
        operator_palu.email,
        operator_pelaihari.email,
    }
    # A second run, or a second beat, sends nothing more.
    reminders.send_operator_reminders(now=MIDDAY_WITA)
    reminders.send_operator_reminders(now=AFTERNOON_WITA)
    assert reminders_for(operator_palu).count() == 1


def test_a_unit_that_submitted_is_not_reminded(operator_palu, palu_unit, make_submission):
    make_submission(palu_unit, operator_palu, day=TUESDAY, outcome="amber")
    reminders.send_operator_reminders(now=MIDDAY_WITA)
    assert not reminders_for(operator_palu).exists()


def test_nothing_on_a_day_off(operator_palu):
    reminders.send_operator_reminders(now=datetime(2025, 4, 7, 5, 5, tzinfo=UTC))  # cuti bersama
    reminders.send_operator_reminders(now=datetime(2025, 4, 12, 5, 5, tzinfo=UTC))  # Saturday
    assert not reminders_for(operator_palu).exists()
    assert not ReminderSent.objects.exists()


def test_the_hour_is_local_to_each_zone(operator_palu, palu_unit):
    # 04:55 UTC is 12:55 in Palu (WITA) but 13:55 in Papua (WIT): only WIT units are due.
    reminders.send_operator_reminders(now=datetime(2025, 4, 8, 4, 55, tzinfo=UTC))
    assert not reminders_for(operator_palu).exists()
    zones = {
        row.unit.effective_time_zone for row in ReminderSent.objects.select_related("unit__kanwil")
    }
    assert zones == {"Asia/Jayapura"}


def test_switched_off_in_the_preferences(operator_palu):
    EmailPreference.objects.create(
        user=operator_palu, kind=NotificationKind.ODON_REMINDER, send_email=False
    )
    reminders.send_operator_reminders(now=MIDDAY_WITA)
    assert not reminders_for(operator_palu).exists()


def test_the_unique_row_stops_a_second_reminder_even_when_called_directly(operator_palu, palu_unit):
    assert reminders.remind_unit(unit=palu_unit, day=TUESDAY) == 1
    assert reminders.remind_unit(unit=palu_unit, day=TUESDAY) == 0
    assert reminders_for(operator_palu).count() == 1


def test_the_editor_digest_lists_red_units_once(
    editor_sulteng, editor_kalsel, operator_palu, palu_unit, lpka_palu_unit, make_submission
):
    make_submission(lpka_palu_unit, day=TUESDAY)
    tasks.send_editor_digests(now=AFTERNOON_WITA.isoformat())
    tasks.send_editor_digests(now=AFTERNOON_WITA.isoformat())
    digest = Notification.objects.get(recipient=editor_sulteng, kind=NotificationKind.ODON_DIGEST)
    assert palu_unit.name in digest.note
    assert lpka_palu_unit.name not in digest.note
    kalsel_digest = Notification.objects.get(
        recipient=editor_kalsel, kind=NotificationKind.ODON_DIGEST
    )
    assert palu_unit.name not in kalsel_digest.note


def test_beat_runs_the_reminder_jobs():
    from django.conf import settings

    tasks_scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "odon.tasks.send_operator_reminders",
        "odon.tasks.send_editor_digests",
        "odon.tasks.prepare_monthly_recaps",
    } <= tasks_scheduled
