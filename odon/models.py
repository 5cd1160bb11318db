"""The working-day calendar, the daily roll-up of submissions, reminders and recaps."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DayKind(models.TextChoices):
    """Why a weekday is not a working day."""

    HOLIDAY = "holiday", _("National holiday")
    JOINT_LEAVE = "joint_leave", _("Joint leave (cuti bersama)")


class CalendarDay(models.Model):
    """A weekday on which nobody is expected to report: a holiday or a joint-leave day."""

    day = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=DayKind.choices)
    name = models.CharField(_("name"), max_length=120)
    seeded = models.BooleanField(
        _("from the holiday package"),
        default=False,
        help_text=_("False when a central admin added or changed it by hand."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        ordering = ["day"]
        verbose_name = _("calendar day off")
        verbose_name_plural = _("calendar days off")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=DayKind.values), name="calendar_kind_valid"
            ),
            models.CheckConstraint(condition=~Q(name=""), name="calendar_day_named"),
        ]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d} {self.name}"


class CalendarChange(models.Model):
    """Who added, changed or removed a day of the calendar, and when."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    action = models.CharField(_("action"), max_length=20)
    day = models.DateField(_("date"))
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("calendar change")
        verbose_name_plural = _("calendar changes")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.day}"


class Outcome(models.TextChoices):
    """What a submitted story currently contributes to its day."""

    GREEN = "green", _("Published")
    AMBER = "amber", _("In review or sent back")
    VOID = "void", _("Rejected or withdrawn")


class StoryDay(models.Model):
    """One submitted story: the unit's local day of its first submission and its outcome.

    Kept by the workflow services in the same transaction as every step of the story."""

    story = models.OneToOneField(
        "news.Story", on_delete=models.CASCADE, related_name="odon_day", verbose_name=_("story")
    )
    unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    kanwil = models.ForeignKey(
        "accounts.Kanwil", on_delete=models.CASCADE, related_name="+", verbose_name=_("Kanwil")
    )
    day = models.DateField(_("local day of first submission"))
    submitted_at = models.DateTimeField(_("first submitted at"))
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    decided_at = models.DateTimeField(_("first decision at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("first decision by"),
    )

    class Meta:
        ordering = ["day", "story_id"]
        verbose_name = _("submitted story by day")
        verbose_name_plural = _("submitted stories by day")
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__in=Outcome.values), name="story_day_outcome_valid"
            ),
            models.CheckConstraint(
                condition=Q(decided_at__isnull=True) | Q(decided_at__gte=models.F("submitted_at")),
                name="story_day_decided_after_submission",
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "day"]),
            models.Index(fields=["kanwil", "day"]),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.day} {self.outcome}"


class UnitDay(models.Model):
    """Daily roll-up: how many of a unit's stories of one local day are green or amber."""

    unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    kanwil = models.ForeignKey(
        "accounts.Kanwil", on_delete=models.CASCADE, related_name="+", verbose_name=_("Kanwil")
    )
    day = models.DateField(_("day"))
    green = models.PositiveIntegerField(_("published stories"), default=0)
    amber = models.PositiveIntegerField(_("stories in review"), default=0)
    void = models.PositiveIntegerField(_("rejected or withdrawn stories"), default=0)

    class Meta:
        ordering = ["day", "unit_id"]
        verbose_name = _("unit day")
        verbose_name_plural = _("unit days")
        constraints = [
            models.UniqueConstraint(fields=["unit", "day"], name="unit_day_unique"),
        ]
        indexes = [models.Index(fields=["kanwil", "day"])]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.day} {self.green}/{self.amber}"


class ReminderKind(models.TextChoices):
    """The two daily messages."""

    OPERATOR = "operator", _("Midday reminder to operators")
    DIGEST = "digest", _("Afternoon digest to Kanwil editors")


class ReminderSent(models.Model):
    """One reminder per unit, or digest per Kanwil, per local day: the unique row is the lock."""

    kind = models.CharField(_("kind"), max_length=10, choices=ReminderKind.choices)
    unit = models.ForeignKey(
        "accounts.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kanwil = models.ForeignKey(
        "accounts.Kanwil", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField(_("day"))
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        ordering = ["-day", "kind"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="operator", unit__isnull=False, kanwil__isnull=True)
                | Q(kind="digest", kanwil__isnull=False, unit__isnull=True),
                name="reminder_scope_matches_kind",
            ),
            models.UniqueConstraint(
                fields=["kind", "unit", "day"],
                condition=Q(unit__isnull=False),
                name="reminder_once_per_unit_day",
            ),
            models.UniqueConstraint(
                fields=["kind", "kanwil", "day"],
                condition=Q(kanwil__isnull=False),
                name="reminder_once_per_kanwil_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.unit_id or self.kanwil_id} {self.day}"


class OdonSettings(models.Model):
    """Portal-wide One Day One News settings, one row, edited by central admins."""

    reminder_hour = models.PositiveSmallIntegerField(
        _("reminder hour (local time)"),
        default=13,
        help_text=_("Operators of units with nothing submitted are reminded from this hour."),
    )
    digest_hour = models.PositiveSmallIntegerField(_("editor digest hour (local time)"), default=16)
    show_public_coverage = models.BooleanField(
        _("show “Also covered by” on public story pages"), default=True
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("One Day One News settings")
        verbose_name_plural = _("One Day One News settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(reminder_hour__lte=23, digest_hour__lte=23), name="odon_hours_valid"
            ),
        ]

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


class RecapState(models.TextChoices):
    """Progress of a monthly recap built in the background."""

    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Being built")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class Recap(models.Model):
    """The monthly recap of one Kanwil (or the whole country when kanwil is empty)."""

    kanwil = models.ForeignKey(
        "accounts.Kanwil",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Kanwil"),
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    state = models.CharField(
        _("state"), max_length=10, choices=RecapState.choices, default=RecapState.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    xlsx = models.FileField(_("spreadsheet"), upload_to="odon/recaps/", blank=True)
    pdf = models.FileField(_("PDF"), upload_to="odon/recaps/", blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-month", "kanwil_id"]
        verbose_name = _("monthly recap")
        verbose_name_plural = _("monthly recaps")
        constraints = [
            models.UniqueConstraint(
                fields=["kanwil", "month"],
                condition=Q(kanwil__isnull=False),
                name="recap_once_per_kanwil_month",
            ),
            models.UniqueConstraint(
                fields=["month"], condition=Q(kanwil__isnull=True), name="recap_once_national"
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="recap_progress_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.kanwil_id or 'national'} {self.month:%Y-%m}"
