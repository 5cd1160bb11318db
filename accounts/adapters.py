"""allauth adapter: no open sign-up, people join by invitation only."""

from allauth.account.adapter import DefaultAccountAdapter


class PortalAccountAdapter(DefaultAccountAdapter):
    """Closes self sign-up; invitations create accounts instead."""

    def is_open_for_signup(self, request) -> bool:
        """Nobody signs themselves up."""
        return False
