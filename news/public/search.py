"""Search of published stories.

PostgreSQL: full-text search with the ``indonesian`` configuration over the stored vector
(GIN index), ranking of a bounded candidate set (the newest matches), highlighted snippets from
ts_headline, and, when nothing matches, a trigram fallback on titles (a misspelt word still finds
its story) with a "did you mean" suggestion. Other databases (SQLite in development): every word
must appear in the title, lead or body (icontains), newest first.

Nothing is counted: a page fetches one row more than it shows to know whether another follows,
and at most ``CANDIDATES`` matches are ever ranked or paged through.
"""

import difflib
import html
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramWordDistance,
)
from django.db import connection, transaction
from django.db.models import F, Func, Q, QuerySet, TextField, Value
from django.db.models.functions import Concat, Replace
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..models import Story
from .covers import attach_covers
from .selectors import PER_PAGE, for_listing, published_stories

CONFIG = "indonesian"
MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
# Never rank or page through more than this many matches: the newest ones.
CANDIDATES = 1000
MAX_PAGES = CANDIDATES // PER_PAGE
# ts_headline marks matches with these private-use characters; everything else is escaped.
START, STOP = "\ue000", "\ue001"
# How alike a title's word must be to a misspelt query (PostgreSQL's default is 0.6).
WORD_SIMILARITY_THRESHOLD = 0.5
_WORD = re.compile(r"\w+")
_MARKERS = re.compile(f"([{START}{STOP}])")


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
        return escape(text)
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


def filtered_stories(filters: Filters) -> QuerySet[Story]:
    """Published stories narrowed by the filters (dates in the portal's default zone)."""
    stories = published_stories()
    if filters.kanwil_id is not None:
        stories = stories.filter(kanwil_id=filters.kanwil_id)
    if filters.unit_id is not None:
        stories = stories.filter(unit_id=filters.unit_id)
    if filters.category_id is not None:
        stories = stories.filter(category_id=filters.category_id)
    if filters.date_from is not None:
        stories = stories.filter(published_at__gte=_day_start(filters.date_from))
    if filters.date_to is not None:
        stories = stories.filter(published_at__lt=_day_start(filters.date_to + timedelta(days=1)))
    return stories


def _page_slice(page: int) -> slice:
    offset = (page - 1) * PER_PAGE
    return slice(offset, offset + PER_PAGE + 1)


def _results(rows: list[Story], page: int, **extra) -> Results:
    return Results(
        hits=attach_covers(rows[:PER_PAGE]), page=page, has_next=len(rows) > PER_PAGE, **extra
    )


def search(*, query: str, filters: Filters, page: int = 1) -> Results:
    """Stories matching the query and filters, best first; newest first without words."""
    page = max(1, min(page, MAX_PAGES))
    words = words_of(query)
    if not words and not filters.any:
        # Punctuation only: nothing to look for.
        return Results(page=page)
    stories = filtered_stories(filters)
    if not words:
        rows = list(for_listing(stories).order_by("-published_at", "-id")[_page_slice(page)])
        for story in rows:
            story.title_html, story.snippet_html = escape(story.title), escape(story.lead)
        return _results(rows, page)
    if uses_full_text_search():
        return _search_postgresql(query, words, stories, page)
    return _search_icontains(words, stories, page)


def uses_full_text_search() -> bool:
    """PostgreSQL searches its stored vectors; other databases fall back to icontains."""
    return connection.vendor == "postgresql"


# --- PostgreSQL -------------------------------------------------------------------------------


def _without_markers(expression):
    return Replace(Replace(expression, Value(START), Value("")), Value(STOP), Value(""))


def _body_text():
    """The body as plain text, by the function migration 0005 defines."""
    return Func(F("body"), function="news_story_search_text", output_field=TextField())


def _plain(name: str):
    """A plain-text field as the parser should read it (migration 0005)."""
    return Func(F(name), function="news_story_plain_text", output_field=TextField())


def _search_postgresql(query: str, words: list[str], stories, page: int) -> Results:
    tsquery = SearchQuery(query, config=CONFIG, search_type="websearch")
    candidates = (
        stories.filter(search_vector=tsquery).order_by("-published_at", "-id").values("pk")
    )[:CANDIDATES]
    text = Concat(_plain("lead"), Value(" "), _body_text(), output_field=TextField())
    ranked = (
        for_listing(published_stories().filter(pk__in=candidates))
        .annotate(
            rank=SearchRank(F("search_vector"), tsquery),
            title_marked=SearchHeadline(
                _without_markers(F("title")),
                tsquery,
                config=CONFIG,
                start_sel=START,
                stop_sel=STOP,
                highlight_all=True,
            ),
            snippet_marked=SearchHeadline(
                _without_markers(text),
                tsquery,
                config=CONFIG,
                start_sel=START,
                stop_sel=STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-published_at", "-id")
    )
    rows = list(ranked[_page_slice(page)])
    if rows or page > 1:
        for story in rows:
            story.title_html = marked_html(story.title_marked)
            story.snippet_html = marked_html(story.snippet_marked)
        return _results(rows, page)
    return _similar_titles(words, stories)


def _similar_titles(words: list[str], stories) -> Results:
    """Nothing matched: titles with a word like the query's (trigrams), nearest first.

    The GiST trigram index finds them (%> for the threshold, <->> for the order); the
    threshold is lowered for this transaction only, so one wrong letter in a short word
    still matches."""
    phrase = " ".join(words)
    similar = (
        for_listing(stories.filter(title__trigram_word_similar=phrase))
        .annotate(distance=TrigramWordDistance(phrase, "title"))
        .order_by("distance")[:PER_PAGE]
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
            [str(WORD_SIMILARITY_THRESHOLD)],
        )
        rows = list(similar)
    suggestion = _suggestion(words, [story.title for story in rows])
    corrected = words_of(suggestion) if suggestion else words
    for story in rows:
        story.title_html = mark_words(story.title, corrected)
        story.snippet_html = mark_words(story.lead, corrected)
    return Results(hits=attach_covers(rows), page=1, approximate=bool(rows), suggestion=suggestion)


def _suggestion(words: list[str], titles: list[str]) -> str:
    """The query with each unknown word replaced by the closest word of the found titles."""
    vocabulary = {word.casefold() for title in titles for word in _WORD.findall(title)}
    corrected = []
    for word in words:
        folded = word.casefold()
        if folded in vocabulary:
            corrected.append(folded)
            continue
        close = difflib.get_close_matches(folded, vocabulary, n=1, cutoff=0.7)
        corrected.append(close[0] if close else folded)
    suggestion = " ".join(corrected)
    return "" if suggestion == " ".join(word.casefold() for word in words) else suggestion


# --- Other databases --------------------------------------------------------------------------


def _search_icontains(words: list[str], stories, page: int) -> Results:
    condition = Q()
    for word in words:
        condition &= Q(title__icontains=word) | Q(lead__icontains=word) | Q(body__icontains=word)
    candidates = (
        stories.filter(condition).order_by("-published_at", "-id").values("pk")[:CANDIDATES]
    )
    rows = list(
        for_listing(published_stories().filter(pk__in=candidates)).order_by("-published_at", "-id")[
            _page_slice(page)
        ]
    )
    for story in rows:
        story.title_html = mark_words(story.title, words)
        story.snippet_html = mark_words(story.lead, words)
    return _results(rows, page)
