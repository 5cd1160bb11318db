"""The story page's reads as fixed SQL statements (see rows.py for why): four small queries."""

from dataclasses import dataclass
from datetime import datetime

from ..models import State
from .paths import category_path, kanwil_path, story_path, tag_path, unit_path
from .rows import _json, aware, fetch

RELATED_COUNT = 4
# Related stories are picked among this many newest stories of the same category.
RELATED_CANDIDATES = 60


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


def story_row(slug: str) -> StoryRow | None:
    """A published or withdrawn story (the latter only to show its correction note)."""
    rows = fetch(
        "SELECT s.id, s.slug, s.state, s.title, s.lead, s.body, s.dateline, s.event_start, "
        "s.published_at, s.updated_at, s.correction_note, c.id, c.name, c.slug, "
        "u.name, u.slug, u.is_active, COALESCE(NULLIF(u.time_zone, ''), k.time_zone), "
        "k.slug, k.name, k.short_name, k.province "
        "FROM news_story s "
        "JOIN accounts_unit u ON u.id = s.unit_id "
        "JOIN accounts_kanwil k ON k.id = s.kanwil_id "
        "JOIN news_category c ON c.id = s.category_id "
        "WHERE s.slug = %s AND s.state IN (%s, %s)",
        [slug, State.PUBLISHED.value, State.WITHDRAWN.value],
    )
    if not rows:
        return None
    row = list(rows[0])
    row[7], row[8], row[9] = aware(row[7]), aware(row[8]), aware(row[9])
    row[16] = bool(row[16])
    return StoryRow(*row)


@dataclass(slots=True)
class PhotoRow:
    """A photo of a story, in its gallery order."""

    pk: int
    caption: str
    credit: str
    rendition_state: str
    renditions: dict


def photos_and_tags_of(story: StoryRow) -> tuple[list["PhotoRow"], list["TagRow"]]:
    """The photos of a story in gallery order and its tags by name, in one statement."""
    rows = fetch(
        "SELECT 0, p.id, p.caption, p.credit, p.rendition_state, p.renditions, p.position, '' "
        "FROM news_photo p WHERE p.story_id = %s "
        "UNION ALL "
        "SELECT 1, t.id, t.slug, t.name, NULL, NULL, 0, t.name "
        "FROM news_tag t JOIN news_story_tags st ON st.tag_id = t.id WHERE st.story_id = %s "
        "ORDER BY 1, 7, 8, 2",
        [story.pk, story.pk],
    )
    photos, tags = [], []
    for kind, pk, first, second, state, data, _position, _name in rows:
        if kind == 0:
            photos.append(PhotoRow(pk, first, second, state, _json(data)))
        else:
            tags.append(TagRow(pk, first, second))
    return photos, tags


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


def related_to(
    story: StoryRow, tags: list[TagRow], *, count: int = RELATED_COUNT
) -> list[RelatedRow]:
    """The newest stories of the same category, those sharing one of its tags first.

    Only the candidates' ids are ranked (one index probe each, never a hash of every story
    carrying a popular tag), and only the chosen few are joined to their unit."""
    params: list = []
    shared = "0"
    if tags:
        placeholders = ", ".join(["%s"] * len(tags))
        # A scalar subquery with LIMIT: PostgreSQL cannot turn it into a hash of every story
        # carrying the tag, as it may with EXISTS.
        shared = (
            "CASE WHEN (SELECT a.tag_id FROM news_story_tags a "
            f"WHERE a.story_id = r.id AND a.tag_id IN ({placeholders}) LIMIT 1) IS NULL "
            "THEN 0 ELSE 1 END"
        )
        params += [tag.pk for tag in tags]
    rows = fetch(
        "SELECT s.slug, s.title, u.name, s.published_at, "
        "COALESCE(NULLIF(u.time_zone, ''), k.time_zone) "
        "FROM (SELECT c.id, c.published_at, c.shared FROM ("
        f"SELECT r.id, r.published_at, {shared} AS shared FROM news_story r "
        f"WHERE r.state = '{State.PUBLISHED.value}' AND r.category_id = %s AND r.id <> %s "
        f"ORDER BY r.published_at DESC, r.id DESC LIMIT {RELATED_CANDIDATES}) c "
        "ORDER BY c.shared DESC, c.published_at DESC, c.id DESC LIMIT %s) top "
        "JOIN news_story s ON s.id = top.id "
        "JOIN accounts_unit u ON u.id = s.unit_id "
        "JOIN accounts_kanwil k ON k.id = s.kanwil_id "
        "ORDER BY top.shared DESC, top.published_at DESC, top.id DESC",
        [*params, story.category_id, story.pk, count],
    )
    return [
        RelatedRow(slug, title, unit, aware(when), zone) for slug, title, unit, when, zone in rows
    ]
