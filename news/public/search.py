"""Search of published stories.

PostgreSQL: full-text search with the ``indonesian`` configuration over the stored vector.
Only the newest ``CANDIDATES`` matches are ranked (``ts_rank``, newest first among equals).
They are found without reading rows that do not match: first among the ``NEWEST`` newest
stories (where a common word is), then week by week through the GIN index of migration 0006,
whose keys also hold each story's week, Kanwil, unit and category, in windows that grow
further back only until enough matches are found. One query returns the ids of the page with
``ts_headline`` marks for those rows only; ``_hydrate`` turns the ids into cards. When nothing
matches, each word no published title has is replaced by the closest title word (trigrams,
migration 0007) and the corrected query is searched: "did you mean". Other databases (SQLite
in development): every word must appear in the title, lead or body (icontains), newest first.

Nothing is counted: a page fetches one id more than it shows to know whether another follows,
and at most ``CANDIDATES`` matches are ever ranked or paged through.
"""

import html
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.html import escape as escape_html
from django.utils.safestring import SafeString, mark_safe

from ..models import Story
from .rows import OF_CATEGORY, OF_KANWIL, OF_UNIT, PUBLISHED, Card, cards_by_ids, fetch
from .selectors import PER_PAGE, published_stories

CONFIG = "indonesian"
MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
# Never rank or page through more than this many matches: the newest ones.
CANDIDATES = 200
MAX_PAGES = CANDIDATES // PER_PAGE
# The newest stories whose vectors are read one by one: enough to fill the candidates with a
# word most stories have, few enough to cost little when the word is rare.
NEWEST = 300
# Weeks of the first window (the next, the current and the last one: a week or two of stories);
# each further window is GROWTH times longer, so a rarer word costs a few more index scans, never
# a read of the stories that do not match. Older matches come from one last scan of the index.
FIRST_WINDOW_WEEKS = 3
GROWTH = 4
WINDOWS = 3
# For the search transaction only: no JIT compilation, bitmaps that stay exact, and no
# parallel plan, so the parts of the candidate query are read in the order they are written.
SEARCH_SETTINGS = {"jit": "off", "work_mem": "16MB", "max_parallel_workers_per_gather": "0"}
# ts_headline marks matches with these private-use characters; everything else is escaped.
START, STOP = "\ue000", "\ue001"
TITLE_MARKS = f'StartSel="{START}", StopSel="{STOP}", HighlightAll=true'
SNIPPET_MARKS = (
    f'StartSel="{START}", StopSel="{STOP}", MaxWords=35, MinWords=15, '
    'MaxFragments=2, FragmentDelimiter=" … "'
)
# How alike a title word must be to an unknown word of the query to be suggested (trigram
# similarity, pg_trgm's default threshold): a letter missing, doubled or swapped in a short word.
SUGGESTION_SIMILARITY = 0.3
_WORD = re.compile(r"\w+")
_MARKERS = re.compile(f"([{START}{STOP}])")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_WEEK = timedelta(weeks=1)


@dataclass(frozen=True)
class Filters:
    """Where and when the stories were published."""

    kanwil_id: int | None = None
    unit_id: int | None = None
    category_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None

    @property
    def any(self) -> bool:
        """Whether a filter is set."""
        return any(
            value is not None
            for value in (
                self.kanwil_id,
                self.unit_id,
                self.category_id,
                self.date_from,
                self.date_to,
            )
        )


@dataclass
class Results:
    """One page of results."""

    hits: list[Story] = field(default_factory=list)
    page: int = 1
    has_next: bool = False
    approximate: bool = False
    suggestion: str = ""

    @property
    def first_number(self) -> int:
        """The number of the first result on this page."""
        return (self.page - 1) * PER_PAGE + 1


def words_of(query: str) -> list[str]:
    """The words of a query (letters and digits), at most MAX_WORDS."""
    return _WORD.findall(query)[:MAX_WORDS]


def escape(text: str) -> str:
    """Text escaped for HTML, as Django's ``escape`` does, without its lazy-string wrapper:
    a page of results escapes a few hundred pieces."""
    return html.escape(str(text))


def marked_html(text: str) -> SafeString:
    """Text from ts_headline as HTML: escaped, with <mark> where the markers were."""
    parts, open_mark = [], False
    for piece in _MARKERS.split(text or ""):
        if piece == START and not open_mark:
            parts.append("<mark>")
            open_mark = True
        elif piece == STOP and open_mark:
            parts.append("</mark>")
            open_mark = False
        elif piece not in (START, STOP):
            parts.append(escape(html.unescape(piece)))
    if open_mark:
        parts.append("</mark>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


def mark_words(text: str, words: list[str]) -> SafeString:
    """Plain text as HTML with every occurrence of the words (any case) in <mark>."""
    text = text or ""
    words = [word for word in words if word]
    if not words:
        return escape_html(text)
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(settings.PORTAL_DEFAULT_TIME_ZONE))


def _dated(stories: QuerySet[Story], filters: Filters) -> QuerySet[Story]:
    """Stories narrowed by the date filters (days in the portal's default zone)."""
    if filters.date_from is not None:
        stories = stories.filter(published_at__gte=_day_start(filters.date_from))
    if filters.date_to is not None:
        stories = stories.filter(published_at__lt=_day_start(filters.date_to + timedelta(days=1)))
    return stories


def filtered_stories(filters: Filters) -> QuerySet[Story]:
    """Published stories narrowed by the filters (dates in the portal's default zone)."""
    stories = published_stories()
    if filters.kanwil_id is not None:
        stories = stories.filter(kanwil_id=filters.kanwil_id)
    if filters.unit_id is not None:
        stories = stories.filter(unit_id=filters.unit_id)
    if filters.category_id is not None:
        stories = stories.filter(category_id=filters.category_id)
    return _dated(stories, filters)


def _newest_first(stories: QuerySet[Story]) -> QuerySet[Story]:
    return stories.order_by("-published_at", "-id")


def _page_slice(page: int) -> slice:
    offset = (page - 1) * PER_PAGE
    return slice(offset, offset + PER_PAGE + 1)


def _hydrate(pks: list[int]) -> list[Card]:
    """The stories of a page as story cards show them, in the order of ``pks``."""
    return cards_by_ids(pks)


def search(*, query: str, filters: Filters, page: int = 1) -> Results:
    """Stories matching the query and filters, best first; newest first without words."""
    page = max(1, min(page, MAX_PAGES))
    words = words_of(query)
    if not words and not filters.any:
        # Punctuation only: nothing to look for.
        return Results(page=page)
    stories = filtered_stories(filters)
    if not words:
        pks = list(_newest_first(stories).values_list("pk", flat=True)[_page_slice(page)])
        hits = _hydrate(pks[:PER_PAGE])
        for story in hits:
            story.title_html, story.snippet_html = escape_html(story.title), escape_html(story.lead)
        return Results(hits=hits, page=page, has_next=len(pks) > PER_PAGE)
    if uses_full_text_search():
        return _search_postgresql(query, words, filters, page)
    return _search_icontains(words, stories, page)


def uses_full_text_search() -> bool:
    """PostgreSQL searches its stored vectors; other databases fall back to icontains."""
    return connection.vendor == "postgresql"


# --- PostgreSQL -------------------------------------------------------------------------------


def search_week(moment: datetime) -> int:
    """The week of a time as the index knows it (news_story_search_week, migration 0006)."""
    return (moment - _EPOCH) // _WEEK


def _windows(filters: Filters) -> tuple[list[list[int]], int | None]:
    """The windows of weeks to search, newest first, and the week before which the rest lies.

    The first window starts with next week, for a clock that runs ahead; a story dated later
    still is found among the NEWEST newest stories. Weeks outside the date filter are left out;
    the rest is None when the windows reach its start."""
    newest = search_week(timezone.now()) + 1
    if filters.date_to is not None:
        end = _day_start(filters.date_to + timedelta(days=1)) - timedelta(microseconds=1)
        newest = min(newest, search_week(end))
    first = search_week(_day_start(filters.date_from)) if filters.date_from else None
    windows, size = [], FIRST_WINDOW_WEEKS
    for _number in range(WINDOWS):
        oldest = newest - size + 1 if first is None else max(newest - size + 1, first)
        if oldest > newest:
            return windows, None
        windows.append(list(range(newest, oldest - 1, -1)))
        newest, size = oldest - 1, size * GROWTH
    return windows, None if first is not None and first > newest else newest + 1


# A story's week, Kanwil, unit and category keys, as indexed by migration 0006.
_FACETS = "news_story_search_facets(s.published_at, s.kanwil_id, s.unit_id, s.category_id)"
_TSQUERY = f"websearch_to_tsquery('{CONFIG}'::regconfig, %s)"
_NEWEST_FIRST = "ORDER BY s.published_at DESC, s.id DESC"
# The newest stories, their vectors read one by one.
_NEWEST_PART = """
SELECT * FROM (
    SELECT s.id, s.published_at, s.search_vector FROM news_story s
    WHERE {filtered} {newest_first} LIMIT {newest}
) AS newest WHERE newest.search_vector @@ {tsquery}
ORDER BY newest.published_at DESC, newest.id DESC
"""
# Matches older than the newest stories, from the index. Kanwil, unit and category are asked
# of its keys, never of a B-tree index, which the planner would intersect with every match.
_INDEXED_PART = """
SELECT s.id, s.published_at, s.search_vector FROM news_story s
WHERE {indexed} AND s.search_vector @@ {tsquery}
    AND (s.published_at, s.id) < (SELECT published_at, id FROM boundary) AND {selection}
{newest_first} LIMIT {candidates}
"""
# The page: the newest CANDIDATES matches ranked, with ts_headline marks for the rows shown
# only (it parses whole bodies), not for the one that tells whether another page follows.
_PAGE_SQL = """
WITH boundary AS (
    SELECT s.published_at, s.id FROM news_story s
    WHERE {filtered} {newest_first} LIMIT 1 OFFSET {boundary}
),
candidates AS MATERIALIZED (SELECT * FROM ({parts}) AS matches LIMIT {candidates}),
ranked AS (
    SELECT id, published_at, ts_rank(search_vector, {tsquery}) AS rank FROM candidates
    ORDER BY rank DESC, published_at DESC, id DESC LIMIT {rows} OFFSET %s
),
page AS (
    SELECT id, row_number() OVER (ORDER BY rank DESC, published_at DESC, id DESC) AS place
    FROM ranked
)
SELECT page.id,
    CASE WHEN page.place <= {shown} THEN ts_headline(
        '{config}'::regconfig, replace(replace(s.title, %s, ''), %s, ''), {tsquery}, %s
    ) END,
    CASE WHEN page.place <= {shown} THEN ts_headline(
        '{config}'::regconfig,
        replace(replace(news_story_plain_text(s.lead) || ' '
            || news_story_search_text(s.body), %s, ''), %s, ''),
        {tsquery},
        %s
    ) END
FROM page JOIN news_story s ON s.id = page.id
ORDER BY page.place
"""


def _conditions(filters: Filters, *, keys: bool) -> tuple[str, list]:
    """Published stories narrowed by the filters, as SQL on ``s`` and its params.

    With ``keys``, Kanwil, unit and category are asked of the search index's keys."""
    narrowing = [
        (prefix, condition, value)
        for prefix, condition, value in (
            ("k", OF_KANWIL, filters.kanwil_id),
            ("u", OF_UNIT, filters.unit_id),
            ("c", OF_CATEGORY, filters.category_id),
        )
        if value is not None
    ]
    sql, params = [PUBLISHED], []
    if keys and narrowing:
        sql.append(f"AND {_FACETS} @> %s::text[]")
        params.append([f"{prefix}{value}" for prefix, _condition, value in narrowing])
    elif not keys:
        sql += [condition for _prefix, condition, _value in narrowing]
        params += [value for _prefix, _condition, value in narrowing]
    if filters.date_from is not None:
        sql.append("AND s.published_at >= %s")
        params.append(_day_start(filters.date_from))
    if filters.date_to is not None:
        sql.append("AND s.published_at < %s")
        params.append(_day_start(filters.date_to + timedelta(days=1)))
    return " ".join(sql), params


def _ranked_page(query: str, filters: Filters, page: int) -> list[tuple]:
    """(id, marked title, marked snippet) of a page of the ranked candidates, and one more id.

    The candidates are read in parts, in turn, until CANDIDATES matches are found: the NEWEST
    newest stories, then from the index each window of weeks and the rest; a plain (never
    parallel) Append stops reading as soon as its LIMIT is reached. The later parts take only
    stories older than the NEWEST, so none is found twice. The statement's text depends only on
    which filters are set: it is prepared once per connection (rows.fetch)."""
    filtered, filtered_params = _conditions(filters, keys=False)
    indexed, indexed_params = _conditions(filters, keys=True)
    constants = {"newest_first": _NEWEST_FIRST, "tsquery": _TSQUERY, "candidates": CANDIDATES}
    parts = [_NEWEST_PART.format(filtered=filtered, newest=NEWEST, **constants)]
    params = [*filtered_params, query]
    windows, older = _windows(filters)
    selections = [(f"{_FACETS} && %s::text[]", [f"w{week}" for week in weeks]) for weeks in windows]
    if older is not None:
        # Not "published_at < …": the planner would walk the B-tree from the newest story.
        selections.append(("news_story_search_week(s.published_at) < %s", older))
    for selection, value in selections:
        parts.append(_INDEXED_PART.format(indexed=indexed, selection=selection, **constants))
        params += [*indexed_params, query, value]
    sql = _PAGE_SQL.format(
        filtered=filtered,
        boundary=NEWEST - 1,
        parts=" UNION ALL ".join(f"({part})" for part in parts),
        rows=PER_PAGE + 1,
        shown=PER_PAGE,
        config=CONFIG,
        **constants,
    )
    params = [*filtered_params, *params, query, (page - 1) * PER_PAGE]
    params += [START, STOP, query, TITLE_MARKS, START, STOP, query, SNIPPET_MARKS]
    return fetch(sql, params)


def _search_postgresql(query: str, words: list[str], filters: Filters, page: int) -> Results:
    suggestion = ""
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute(
            "SELECT " + ", ".join("set_config(%s, %s, true)" for _name in SEARCH_SETTINGS),
            [item for pair in SEARCH_SETTINGS.items() for item in pair],
        )
        rows = _ranked_page(query, filters, page)
        if not rows and page == 1:
            suggestion = _suggestion(cursor, words)
            if suggestion:
                # Only the first page of the corrected query, as its links would lose it.
                rows = _ranked_page(suggestion, filters, 1)[:PER_PAGE]
    marks = {pk: (title, snippet) for pk, title, snippet in rows[:PER_PAGE]}
    hits = _hydrate(list(marks))
    for story in hits:
        title, snippet = marks[story.pk]
        story.title_html, story.snippet_html = marked_html(title), marked_html(snippet)
    if not suggestion:
        return Results(hits=hits, page=page, has_next=len(rows) > PER_PAGE)
    if not hits:
        # The suggestion would lead to nothing either.
        return Results(page=1)
    return Results(hits=hits, page=1, approximate=True, suggestion=suggestion)


def _suggestion(cursor, words: list[str]) -> str:
    """The query with each word no published title has replaced by the closest title word.

    Empty when no word could be replaced. The GiST trigram index of migration 0007 finds the
    nearest word of every query word in one query."""
    folded = [word.casefold() for word in words]
    cursor.execute(
        "SELECT nearest.word, similarity(nearest.word, query.word)"
        " FROM unnest(%s::text[]) WITH ORDINALITY AS query (word, place)"
        " LEFT JOIN LATERAL (SELECT title_word.word FROM news_story_title_word AS title_word"
        " ORDER BY title_word.word <-> query.word LIMIT 1) AS nearest ON true"
        " ORDER BY query.place",
        [folded],
    )
    corrected = [
        nearest if nearest is not None and closeness >= SUGGESTION_SIMILARITY else word
        for word, (nearest, closeness) in zip(folded, cursor.fetchall(), strict=True)
    ]
    return "" if corrected == folded else " ".join(corrected)


# --- Other databases --------------------------------------------------------------------------


def _search_icontains(words: list[str], stories: QuerySet[Story], page: int) -> Results:
    condition = Q()
    for word in words:
        condition &= Q(title__icontains=word) | Q(lead__icontains=word) | Q(body__icontains=word)
    candidates = _newest_first(stories.filter(condition)).values("pk")[:CANDIDATES]
    pks = list(
        _newest_first(published_stories().filter(pk__in=candidates)).values_list("pk", flat=True)[
            _page_slice(page)
        ]
    )
    hits = _hydrate(pks[:PER_PAGE])
    for story in hits:
        story.title_html = mark_words(story.title, words)
        story.snippet_html = mark_words(story.lead, words)
    return Results(hits=hits, page=page, has_next=len(pks) > PER_PAGE)
