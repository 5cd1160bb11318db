"""Cached public pages and feeds, made stale at once by bumping one version token.

Every entry is stored with the version token current when it was built. The services that
change what the public sees (publish, withdraw, correct) call ``invalidate()`` after their
commit, which stores a new random token: from then on every stored entry is stale and is built
again on its next request; old entries simply expire. The token and the entry are read in one
round trip (``get_many``), so a cached page costs a single cache read. A cache outage never
breaks a public page; it is only slower.
"""

import hashlib
import logging
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import DatabaseError
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

VERSION_KEY = "news-public:version"
KEY_PREFIX = "news-public"
# How long a rendered page or feed may be served; publication and withdrawal invalidate
# earlier, the timeout only bounds changes made elsewhere (the admin renaming a category).
PAGE_TIMEOUT = 10 * 60
# A page showing a photo whose smaller sizes are still being made is kept briefly.
SHORT_TIMEOUT = 60
SEARCH_TIMEOUT = 5 * 60


def _new_token() -> str:
    return uuid.uuid4().hex


def current_version() -> str:
    """The version token entries are stored with; empty when the cache is unavailable."""
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            # add() keeps the first token when two processes start at once.
            cache.add(VERSION_KEY, _new_token(), timeout=None)
            version = cache.get(VERSION_KEY)
    except Exception:
        logger.exception("Public page cache unavailable")
        return ""
    return version or ""


def invalidate() -> None:
    """Make every cached public page stale (run after a publication or withdrawal commits)."""
    try:
        cache.set(VERSION_KEY, _new_token(), timeout=None)
    except Exception:
        logger.exception("Could not invalidate the public page cache")


def page_key(name: str, *parts: Any) -> str:
    """A cache key for one public page: language, page name and its inputs."""
    raw = "\x1f".join(str(part) for part in parts)
    digest = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:40]
    return f"{KEY_PREFIX}:{get_language()}:{name}:{digest}"


class _LocalPages:
    """The most recently used entries of this process, each with its version and expiry.

    A public page is tens of kilobytes; reading it from Redis costs more than everything else
    a cached request does. Entries are kept here as well, and a request then reads only the
    small version token from the shared cache: an entry is served only while its version is
    the current one, so a publication makes it stale here exactly as in Redis."""

    def __init__(self, size: int):
        self.size = size
        self.entries: OrderedDict[str, tuple[str, float, Any]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str, version: str | None) -> Any:
        """The value stored under ``key`` for ``version``, if it has not expired."""
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry[0] != version or entry[1] < time.monotonic():
                # Kept, not dropped: while the database is down it is better than nothing.
                return None
            self.entries.move_to_end(key)
            return entry[2]

    def stale(self, key: str) -> Any:
        """The value kept for ``key`` whatever its version and age, or None."""
        with self.lock:
            entry = self.entries.get(key)
        return None if entry is None else entry[2]

    def has(self, key: str) -> bool:
        """Whether an entry (current or not) is kept for ``key``."""
        return key in self.entries

    def put(self, key: str, version: str, seconds: int, value: Any) -> None:
        """Keep ``value`` for ``seconds``, dropping the least recently used beyond the size."""
        with self.lock:
            self.entries[key] = (version, time.monotonic() + seconds, value)
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        """Forget every entry (tests)."""
        with self.lock:
            self.entries.clear()


# About 200 pages of 50 kB at most: some 10 MB per process.
local_pages = _LocalPages(size=200)


def cached(key: str, build: Callable[[], Any], timeout: Callable[[Any], int] | int) -> Any:
    """The value stored under ``key`` for the current version, else ``build()``, stored.

    One round trip to the shared cache: the version token alone when this process keeps the
    entry, the token and the entry otherwise."""
    kept_here = local_pages.has(key)
    try:
        found = cache.get_many([VERSION_KEY] if kept_here else [VERSION_KEY, key])
    except Exception:
        logger.exception("Public page cache unavailable")
        return _build_or_stale(key, build)[0]
    version = found.get(VERSION_KEY)
    if version is not None:
        value = local_pages.get(key, version)
        if value is not None:
            return value
        stored = found.get(key) if not kept_here else _shared(key)
        if isinstance(stored, tuple) and stored[0] == version:
            local_pages.put(key, version, PAGE_TIMEOUT // 10, stored[1])
            return stored[1]
    else:
        version = current_version()
    value, fresh = _build_or_stale(key, build)
    if version and fresh:
        seconds = timeout(value) if callable(timeout) else timeout
        try:
            cache.set(key, (version, value), timeout=seconds)
        except Exception:
            logger.exception("Could not store a public page in the cache")
        else:
            local_pages.put(key, version, min(seconds, PAGE_TIMEOUT // 10), value)
    return value


def _build_or_stale(key: str, build: Callable[[], Any]) -> tuple[Any, bool]:
    """(``build()``, True); while the database is unreachable, (the last copy this process
    kept, False): that copy is served, never stored again."""
    try:
        return build(), True
    except DatabaseError:
        stale = local_pages.stale(key)
        if stale is None:
            raise
        logger.warning("Database unavailable; serving the last kept copy of %s", key)
        return stale, False


def _shared(key: str) -> Any:
    try:
        return cache.get(key)
    except Exception:
        logger.exception("Public page cache unavailable")
        return None
