"""Cached public pages and feeds, made stale at once by bumping one version token.

Every cache key of the public site starts with the current version token. The services that
change what the public sees (publish, withdraw) call ``invalidate()`` after their commit, which
stores a new random token: from then on every key is new and old entries simply expire. A
cache outage never breaks a public page; it is only slower.
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
    """The version token every public cache key starts with."""
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            # add() keeps the first token when two processes start at once.
            cache.add(VERSION_KEY, _new_token(), timeout=None)
            version = cache.get(VERSION_KEY)
    except Exception:
        logger.exception("Public page cache unavailable")
        return "uncached"
    return version or "uncached"


def invalidate() -> None:
    """Make every cached public page stale (run after a publication or withdrawal commits)."""
    try:
        cache.set(VERSION_KEY, _new_token(), timeout=None)
    except Exception:
        logger.exception("Could not invalidate the public page cache")


def page_key(name: str, *parts: Any) -> str:
    """A cache key for one public page: version, language, page name and its inputs."""
    raw = "\x1f".join(str(part) for part in parts)
    digest = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:40]
    return f"{KEY_PREFIX}:{current_version()}:{get_language()}:{name}:{digest}"


def cached(key: str, build: Callable[[], Any], timeout: Callable[[Any], int] | int) -> Any:
    """The value stored under ``key``, else ``build()``, stored for ``timeout`` seconds."""
    uncached = key.startswith(f"{KEY_PREFIX}:uncached:")
    value = None
    if not uncached:
        try:
            value = cache.get(key)
        except Exception:
            logger.exception("Public page cache unavailable")
            uncached = True
    if value is not None:
        return value
    value = build()
    if not uncached:
        seconds = timeout(value) if callable(timeout) else timeout
        try:
            cache.set(key, value, timeout=seconds)
        except Exception:
            logger.exception("Could not store a public page in the cache")
    return value
