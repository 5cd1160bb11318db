"""The story page's read as one fixed SQL statement (see rows.py for why).

The story, its photos, its tags and its related stories come back as the rows of a single
statement, told apart by their first column: on a loaded server every round trip to the
database costs about as much as building a part of the page."""

from dataclasses import dataclass, field
from datetime import datetime

from ..models import State
from .paths import category_path, kanwil_path, story_path, tag_path, unit_path
from .rows import _json, aware, fetch


@dataclass(slots=True)
class StoryRow:
    """A published or withdrawn story with its unit, Kanwil and category."""

    pk: int
    slug: str
    state: str
    title: str
    lead: str
    body: str
    dateline: str
    event_start: datetime
    published_at: datetime | None
    updated_at: datetime
    correction_note: str
    category_id: int
    category_name: str
    category_slug: str
    unit_name: str
    unit_slug: str
    unit_active: bool
    zone: str
    kanwil_slug: str
    kanwil_name: str
    kanwil_short_name: str
    kanwil_province: str

    @property
    def is_published(self) -> bool:
        """Whether the public may read it (news.policies.is_public_story)."""
        return self.state == State.PUBLISHED

    @property
    def url(self) -> str:
        """The story's public page."""
        return story_path(self.slug)

    @property
    def unit_url(self) -> str:
        """The unit's public page."""
        return unit_path(self.unit_slug)

    @property
    def kanwil_url(self) -> str:
        """The Kanwil's public page."""
        return kanwil_path(self.kanwil_slug)

    @property
    def category_url(self) -> str:
        """The category's public page."""
        return category_path(self.category_slug)

    @property
    def modified_at(self) -> datetime:
        """When it last changed in public."""
        return max(self.published_at, self.updated_at) if self.published_at else self.updated_at


@dataclass(slots=True)
class PhotoRow:
    """A photo of a story, in its gallery order."""

    pk: int
    caption: str
    credit: str
    rendition_state: str
    renditions: dict


@dataclass(slots=True)
class TagRow:
    """A tag of a story."""

    pk: int
    slug: str
    name: str

    @property
    def url(self) -> str:
        """The tag's public page."""
        return tag_path(self.slug)


@dataclass(slots=True)
class RelatedRow:
    """A related story as the side column lists it."""

    slug: str
    title: str
    unit_name: str
    published_at: datetime
    zone: str

    @property
    def url(self) -> str:
        """The story's public page."""
        return story_path(self.slug)


@dataclass(slots=True)
class CoverageRow:
    """An outlet that also carried the story ("Also covered by")."""

    outlet: str
    url: str
    appeared_on: str | None


@dataclass(slots=True)
class StoryPage:
    """What the story page shows: the story and, when it is published, its extras."""

    story: StoryRow
    photos: list[PhotoRow]
    tags: list[TagRow]
    related: list[RelatedRow]
    coverage: list[CoverageRow] = field(default_factory=list)


_STORY, _PHOTO, _TAG, _RELATED, _COVERAGE = 0, 1, 2, 3, 4
_PUBLISHED = f"'{State.PUBLISHED.value}'"
# Rows of every kind share the story's 22 columns; a kind's unused columns are NULL. The
# target's id and state are scalar subqueries, computed once.
_STORY_PAGE = f"""
WITH target AS (
    SELECT s.id, s.state FROM news_story s
    WHERE s.slug = %s AND s.state IN ({_PUBLISHED}, '{State.WITHDRAWN.value}')
)
SELECT {_STORY}, 0, s.id, s.slug, s.state, s.title, s.lead, s.body, s.dateline, s.event_start,
    s.published_at, s.updated_at, s.correction_note, c.id, c.name, c.slug, u.name, u.slug,
    u.is_active, COALESCE(NULLIF(u.time_zone, ''), k.time_zone), k.slug, k.name, k.short_name,
    k.province
FROM target
JOIN news_story s ON s.id = target.id
JOIN accounts_unit u ON u.id = s.unit_id
JOIN accounts_kanwil k ON k.id = s.kanwil_id
JOIN news_category c ON c.id = s.category_id
UNION ALL
SELECT {_PHOTO}, ROW_NUMBER() OVER (ORDER BY p.position, p.id), p.id, p.caption, p.credit,
    p.rendition_state, CAST(p.renditions AS TEXT), NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM news_photo p
WHERE p.story_id = (SELECT id FROM target) AND (SELECT state FROM target) = {_PUBLISHED}
UNION ALL
SELECT {_TAG}, ROW_NUMBER() OVER (ORDER BY t.name, t.id), t.id, t.slug, t.name, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL
FROM news_story_tags st JOIN news_tag t ON t.id = st.tag_id
WHERE st.story_id = (SELECT id FROM target) AND (SELECT state FROM target) = {_PUBLISHED}
UNION ALL
SELECT {_RELATED}, rs.position, NULL, r.slug, NULL, r.title, u.name,
    COALESCE(NULLIF(u.time_zone, ''), k.time_zone), NULL, NULL, r.published_at, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM news_relatedstory rs
JOIN news_story r ON r.id = rs.related_id
JOIN accounts_unit u ON u.id = r.unit_id
JOIN accounts_kanwil k ON k.id = r.kanwil_id
-- Chosen when the story was published (news.services.related); one withdrawn since is left
-- out here until its lists are chosen again.
WHERE rs.story_id = (SELECT id FROM target) AND (SELECT state FROM target) = {_PUBLISHED}
    AND r.state = {_PUBLISHED}
UNION ALL
SELECT {_COVERAGE}, ROW_NUMBER() OVER (ORDER BY cv.appeared_on DESC, cv.id), cv.id, cv.outlet,
    cv.url, CAST(cv.appeared_on AS TEXT), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM news_coverage cv
-- External media only; a central admin can switch the section off (odon settings).
WHERE cv.story_id = (SELECT id FROM target) AND (SELECT state FROM target) = {_PUBLISHED}
    AND cv.kind = 'media'
    AND NOT EXISTS (SELECT 1 FROM odon_odonsettings o WHERE NOT o.show_public_coverage)
ORDER BY 1, 2
"""


def story_page(slug: str) -> StoryPage | None:
    """A published story with its photos, tags and related stories, or a withdrawn story
    alone (to show its correction note): one statement."""
    page = None
    for kind, _place, pk, first, second, third, fourth, fifth, *rest in fetch(_STORY_PAGE, [slug]):
        if kind == _STORY:
            row = [pk, first, second, third, fourth, fifth, *rest]
            row[7], row[8], row[9] = aware(row[7]), aware(row[8]), aware(row[9])
            row[16] = bool(row[16])
            page = StoryPage(StoryRow(*row), [], [], [])
        elif page is None:
            break
        elif kind == _PHOTO:
            page.photos.append(PhotoRow(pk, first, second, third, _json(fourth)))
        elif kind == _TAG:
            page.tags.append(TagRow(pk, first, second))
        elif kind == _COVERAGE:
            page.coverage.append(CoverageRow(first, second, third))
        else:
            page.related.append(RelatedRow(first, third, fourth, aware(rest[2]), fifth))
    return page
