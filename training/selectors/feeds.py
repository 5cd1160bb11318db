"""Reads behind the private calendar links."""

import hashlib

from accounts.models import User

from ..models import CalendarFeed

# Tokens are 43 characters (32 random bytes, URL-safe base64); anything much longer is not one.
MAX_TOKEN_CHARS = 100


def hash_token(token: str) -> str:
    """The stored form of a calendar token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def calendar_link_of(person: User) -> CalendarFeed | None:
    """The person's private calendar link, if they made one."""
    return CalendarFeed.objects.filter(user=person).first()


def person_of_calendar_token(token: str) -> User | None:
    """The active person whose private calendar link carries ``token``, or None."""
    if not token or len(token) > MAX_TOKEN_CHARS:
        return None
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token_hash=hash_token(token), user__is_active=True)
        .first()
    )
    return feed.user if feed is not None else None
