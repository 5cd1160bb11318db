"""App config for people, organisations and roles."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Accounts: users, organisations, roles and invitations."""

    name = "accounts"
    verbose_name = _("People and organisations")
