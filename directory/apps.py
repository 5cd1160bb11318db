"""App config for the staff directory."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """Directory: one record per civil servant, keyed by NIP, with or without a login."""

    name = "directory"
    verbose_name = _("Staff directory")
