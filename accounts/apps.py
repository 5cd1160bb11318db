"""App config for people, organisations and roles."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Accounts: users, organisations, roles and invitations."""

    name = "accounts"
    verbose_name = _("People and organisations")

    def ready(self) -> None:
        """Sign-in survives a Redis outage; sessions re-read scope and 2FA state on change."""
        from allauth.mfa.models import Authenticator
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_delete, post_save

        from .models import RoleAssignment
        from .session_state import expire_for_row, prime_on_sign_in

        for model in (RoleAssignment, Authenticator):
            post_save.connect(expire_for_row, sender=model, dispatch_uid=f"state-{model.__name__}")
            post_delete.connect(
                expire_for_row, sender=model, dispatch_uid=f"state-del-{model.__name__}"
            )
        user_logged_in.connect(prime_on_sign_in, dispatch_uid="state-sign-in")

        from humas_portal.cache import use_fallback_cache_for_sign_in

        use_fallback_cache_for_sign_in()
