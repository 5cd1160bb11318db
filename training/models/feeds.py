"""A person's private link to the calendar of upcoming sessions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CalendarFeed(models.Model):
    """The private calendar link of one person: only the SHA-256 of its token is kept, so the
    link is shown once, when it is made, and resetting it makes the old one stop working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="training_calendar_feed",
        verbose_name=_("person"),
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("private calendar link")
        verbose_name_plural = _("private calendar links")
        constraints = [
            models.CheckConstraint(
                condition=~Q(token_hash=""), name="training_calendar_feed_has_hash"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%Y-%m-%d}"
