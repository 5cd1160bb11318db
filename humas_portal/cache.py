"""Django's Redis cache backend, keeping one redis-py client per connection pool; and a cache
for sign-in that survives a Redis outage.

Django's client builds a new ``redis.Redis`` object for every cache call, which registers some
170 response callbacks each time: a visible share of a cached public page. A client only
borrows connections from its pool per command and is safe to share between threads, so one
per pool is enough.
"""

import logging
import time

from django.core.cache import cache as django_cache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class ReusingRedisCacheClient(RedisCacheClient):
    """A cache client that builds its redis-py client once per connection pool."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    """``django.core.cache.backends.redis.RedisCache`` with a reused client."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient


# What the shared cache raises when Redis cannot be reached.
CACHE_ERRORS = (RedisError, OSError)
# At most one warning per this many seconds and process while the shared cache is down.
WARNING_INTERVAL = 30


class FallbackCache:
    """The shared cache, or this process's memory while the shared cache is unreachable.

    Sign-in must keep working without Redis: allauth keeps its rate-limit counters and used TOTP
    codes in the default cache and would answer 500. During an outage the counters live in each
    process's memory instead, so limits still hold per process, with a logged warning."""

    def __init__(self):
        self.local = LocMemCache("humas-fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}})
        self.warned_at = 0.0

    def __getattr__(self, name):
        shared = getattr(django_cache, name)
        if not callable(shared):
            return shared

        def call(*args, **kwargs):
            try:
                return shared(*args, **kwargs)
            except CACHE_ERRORS as error:
                self._warn(error)
                return getattr(self.local, name)(*args, **kwargs)

        return call

    def _warn(self, error: Exception) -> None:
        now = time.monotonic()
        if now - self.warned_at >= WARNING_INTERVAL:
            self.warned_at = now
            logger.warning("Shared cache unavailable, using this process's memory: %s", error)


def use_fallback_cache_for_sign_in() -> None:
    """Point allauth's rate limiter and TOTP replay check at a FallbackCache."""
    from allauth.core.internal import ratelimit
    from allauth.mfa.totp.internal import auth

    fallback = FallbackCache()
    # Both modules read a module-level `cache`; allauth offers no setting to choose another.
    ratelimit.cache = fallback
    auth.cache = fallback
