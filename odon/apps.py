"""App config for One Day One News."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OdonConfig(AppConfig):
    """One Day One News: working-day calendar, compliance boards, reminders and recaps."""

    name = "odon"
    verbose_name = _("One Day One News")
