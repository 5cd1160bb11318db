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
import uuid
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
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


def cached(key: str, build: Callable[[], Any], timeout: Callable[[Any], int] | int) -> Any:
    """The value stored under ``key`` for the current version, else ``build()``, stored."""
    try:
        found = cache.get_many([VERSION_KEY, key])
    except Exception:
        logger.exception("Public page cache unavailable")
        return build()
    version = found.get(VERSION_KEY)
    stored = found.get(key)
    if version is not None and isinstance(stored, tuple) and stored[0] == version:
        return stored[1]
    if version is None:
        version = current_version()
    value = build()
    if version:
        seconds = timeout(value) if callable(timeout) else timeout
        try:
            cache.set(key, (version, value), timeout=seconds)
        except Exception:
            logger.exception("Could not store a public page in the cache")
    return value
