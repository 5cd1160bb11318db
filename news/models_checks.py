"""The ethics checklist and the record of the checks made when a story is submitted."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EthicsItem(models.Model):
    """One point an operator confirms before submitting; central admins edit the list."""

    text = models.CharField(_("text"), max_length=300)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("ethics checklist item")
        verbose_name_plural = _("ethics checklist")
        constraints = [models.CheckConstraint(condition=~Q(text=""), name="ethics_item_has_text")]

    def __str__(self) -> str:
        return self.text


class SubmissionCheck(models.Model):
    """What the checks found when a story was submitted, the overrides and the ticked ethics."""

    story = models.ForeignKey(
        "news.Story",
        on_delete=models.CASCADE,
        related_name="submission_checks",
        verbose_name=_("story"),
    )
    revision = models.ForeignKey(
        "news.StoryRevision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("revision"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    findings = models.JSONField(_("findings"), default=list, blank=True)
    # [{"key", "code", "excerpt", "message", "reason"}]: each block the operator overrode.
    overrides = models.JSONField(_("overrides"), default=list, blank=True)
    # [{"id", "text"}]: the checklist as the operator ticked it, kept even if the list changes.
    ethics_ticks = models.JSONField(_("ethics checklist ticked"), default=list, blank=True)
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("submission check")
        verbose_name_plural = _("submission checks")
        indexes = [models.Index(fields=["story", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.story_id} @ {self.created_at:%Y-%m-%d %H:%M}"
