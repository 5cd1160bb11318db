"""Settings for the load benchmark: the portal's own, with the cache chosen by BENCH_CACHE.

BENCH_CACHE=none (the default) uses Django's DummyCache, so nothing is cached anywhere, not
even per process (without REDIS_URL the portal would fall back to a per-process LocMemCache,
which still caches); BENCH_CACHE=redis uses Redis at REDIS_URL with a key prefix of its own
(BENCH_CACHE_PREFIX), so a run never reads entries left by an earlier run or another site.
"""

import os

from humas_portal.settings import *  # noqa: F403 - this module extends the portal's settings

BENCH_CACHE = os.environ.get("BENCH_CACHE", "none")

if BENCH_CACHE == "none":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
elif BENCH_CACHE == "redis":
    CACHES = {
        "default": {
            "BACKEND": "humas_portal.cache.RedisCache",
            "LOCATION": os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": os.environ.get("BENCH_CACHE_PREFIX", "humas-bench"),
        }
    }
else:
    raise ValueError(f"BENCH_CACHE must be 'none' or 'redis', not {BENCH_CACHE!r}")

# The portal's URLs plus a floor view of the benchmark's own (bench/urls_bench.py).
ROOT_URLCONF = "bench.urls_bench"
