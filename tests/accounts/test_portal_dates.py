"""Dates as Indonesian news writes them, in the reader's language and the unit's zone."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import dateformat, translation

from accounts.templatetags.portal_dates import (
    LONG_DATE_FORMAT,
    long_date,
    long_datetime,
    time_zone_label,
)

SESSION = datetime(2025, 2, 6, 2, 0, tzinfo=UTC)  # 09.00 WIB, 10.00 WITA


def test_the_zoom_session_date_in_both_languages():
    with translation.override("id"):
        assert long_date(SESSION, "Asia/Makassar") == "Kamis, 6 Februari 2025"
        assert long_datetime(SESSION, "Asia/Makassar") == "Kamis, 6 Februari 2025 pukul 10.00 WITA"
    with translation.override("en"):
        assert long_date(SESSION, "Asia/Jakarta") == "Thursday, 6 February 2025"


def test_a_late_evening_in_utc_is_the_next_day_in_jayapura():
    evening = datetime(2025, 2, 5, 16, 30, tzinfo=UTC)

    with translation.override("id"):
        assert long_date(evening, "Asia/Jayapura") == "Kamis, 6 Februari 2025"
        assert long_date(evening, "Asia/Jakarta") == "Rabu, 5 Februari 2025"


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_quick_long_date_matches_django_formatting_for_a_whole_year(language):
    with translation.override(language):
        for offset in range(366):
            day = date(2024, 1, 1) + timedelta(days=offset)
            assert long_date(day) == dateformat.format(day, LONG_DATE_FORMAT)


def test_empty_and_unknown_values():
    assert long_date(None) == ""
    assert long_date("6/2") == ""
    assert time_zone_label("Asia/Pontianak") == "WIB"
    assert time_zone_label("Nowhere/Else") == "Nowhere/Else"


def test_iso_datetime_is_valid_for_the_time_element():
    """HTML allows at most three digits of a second: whole seconds, in UTC, marked Z."""
    from zoneinfo import ZoneInfo

    from accounts.templatetags.portal_dates import iso_datetime

    moment = datetime(2025, 2, 6, 10, 0, 5, 771052, tzinfo=ZoneInfo("Asia/Makassar"))
    assert iso_datetime(moment) == "2025-02-06T02:00:05Z"
    assert iso_datetime(datetime(2025, 2, 6, 9, 30, 0, 123)) == "2025-02-06T09:30:00"
    assert iso_datetime(None) == ""
    assert iso_datetime("2025-02-06") == ""
