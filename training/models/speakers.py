"""Speakers (officials) and their appearances, which keep the facts of that day."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Speaker(models.Model):
    """A person who speaks at sessions, usually an official, with their current position."""

    full_name = models.CharField(_("full name"), max_length=200)
    current_position = models.CharField(
        _("current position"), max_length=200, blank=True, default=""
    )
    current_organisation = models.CharField(
        _("current organisation"), max_length=200, blank=True, default=""
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speaker_records",
        verbose_name=_("portal account"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        ordering = ["full_name", "id"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        constraints = [
            models.CheckConstraint(condition=~Q(full_name=""), name="training_speaker_has_name"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        return reverse("training:speaker_detail", kwargs={"pk": self.pk})


class SpeakerAlias(models.Model):
    """Another way a speaker's name is written, e.g. "M. Hilal" for "Maulidi Hilal"."""

    speaker = models.ForeignKey(
        Speaker, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("speaker")
    )
    alias = models.CharField(_("alias"), max_length=200)

    class Meta:
        ordering = ["speaker", "alias"]
        verbose_name = _("speaker alias")
        verbose_name_plural = _("speaker aliases")
        constraints = [
            models.UniqueConstraint(
                "speaker", Lower("alias"), name="training_speaker_alias_unique"
            ),
            models.CheckConstraint(condition=~Q(alias=""), name="training_alias_not_empty"),
        ]

    def __str__(self) -> str:
        return self.alias


class AppearanceRole(models.TextChoices):
    """What a speaker did at a session."""

    OPENING = "opening", _("Opening remarks")
    PRESENTER = "presenter", _("Presenter")
    MODERATOR = "moderator", _("Moderator")
    CLOSING = "closing", _("Closing remarks")


class Appearance(models.Model):
    """A speaker at one session, with the position and organisation held on that day."""

    session = models.ForeignKey(
        "training.TrainingSession",
        on_delete=models.CASCADE,
        related_name="appearances",
        verbose_name=_("session"),
    )
    speaker = models.ForeignKey(
        Speaker, on_delete=models.PROTECT, related_name="appearances", verbose_name=_("speaker")
    )
    role = models.CharField(_("role"), max_length=12, choices=AppearanceRole.choices)
    position = models.PositiveSmallIntegerField(_("order"))
    topic = models.CharField(_("topic"), max_length=300, blank=True, default="")
    # Copied text, so a later reshuffle does not rewrite what the speaker was that day.
    position_title = models.CharField(_("position on that day"), max_length=200)
    organisation_name = models.CharField(
        _("organisation on that day"), max_length=200, blank=True, default=""
    )

    class Meta:
        ordering = ["session", "position"]
        verbose_name = _("appearance")
        verbose_name_plural = _("appearances")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "position"], name="training_appearance_position_unique"
            ),
            models.CheckConstraint(
                condition=Q(role__in=AppearanceRole.values), name="training_appearance_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.speaker} — {self.get_role_display()}"
