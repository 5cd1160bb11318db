"""Private calendar links: a random token per person, of which only the hash is stored."""

import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from .. import policies
from ..models import CalendarFeed
from ..selectors.feeds import hash_token
from .audit import record

TOKEN_BYTES = 32


def _lock_person(person: User, by: User) -> User:
    if not policies.can_keep_calendar_link(by, person):
        raise PermissionDenied(_("Only the person themself keeps their private calendar link."))
    # One reset at a time per person: the person's row is the lock.
    return User.objects.select_for_update().get(pk=person.pk)


@transaction.atomic
def reset_calendar_link(*, person: User, by: User) -> str:
    """Make a new private calendar link for the person (an older one stops working) and return
    its token, which is never stored and so can be shown only now."""
    locked = _lock_person(person, by)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    now = timezone.now()
    feed = CalendarFeed.objects.select_for_update().filter(user=locked).first()
    if feed is None:
        CalendarFeed.objects.create(user=locked, token_hash=hash_token(token), created_at=now)
        action = "calendar_link_created"
    else:
        feed.token_hash = hash_token(token)
        feed.created_at = now
        feed.save(update_fields=["token_hash", "created_at"])
        action = "calendar_link_reset"
    record(session=None, actor=by, action=action, person=locked.pk)
    return token


@transaction.atomic
def stop_calendar_link(*, person: User, by: User) -> bool:
    """Make the person's private calendar link stop working; False when there was none."""
    locked = _lock_person(person, by)
    deleted, _detail = CalendarFeed.objects.filter(user=locked).delete()
    if deleted:
        record(session=None, actor=by, action="calendar_link_stopped", person=locked.pk)
    return bool(deleted)
