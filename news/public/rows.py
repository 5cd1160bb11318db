"""The public site's hot reads, as fixed SQL statements returning light rows.

Why SQL: at national scale a public page has a few milliseconds. For a page of twenty cards the
ORM spent about a millisecond compiling a query with its cover subquery and three more building
four model instances per card. These statements are written once, run unchanged on PostgreSQL
and SQLite, and fill slotted rows the templates read directly.

The rule of the public site (news.policies.is_public_story: published stories only) is the
``PUBLISHED`` condition every statement starts from; only ``story_row`` also reads a withdrawn
story, to answer with its correction note. The partial indexes of migration 0004 serve every
list: newest first by (published_at, id), overall, per Kanwil, per unit and per category.
"""

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db import InterfaceError, OperationalError, connection
from django.utils.dateparse import parse_datetime

from ..models import State
from .covers import CoverPhoto
from .cursors import Cursor, Position
from .paths import kanwil_path, patterns, unit_path

PUBLISHED = f"s.state = '{State.PUBLISHED.value}'"

# What a card shows, then its first photo (joined by the subquery below).
_CARD_COLUMNS = """
    s.id, s.slug, s.title, s.lead, s.published_at, s.updated_at,
    u.name, u.slug, u.is_active, COALESCE(NULLIF(u.time_zone, ''), k.time_zone),
    k.slug, k.short_name, c.name, c.slug,
    p.id, p.caption, p.rendition_state, p.renditions"""
_CARD_TABLES = """
    FROM news_story s
    JOIN accounts_unit u ON u.id = s.unit_id
    JOIN accounts_kanwil k ON k.id = s.kanwil_id
    JOIN news_category c ON c.id = s.category_id
    LEFT JOIN news_photo p ON p.id = (
        SELECT f.id FROM news_photo f WHERE f.story_id = s.id ORDER BY f.position, f.id LIMIT 1
    )"""
_NEWEST_FIRST = "ORDER BY s.published_at DESC, s.id DESC"
_OLDEST_FIRST = "ORDER BY s.published_at ASC, s.id ASC"
# Keyset conditions, with the plain range first so the index range starts at the cursor.
_OLDER_THAN = "AND s.published_at <= %s AND (s.published_at < %s OR s.id < %s)"
_NEWER_THAN = "AND s.published_at >= %s AND (s.published_at > %s OR s.id > %s)"

# The narrowing of a list: a trusted SQL fragment with one parameter.
OF_KANWIL = "AND s.kanwil_id = %s"
OF_UNIT = "AND s.unit_id = %s"
OF_CATEGORY = "AND s.category_id = %s"
OF_TAG = "AND EXISTS (SELECT 1 FROM news_story_tags t WHERE t.story_id = s.id AND t.tag_id = %s)"
OF_IDS = "AND s.id IN ({placeholders})"


def aware(value) -> datetime | None:
    """A datetime from a raw row as an aware UTC datetime (SQLite gives naive ones)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = parse_datetime(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


def _json(value) -> dict:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return value if isinstance(value, dict) else {}


def _parameter(moment: datetime):
    return connection.ops.adapt_datetimefield_value(moment)


def fetch(sql: str, params=()) -> list[tuple]:
    """All rows of one statement; on PostgreSQL a statement prepared once per connection."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    checking = _check_by_use()
    try:
        return _execute_prepared(sql, params)
    except (InterfaceError, OperationalError):
        if not checking or connection.is_usable():
            raise
    # The reused connection had died (a database restart): read again on a new one.
    connection.close()
    return _execute_prepared(sql, params)


def _check_by_use() -> bool:
    """Whether this read stands in for the request's connection health check.

    With CONN_HEALTH_CHECKS Django pings a reused connection (SELECT 1) before a request's
    first query: a round trip as dear as a whole public page's read. These reads change
    nothing, so instead they run at once and, should the connection turn out dead, run again
    on a new one (fetch). Inside a transaction nothing is retried, and Django's check stays."""
    if (
        connection.connection is None
        or connection.in_atomic_block
        or not connection.health_check_enabled
        or connection.health_check_done
    ):
        return False
    connection.health_check_done = True
    return True


def _execute_prepared(sql: str, params) -> list[tuple]:
    with connection.cursor() as cursor:
        name = _prepare(sql)
        arguments = f"({', '.join(['%s'] * len(params))})" if params else ""
        cursor.execute(f"EXECUTE {name}{arguments}", params)
        return cursor.fetchall()


_PLACEHOLDER = re.compile(r"%s")


def _prepare(sql: str) -> str:
    """The name of ``sql`` prepared on this connection (PREPARE on first use).

    Planning a four-table join costs PostgreSQL about a millisecond, more than running it;
    a prepared statement with a generic plan (the connection's plan_cache_mode, see
    settings) is planned once per connection. PREPARE outlives a rolled-back transaction,
    and a new connection (new backend process) starts with none."""
    connection.ensure_connection()
    name = "humas_" + hashlib.sha1(sql.encode(), usedforsecurity=False).hexdigest()[:16]
    raw = connection.connection
    with connection.wrap_database_errors:
        session = (id(raw), raw.get_backend_pid())
    prepared = connection.__dict__.setdefault("humas_prepared", {})
    if prepared.get("session") != session:
        prepared.clear()
        prepared["session"] = session
        prepared["names"] = set()
    if name not in prepared["names"]:
        numbered = iter(range(1, sql.count("%s") + 1))
        # On the driver's own cursor: setting up the connection is not one of the page's queries.
        with connection.wrap_database_errors, raw.cursor() as setup:
            setup.execute(
                f"PREPARE {name} AS {_PLACEHOLDER.sub(lambda _: f'${next(numbered)}', sql)}"
            )
        prepared["names"].add(name)
    return name


@dataclass(slots=True)
class Card:
    """A published story as a list shows it: no body, its first photo as ``cover``."""

    pk: int
    slug: str
    title: str
    lead: str
    published_at: datetime
    updated_at: datetime
    unit_name: str
    unit_active: bool
    zone: str
    kanwil_short_name: str
    category_name: str
    # The public pages of the story, its unit, Kanwil and category.
    url: str
    unit_url: str
    kanwil_url: str
    category_url: str
    cover: CoverPhoto | None = None
    tags: list[str] = field(default_factory=list)
    # Search results: the title and a snippet with the matched words marked (safe HTML).
    title_html: str = ""
    snippet_html: str = ""


def _cards_of(found: list[tuple]) -> list[Card]:
    """Cards from rows of ``_CARD_COLUMNS``."""
    (story_a, story_b), (unit_a, unit_b), (kanwil_a, kanwil_b), (category_a, category_b) = patterns(
        "story", "unit", "kanwil", "category"
    )
    result = []
    for row in found:
        cover = None
        if row[14] is not None:
            cover = CoverPhoto(
                pk=row[14], caption=row[15], rendition_state=row[16], renditions=_json(row[17])
            )
        result.append(
            Card(
                pk=row[0],
                slug=row[1],
                title=row[2],
                lead=row[3],
                published_at=aware(row[4]),
                updated_at=aware(row[5]),
                unit_name=row[6],
                unit_active=bool(row[8]),
                zone=row[9],
                kanwil_short_name=row[11],
                category_name=row[12],
                url=f"{story_a}{row[1]}{story_b}",
                unit_url=f"{unit_a}{row[7]}{unit_b}",
                kanwil_url=f"{kanwil_a}{row[10]}{kanwil_b}",
                category_url=f"{category_a}{row[13]}{category_b}",
                cover=cover,
            )
        )
    return result


def cards(where: str = "", params=(), *, order: str = _NEWEST_FIRST, limit: int) -> list[Card]:
    """Published stories as cards: ``where`` is one of the trusted fragments above."""
    sql = f"SELECT {_CARD_COLUMNS} {_CARD_TABLES} WHERE {PUBLISHED} {where} {order} LIMIT %s"
    return _cards_of(fetch(sql, [*params, limit]))


def cards_by_ids(pks: list[int]) -> list[Card]:
    """Published stories with these ids as cards, in the order of ``pks``."""
    if not pks:
        return []
    where = OF_IDS.format(placeholders=", ".join(["%s"] * len(pks)))
    found = {card.pk: card for card in cards(where, pks, limit=len(pks))}
    return [found[pk] for pk in pks if pk in found]


def with_tag_names(found: list[Card]) -> list[Card]:
    """The cards with the names of their tags, by name (one statement)."""
    if not found:
        return found
    by_pk = {card.pk: card for card in found}
    placeholders = ", ".join(["%s"] * len(by_pk))
    for story_pk, name in fetch(
        "SELECT st.story_id, t.name FROM news_story_tags st JOIN news_tag t ON t.id = st.tag_id "
        f"WHERE st.story_id IN ({placeholders}) ORDER BY t.name",
        list(by_pk),
    ):
        by_pk[story_pk].tags.append(name)
    return found


@dataclass
class StoryPage:
    """One page of a newest-first list, with the cursors of its neighbours."""

    stories: list[Card]
    older: Cursor | None = None
    newer: Cursor | None = None


def page_of(where: str, params, position: Position, *, per_page: int) -> StoryPage:
    """One keyset page, newest first: one statement, whatever the depth."""
    if position.after is not None:
        after = position.after
        moment = _parameter(after.published_at)
        rows = cards(
            f"{where} {_NEWER_THAN}",
            [*params, moment, moment, after.pk],
            order=_OLDEST_FIRST,
            limit=per_page + 1,
        )
        more_newer = len(rows) > per_page
        rows = list(reversed(rows[:per_page]))
        return StoryPage(
            stories=rows,
            newer=Cursor.of(rows[0]) if more_newer else None,
            older=Cursor.of(rows[-1]) if rows else None,
        )
    if position.before is not None:
        before = position.before
        moment = _parameter(before.published_at)
        where, params = f"{where} {_OLDER_THAN}", [*params, moment, moment, before.pk]
    rows = cards(where, params, limit=per_page + 1)
    more_older = len(rows) > per_page
    rows = rows[:per_page]
    return StoryPage(
        stories=rows,
        older=Cursor.of(rows[-1]) if more_older else None,
        newer=Cursor.of(rows[0]) if position.before is not None and rows else None,
    )


# --- The home page's regions ------------------------------------------------------------------


@dataclass(slots=True)
class Headline:
    """A story as a title and a link to its public page."""

    title: str
    url: str


@dataclass(slots=True)
class Region:
    """A Kanwil, the link to its public page, and its newest headlines."""

    pk: int
    slug: str
    province: str
    url: str
    headlines: list[Headline] = field(default_factory=list)


def _nth_newest(rank: int) -> str:
    return (
        "(SELECT x.id FROM news_story x WHERE x.kanwil_id = k.id "
        f"AND x.state = '{State.PUBLISHED.value}' "
        f"ORDER BY x.published_at DESC, x.id DESC LIMIT 1 OFFSET {int(rank)})"
    )


def _regions_sql(per_kanwil: int) -> str:
    if connection.vendor == "postgresql":
        # A LATERAL join walks each Kanwil's index once; planned and run in under a millisecond.
        newest = (
            "LEFT JOIN LATERAL (SELECT x.id, x.slug, x.title, x.published_at FROM news_story x "
            f"WHERE x.kanwil_id = k.id AND x.state = '{State.PUBLISHED.value}' "
            f"ORDER BY x.published_at DESC, x.id DESC LIMIT {int(per_kanwil)}) s ON TRUE "
        )
    else:
        # SQLite has no LATERAL: the n-th newest story of each Kanwil, n = 1..per_kanwil.
        ranks = ", ".join(_nth_newest(rank) for rank in range(per_kanwil))
        newest = f"LEFT JOIN news_story s ON s.id IN ({ranks}) "
    return (
        "SELECT k.id, k.slug, k.province, s.slug, s.title FROM accounts_kanwil k "
        f"{newest}ORDER BY k.province, k.id, s.published_at DESC, s.id DESC"
    )


def regions(*, per_kanwil: int) -> list[Region]:
    """Every Kanwil by province with its newest headlines: one statement, a few index probes
    per Kanwil."""
    sql = _regions_sql(per_kanwil)
    (story_a, story_b), (kanwil_a, kanwil_b) = patterns("story", "kanwil")
    found: dict[int, Region] = {}
    for pk, slug, province, story_slug, title in fetch(sql):
        region = found.get(pk)
        if region is None:
            region = found[pk] = Region(pk, slug, province, f"{kanwil_a}{slug}{kanwil_b}")
        if story_slug is not None:
            region.headlines.append(Headline(title, f"{story_a}{story_slug}{story_b}"))
    return list(found.values())


# --- Subjects of list pages -------------------------------------------------------------------


@dataclass(slots=True)
class Office:
    """A Kanwil as its public page shows it."""

    pk: int
    slug: str
    name: str
    short_name: str
    province: str
    time_zone: str

    @property
    def url(self) -> str:
        """The Kanwil's public page."""
        return kanwil_path(self.slug)


_OFFICE_COLUMNS = "k.id, k.slug, k.name, k.short_name, k.province, k.time_zone"


def office_by_slug(slug: str) -> Office | None:
    """A Kanwil by its slug."""
    rows = fetch(f"SELECT {_OFFICE_COLUMNS} FROM accounts_kanwil k WHERE k.slug = %s", [slug])
    return Office(*rows[0]) if rows else None


@dataclass(slots=True)
class UnitSummary:
    """A unit as its public page, and its Kanwil's list of units, show it."""

    pk: int
    slug: str
    name: str
    unit_type: str = ""
    unit_class: str = ""
    city: str = ""
    zone: str = ""
    office: Office | None = None

    @property
    def url(self) -> str:
        """The unit's public page."""
        return unit_path(self.slug)


def active_unit_by_slug(slug: str) -> UnitSummary | None:
    """An active unit with its Kanwil, by the unit's slug."""
    rows = fetch(
        "SELECT u.id, u.slug, u.name, u.unit_type, u.unit_class, u.city, "
        f"COALESCE(NULLIF(u.time_zone, ''), k.time_zone), {_OFFICE_COLUMNS} "
        "FROM accounts_unit u JOIN accounts_kanwil k ON k.id = u.kanwil_id "
        "WHERE u.slug = %s AND u.is_active",
        [slug],
    )
    if not rows:
        return None
    row = rows[0]
    return UnitSummary(*row[:7], office=Office(*row[7:]))


def active_units_of(office: Office) -> list[UnitSummary]:
    """The active units of a Kanwil, by name."""
    rows = fetch(
        "SELECT u.id, u.slug, u.name FROM accounts_unit u "
        "WHERE u.kanwil_id = %s AND u.is_active ORDER BY u.name",
        [office.pk],
    )
    return [UnitSummary(*row) for row in rows]


@dataclass(slots=True)
class Topic:
    """A category or a tag."""

    pk: int
    slug: str
    name: str


def category_by_slug(slug: str) -> Topic | None:
    """A category by its slug."""
    rows = fetch("SELECT id, slug, name FROM news_category WHERE slug = %s", [slug])
    return Topic(*rows[0]) if rows else None


def tag_by_slug(slug: str) -> Topic | None:
    """A tag by its slug."""
    rows = fetch("SELECT id, slug, name FROM news_tag WHERE slug = %s", [slug])
    return Topic(*rows[0]) if rows else None


def filter_options() -> list[tuple]:
    """The search filters in one statement: (kind, slug, id, label, Kanwil id, order) of every
    Kanwil by province (kind 0), active unit by name (1), category by position and name (2)."""
    return fetch(
        "SELECT 0, slug, id, province, NULL, 0 FROM accounts_kanwil "
        "UNION ALL SELECT 1, slug, id, name, kanwil_id, 0 FROM accounts_unit WHERE is_active "
        "UNION ALL SELECT 2, slug, id, name, NULL, position FROM news_category "
        "ORDER BY 1, 6, 4"
    )
