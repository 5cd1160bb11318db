"""Render public pages (Jinja2, see humas_portal/jinja2.py) and serve them from the cache.

A page is its main content (built from the database, the same for everyone) inside the
site's layout ("chrome": navigation, language links, sign-in button, messages).

* An anonymous visitor without pending messages gets the whole page from one cache read: the
  layout holds nothing personal (no CSRF token, no nonce, no name), so it is cached with the
  content, per path and language.
* A signed-in visitor, or one with a message to see, gets the cached main content inside a
  layout rendered for them; PrivatePagesNoStoreMiddleware marks their response no-store.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache as cache_for_process
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import get_script_prefix, reverse
from django.utils import timezone, translation
from markupsafe import Markup

from humas_portal.jinja2 import gettext_in

from . import cache
from .meta import PageMeta

CONTENT_TYPE = "text/html; charset=utf-8"


@dataclass
class PublicPage:
    """A page's rendered main content and head metadata, as kept in the cache."""

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


@dataclass(frozen=True)
class LanguageLink:
    """A link that switches the portal's language and comes back to this page."""

    code: str
    name: str
    url: str
    current: bool


@dataclass
class Chrome:
    """What the layout shows around a page's content."""

    language: str
    languages: list[LanguageLink]
    year: int
    home_url: str
    search_url: str
    login_url: str
    desk_url: str
    directory_url: str
    on_home: bool = False
    on_search: bool = False
    person: str = ""
    messages: list = field(default_factory=list)


def render(template: str, context: dict) -> str:
    """A public template rendered with Jinja2, in the active language."""
    context = {**context, "gettext": gettext_in(translation.get_language())}
    return engines["public"].get_template(template).render(context)


def build_page(
    template: str,
    context: dict,
    meta: PageMeta,
    *,
    status: int = 200,
    timeout: int = cache.PAGE_TIMEOUT,
) -> PublicPage:
    """Render a page's main content without the request, so nothing personal is in it.

    Every date on a public page names its zone (the unit's); anything else follows the
    portal's default zone, whoever's request fills the cache."""
    with timezone.override(ZoneInfo(settings.PORTAL_DEFAULT_TIME_ZONE)):
        main = render(template, context)
    return PublicPage(main=main, meta=meta, status=status, timeout=timeout)


@cache_for_process
def _addresses(script_prefix: str) -> dict[str, str]:
    """The fixed links of the layout, reversed once per script prefix."""
    return {
        "home": reverse("home"),
        "search": reverse("public:search"),
        "login": reverse("account_login"),
        "desk": reverse("accounts:dashboard"),
        "directory": reverse("accounts:kanwil_list"),
        "switch": reverse("switch_language", kwargs={"code": "__code__"}),
    }


def _chrome(request: HttpRequest, here: str, *, person: str = "", messages=()) -> Chrome:
    current = translation.get_language()
    addresses = _addresses(get_script_prefix())
    query = "?" + urlencode({"next": here})
    return Chrome(
        language=current,
        languages=[
            LanguageLink(
                code=code,
                name=translation.get_language_info(code)["name_local"],
                url=addresses["switch"].replace("__code__", code) + query,
                current=code == current,
            )
            for code, _name in settings.LANGUAGES
        ],
        year=timezone.now().year,
        home_url=addresses["home"],
        search_url=addresses["search"],
        login_url=addresses["login"],
        desk_url=addresses["desk"],
        directory_url=addresses["directory"],
        on_home=request.path == addresses["home"],
        on_search=request.path == addresses["search"],
        person=person,
        messages=list(messages),
    )


def _layout(page: PublicPage, chrome: Chrome, *, intro: bool) -> str:
    context = {"meta": page.meta, "main": Markup(page.main), "chrome": chrome, "intro": intro}  # noqa: S704 - rendered by build_page, escaped there
    return render("news/public/layout.html", context)


def respond(
    request: HttpRequest,
    key: str,
    build: Callable[[], PublicPage],
    *,
    here: str,
    intro: bool = False,
) -> HttpResponse:
    """The page for ``key`` (built and stored if missing), inside the site's layout.

    ``here`` is the page's own address (path and the query parameters in ``key``), where the
    language links come back to; ``intro`` adds the portal's introduction."""
    messages = get_messages(request)
    if not request.user.is_authenticated and not len(messages):

        def whole() -> tuple[int, bytes, int]:
            page = build()
            html = _layout(page, _chrome(request, here), intro=intro)
            return page.status, html.encode(), page.timeout

        status, content, _timeout = cache.cached(
            f"{key}:whole", whole, timeout=lambda stored: stored[2]
        )
        return HttpResponse(content, content_type=CONTENT_TYPE, status=status)
    page = cache.cached(key, build, timeout=lambda page: page.timeout)
    user = request.user
    person = (user.full_name or user.email) if user.is_authenticated else ""
    chrome = _chrome(request, here, person=person, messages=messages)
    return HttpResponse(
        _layout(page, chrome, intro=intro), content_type=CONTENT_TYPE, status=page.status
    )


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
