"""Writes of One Day One News: the calendar, the settings. Reminders and recaps have their own."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from news.public import cache as public_cache

from . import calendar, policies
from .models import CalendarChange, CalendarDay, DayKind, OdonSettings

# A single entry of the calendar form may cover at most this many days.
MAX_RANGE_DAYS = 31


def _audit(*, by: User | None, action: str, day: date, **detail) -> None:
    CalendarChange.objects.create(actor=by, action=action, day=day, detail=detail)


def _require_calendar_editor(by: User) -> None:
    if not policies.can_edit_calendar(by):
        raise PermissionDenied(_("Only central admins may change the calendar."))


@transaction.atomic
def add_days_off(*, start: date, end: date, kind: str, name: str, by: User) -> list[CalendarDay]:
    """Add a holiday or joint leave over one or more weekdays; overlaps are refused."""
    _require_calendar_editor(by)
    name = " ".join((name or "").split())
    if kind not in DayKind.values:
        raise ValidationError(_("Choose holiday or joint leave."), code="kind")
    if not name:
        raise ValidationError(_("Give the day a name."), code="name")
    if end < start:
        raise ValidationError(_("The last day comes before the first."), code="order")
    if (end - start).days >= MAX_RANGE_DAYS:
        raise ValidationError(
            _("Enter at most %(days)d days at once.") % {"days": MAX_RANGE_DAYS}, code="long"
        )
    weekdays = [day for day in calendar.each_day(start, end) if day.weekday() < 5]
    if not weekdays:
        raise ValidationError(_("Weekends are never working days; nothing to add."), code="weekend")
    taken = sorted(
        CalendarDay.objects.select_for_update()
        .filter(day__in=weekdays)
        .values_list("day", flat=True)
    )
    if taken:
        raise ValidationError(
            _("Already in the calendar: %(days)s. Change those days instead.")
            % {"days": ", ".join(f"{day:%d-%m-%Y}" for day in taken)},
            code="overlap",
        )
    rows = CalendarDay.objects.bulk_create(
        [
            CalendarDay(
                day=day, kind=kind, name=name[:120], updated_by=by, updated_at=timezone.now()
            )
            for day in weekdays
        ]
    )
    for row in rows:
        _audit(by=by, action="added", day=row.day, kind=kind, name=row.name)
    return rows


@transaction.atomic
def change_day_off(
    *, day_off: CalendarDay, day: date, kind: str, name: str, by: User
) -> CalendarDay:
    """Move a day off to another date (when the decree changes) or rename it."""
    _require_calendar_editor(by)
    locked = CalendarDay.objects.select_for_update().get(pk=day_off.pk)
    name = " ".join((name or "").split())
    if kind not in DayKind.values or not name:
        raise ValidationError(_("Give the day a name and a kind."), code="incomplete")
    if day.weekday() >= 5:
        raise ValidationError(
            _("Weekends are never working days; choose a weekday."), code="weekend"
        )
    if CalendarDay.objects.filter(day=day).exclude(pk=locked.pk).exists():
        raise ValidationError(
            _("%(day)s is already in the calendar.") % {"day": f"{day:%d-%m-%Y}"}, code="overlap"
        )
    before = {"day": locked.day.isoformat(), "kind": locked.kind, "name": locked.name}
    locked.day, locked.kind, locked.name = day, kind, name[:120]
    locked.seeded = False
    locked.updated_by = by
    locked.updated_at = timezone.now()
    locked.save(update_fields=["day", "kind", "name", "seeded", "updated_by", "updated_at"])
    _audit(by=by, action="changed", day=day, before=before, kind=kind, name=locked.name)
    return locked


@transaction.atomic
def remove_day_off(*, day_off: CalendarDay, by: User) -> None:
    """Make a day off a working day again."""
    _require_calendar_editor(by)
    locked = CalendarDay.objects.select_for_update().get(pk=day_off.pk)
    _audit(by=by, action="removed", day=locked.day, kind=locked.kind, name=locked.name)
    locked.delete()


@transaction.atomic
def seed_calendar(*, years: list[int], by: User | None = None) -> int:
    """Add the holidays package's days off for some years; days already present are kept."""
    present = set(CalendarDay.objects.filter(day__year__in=years).values_list("day", flat=True))
    rows = [
        CalendarDay(day=day, kind=kind, name=name, seeded=True, updated_by=by)
        for day, kind, name in calendar.seed_days(years)
        if day not in present
    ]
    CalendarDay.objects.bulk_create(rows)
    for row in rows:
        _audit(by=by, action="seeded", day=row.day, kind=row.kind, name=row.name)
    return len(rows)


@transaction.atomic
def update_settings(
    *, by: User, reminder_hour: int, digest_hour: int, show_public_coverage: bool
) -> OdonSettings:
    """Change the reminder hours and the public coverage switch."""
    if not policies.can_edit_settings(by):
        raise PermissionDenied(_("Only central admins may change these settings."))
    if not (0 <= reminder_hour <= 23 and 0 <= digest_hour <= 23):
        raise ValidationError(_("Hours run from 0 to 23."), code="hour")
    row = OdonSettings.objects.select_for_update().order_by("pk").first() or OdonSettings()
    row.reminder_hour = reminder_hour
    row.digest_hour = digest_hour
    row.show_public_coverage = show_public_coverage
    row.updated_by = by
    row.updated_at = timezone.now()
    row.save()
    # Public story pages are cached whole; their "Also covered by" section follows the switch.
    transaction.on_commit(public_cache.invalidate, robust=True)
    return row
