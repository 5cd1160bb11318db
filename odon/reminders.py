"""Services of the daily reminders: the midday one to operators, the afternoon digest to editors.

Both are safe to run any number of times: the ReminderSent row, unique per unit (or Kanwil)
and local day, is written in the same transaction as the notifications, so a second run, or a
second beat, finds it and sends nothing. Nothing is sent on non-working days. Switching off
the e-mail of an ODON kind in the notification preferences switches that reminder off."""

from collections import defaultdict
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Kanwil, Role, Unit, User
from news.models import EmailPreference, NotificationKind, State
from news.services.notifications import notify_people

from . import calendar, selectors
from .models import ReminderKind, ReminderSent, StoryDay

# Past this many hours after the set hour, a missed reminder is no longer worth sending.
SEND_WINDOW_HOURS = 4
WAITING_TOO_LONG = timedelta(hours=24)


def _due(now: datetime, zone: str, hour: int) -> tuple[bool, object]:
    local = now.astimezone(ZoneInfo(zone))
    today = local.date()
    in_window = hour <= local.hour < hour + SEND_WINDOW_HOURS
    return in_window and calendar.is_working_day(today, selectors.days_off(today, today)), today


def _wanting(people, kind: str) -> list[User]:
    people = [person for person in people if person.is_active]
    muted = set(
        EmailPreference.objects.filter(user__in=people, kind=kind, send_email=False).values_list(
            "user_id", flat=True
        )
    )
    return [person for person in people if person.pk not in muted]


def _claim(**fields) -> ReminderSent | None:
    """Write the once-a-day row; None when it exists already (another run sent it)."""
    try:
        with transaction.atomic():
            return ReminderSent.objects.create(**fields)
    except IntegrityError:
        return None


@transaction.atomic
def remind_unit(*, unit: Unit, day) -> int:
    """Remind the unit's operators that nothing was submitted today; once per unit and day."""
    if StoryDay.objects.filter(unit=unit, day=day).exists():
        return 0
    claim = _claim(kind=ReminderKind.OPERATOR, unit=unit, day=day)
    if claim is None:
        return 0
    operators = User.objects.filter(
        role_assignments__role=Role.OPERATOR, role_assignments__unit=unit
    ).distinct()
    people = _wanting(operators, NotificationKind.ODON_REMINDER)
    with translation.override("id"):
        note = _(
            "%(unit)s has not submitted a story today. One story per working day keeps the "
            "unit green."
        ) % {"unit": unit.name}
    notify_people(recipients=people, kind=NotificationKind.ODON_REMINDER, note=note)
    claim.recipients = len(people)
    claim.save(update_fields=["recipients"])
    return len(people)


def send_operator_reminders(*, now: datetime | None = None) -> int:
    """Beat job: remind, in each zone past the reminder hour, units with nothing submitted."""
    now = now or timezone.now()
    hour = selectors.odon_settings().reminder_hour
    by_zone: dict[str, list[Unit]] = defaultdict(list)
    for unit in Unit.objects.filter(is_active=True).select_related("kanwil"):
        by_zone[unit.effective_time_zone].append(unit)
    sent = 0
    for zone, units in by_zone.items():
        due, today = _due(now, zone, hour)
        if not due:
            continue
        done = set(
            StoryDay.objects.filter(day=today, unit__in=units).values_list("unit_id", flat=True)
        ) | set(
            ReminderSent.objects.filter(
                kind=ReminderKind.OPERATOR, day=today, unit__in=units
            ).values_list("unit_id", flat=True)
        )
        for unit in units:
            if unit.pk not in done:
                sent += remind_unit(unit=unit, day=today)
    return sent


def digest_text(*, red_units: list[str], waiting: int) -> str:
    """The digest's body: the red units of today and the count of old submissions."""
    lines = [_("Units with nothing submitted today: %(count)d") % {"count": len(red_units)}]
    lines += [f"- {name}" for name in red_units]
    lines.append(
        _("Stories waiting for review for more than 24 hours: %(count)d") % {"count": waiting}
    )
    return "\n".join(lines)


@transaction.atomic
def send_kanwil_digest(*, kanwil: Kanwil, day, now: datetime) -> int:
    """One digest to the Kanwil's editors: red units today and stories waiting over 24 hours."""
    claim = _claim(kind=ReminderKind.DIGEST, kanwil=kanwil, day=day)
    if claim is None:
        return 0
    submitted = set(
        StoryDay.objects.filter(kanwil=kanwil, day=day).values_list("unit_id", flat=True)
    )
    red = [
        unit.name
        for unit in Unit.objects.filter(kanwil=kanwil, is_active=True).order_by("name")
        if unit.pk not in submitted
    ]
    waiting = StoryDay.objects.filter(
        kanwil=kanwil,
        story__state=State.SUBMITTED,
        submitted_at__lte=now - WAITING_TOO_LONG,
    ).count()
    editors = User.objects.filter(
        role_assignments__role=Role.EDITOR, role_assignments__kanwil=kanwil
    ).distinct()
    people = _wanting(editors, NotificationKind.ODON_DIGEST)
    with translation.override("id"):
        note = digest_text(red_units=red, waiting=waiting)
    notify_people(recipients=people, kind=NotificationKind.ODON_DIGEST, note=note)
    claim.recipients = len(people)
    claim.save(update_fields=["recipients"])
    return len(people)


def send_editor_digests(*, now: datetime | None = None) -> int:
    """Beat job: the afternoon digest of every Kanwil past its digest hour, once a day."""
    now = now or timezone.now()
    hour = selectors.odon_settings().digest_hour
    sent = 0
    for kanwil in Kanwil.objects.all():
        due, today = _due(now, kanwil.time_zone, hour)
        if (
            due
            and not ReminderSent.objects.filter(
                kind=ReminderKind.DIGEST, kanwil=kanwil, day=today
            ).exists()
        ):
            sent += send_kanwil_digest(kanwil=kanwil, day=today, now=now)
    return sent
