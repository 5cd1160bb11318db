"""The One Day One News rule, as pure functions."""

from datetime import UTC, date, datetime

from odon import rule


def test_a_late_evening_story_in_papua_counts_for_its_local_monday():
    # 23:30 WIT on Monday 3 March 2025 is 14:30 UTC the same Monday.
    moment = datetime(2025, 3, 3, 14, 30, tzinfo=UTC)
    assert rule.local_day(moment, "Asia/Jayapura") == date(2025, 3, 3)
    # 23:30 WIB on Monday is already Tuesday in Papua.
    assert rule.local_day(datetime(2025, 3, 3, 16, 30, tzinfo=UTC), "Asia/Jakarta") == date(
        2025, 3, 3
    )
    assert rule.local_day(datetime(2025, 3, 3, 16, 30, tzinfo=UTC), "Asia/Jayapura") == date(
        2025, 3, 4
    )


def test_outcome_follows_the_workflow_state():
    assert rule.outcome_for_state("published") == rule.GREEN
    for state in ("submitted", "changes_requested", "approved", "scheduled", "draft"):
        assert rule.outcome_for_state(state) == rule.AMBER
    assert rule.outcome_for_state("rejected") == "void"
    assert rule.outcome_for_state("withdrawn") == "void"


def test_day_colours():
    assert rule.day_status(working=True, green=1, amber=3) == rule.GREEN
    assert rule.day_status(working=True, amber=1) == rule.AMBER
    assert rule.day_status(working=True) == rule.RED
    assert rule.day_status(working=False, green=2) == rule.GREY


def test_rate_ignores_grey_days():
    assert rule.rate([rule.GREEN, rule.GREY, rule.RED, rule.AMBER]) == 1 / 3
    assert rule.rate([rule.GREY]) is None


def test_streak_counts_green_days_back_and_keeps_an_open_today():
    days = [rule.RED, rule.GREEN, rule.GREY, rule.GREEN, rule.GREEN]
    assert rule.streak(days) == 3
    assert rule.streak([*days, rule.RED], today_open=True) == 3
    assert rule.streak([*days, rule.RED]) == 0
    assert rule.streak([*days, rule.GREEN], today_open=True) == 4


def test_latency_median_and_p90():
    summary = rule.latency_summary([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    assert summary["median"] == 5.5
    assert summary["p90"] == 9.1
    assert rule.latency_summary([])["median"] is None


def test_rank_shares_places_and_puts_unknown_last():
    assert rule.rank({1: 0.5, 2: 1.0, 3: 0.5, 4: None}) == {2: 1, 1: 2, 3: 2, 4: 4}


def test_grid_leaves_future_days_blank():
    days = [date(2025, 4, 7), date(2025, 4, 8), date(2025, 4, 9)]
    counts = {(1, date(2025, 4, 8)): (0, 1)}
    cells = rule.grid([1], days, counts, lambda d: d != date(2025, 4, 7), today=date(2025, 4, 8))
    assert cells == {1: [rule.GREY, rule.AMBER, ""]}
