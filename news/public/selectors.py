"""Tuned reads of the public site: published stories only, a fixed number of queries each.

The one rule of the public site is news.policies.is_public_story: only published stories
are shown. Every list here starts from ``published_stories()``, which applies it in SQL.
"""

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import NamedTuple

from django.db.models import (
    Min,
    QuerySet,
)

from accounts.models import Kanwil, Unit

from ..models import Category, State, Story
from . import rows, story_rows
from .cursors import Position

PER_PAGE = 20
HOME_PER_KANWIL = 3
FEED_SIZE = 30


class Choice(NamedTuple):
    """One option of a filter: the slug in the URL, the id for the query, the label."""

    slug: str
    pk: int
    label: str
    group: int | None = None


@dataclass
class FilterChoices:
    """The options of the search filters, read once and cached."""

    kanwils: list[Choice]
    units: list[Choice]
    categories: list[Choice]

    @cached_property
    def unit_slugs(self) -> frozenset[str]:
        """The slugs of every active unit."""
        return frozenset(choice.slug for choice in self.units)


def published_stories() -> QuerySet[Story]:
    """Published stories, and nothing else (news.policies.is_public_story in SQL)."""
    return Story.objects.filter(state=State.PUBLISHED)


# --- List pages (fixed SQL, see rows.py) -------------------------------------------------------


@dataclass
class Listing:
    """What a list page shows: its subject, one page of stories and what goes beside them."""

    page: rows.StoryPage
    subject: rows.Office | rows.UnitSummary | rows.Topic | None = None
    units: list[rows.UnitSummary] = field(default_factory=list)
    regions: list[rows.Region] = field(default_factory=list)


def home_listing(position: Position) -> Listing:
    """The newest stories; on the first page also every Kanwil with its headlines (2 queries)."""
    page = rows.page_of("", [], position, per_page=PER_PAGE)
    if not position.is_first:
        return Listing(page=page)
    return Listing(page=page, regions=rows.regions(per_kanwil=HOME_PER_KANWIL))


def kanwil_listing(slug: str, position: Position) -> Listing | None:
    """A Kanwil, a page of its stories and its units (3 queries)."""
    office = rows.office_by_slug(slug)
    if office is None:
        return None
    page = rows.page_of(rows.OF_KANWIL, [office.pk], position, per_page=PER_PAGE)
    return Listing(page=page, subject=office, units=rows.active_units_of(office))


def unit_listing(slug: str, position: Position) -> Listing | None:
    """An active unit and a page of its stories (2 queries)."""
    unit = rows.active_unit_by_slug(slug)
    if unit is None:
        return None
    page = rows.page_of(rows.OF_UNIT, [unit.pk], position, per_page=PER_PAGE)
    return Listing(page=page, subject=unit)


def category_listing(slug: str, position: Position) -> Listing | None:
    """A category and a page of its stories (2 queries)."""
    category = rows.category_by_slug(slug)
    if category is None:
        return None
    page = rows.page_of(rows.OF_CATEGORY, [category.pk], position, per_page=PER_PAGE)
    return Listing(page=page, subject=category)


def tag_listing(slug: str, position: Position) -> Listing | None:
    """A tag and a page of its stories (2 queries)."""
    tag = rows.tag_by_slug(slug)
    if tag is None:
        return None
    page = rows.page_of(rows.OF_TAG, [tag.pk], position, per_page=PER_PAGE)
    return Listing(page=page, subject=tag)


# --- The story page ---------------------------------------------------------------------------


def story_page(slug: str) -> story_rows.StoryPage | None:
    """A published story with its photos, tags and related stories, or a withdrawn one
    alone (to show its correction note): one query."""
    return story_rows.story_page(slug)


# --- Feeds and sitemaps -----------------------------------------------------------------------


def feed_stories(*, kanwil_id: int | None = None, unit_id: int | None = None) -> list[rows.Card]:
    """The newest stories for a feed, with their tag names (two queries)."""
    if unit_id is not None:
        where, params = rows.OF_UNIT, [unit_id]
    elif kanwil_id is not None:
        where, params = rows.OF_KANWIL, [kanwil_id]
    else:
        where, params = "", []
    cards = rows.cards(where, params, limit=FEED_SIZE)
    return rows.with_tag_names(cards)


def first_publication() -> datetime | None:
    """When the oldest published story came out (one index probe)."""
    return published_stories().aggregate(first=Min("published_at"))["first"]


def stories_published_between(start: datetime, end: datetime) -> QuerySet[Story]:
    """Published stories of a period, oldest first, with what a sitemap entry needs."""
    return (
        published_stories()
        .filter(published_at__gte=start, published_at__lt=end)
        .order_by("published_at", "id")
        .only("slug", "published_at", "updated_at")
    )


def sitemap_organisations() -> tuple[list[Kanwil], list[Unit], list[Category]]:
    """Kanwil, active units and categories, for the sitemap of pages (three queries)."""
    return (
        list(Kanwil.objects.order_by("province").only("slug")),
        list(Unit.objects.filter(is_active=True).order_by("name").only("slug")),
        list(Category.objects.order_by("position", "name").only("slug")),
    )


def filter_choices() -> FilterChoices:
    """The options of the search filters: Kanwil, active units and categories (one query)."""
    kanwils, units, categories = [], [], []
    for kind, slug, pk, label, group, _order in rows.filter_options():
        (kanwils, units, categories)[kind].append(Choice(slug, pk, label, group))
    return FilterChoices(kanwils=kanwils, units=units, categories=categories)
