"""A small per-client rate limit for public pages that answer guesses (certificate numbers)."""

import time
from functools import wraps

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.shortcuts import render


def client_address(request) -> str:
    """The client's address as the sign-in rate limits see it (ALLAUTH_TRUSTED_PROXY_COUNT)."""
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return request.META.get("REMOTE_ADDR", "")


def allow(scope: str, key: str, *, limit: int, period: int, now: float | None = None) -> bool:
    """Count one request of ``key`` in the current window; False once ``limit`` is passed."""
    window = int((time.time() if now is None else now) // period)
    cache_key = f"ratelimit:{scope}:{key}:{window}"
    if cache.add(cache_key, 1, timeout=period + 1):
        return limit >= 1
    try:
        count = cache.incr(cache_key)
    except ValueError:  # the window expired between add and incr
        cache.add(cache_key, 1, timeout=period + 1)
        count = 1
    return count <= limit


def rate_limited(scope: str, *, setting: str, period: int = 60):
    """Answer 429 with a translated page once a client passes settings.<setting> per period."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            limit = getattr(settings, setting)
            if not allow(scope, client_address(request), limit=limit, period=period):
                response = render(request, "429.html", status=429)
                response["Retry-After"] = str(period)
                return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
