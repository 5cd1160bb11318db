"""The share kit of a published story: its short link, its cards, visit counts and hashtags.

Registered through news.models, which imports this module.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ShareChannel(models.TextChoices):
    """Where a visit through the short link came from (its ?c= parameter)."""

    INSTAGRAM = "ig", "Instagram"
    FACEBOOK = "fb", "Facebook"
    WHATSAPP = "wa", "WhatsApp"
    X = "x", "X"
    TIKTOK = "tt", "TikTok"
    OTHER = "other", _("Other")
    DIRECT = "direct", _("No channel given")


class ShareKit(models.Model):
    """A published story's short link code and the cards made for it."""

    story = models.OneToOneField(
        "news.Story", on_delete=models.CASCADE, related_name="share_kit", verbose_name=_("story")
    )
    code = models.CharField(_("short link code"), max_length=16, unique=True)
    # {"square": {"name": ..., "width": ..., "height": ...}, "portrait": ..., "story": ...}
    cards = models.JSONField(_("cards"), default=dict, blank=True)
    # What the cards were drawn from (title, photo, focal point…); a change means redraw.
    fingerprint = models.CharField(_("cards made from"), max_length=64, blank=True, default="")
    cards_made_at = models.DateTimeField(_("cards made at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("share kit")
        verbose_name_plural = _("share kits")
        constraints = [
            models.CheckConstraint(condition=~Q(code=""), name="share_kit_code_required"),
        ]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("public:short_link", kwargs={"code": self.code})


class ShareVisit(models.Model):
    """How many visits one channel brought through a short link: a counter, nothing personal."""

    kit = models.ForeignKey(
        ShareKit, on_delete=models.CASCADE, related_name="visits", verbose_name=_("share kit")
    )
    channel = models.CharField(_("channel"), max_length=10, choices=ShareChannel.choices)
    visits = models.PositiveBigIntegerField(_("visits"), default=0)

    class Meta:
        ordering = ["kit", "channel"]
        verbose_name = _("visit count")
        verbose_name_plural = _("visit counts")
        constraints = [
            models.UniqueConstraint(fields=["kit", "channel"], name="share_visit_one_per_channel"),
            models.CheckConstraint(
                condition=Q(channel__in=ShareChannel.values), name="share_visit_channel_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kit_id} {self.channel}: {self.visits}"


class HashtagSet(models.Model):
    """Hashtags added to every caption: the portal's default set (no unit) or a unit's own."""

    unit = models.ForeignKey(
        "accounts.Unit",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("unit"),
    )
    hashtags = models.TextField(_("hashtags"), blank=True, default="")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("changed by"),
    )
    updated_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("hashtag set")
        verbose_name_plural = _("hashtag sets")
        constraints = [
            # One default set (no unit) and at most one set per unit; no unit id is 0.
            models.UniqueConstraint(Coalesce("unit", Value(0)), name="hashtag_set_one_per_scope"),
        ]

    def __str__(self) -> str:
        return self.hashtags

    def as_list(self) -> list[str]:
        """The hashtags, in order."""
        return self.hashtags.split()
