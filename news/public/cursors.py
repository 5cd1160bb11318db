"""Keyset pagination of published stories by (published_at, id): no COUNT, no OFFSET."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.http import Http404

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_TOKEN = re.compile(r"^(\d{1,16})-(\d{1,18})$")
# Older and newer pages: ?sebelum=<cursor> lists stories older than the cursor's story,
# ?sesudah=<cursor> the ones newer than it.
OLDER_PARAMETER = "sebelum"
NEWER_PARAMETER = "sesudah"
_LATEST = datetime(9999, 12, 31, tzinfo=UTC)


@dataclass(frozen=True)
class Cursor:
    """The position of one story in the newest-first order."""

    published_at: datetime
    pk: int

    @property
    def token(self) -> str:
        """The cursor as it appears in a URL: microseconds since 1970, a dash, the id."""
        return f"{(self.published_at - _EPOCH) // timedelta(microseconds=1)}-{self.pk}"

    @classmethod
    def parse(cls, token: str) -> "Cursor | None":
        """The cursor of a URL token, or None when it is not one."""
        match = _TOKEN.match(token or "")
        if match is None:
            return None
        try:
            moment = _EPOCH + timedelta(microseconds=int(match.group(1)))
        except OverflowError:
            return None
        if moment > _LATEST:
            return None
        return cls(published_at=moment, pk=int(match.group(2)))

    @classmethod
    def of(cls, story) -> "Cursor":
        """The cursor of a story."""
        return cls(published_at=story.published_at, pk=story.pk)


@dataclass(frozen=True)
class Position:
    """Which page of a newest-first list was asked for."""

    before: Cursor | None = None
    after: Cursor | None = None

    @property
    def is_first(self) -> bool:
        """The newest stories, without a cursor."""
        return self.before is None and self.after is None

    @property
    def cache_part(self) -> str:
        """The position in a cache key."""
        if self.before:
            return f"b{self.before.token}"
        if self.after:
            return f"a{self.after.token}"
        return "first"

    @property
    def query_string(self) -> str:
        """The position as a query string (for canonical links), empty for the first page."""
        if self.before:
            return f"?{OLDER_PARAMETER}={self.before.token}"
        if self.after:
            return f"?{NEWER_PARAMETER}={self.after.token}"
        return ""


def position_from(request) -> Position:
    """The page asked for in the query string; a malformed cursor is a 404."""
    older = request.GET.get(OLDER_PARAMETER)
    newer = request.GET.get(NEWER_PARAMETER)
    if older is not None and newer is not None:
        raise Http404
    if older is not None:
        cursor = Cursor.parse(older)
        if cursor is None:
            raise Http404
        return Position(before=cursor)
    if newer is not None:
        cursor = Cursor.parse(newer)
        if cursor is None:
            raise Http404
        return Position(after=cursor)
    return Position()
