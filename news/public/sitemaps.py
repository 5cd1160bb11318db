"""sitemap.xml: an index of one sitemap per month of stories, plus one of the other pages.

Months keep every sitemap below the 50,000-address limit (a busier month continues on
``?p=2``) and nothing is counted: the index reads only the date of the first publication.
"""

import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from . import cache, selectors
from .meta import absolute, story_path
from .rendering import respond_whole

PAGES_SECTION = "halaman"
# A month would need a million stories to fill this many 50,000-address pages.
MAX_SITEMAP_PAGES = 20
_MONTH_SECTION = re.compile(r"^berita-(\d{4})-(\d{2})$")


class _PublicSitemap(Sitemap):
    """Addresses on the public address (SITE_URL), whatever host the crawler used."""

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc


class PagesSitemap(_PublicSitemap):
    """The home page, every Kanwil, unit and category page."""

    changefreq = "daily"

    def items(self) -> list[str]:
        kanwils, units, categories = selectors.sitemap_organisations()
        return [
            reverse("home"),
            *(reverse("public:kanwil", kwargs={"slug": kanwil.slug}) for kanwil in kanwils),
            *(reverse("public:unit", kwargs={"slug": unit.slug}) for unit in units),
            *(reverse("public:category", kwargs={"slug": item.slug}) for item in categories),
        ]

    def location(self, item: str) -> str:
        return item


class UncountedPaginator(Paginator):
    """Sitemap pages without counting the rows first: a page past the end is simply empty."""

    def page(self, number) -> Page:
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from error
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        if number > MAX_SITEMAP_PAGES:
            raise EmptyPage(self.error_messages["no_results"])
        bottom = (number - 1) * self.per_page
        items = list(self.object_list[bottom : bottom + self.per_page])
        if not items and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        return self._get_page(items, number, self)


class MonthSitemap(_PublicSitemap):
    """The stories first published in one month (UTC)."""

    def __init__(self, year: int, month: int):
        self.start = datetime(year, month, 1, tzinfo=UTC)
        self.end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)

    @property
    def paginator(self) -> Paginator:
        return UncountedPaginator(self._items(), self.limit)

    def items(self):
        return selectors.stories_published_between(self.start, self.end)

    def location(self, item) -> str:
        return story_path(item)

    def lastmod(self, item) -> datetime:
        return max(item.published_at, item.updated_at)


def _months(first: datetime | None) -> list[tuple[int, int]]:
    if first is None:
        return []
    now = timezone.now().astimezone(UTC)
    first = first.astimezone(UTC)
    year, month, months = first.year, first.month, []
    while (year, month) <= (now.year, now.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _section_url(section: str) -> str:
    return absolute(reverse("public:sitemap_section", kwargs={"section": section}))


@require_safe
def sitemap_index(request):
    """The sitemap index: the pages, then one sitemap per month since the first story."""

    def build():
        sections = [PAGES_SECTION] + [
            f"berita-{year:04d}-{month:02d}"
            for year, month in _months(selectors.first_publication())
        ]
        items = [SitemapIndexItem(_section_url(section), None) for section in sections]
        return TemplateResponse(
            request, "sitemap_index.xml", {"sitemaps": items}, content_type="application/xml"
        )

    return respond_whole(cache.page_key("sitemap-index"), build)


def _sitemap_of(section: str) -> Sitemap | None:
    if section == PAGES_SECTION:
        return PagesSitemap()
    match = _MONTH_SECTION.match(section)
    if match is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (2000 <= year <= 9998 and 1 <= month <= 12):
        return None
    return MonthSitemap(year, month)


@require_safe
def sitemap_section(request, section: str):
    """One sitemap of the index."""
    found = _sitemap_of(section)
    if found is None:
        raise Http404
    page = request.GET.get("p", "1")
    if len(page) > 6:
        raise Http404
    key = cache.page_key("sitemap", section, page)
    return respond_whole(key, lambda: django_sitemap(request, {section: found}, section=section))
