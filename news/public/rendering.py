"""Render public pages from the cache: the main content once, the page around it per request.

The cached part (the main content and the head metadata) is rendered without the request, so
it can hold nothing personal: no CSRF token, no CSP nonce, no name of a signed-in person. The
layout around it (navigation, language form with its CSRF token, the nonce on the JSON-LD
script) is rendered for every request and costs no query for an anonymous visitor.
"""

from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from . import cache
from .meta import PageMeta


@dataclass
class PublicPage:
    """A rendered public page, as it is kept in the cache."""

    main: str
    meta: PageMeta
    status: int = 200
    timeout: int = cache.PAGE_TIMEOUT


@dataclass
class CachedResponse:
    """A feed, sitemap or other whole response, as it is kept in the cache."""

    content: bytes
    content_type: str
    status: int = 200
    timeout: int = cache.PAGE_TIMEOUT
    headers: dict[str, str] | None = None


# Headers of a built response that a cached copy keeps.
KEPT_HEADERS = ("X-Robots-Tag", "Last-Modified")


def build_page(
    template: str,
    context: dict,
    meta: PageMeta,
    *,
    status: int = 200,
    timeout: int = cache.PAGE_TIMEOUT,
) -> PublicPage:
    """Render a page's main content; no request, so nothing personal gets into the cache.

    Dates on public pages name their zone (the unit's); anything else follows the portal's
    default zone, whoever's request fills the cache."""
    with timezone.override(ZoneInfo(settings.PORTAL_DEFAULT_TIME_ZONE)):
        main = render_to_string(template, context)
    return PublicPage(main=main, meta=meta, status=status, timeout=timeout)


def respond(
    request: HttpRequest, key: str, build: Callable[[], PublicPage], *, intro: bool = False
) -> HttpResponse:
    """The page stored under ``key`` (built and stored if missing), inside the site's layout.

    ``intro`` adds the portal's introduction, which differs for signed-in people."""
    page = cache.cached(key, build, timeout=lambda page: page.timeout)
    context = {
        "meta": page.meta,
        "main": mark_safe(page.main),  # noqa: S308 - rendered by build_page, escaped there
        "intro": intro,
    }
    return render(request, "news/public/page.html", context, status=page.status)


def respond_whole(
    key: str, build: Callable[[], HttpResponse], *, timeout: int = cache.PAGE_TIMEOUT
) -> HttpResponse:
    """A whole response (feed, sitemap) from the cache, built and stored if missing."""

    def whole() -> CachedResponse:
        response = build()
        if hasattr(response, "render"):
            response.render()
        return CachedResponse(
            content=response.content,
            content_type=response["Content-Type"],
            status=response.status_code,
            timeout=timeout,
            headers={name: response[name] for name in KEPT_HEADERS if response.has_header(name)},
        )

    stored = cache.cached(key, whole, timeout=lambda stored: stored.timeout)
    response = HttpResponse(
        stored.content,
        content_type=stored.content_type,
        status=stored.status,
        headers=stored.headers or {},
    )
    response["Cache-Control"] = f"public, max-age={min(stored.timeout, 300)}"
    return response
