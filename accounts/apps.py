"""App config for people, organisations and roles."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Accounts: users, organisations, roles and invitations."""

    name = "accounts"
    verbose_name = _("People and organisations")

    def ready(self) -> None:
        """Sign-in keeps working while Redis is down (see humas_portal.cache)."""
        from humas_portal.cache import use_fallback_cache_for_sign_in

        use_fallback_cache_for_sign_in()
