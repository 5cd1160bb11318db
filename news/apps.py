"""App config for the news workflow."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """News: stories written by units and reviewed by their Kanwil."""

    name = "news"
    verbose_name = _("News")
