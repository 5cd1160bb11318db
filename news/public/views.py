"""Pages of the public news site: thin views around the selectors, cached per version."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from markupsafe import Markup

from accounts.models import UnitClass, UnitType

from . import cache, paths, policies, selectors
from .cursors import Position, position_from
from .forms import PARAMETERS, SearchForm
from .meta import (
    SITE_NAME,
    Image,
    PageMeta,
    absolute,
    kanwil_feeds,
    photo_absolute_url,
    share_links,
    site_feeds,
    story_json_ld,
    story_url,
    unit_feeds,
)
from .rendering import PublicPage, build_page, respond
from .search import search as run_search
from .story_rows import StoryPage

# The longest query-string value a search key keeps; the form refuses longer ones anyway.
MAX_PARAMETER_LENGTH = 300


def _timeout(photos) -> int:
    """Pages showing a photo still being prepared are cached briefly."""
    waiting = any(photo is not None and photo.rendition_state != "ready" for photo in photos)
    return cache.SHORT_TIMEOUT if waiting else cache.PAGE_TIMEOUT


def _canonical(path: str, position: Position) -> str:
    return absolute(path) + position.query_string


def _list_page(
    request,
    name: str,
    read: Callable[[Position], selectors.Listing | None],
    describe: Callable[[selectors.Listing, str], PageMeta],
    template: str,
    *key_parts: str,
    intro: bool = False,
    extra: Callable[[selectors.Listing], dict] | None = None,
):
    """A cached list page: read a Listing at the asked position, describe it, render it."""
    position = position_from(request)
    path = request.path

    def build() -> PublicPage:
        listing = read(position)
        if listing is None:
            raise Http404
        context = {
            "listing": listing,
            "subject": listing.subject,
            "page": listing.page,
            "position": position,
            "base_url": path,
            **(extra(listing) if extra else {}),
        }
        meta = describe(listing, _canonical(path, position))
        covers = [story.cover for story in listing.page.stories]
        return build_page(template, context, meta, timeout=_timeout(covers))

    key = cache.page_key(name, *key_parts, position.cache_part)
    here = path + position.query_string
    return respond(request, key, build, here=here, intro=intro and position.is_first)


def _feed_links(name: str, slug: str) -> dict:
    return {
        "feeds": {
            "rss": paths.slug_path(f"{name}_rss", slug),
            "atom": paths.slug_path(f"{name}_atom", slug),
        }
    }


@require_safe
def home(request):
    """The newest stories, then every Kanwil with its latest headlines."""

    def describe(listing: selectors.Listing, canonical: str) -> PageMeta:
        return PageMeta(
            title=SITE_NAME if listing.regions else _("Older news"),
            description=_(
                "News from the corrections units of Indonesia: every Lapas, Rutan, LPKA, Bapas "
                "and Rupbasan, published by its regional office."
            ),
            canonical=canonical,
            feeds=site_feeds(),
        )

    return _list_page(
        request, "home", selectors.home_listing, describe, "news/public/home.html", intro=True
    )


@require_safe
def kanwil(request, slug: str):
    """The stories of one Kanwil's units, and its units."""

    def describe(listing: selectors.Listing, canonical: str) -> PageMeta:
        office = listing.subject
        return PageMeta(
            title=office.name,
            description=_("News from the units of %(name)s.") % {"name": office.name},
            canonical=canonical,
            feeds=kanwil_feeds(slug=office.slug, short_name=office.short_name) + site_feeds(),
        )

    return _list_page(
        request,
        "kanwil",
        lambda position: selectors.kanwil_listing(slug, position),
        describe,
        "news/public/kanwil.html",
        slug,
        extra=lambda listing: _feed_links("kanwil", listing.subject.slug),
    )


@require_safe
def unit(request, slug: str):
    """The stories of one unit."""

    def describe(listing: selectors.Listing, canonical: str) -> PageMeta:
        found = listing.subject
        return PageMeta(
            title=found.name,
            description=_("News from %(name)s.") % {"name": found.name},
            canonical=canonical,
            feeds=unit_feeds(slug=found.slug, name=found.name)
            + kanwil_feeds(slug=found.office.slug, short_name=found.office.short_name),
        )

    def extra(listing: selectors.Listing) -> dict:
        found = listing.subject
        return {
            "unit_type": UnitType(found.unit_type).label if found.unit_type else "",
            "unit_class": UnitClass(found.unit_class).label if found.unit_class else "",
            **_feed_links("unit", found.slug),
        }

    return _list_page(
        request,
        "unit",
        lambda position: selectors.unit_listing(slug, position),
        describe,
        "news/public/unit.html",
        slug,
        extra=extra,
    )


@require_safe
def category(request, slug: str):
    """The stories of one category."""

    def describe(listing: selectors.Listing, canonical: str) -> PageMeta:
        name = listing.subject.name
        return PageMeta(
            title=name,
            description=_("News in the category %(name)s.") % {"name": name},
            canonical=canonical,
            feeds=site_feeds(),
        )

    return _list_page(
        request,
        "category",
        lambda position: selectors.category_listing(slug, position),
        describe,
        "news/public/topic.html",
        slug,
        extra=lambda listing: {"eyebrow": _("Category"), "title": listing.subject.name},
    )


@require_safe
def tag(request, slug: str):
    """The stories carrying one tag."""

    def describe(listing: selectors.Listing, canonical: str) -> PageMeta:
        name = listing.subject.name
        return PageMeta(
            title=f"#{name}",
            description=_("News tagged %(name)s.") % {"name": name},
            canonical=canonical,
            feeds=site_feeds(),
        )

    return _list_page(
        request,
        "tag",
        lambda position: selectors.tag_listing(slug, position),
        describe,
        "news/public/topic.html",
        slug,
        extra=lambda listing: {"eyebrow": _("Tag"), "title": f"#{listing.subject.name}"},
    )


@require_safe
def story(request, slug: str):
    """A published story; a withdrawn one answers 410 Gone with its correction note only."""

    def build() -> PublicPage:
        found = selectors.story_page(slug)
        if found is not None and policies.can_read(found.story):
            return _story_page(found)
        if found is not None and policies.shows_withdrawal_notice(found.story):
            return _withdrawn_page(found.story)
        raise Http404

    return respond(request, cache.page_key("story", slug), build, here=request.path)


def _story_page(page: StoryPage) -> PublicPage:
    found, tags, photos, related = page.story, page.tags, page.photos, page.related
    url = story_url(found)
    cover = photos[0] if photos else None
    image_url = photo_absolute_url(cover, "social")
    meta = PageMeta(
        title=found.title,
        description=found.lead,
        canonical=url,
        og_type="article",
        image=Image(url=image_url, alt=cover.caption, width=1200, height=630)
        if image_url
        else None,
        feeds=unit_feeds(slug=found.unit_slug, name=found.unit_name)
        + kanwil_feeds(slug=found.kanwil_slug, short_name=found.kanwil_short_name),
        json_ld=story_json_ld(found, photos=photos, tags=tags),
        published_time=found.published_at.isoformat(),
        modified_time=found.modified_at.isoformat(),
        section=found.category_name,
        tags=[item.name for item in tags],
    )
    context = {
        "story": found,
        # Cleaned by news.sanitize.clean_html when it was saved.
        "body": Markup(found.body),  # noqa: S704
        "tags": tags,
        "photos": photos,
        "related": related,
        "coverage": page.coverage,
        "share_url": url,
        "share_links": share_links(url, found.title),
    }
    return build_page("news/public/story.html", context, meta, timeout=_timeout(photos))


def _withdrawn_page(found) -> PublicPage:
    meta = PageMeta(
        title=found.title,
        description=_("This story has been withdrawn."),
        canonical=story_url(found),
        robots="noindex",
    )
    notice = {"title": found.title, "correction_note": found.correction_note}
    return build_page("news/public/story_withdrawn.html", {"notice": notice}, meta, status=410)


@require_safe
def search(request):
    """Search published stories by words, region, unit, category and dates."""
    params = {
        name: request.GET.get(name, "")[:MAX_PARAMETER_LENGTH]
        for name in PARAMETERS
        if request.GET.get(name)
    }

    def build() -> PublicPage:
        choices = cache.cached(
            cache.page_key("search-choices"), selectors.filter_choices, cache.PAGE_TIMEOUT
        )
        form = SearchForm(params or None, choices=choices)
        results = None
        if form.is_valid() and (form.cleaned_data["q"] or form.filters().any):
            results = run_search(
                query=form.cleaned_data["q"],
                filters=form.filters(),
                page=form.cleaned_data["halaman"] or 1,
            )
        context = {
            "form": form,
            "results": results,
            "unit_options": form.unit_options(),
            "page_url": _search_page_url(params),
            "suggestion_url": _suggestion_url(params, results),
        }
        meta = PageMeta(
            title=_("Search"),
            description=_("Search the news of the corrections units."),
            canonical=absolute(reverse("public:search")),
            robots="noindex, follow",
            feeds=site_feeds(),
        )
        return build_page("news/public/search.html", context, meta, timeout=cache.SEARCH_TIMEOUT)

    here = reverse("public:search")
    if params:
        here += "?" + urlencode(sorted(params.items()))
    return respond(request, cache.page_key("search", sorted(params.items())), build, here=here)


def _search_page_url(params: dict) -> dict:
    """URLs of the previous and next result pages, by page number."""
    base = reverse("public:search")
    current = int(params["halaman"]) if params.get("halaman", "").isdigit() else 1
    others = {name: value for name, value in params.items() if name != "halaman"}

    def url(number: int) -> str:
        query = {**others, "halaman": number} if number > 1 else others
        return f"{base}?{urlencode(query)}" if query else base

    return {"previous": url(current - 1) if current > 1 else "", "next": url(current + 1)}


def _suggestion_url(params: dict, results) -> str:
    if results is None or not results.suggestion:
        return ""
    query = {name: value for name, value in params.items() if name not in ("q", "halaman")}
    return f"{reverse('public:search')}?{urlencode({'q': results.suggestion, **query})}"


@require_safe
def robots_txt(request):
    """Crawlers: the public pages and the photos, not the newsroom; where the sitemap is."""
    lines = [
        "User-agent: *",
        "Allow: /newsroom/photos/",
        "Disallow: /newsroom/",
        "Disallow: /accounts/",
        "Disallow: /admin/",
        "Disallow: /desk/",
        "Disallow: /people/",
        "Disallow: /profile/",
        "Disallow: /invitation/",
        "Disallow: /training/",
        "Disallow: /cari/",
        "",
        f"Sitemap: {settings.SITE_URL.rstrip('/')}{reverse('public:sitemap')}",
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response
