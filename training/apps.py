"""App config for training records."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    """Training: sessions, speakers, attendance and certificates."""

    name = "training"
    verbose_name = _("Training")
