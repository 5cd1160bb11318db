"""What a signed-in request needs about its person, kept in the session between requests.

The scope (roles and organisations), whether a TOTP authenticator is active and the number of
unread notifications are read once and stored in the session with the person's
``session_version``. Anything that changes one of them raises that number (roles and
authenticators through signals, notifications in their services), so the next request of every
session of that person reads them again. A signed-in page then costs the session and the user
row, and nothing else, before its own work.
"""

from collections.abc import Iterable

from django.db.models import F

from .models import User
from .selectors import SCOPE_CACHE_ATTRIBUTE, UserScope, scope_for

SESSION_KEY = "portal_state"
TOTP_ATTRIBUTE = "_portal_has_totp"
UNREAD_ATTRIBUTE = "_portal_unread"
_SCOPE_SETS = (
    "operator_unit_ids",
    "editor_kanwil_ids",
    "admin_directorate_ids",
    "staff_unit_ids",
    "staff_kanwil_ids",
    "staff_directorate_ids",
)


def scope_to_data(scope: UserScope) -> dict:
    """A scope as JSON-friendly data for the session."""
    data: dict = {name: sorted(getattr(scope, name)) for name in _SCOPE_SETS}
    data["kanwil_of_unit"] = [[unit, kanwil] for unit, kanwil in scope.kanwil_of_unit.items()]
    data["time_zone"] = scope.time_zone
    return data


def scope_from_data(data: dict) -> UserScope:
    """The scope stored by scope_to_data."""
    return UserScope(
        **{name: frozenset(data[name]) for name in _SCOPE_SETS},
        kanwil_of_unit=dict(data["kanwil_of_unit"]),
        time_zone=data["time_zone"],
    )


def _read(user: User) -> dict:
    """The state from the database: three small queries."""
    from allauth.mfa.models import Authenticator

    from news.selectors import unread_count_for

    return {
        "version": user.session_version,
        "scope": scope_to_data(scope_for(user)),
        "totp": Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists(),
        "unread": unread_count_for(user),
    }


def attach(request) -> None:
    """Give the request's person the stored state, reading it again when it is out of date."""
    user = request.user
    if not user.is_authenticated or not user.is_active:
        return
    state = request.session.get(SESSION_KEY)
    try:
        fresh = state is not None and state["version"] == user.session_version
        scope = scope_from_data(state["scope"]) if fresh else None
    except (KeyError, TypeError, ValueError):
        fresh = False
    if not fresh:
        state = _read(user)
        request.session[SESSION_KEY] = state
        scope = scope_from_data(state["scope"])
    setattr(user, SCOPE_CACHE_ATTRIBUTE, scope)
    setattr(user, TOTP_ATTRIBUTE, bool(state["totp"]))
    setattr(user, UNREAD_ATTRIBUTE, int(state["unread"]))


def expire(user_ids: Iterable[int]) -> None:
    """Make every session of these people read their state again on the next request."""
    ids = sorted(set(user_ids))
    if ids:
        User.objects.filter(pk__in=ids).update(session_version=F("session_version") + 1)


def expire_for_row(sender, instance, **kwargs) -> None:
    """Signal receiver: a role or an authenticator of a person was saved or deleted."""
    expire([instance.user_id])


def prime_on_sign_in(sender, request, user, **kwargs) -> None:
    """Signal receiver: read the state once at sign-in, so pages start from the session."""
    if request is not None and hasattr(request, "session"):
        # The object signed in may be older than the row (a role added since it was read).
        user.refresh_from_db(fields=["session_version"])
        request.session[SESSION_KEY] = _read(user)
