"""allauth adapter: no open sign-up, people join by invitation only."""

import time

from allauth.account import app_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context

# Where allauth keeps the session's authentication steps (allauth.account.internal.flows.login).
AUTHENTICATION_RECORDS_KEY = "account_authentication_methods"


def signed_in_with_password_recently(request) -> bool:
    """Whether this session's person typed their password within the reauthentication window."""
    if request is None or not request.user.is_authenticated:
        return False
    records = request.session.get(AUTHENTICATION_RECORDS_KEY)
    if not isinstance(records, list):
        return False
    moments = [
        record.get("at", 0)
        for record in records
        if isinstance(record, dict) and record.get("method") == "password"
    ]
    return bool(moments) and time.time() - max(moments) < app_settings.REAUTHENTICATION_TIMEOUT


class PortalAccountAdapter(DefaultAccountAdapter):
    """Closes self sign-up; invitations create accounts instead."""

    def is_open_for_signup(self, request) -> bool:
        """Nobody signs themselves up."""
        return False

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """A password typed at sign-in moments ago counts as recent authentication.

        Editors are sent to set up two-factor right after signing in; asking for the password
        again there proves nothing more. After the window, allauth asks as usual.
        """
        request = self.request or context.request
        if signed_in_with_password_recently(request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)
