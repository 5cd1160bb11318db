"""One record per civil servant (keyed by NIP), the moves between units, and roster imports."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import exactly_one_of
from accounts.nip import validate_nip


class StaffStatus(models.TextChoices):
    """Whether the person still serves."""

    ACTIVE = "active", _("Active")
    LEFT = "left", _("Left the service")


class StaffMember(models.Model):
    """A civil servant, whether or not they have a portal login; attendance is credited here."""

    nip = models.CharField(_("NIP"), max_length=18, unique=True, validators=[validate_nip])
    full_name = models.CharField(_("name without titles"), max_length=200)
    front_title = models.CharField(_("front title"), max_length=40, blank=True, default="")
    back_title = models.CharField(_("back title"), max_length=80, blank=True, default="")
    unit = models.ForeignKey(
        "accounts.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff_members",
        verbose_name=_("unit"),
    )
    kanwil = models.ForeignKey(
        "accounts.Kanwil",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff_members",
        verbose_name=_("Kanwil office"),
    )
    directorate = models.ForeignKey(
        "accounts.Directorate",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff_members",
        verbose_name=_("directorate"),
    )
    position = models.CharField(_("position (jabatan)"), max_length=200, blank=True, default="")
    golongan = models.CharField(_("rank (golongan)"), max_length=12, blank=True, default="")
    email = models.EmailField(_("e-mail address"), blank=True, default="")
    status = models.CharField(
        _("status"), max_length=10, choices=StaffStatus.choices, default=StaffStatus.ACTIVE
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff_record",
        verbose_name=_("portal login"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        ordering = ["full_name", "id"]
        verbose_name = _("civil servant")
        verbose_name_plural = _("staff directory")
        constraints = [
            models.CheckConstraint(
                condition=Q(nip__regex=r"^[0-9]{18}$"),
                name="directory_staff_nip_format",
                violation_error_message=_("NIP must be 18 digits."),
            ),
            models.CheckConstraint(
                condition=exactly_one_of("unit", "kanwil", "directorate"),
                name="directory_staff_one_organisation",
            ),
            models.CheckConstraint(
                condition=Q(status__in=StaffStatus.values), name="directory_staff_status_valid"
            ),
        ]
        indexes = [
            models.Index(Lower("email"), name="directory_staff_email_ci"),
            models.Index(fields=["unit", "full_name"], name="directory_staff_unit_name"),
            models.Index(fields=["kanwil", "full_name"], name="directory_staff_kanwil_name"),
        ]

    def __str__(self) -> str:
        return self.titled_name

    def get_absolute_url(self) -> str:
        return reverse("directory:member_detail", kwargs={"pk": self.pk})

    @property
    def titled_name(self) -> str:
        """The name as written on certificates: "Dr. Siti Aminah, S.H., M.H."."""
        name = f"{self.front_title} {self.full_name}".strip()
        return f"{name}, {self.back_title}" if self.back_title else name

    @property
    def organisation(self):
        """The one unit, Kanwil office or directorate the person works in."""
        return self.unit or self.kanwil or self.directorate


class StaffMove(models.Model):
    """A move of a civil servant from one organisation to another, kept as history."""

    member = models.ForeignKey(
        StaffMember, on_delete=models.CASCADE, related_name="moves", verbose_name=_("person")
    )
    from_name = models.CharField(_("from"), max_length=200)
    to_name = models.CharField(_("to"), max_length=200)
    source = models.CharField(_("source"), max_length=20, default="manual")
    moved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    moved_at = models.DateTimeField(_("moved at"), default=timezone.now)

    class Meta:
        ordering = ["-moved_at", "-id"]
        verbose_name = _("move between organisations")
        verbose_name_plural = _("moves between organisations")

    def __str__(self) -> str:
        return f"{self.member_id}: {self.from_name} → {self.to_name}"


class RosterStatus(models.TextChoices):
    """Progress of a roster import."""

    QUEUED = "queued", _("Queued")
    PROCESSING = "processing", _("Processing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Failed")


class RosterImport(models.Model):
    """An uploaded staff roster (CSV or XLSX), applied now or by a Celery worker."""

    file = models.FileField(_("file"), upload_to="directory/rosters/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("content hash"), max_length=64)
    status = models.CharField(
        _("status"), max_length=12, choices=RosterStatus.choices, default=RosterStatus.QUEUED
    )
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    created_count = models.PositiveIntegerField(_("added"), default=0)
    updated_count = models.PositiveIntegerField(_("changed"), default=0)
    moved_count = models.PositiveIntegerField(_("moved"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    error_count = models.PositiveIntegerField(_("rows with errors"), default=0)
    error = models.TextField(_("error"), blank=True, default="")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("roster import")
        verbose_name_plural = _("roster imports")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=RosterStatus.values), name="directory_roster_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("directory:roster_detail", kwargs={"pk": self.pk})
