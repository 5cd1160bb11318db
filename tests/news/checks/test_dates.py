"""The Indonesian date parser and the weekday/event-date check."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from news.checks import StoryInput, check_story
from news.checks.dates import parse_dates

EVENT = date(2025, 2, 6)


def story(lead: str, body: str = "", event_date=EVENT) -> StoryInput:
    return StoryInput(title="Judul", lead=lead, body=body, dateline="Sigi", event_date=event_date)


def codes(found) -> list[str]:
    return [finding.code for finding in found]


@pytest.mark.parametrize(
    "text",
    [
        "Kamis (6/2)",
        "Kamis (06/02)",
        "Kamis, 6 Februari 2025",
        "Kamis, 6 Feb 2025",
        "Kamis (6/2/2025)",
        "Kamis siang (06-02-2025)",
        "Kamis pagi (6/2)",
    ],
)
def test_the_ways_units_write_the_right_day_pass(text):
    assert "date.weekday_mismatch" not in codes(check_story(story(f"Petugas hadir, {text}.")))


@pytest.mark.parametrize(
    "text",
    ["Kamis (07/02)", "Jumat pagi (6/2)", "Rabu, 6 Februari 2025", "Senin (6/2/2025)"],
)
def test_a_weekday_that_does_not_fit_blocks(text):
    found = check_story(story(f"Petugas Lapas hadir, {text}."))
    mismatch = [f for f in found if f.code == "date.weekday_mismatch"]
    assert mismatch and mismatch[0].severity == "block"
    assert mismatch[0].excerpt == text
    assert text in mismatch[0].message


def test_the_seed_error_names_the_real_weekday():
    (finding,) = [
        f for f in check_story(story("Lapas hadir, Kamis (07/02).")) if f.severity == "block"
    ]
    assert "Jumat" in finding.message and finding.field == "lead"
    assert finding.data["date"] == "2025-02-07"


@pytest.mark.parametrize("word", ["Agt", "Okt", "Des", "Agustus", "Oktober", "Desember"])
def test_abbreviated_and_full_months(word):
    (mention,) = parse_dates(f"Rabu, 6 {word} 2025")
    assert mention.month in (8, 10, 12) and mention.day == 6 and mention.weekday == 2


def test_a_date_far_from_the_event_warns_unless_it_is_another_event():
    far = check_story(story("Petugas hadir, Kamis (6/2).", "<p>Puncak acara Rabu (12/2).</p>"))
    assert "date.far_from_event" in codes(far)
    other = "<p>Kegiatan serupa akan digelar Rabu (12/2) mendatang.</p>"
    assert "date.far_from_event" not in codes(check_story(story("Kamis (6/2).", other)))


def test_the_year_comes_from_the_event_date_across_new_year():
    found = check_story(story("Petugas hadir, Rabu (31/12).", event_date=date(2026, 1, 1)))
    assert "date.weekday_mismatch" not in codes(found)


def test_clock_times_and_regulations_are_not_dates():
    text = "Pukul 09.30 Wita sesuai UU 22/2022 dan Permenkumham 7/2023; 2/3 peserta hadir."
    assert parse_dates(text) == [] or all(not m.explicit for m in parse_dates(text))


def test_impossible_dates_warn_and_never_raise():
    found = check_story(story("Petugas hadir, Senin (31/02)."))
    assert "date.impossible" in codes(found)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_the_parser_never_raises_on_any_text(text):
    for mention in parse_dates(text):
        assert 1 <= mention.month <= 12 and 1 <= mention.day <= 31
        mention.resolve(EVENT)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(0, 99),
    st.integers(0, 99),
    st.sampled_from(["Senin", "Kamis", "Jumat", "Jum'at", "Ahad", ""]),
    st.sampled_from(["/", "-", " / "]),
    st.one_of(st.none(), st.integers(0, 9999)),
)
def test_any_numeric_date_gives_findings_or_nothing(day, month, weekday, sep, year):
    text = f"{weekday} ({day}{sep}{month}{'' if year is None else sep + str(year)})"
    found = check_story(story(f"Hadir, {text}."))
    assert all(f.severity in ("block", "warn", "info") for f in found)


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_the_right_weekday_of_any_date_passes(day):
    weekday = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"][day.weekday()]
    text = f"{weekday}, {day.day} Februari {day.year}".replace("Februari", "Maret")
    if day.month != 3:
        text = f"{weekday} ({day.day}/{day.month}/{day.year})"
    found = check_story(story(f"Hadir, {text}.", event_date=day))
    assert "date.weekday_mismatch" not in codes(found)
