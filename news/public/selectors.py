"""Tuned reads of the public site: published stories only, a fixed number of queries each.

The one rule of the public site is news.policies.is_public_story: only published stories
are shown. Every list here starts from ``published_stories()``, which applies it in SQL.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import (
    Exists,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)

from accounts.models import Kanwil, Unit
from accounts.selectors import active_units, units_of_kanwil

from ..models import Category, Photo, State, Story, Tag
from .covers import attach_covers, with_cover
from .cursors import Cursor, Position

PER_PAGE = 20
HOME_PER_KANWIL = 3
RELATED_COUNT = 4
# Related stories are picked among this many newest stories of the same category.
RELATED_CANDIDATES = 200
FEED_SIZE = 30

# What a story card shows; the body is never read for a list.
LISTING_FIELDS = (
    "id",
    "slug",
    "title",
    "lead",
    "state",
    "published_at",
    "updated_at",
    "event_start",
    "dateline",
    "unit",
    "kanwil",
    "category",
    "unit__name",
    "unit__slug",
    "unit__time_zone",
    "unit__is_active",
    "unit__kanwil",
    "unit__kanwil__name",
    "unit__kanwil__short_name",
    "unit__kanwil__province",
    "unit__kanwil__slug",
    "unit__kanwil__time_zone",
    "category__name",
    "category__slug",
)


@dataclass
class StoryPage:
    """One page of a newest-first list, with the cursors of its neighbours."""

    stories: list[Story]
    older: Cursor | None = None
    newer: Cursor | None = None


@dataclass(frozen=True)
class Choice:
    """One option of a filter: the slug in the URL, the id for the query, the label."""

    slug: str
    pk: int
    label: str
    group: int | None = None


@dataclass(frozen=True)
class FilterChoices:
    """The options of the search filters, read once and cached."""

    kanwils: list[Choice]
    units: list[Choice]
    categories: list[Choice]


def published_stories() -> QuerySet[Story]:
    """Published stories, and nothing else (news.policies.is_public_story in SQL)."""
    return Story.objects.filter(state=State.PUBLISHED)


def for_listing(stories: QuerySet[Story]) -> QuerySet[Story]:
    """What a story card needs: unit, Kanwil, category and first photo, without the body."""
    return with_cover(stories.select_related("unit__kanwil", "category").only(*LISTING_FIELDS))


def _newest_first(stories: QuerySet[Story]) -> QuerySet[Story]:
    return stories.order_by("-published_at", "-id")


def page_of(
    stories: QuerySet[Story], position: Position, *, per_page: int | None = None
) -> StoryPage:
    """One keyset page of published stories, newest first; one query, whatever the depth."""
    per_page = per_page or PER_PAGE
    stories = for_listing(stories)
    if position.after is not None:
        after = position.after
        newer = stories.filter(
            Q(published_at__gt=after.published_at)
            | Q(published_at=after.published_at, pk__gt=after.pk),
            published_at__gte=after.published_at,
        ).order_by("published_at", "id")
        rows = list(newer[: per_page + 1])
        more_newer = len(rows) > per_page
        rows = attach_covers(list(reversed(rows[:per_page])))
        return StoryPage(
            stories=rows,
            newer=Cursor.of(rows[0]) if more_newer else None,
            older=Cursor.of(rows[-1]) if rows else None,
        )
    if position.before is not None:
        before = position.before
        stories = stories.filter(
            Q(published_at__lt=before.published_at)
            | Q(published_at=before.published_at, pk__lt=before.pk),
            published_at__lte=before.published_at,
        )
    rows = list(_newest_first(stories)[: per_page + 1])
    more_older = len(rows) > per_page
    rows = attach_covers(rows[:per_page])
    return StoryPage(
        stories=rows,
        older=Cursor.of(rows[-1]) if more_older else None,
        newer=Cursor.of(rows[0]) if position.before is not None and rows else None,
    )


# --- Pages ------------------------------------------------------------------------------------


def kanwils() -> list[Kanwil]:
    """Every Kanwil, by province."""
    return list(Kanwil.objects.order_by("province"))


def kanwil_by_slug(slug: str) -> Kanwil | None:
    """One Kanwil."""
    return Kanwil.objects.filter(slug=slug).first()


def unit_by_slug(slug: str) -> Unit | None:
    """One active unit, with its Kanwil."""
    return active_units().filter(slug=slug).first()


def units_of(kanwil: Kanwil) -> list[Unit]:
    """The active units of a Kanwil, by name."""
    return list(units_of_kanwil(kanwil))


def category_by_slug(slug: str) -> Category | None:
    """One category."""
    return Category.objects.filter(slug=slug).first()


def tag_by_slug(slug: str) -> Tag | None:
    """One tag."""
    return Tag.objects.filter(slug=slug).first()


def stories_of_kanwil(kanwil: Kanwil) -> QuerySet[Story]:
    """Published stories of a Kanwil's units (the Kanwil copied onto each story)."""
    return published_stories().filter(kanwil=kanwil)


def stories_of_unit(unit: Unit) -> QuerySet[Story]:
    """Published stories of one unit."""
    return published_stories().filter(unit=unit)


def stories_of_category(category: Category) -> QuerySet[Story]:
    """Published stories of one category."""
    return published_stories().filter(category=category)


def stories_of_tag(tag: Tag) -> QuerySet[Story]:
    """Published stories carrying a tag."""
    tagged = Story.tags.through.objects.filter(story_id=OuterRef("pk"), tag_id=tag.pk)
    return published_stories().filter(Exists(tagged))


def latest_by_kanwil(*, per_kanwil: int = HOME_PER_KANWIL) -> dict[int, list[Story]]:
    """The newest stories of every Kanwil, in one query: a few index probes per Kanwil."""
    newest = _newest_first(published_stories().filter(kanwil=OuterRef("pk"))).values("pk")
    # The n-th newest story of every Kanwil, for n = 1..per_kanwil, in one UNION ALL.
    picked = [
        Kanwil.objects.order_by()
        .annotate(picked_story=Subquery(newest[rank : rank + 1]))
        .values("picked_story")
        for rank in range(per_kanwil)
    ]
    chosen = picked[0].union(*picked[1:], all=True)
    stories = attach_covers(
        list(_newest_first(for_listing(published_stories().filter(pk__in=chosen))))
    )
    grouped: dict[int, list[Story]] = {}
    for story in stories:
        grouped.setdefault(story.kanwil_id, []).append(story)
    return grouped


@dataclass
class Listing:
    """What a list page shows: its subject, one page of stories and what goes beside them."""

    page: StoryPage
    subject: Kanwil | Unit | Category | Tag | None = None
    units: list[Unit] = field(default_factory=list)
    regions: list[tuple[Kanwil, list[Story]]] = field(default_factory=list)


def home_listing(position: Position) -> Listing:
    """The newest stories; on the first page also every Kanwil with its latest (3 queries)."""
    page = page_of(published_stories(), position)
    if not position.is_first:
        return Listing(page=page)
    latest = latest_by_kanwil()
    return Listing(page=page, regions=[(kanwil, latest.get(kanwil.pk, [])) for kanwil in kanwils()])


def kanwil_listing(slug: str, position: Position) -> Listing | None:
    """A Kanwil, a page of its stories and its units (3 queries)."""
    kanwil = kanwil_by_slug(slug)
    if kanwil is None:
        return None
    page = page_of(stories_of_kanwil(kanwil), position)
    return Listing(page=page, subject=kanwil, units=units_of(kanwil))


def unit_listing(slug: str, position: Position) -> Listing | None:
    """An active unit and a page of its stories (2 queries)."""
    unit = unit_by_slug(slug)
    if unit is None:
        return None
    return Listing(page=page_of(stories_of_unit(unit), position), subject=unit)


def category_listing(slug: str, position: Position) -> Listing | None:
    """A category and a page of its stories (2 queries)."""
    category = category_by_slug(slug)
    if category is None:
        return None
    return Listing(page=page_of(stories_of_category(category), position), subject=category)


def tag_listing(slug: str, position: Position) -> Listing | None:
    """A tag and a page of its stories (2 queries)."""
    tag = tag_by_slug(slug)
    if tag is None:
        return None
    return Listing(page=page_of(stories_of_tag(tag), position), subject=tag)


# --- The story page ---------------------------------------------------------------------------


def story_by_slug(slug: str) -> Story | None:
    """A published or withdrawn story (the latter only to show its correction note)."""
    return (
        Story.objects.filter(slug=slug, state__in=(State.PUBLISHED, State.WITHDRAWN))
        .select_related("unit__kanwil", "category")
        .defer("search_vector")
        .first()
    )


def story_extras(story: Story) -> tuple[list[Tag], list[Photo], list[Story]]:
    """Tags, photos in order and related stories of a published story: three queries."""
    tags = list(story.tags.order_by("name"))
    photos = list(story.photos.order_by("position", "id"))
    return tags, photos, related_stories(story)


def related_stories(story: Story, *, count: int = RELATED_COUNT) -> list[Story]:
    """Newest stories of the same category, those sharing a tag first (one bounded query)."""
    candidates = _newest_first(
        published_stories().filter(category_id=story.category_id).exclude(pk=story.pk)
    ).values("pk")[:RELATED_CANDIDATES]
    through = Story.tags.through.objects
    shares_tag = Exists(
        through.filter(
            story_id=OuterRef("pk"),
            tag_id__in=through.filter(story_id=story.pk).values("tag_id"),
        )
    )
    related = (
        for_listing(published_stories().filter(pk__in=candidates))
        .annotate(shares_tag=shares_tag)
        .order_by("-shares_tag", "-published_at", "-id")
    )
    return attach_covers(list(related[:count]))


# --- Feeds and sitemaps -----------------------------------------------------------------------


def feed_stories(*, kanwil: Kanwil | None = None, unit: Unit | None = None) -> list[Story]:
    """The newest stories for a feed, with their tags (two queries)."""
    stories = published_stories()
    if kanwil is not None:
        stories = stories.filter(kanwil=kanwil)
    if unit is not None:
        stories = stories.filter(unit=unit)
    stories = (
        _newest_first(stories)
        .select_related("unit__kanwil", "category")
        .defer("search_vector")
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
    )
    return list(stories[:FEED_SIZE])


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
    """The options of the search filters: Kanwil, active units and categories (three queries)."""
    return FilterChoices(
        kanwils=[
            Choice(slug=kanwil.slug, pk=kanwil.pk, label=kanwil.province)
            for kanwil in Kanwil.objects.order_by("province").only("slug", "province")
        ],
        units=[
            Choice(slug=unit.slug, pk=unit.pk, label=unit.name, group=unit.kanwil_id)
            for unit in Unit.objects.filter(is_active=True)
            .order_by("name")
            .only("slug", "name", "kanwil_id")
        ],
        categories=[
            Choice(slug=category.slug, pk=category.pk, label=category.name)
            for category in Category.objects.order_by("position", "name").only("slug", "name")
        ],
    )
