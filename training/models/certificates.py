"""Certificates, their bundles, story coverage and the training audit trail."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .attendance import Attendance
from .sessions import TrainingSession


class Certificate(models.Model):
    """Proof that a person met a session's presence rule, with the facts printed on it."""

    attendance = models.ForeignKey(
        Attendance,
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("attendance"),
    )
    number = models.CharField(_("number"), max_length=40, unique=True)
    # Printed facts, copied at issue so the certificate never changes afterwards.
    holder_name = models.CharField(_("holder"), max_length=200)
    holder_nip = models.CharField(_("NIP"), max_length=18, blank=True, default="")
    session_title = models.CharField(_("course"), max_length=200)
    organiser_name = models.CharField(_("organiser"), max_length=200)
    jp = models.DecimalField(_("JP"), max_digits=5, decimal_places=2)
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoke_reason = models.CharField(_("reason for revoking"), max_length=300, blank=True)

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["attendance"],
                condition=Q(revoked_at__isnull=True),
                name="training_certificate_one_valid_per_attendance",
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoke_reason=""),
                name="training_certificate_revocation_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="training_certificate_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("certificate_verify", kwargs={"number": self.number})

    @property
    def is_revoked(self) -> bool:
        """Whether the certificate has been withdrawn."""
        return self.revoked_at is not None


class BundleStatus(models.TextChoices):
    """Progress of a ZIP of certificates."""

    QUEUED = "queued", _("Queued")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class CertificateBundle(models.Model):
    """A ZIP of all valid certificates of a session, built in the background."""

    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.CASCADE,
        related_name="certificate_bundles",
        verbose_name=_("session"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=BundleStatus.choices, default=BundleStatus.QUEUED
    )
    file = models.FileField(_("file"), upload_to="training/bundles/%Y/%m/", blank=True)
    certificate_count = models.PositiveIntegerField(_("certificates"), default=0)
    error = models.TextField(_("error"), blank=True, default="")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("certificate bundle")
        verbose_name_plural = _("certificate bundles")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=BundleStatus.values), name="training_bundle_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status=BundleStatus.READY) | ~Q(file=""),
                name="training_bundle_ready_has_file",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session_id} {self.requested_at:%Y-%m-%d %H:%M}"


class Coverage(models.Model):
    """A news story that reports on a session."""

    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.CASCADE,
        related_name="coverage",
        verbose_name=_("session"),
    )
    story = models.ForeignKey(
        "news.Story",
        on_delete=models.CASCADE,
        related_name="training_coverage",
        verbose_name=_("story"),
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    linked_at = models.DateTimeField(_("linked at"), default=timezone.now)

    class Meta:
        ordering = ["session", "linked_at", "id"]
        verbose_name = _("coverage")
        verbose_name_plural = _("coverage")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "story"], name="training_coverage_once_per_story"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session_id} ← {self.story_id}"


class AuditEntry(models.Model):
    """Who changed what in the training records, and when."""

    session = models.ForeignKey(
        TrainingSession,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries",
        verbose_name=_("session"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("actor"),
    )
    action = models.CharField(_("action"), max_length=60)
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    created_at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("training audit entry")
        verbose_name_plural = _("training audit entries")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"
