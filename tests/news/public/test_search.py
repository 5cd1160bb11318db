"""Search: the icontains fallback everywhere, full-text search on PostgreSQL, hostile input."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news.models import Category, State, Story
from news.public import search
from tests.factories.news import force_state
from tests.factories.public import published_story, story_in_state

from .conftest import fetch, text

pytestmark = pytest.mark.django_db

SEARCH = reverse("public:search")


def results(body: str) -> str:
    """The results section of the search page (the form repeats the query)."""
    start = body.find('id="results-title"')
    return body[start : body.find("</section>", start)] if start >= 0 else ""


def found_titles(body: str) -> list[str]:
    return [
        re.sub(r"</?mark>", "", title)
        for title in re.findall(r'<h3 class="h5 mb-1">\s*<a href="[^"]+">(.*?)</a>', body, re.S)
    ]


@pytest.fixture
def icontains(monkeypatch):
    """Search as on SQLite, whatever the test database."""
    monkeypatch.setattr(search, "uses_full_text_search", lambda: False)


# --- The fallback (SQLite in development) -----------------------------------------------------


def test_fallback_finds_every_word_in_title_lead_or_body(
    icontains, anonymous, operator_palu, palu_unit
):
    both = published_story(
        unit=palu_unit, by=operator_palu, title="Pelatihan Menjahit", body="<p>Tas anyaman.</p>"
    )
    published_story(unit=palu_unit, by=operator_palu, title="Pelatihan Barista")

    body = text(fetch(anonymous, f"{SEARCH}?q=pelatihan+anyaman")[0])

    assert found_titles(body) == [both.title]
    assert "<mark>Pelatihan</mark>" in body


def test_fallback_escapes_everything_but_the_marks(icontains, anonymous, operator_palu, palu_unit):
    published_story(
        unit=palu_unit, by=operator_palu, title="<b>Apel</b> & <i>doa</i> pagi", lead="<u>Apel</u>"
    )

    section = results(text(fetch(anonymous, f"{SEARCH}?q=apel")[0]))

    assert "&lt;b&gt;<mark>Apel</mark>&lt;/b&gt; &amp; &lt;i&gt;doa&lt;/i&gt; pagi" in section
    assert "<b>" not in section and "<i>" not in section and "<u>" not in section


# --- Filters and paging, on any database ------------------------------------------------------


def test_filters_narrow_the_results(
    anonymous, operator_palu, operator_pelaihari, palu_unit, pelaihari_unit, lpka_palu_unit
):
    palu = published_story(unit=palu_unit, by=operator_palu, title="Penguatan Palu")
    pelaihari = published_story(
        unit=pelaihari_unit, by=operator_pelaihari, title="Penguatan Kalsel"
    )
    Story.objects.filter(pk=pelaihari.pk).update(published_at=timezone.now() - timedelta(days=40))

    def titles(query: str) -> set[str]:
        return set(found_titles(text(fetch(anonymous, f"{SEARCH}?{query}")[0])))

    assert titles("q=Penguatan") == {palu.title, pelaihari.title}
    assert titles("q=Penguatan&kanwil=sulteng") == {palu.title}
    assert titles("q=Penguatan&kanwil=kalsel") == {pelaihari.title}
    assert titles(f"q=Penguatan&upt={palu_unit.slug}") == {palu.title}
    assert titles(f"q=Penguatan&upt={lpka_palu_unit.slug}") == set()
    assert titles("q=Penguatan&kategori=kehumasan") == {palu.title, pelaihari.title}
    assert titles("q=Penguatan&kategori=kesehatan") == set()
    since = (timezone.localdate() - timedelta(days=7)).isoformat()
    assert titles(f"q=Penguatan&dari={since}") == {palu.title}
    assert titles(f"q=Penguatan&sampai={since}") == {pelaihari.title}
    # Filters alone list the newest matching stories.
    assert titles("kanwil=kalsel") == {pelaihari.title}


def test_the_unit_filter_offers_the_units_of_the_chosen_kanwil(anonymous, lpka_palu_unit):
    body = text(fetch(anonymous, f"{SEARCH}?kanwil=sulteng")[0])
    units = body[body.index('name="upt"') : body.index("</select>", body.index('name="upt"'))]

    assert lpka_palu_unit.name in units
    assert "Pelaihari" not in units


def test_results_are_paged_without_counting(
    icontains, anonymous, operator_palu, palu_unit, monkeypatch
):
    monkeypatch.setattr(search, "PER_PAGE", 2)
    monkeypatch.setattr("news.public.selectors.PER_PAGE", 2)
    for number in range(5):
        published_story(unit=palu_unit, by=operator_palu, title=f"Penguatan {number}")

    first = text(fetch(anonymous, f"{SEARCH}?q=Penguatan")[0])
    third = text(fetch(anonymous, f"{SEARCH}?q=Penguatan&halaman=3")[0])

    assert len(found_titles(first)) == 2
    assert "halaman=2" in first
    assert len(found_titles(third)) == 1
    assert 'rel="next"' not in third


HOSTILE = [
    "x" * 10_000,
    "<script>alert(1)</script>",
    "&|!:*()",
    "a\x00b",
    "yang dan di",
    "' OR 1=1; DROP TABLE news_story; --",
    '"unterminated',
    "-",
    "%_\\",
    "\u202epalu",
    "🙂 kegiatan",
    ":* & !",
    "OR OR OR",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_fail(anonymous, operator_palu, palu_unit, query):
    published_story(unit=palu_unit, by=operator_palu, title="Kegiatan Palu yang ramai")

    response, _ = fetch(anonymous, SEARCH, data={"q": query})

    assert response.status_code == 200
    body = text(response)
    assert "<script>alert" not in body


@pytest.mark.parametrize(
    "query",
    [
        {"kanwil": "<script>"},
        {"upt": "x" * 5000},
        {"kategori": "\x00"},
        {"dari": "2025-13-45"},
        {"dari": "2025-02-10", "sampai": "2025-02-01"},
        {"halaman": "-1"},
        {"halaman": "999999999999999999999"},
        {"halaman": "abc"},
        {"q": "palu", "halaman": "50"},
    ],
)
def test_hostile_filters_never_fail(anonymous, query):
    assert fetch(anonymous, SEARCH, data=query)[0].status_code == 200


def test_the_search_page_is_not_indexed(anonymous):
    body = text(fetch(anonymous, f"{SEARCH}?q=palu")[0])

    assert '<meta name="robots" content="noindex, follow">' in body


# --- PostgreSQL full-text search ----------------------------------------------------------------


@pytest.mark.services
def test_the_vector_holds_published_text_only(operator_palu, palu_unit):
    story = story_in_state(State.DRAFT, unit=palu_unit, by=operator_palu)

    def vector():
        with connection.cursor() as cursor:
            cursor.execute("SELECT search_vector::text FROM news_story WHERE id = %s", [story.pk])
            return cursor.fetchone()[0]

    assert vector() is None
    Story.objects.filter(pk=story.pk).update(
        state=State.PUBLISHED,
        published_at=timezone.now(),
        live_revision=story.current_revision,
        approved_revision=story.current_revision,
    )
    assert "'humas'" in vector()
    Story.objects.filter(pk=story.pk).update(state=State.WITHDRAWN, correction_note="Ditarik.")
    assert vector() is None


@pytest.mark.services
def test_indonesian_stemming_finds_other_forms(anonymous, operator_palu, palu_unit):
    story = published_story(
        unit=palu_unit,
        by=operator_palu,
        title="Apel Pagi",
        lead="Petugas berkumpul.",
        body="<p>Seluruh kegiatannya diikuti warga binaan yang dilatih menjahit.</p>",
    )

    for query in ("kegiatan", "pelatihan", "menjahit", "jahitan"):
        body = text(fetch(anonymous, f"{SEARCH}?q={query}")[0])
        assert found_titles(body) == [story.title], query


@pytest.mark.services
def test_title_matches_rank_above_body_matches(anonymous, operator_palu, palu_unit):
    in_body = published_story(
        unit=palu_unit,
        by=operator_palu,
        title="Apel Pagi",
        body="<p>Setelah apel ada penyuluhan narkoba.</p>",
    )
    in_title = published_story(
        unit=palu_unit,
        by=operator_palu,
        title="Penyuluhan Narkoba bagi Warga Binaan",
        published_at=timezone.now() - timedelta(days=30),
    )

    body = text(fetch(anonymous, f"{SEARCH}?q=penyuluhan+narkoba")[0])

    assert found_titles(body) == [in_title.title, in_body.title]


@pytest.mark.services
def test_snippets_mark_matches_and_escape_the_rest(anonymous, operator_palu, palu_unit):
    published_story(
        unit=palu_unit,
        by=operator_palu,
        title="Apel <Pagi> & Doa",
        lead="Lead biasa.",
        body="<p>Tanda &lt;script&gt; dan kegiatannya &amp; lainnya \ue000 aneh.</p>",
    )

    section = results(text(fetch(anonymous, f"{SEARCH}?q=kegiatan+doa")[0]))

    assert "<mark>kegiatannya</mark>" in section
    assert "Apel &lt;Pagi&gt; &amp; <mark>Doa</mark>" in section
    assert "Tanda" in section and "&amp; lainnya" in section
    assert "<script" not in section
    assert "\ue000" not in section
    assert section.count("<mark>") == section.count("</mark>")


@pytest.mark.services
def test_a_misspelt_word_still_finds_the_story(anonymous, operator_palu, palu_unit):
    story = published_story(
        unit=palu_unit, by=operator_palu, title="Rutan Perkuat Kehumasan lewat Media Sosial"
    )

    body = text(fetch(anonymous, f"{SEARCH}?q=kehumsan")[0])

    assert found_titles(body) == [story.title]
    assert "?q=kehumasan" in body  # did you mean …


@pytest.mark.services
def test_full_text_filters_and_unpublished_text(
    anonymous, operator_palu, operator_pelaihari, palu_unit, pelaihari_unit
):
    palu = published_story(unit=palu_unit, by=operator_palu, title="Penyuluhan Hukum Palu")
    published_story(unit=pelaihari_unit, by=operator_pelaihari, title="Penyuluhan Hukum Kalsel")
    story_in_state(State.APPROVED, unit=palu_unit, by=operator_palu, title="Penyuluhan Rahasia")

    body = text(fetch(anonymous, f"{SEARCH}?q=penyuluhan&kanwil=sulteng")[0])

    assert found_titles(body) == [palu.title]


@pytest.mark.services
def test_only_a_bounded_candidate_set_is_ranked(operator_palu, palu_unit, monkeypatch):
    monkeypatch.setattr(search, "CANDIDATES", 2)
    for number in range(4):
        published_story(
            unit=palu_unit,
            by=operator_palu,
            title=f"Penyuluhan {number}",
            published_at=timezone.now() - timedelta(days=number),
        )

    found = search.search(query="penyuluhan", filters=search.Filters())

    assert sorted(story.title for story in found.hits) == ["Penyuluhan 0", "Penyuluhan 1"]


# --- Any database: the stories of a page ------------------------------------------------------


def test_hydrate_keeps_the_order_and_drops_unpublished_stories(operator_palu, palu_unit):
    first, second = (
        published_story(unit=palu_unit, by=operator_palu, title=f"Berita {number}")
        for number in range(2)
    )
    draft = story_in_state(State.DRAFT, unit=palu_unit, by=operator_palu)

    stories = search._hydrate([second.pk, draft.pk, first.pk])

    assert [story.pk for story in stories] == [second.pk, first.pk]
    assert all(story.cover is not None for story in stories)
    assert search._hydrate([]) == []


def test_a_fallback_search_costs_two_queries_whatever_it_finds(icontains, operator_palu, palu_unit):
    def queries(query: str, filters: search.Filters | None = None) -> int:
        with CaptureQueriesContext(connection) as captured:
            search.search(query=query, filters=filters or search.Filters())
        return len(captured)

    published_story(unit=palu_unit, by=operator_palu, title="Penguatan Satu")
    with_one = (queries("Penguatan"), queries("", search.Filters(unit_id=palu_unit.pk)))
    for number in range(3):
        published_story(unit=palu_unit, by=operator_palu, title=f"Penguatan {number}")

    assert with_one == (2, 2)  # the ids of the page, then its stories
    assert (queries("Penguatan"), queries("", search.Filters(unit_id=palu_unit.pk))) == with_one
    assert queries("xyzzy") == 1


# --- PostgreSQL: where the candidates come from -------------------------------------------------


def _matching(unit, by, title: str, age: timedelta) -> Story:
    return published_story(
        unit=unit,
        by=by,
        title=title,
        lead="Donor darah di lapas.",
        published_at=timezone.now() - age,
    )


def _titles(results: search.Results) -> list[str]:
    return [story.title for story in results.hits]


@pytest.mark.services
def test_the_newest_matches_are_found_in_every_window(operator_palu, palu_unit, monkeypatch):
    # Only the newest story is read one by one; every other match comes from the index.
    monkeypatch.setattr(search, "NEWEST", 1)
    published_story(unit=palu_unit, by=operator_palu, title="Apel Pagi")
    # Today, last week, last month, last year and four years ago.
    ages = {
        f"Donor Darah {number}": age
        for number, age in enumerate(
            [timedelta(hours=2), timedelta(days=9), timedelta(days=40), timedelta(days=300)]
            + [timedelta(days=4 * 365)]
        )
    }
    for title, age in ages.items():
        _matching(palu_unit, operator_palu, title, age)

    found = search.search(query="donor darah", filters=search.Filters())
    monkeypatch.setattr(search, "CANDIDATES", 3)
    newest_three = search.search(query="donor darah", filters=search.Filters())

    # Equal ranks: newest first, each story once.
    assert _titles(found) == list(ages)
    assert _titles(newest_three) == list(ages)[:3]


@pytest.mark.services
def test_an_old_story_is_found_when_recent_ones_do_not_match(operator_palu, palu_unit, monkeypatch):
    monkeypatch.setattr(search, "NEWEST", 2)
    for number in range(4):
        published_story(unit=palu_unit, by=operator_palu, title=f"Apel Pagi {number}")
    old = _matching(palu_unit, operator_palu, "Donor Darah 2021", timedelta(days=5 * 365))

    found = search.search(query="donor darah", filters=search.Filters())

    assert _titles(found) == [old.title]
    assert "<mark>Donor</mark> <mark>Darah</mark>" in found.hits[0].title_html


@pytest.mark.services
def test_filters_apply_to_the_indexed_matches(
    operator_palu, operator_pelaihari, palu_unit, pelaihari_unit, sulteng, monkeypatch
):
    monkeypatch.setattr(search, "NEWEST", 1)
    published_story(unit=palu_unit, by=operator_palu, title="Apel Pagi")
    recent = _matching(palu_unit, operator_palu, "Donor Darah Palu", timedelta(days=10))
    kalsel = _matching(
        pelaihari_unit, operator_pelaihari, "Donor Darah Pelaihari", timedelta(days=100)
    )
    health = Category.objects.get(slug="kesehatan")
    old = _matching(palu_unit, operator_palu, "Donor Darah Sehat", timedelta(days=500))
    Story.objects.filter(pk=old.pk).update(category=health)
    today = timezone.localdate()

    def titles(**filters) -> set[str]:
        return set(_titles(search.search(query="donor darah", filters=search.Filters(**filters))))

    assert titles(kanwil_id=sulteng.pk) == {recent.title, old.title}
    assert titles(unit_id=pelaihari_unit.pk) == {kalsel.title}
    assert titles(category_id=health.pk) == {old.title}
    assert titles(kanwil_id=sulteng.pk, category_id=health.pk) == {old.title}
    assert titles(date_from=today - timedelta(days=50)) == {recent.title}
    assert titles(date_to=today - timedelta(days=50)) == {kalsel.title, old.title}
    assert titles(date_from=today - timedelta(days=200), date_to=today - timedelta(days=50)) == {
        kalsel.title
    }
    assert titles(date_from=today + timedelta(days=30)) == set()


@pytest.mark.services
def test_full_text_results_are_paged_without_counting(operator_palu, palu_unit, monkeypatch):
    monkeypatch.setattr(search, "PER_PAGE", 2)
    for number in range(5):
        _matching(palu_unit, operator_palu, f"Donor Darah {number}", timedelta(days=number))

    pages = [search.search(query="donor darah", filters=search.Filters(), page=n) for n in (1, 3)]

    assert _titles(pages[0]) == ["Donor Darah 0", "Donor Darah 1"] and pages[0].has_next
    assert _titles(pages[1]) == ["Donor Darah 4"] and not pages[1].has_next
    assert pages[1].first_number == 5
    assert all("<mark>" in story.snippet_html for page in pages for story in page.hits)


@pytest.mark.services
@pytest.mark.parametrize(
    "moment",
    [
        datetime(1970, 1, 1, tzinfo=UTC),
        datetime(1970, 1, 7, 23, 59, 59, 999999, tzinfo=UTC),
        datetime(1970, 1, 8, tzinfo=UTC),
        datetime(1969, 12, 31, 23, 59, 59, tzinfo=UTC),
        datetime(2025, 2, 13, 6, 30, tzinfo=ZoneInfo("Asia/Jayapura")),
        datetime(2026, 12, 2, 23, 59, 59, 999999, tzinfo=UTC),
    ],
)
def test_weeks_agree_with_the_index(moment):
    with connection.cursor() as cursor:
        cursor.execute("SELECT news_story_search_week(%s)", [moment])
        assert cursor.fetchone()[0] == search.search_week(moment)


# --- PostgreSQL: queries, and words that match nothing -------------------------------------------


def _queries(query: str) -> tuple[int, search.Results]:
    with CaptureQueriesContext(connection) as captured:
        results = search.search(query=query, filters=search.Filters())
    return len(captured), results


@pytest.mark.services
def test_a_search_costs_the_same_queries_whatever_it_finds(operator_palu, palu_unit):
    _matching(palu_unit, operator_palu, "Donor Darah", timedelta(days=1))
    with_one, _ = _queries("donor darah")
    for number in range(3):
        _matching(palu_unit, operator_palu, f"Donor Darah {number}", timedelta(days=number))
    with_four, found = _queries("donor darah")

    # The settings of the transaction, the page's ids and marks, its stories (the test's own
    # transaction hides BEGIN and COMMIT).
    assert with_one == with_four == 3
    assert len(found.hits) == 4


@pytest.mark.services
def test_a_word_that_matches_nothing_costs_three_queries(operator_palu, palu_unit):
    published_story(unit=palu_unit, by=operator_palu, title="Rutan Perkuat Kehumasan")

    queries, results = _queries("xyzzy")

    # Settings, the page, the closest title words; nothing to suggest.
    assert queries == 3
    assert results.hits == [] and results.suggestion == "" and not results.approximate


@pytest.mark.services
def test_a_misspelt_word_finds_the_stories_of_the_corrected_one(operator_palu, palu_unit):
    story = published_story(
        unit=palu_unit, by=operator_palu, title="Rutan Perkuat Kehumasan lewat Media Sosial"
    )

    queries, results = _queries("Kehumsan medai")

    assert queries == 5  # then the corrected page and its stories
    assert results.suggestion == "kehumasan media"
    assert results.approximate and _titles(results) == [story.title]
    assert "<mark>Kehumasan</mark>" in results.hits[0].title_html


@pytest.mark.services
def test_publishing_records_the_words_of_the_title(operator_palu, palu_unit):
    def title_words() -> set[str]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT word FROM news_story_title_word")
            return {row[0] for row in cursor.fetchall()}

    draft = story_in_state(
        State.DRAFT, unit=palu_unit, by=operator_palu, title="Lomba Memasak di Rutan-2 Ok"
    )
    assert "memasak" not in title_words()

    force_state(draft, State.PUBLISHED)

    assert {"lomba", "memasak", "rutan"} <= title_words()
    assert not {"di", "ok", "2", "Lomba"} & title_words()


@pytest.mark.services
def test_no_suggestion_leads_to_a_story_that_is_no_longer_public(operator_palu, palu_unit):
    story = published_story(unit=palu_unit, by=operator_palu, title="Kunjungan Pejabat Rahasiawan")
    force_state(story, State.WITHDRAWN)

    queries, results = _queries("rahasiawn")

    assert results.hits == [] and results.suggestion == "" and not results.approximate
    assert queries == 4  # settings, the page, the title words, the corrected page


def test_an_unknown_unit_is_refused_with_a_message(anonymous):
    response, _ = fetch(anonymous, SEARCH, data={"q": "palu", "upt": "unit-that-does-not-exist"})
    body = text(response)

    assert response.status_code == 200
    assert 'class="alert alert-danger"' in body
    assert "unit-that-does-not-exist" in body
