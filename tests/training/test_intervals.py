"""The union of connection intervals: never a sum of rows, never outside the session."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from training.intervals import attended_minutes, from_json, merge_intervals, to_json

START, END = 100, 1000
spans = st.lists(
    st.tuples(st.integers(0, 1200), st.integers(0, 1200)).map(lambda pair: tuple(sorted(pair))),
    max_size=30,
)


def covered(points_from: list[tuple[int, int]]) -> set[int]:
    """Brute force: every unit step inside the session covered by some interval."""
    return {step for low, high in points_from for step in range(max(low, START), min(high, END))}


@given(spans)
def test_union_covers_exactly_what_the_rows_cover(intervals):
    merged = merge_intervals(intervals, start=START, end=END)
    assert covered(merged) == covered(intervals)
    assert sum(high - low for low, high in merged) == len(covered(intervals))


@given(spans)
def test_union_is_sorted_disjoint_and_inside_the_session(intervals):
    merged = merge_intervals(intervals, start=START, end=END)
    for low, high in merged:
        assert START <= low < high <= END
    for (_low, high), (next_low, _next_high) in zip(merged, merged[1:], strict=False):
        assert high < next_low


@given(spans, st.randoms())
def test_order_and_repetition_change_nothing(intervals, random):
    merged = merge_intervals(intervals, start=START, end=END)
    shuffled = intervals * 2
    random.shuffle(shuffled)
    assert merge_intervals(shuffled, start=START, end=END) == merged
    assert merge_intervals(merged, start=START, end=END) == merged


@given(spans)
def test_never_more_than_the_session_nor_less_than_the_longest_row(intervals):
    total = sum(high - low for low, high in merge_intervals(intervals, start=START, end=END))
    assert total <= END - START
    longest = max((max(0, min(h, END) - max(low, START)) for low, h in intervals), default=0)
    assert total >= longest


def test_rejoins_count_once_and_are_clipped():
    start = datetime(2025, 2, 6, 1, 0, tzinfo=UTC)
    end = start + timedelta(minutes=150)
    rows = [
        (start - timedelta(minutes=30), start + timedelta(minutes=60)),
        (start + timedelta(minutes=30), start + timedelta(minutes=90)),
        (start + timedelta(minutes=30), start + timedelta(minutes=90)),
        (start + timedelta(minutes=120), end + timedelta(hours=2)),
    ]
    minutes, merged = attended_minutes(rows, start=start, end=end)
    assert minutes == 90 + 30
    assert from_json(to_json(merged)) == merged


def test_touching_intervals_merge():
    assert merge_intervals([(1, 5), (5, 9)], start=0, end=10) == [(1, 9)]
    assert merge_intervals([(5, 1), (3, 3)], start=0, end=10) == []
