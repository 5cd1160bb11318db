"""Keyset pagination for signed-in lists: no COUNT, no OFFSET, the same cost on any page.

A page is read from a queryset ordered by a few columns ending in the primary key, starting
after (``?after=``) or before (``?before=``) the row a cursor names. A cursor is the row's
ordering values in the URL: integers as they are, date-times as microseconds since 1970.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404

AFTER = "after"
BEFORE = "before"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_PART = re.compile(r"^-?\d{1,18}$")


@dataclass(frozen=True)
class KeysetPage:
    """One page of rows, with the cursors of the pages around it."""

    object_list: list
    next_token: str = ""
    previous_token: str = ""

    @property
    def has_next(self) -> bool:
        """Whether rows follow this page."""
        return bool(self.next_token)

    @property
    def has_previous(self) -> bool:
        """Whether rows come before this page."""
        return bool(self.previous_token)

    @property
    def has_other_pages(self) -> bool:
        """Whether the list spans more than this page."""
        return self.has_next or self.has_previous

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)


def _is_datetime(model: type[models.Model], name: str) -> bool:
    return isinstance(model._meta.get_field(name), models.DateTimeField)


def encode(values: list, kinds: list[bool]) -> str:
    """A cursor token for a row's ordering values."""
    parts = []
    for value, is_datetime in zip(values, kinds, strict=True):
        parts.append(str((value - _EPOCH) // timedelta(microseconds=1) if is_datetime else value))
    return "_".join(parts)


def decode(token: str, kinds: list[bool]) -> list | None:
    """The ordering values of a token, or None when it is not a valid one."""
    parts = token.split("_")
    if len(parts) != len(kinds) or not all(_PART.match(part) for part in parts):
        return None
    values = []
    for part, is_datetime in zip(parts, kinds, strict=True):
        number = int(part)
        if is_datetime:
            try:
                values.append(_EPOCH + timedelta(microseconds=number))
            except OverflowError:
                return None
        else:
            values.append(number)
    return values


def _beyond(fields: list[tuple[str, bool]], values: list) -> Q:
    """Rows after the cursor in the order given: (a, b) > (x, y) spelled for any direction."""
    name, descending = fields[-1]
    condition = Q(**{f"{name}__{'lt' if descending else 'gt'}": values[-1]})
    for index in range(len(fields) - 2, -1, -1):
        name, descending = fields[index]
        step = Q(**{f"{name}__{'lt' if descending else 'gt'}": values[index]})
        condition = step | (Q(**{name: values[index]}) & condition)
    return condition


def keyset_page(queryset: QuerySet, ordering: tuple[str, ...], params, per_page: int) -> KeysetPage:
    """The page the query parameters ask for; a malformed cursor is a 404."""
    fields = [(name.lstrip("-"), name.startswith("-")) for name in ordering]
    kinds = [_is_datetime(queryset.model, name) for name, _desc in fields]
    after, before = params.get(AFTER), params.get(BEFORE)
    backwards = before is not None and after is None
    token = before if backwards else after
    if token is not None:
        values = decode(token, kinds)
        if values is None:
            raise Http404
        walk = [(name, desc != backwards) for name, desc in fields]
        queryset = queryset.filter(_beyond(walk, values))
    order = [f"{'-' if desc != backwards else ''}{name}" for name, desc in fields]
    rows = list(queryset.order_by(*order)[: per_page + 1])
    more = len(rows) > per_page
    rows = rows[:per_page]
    if backwards:
        rows.reverse()

    def token_of(row) -> str:
        return encode([getattr(row, name) for name, _desc in fields], kinds)

    if not rows:
        return KeysetPage(object_list=[])
    has_next = more if not backwards else True
    has_previous = (token is not None) if not backwards else more
    return KeysetPage(
        object_list=rows,
        next_token=token_of(rows[-1]) if has_next else "",
        previous_token=token_of(rows[0]) if has_previous else "",
    )
