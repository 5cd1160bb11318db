"""Request-wide behaviour tied to who is signed in."""

import zoneinfo
from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from . import policies, session_state
from .selectors import scope_for


class SessionStateMiddleware:
    """Scope, two-factor state and unread count from the session, read again only when stale."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session_state.attach(request)
        return self.get_response(request)


class OrganisationTimezoneMiddleware:
    """Show times in the zone of the viewer's organisation (WIB, WITA or WIT)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        zone = scope_for(request.user).time_zone or settings.PORTAL_DEFAULT_TIME_ZONE
        timezone.activate(zoneinfo.ZoneInfo(zone))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


def _has_totp(user) -> bool:
    """Whether the person has an active TOTP authenticator (from the session when known)."""
    known = getattr(user, session_state.TOTP_ATTRIBUTE, None)
    if known is not None:
        return known
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireTwoFactorMiddleware:
    """Editors and admins must activate TOTP before they use any page of the portal."""

    # The signed-in portal: desks, newsroom, training records and the Django admin. The public
    # site, robots.txt, /healthz/, certificate checks and the allauth pages needed to set
    # two-factor up have no such namespace and stay reachable.
    portal_namespaces = frozenset({"accounts", "news", "training", "admin"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Redirect to the TOTP set-up on portal pages only, remembering where to go."""
        match = request.resolver_match
        if match is None or self.portal_namespaces.isdisjoint(match.namespaces):
            return None
        user = request.user
        if user.is_authenticated and policies.must_use_two_factor(user) and not _has_totp(user):
            return redirect(
                f"{reverse('mfa_activate_totp')}?{urlencode({'next': request.get_full_path()})}"
            )
        return None


class PrivatePagesNoStoreMiddleware:
    """Pages for signed-in people must never be kept by a browser or proxy cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
        patch_vary_headers(response, ["Cookie"])
        return response
