"""Keyset cursors: tokens round-trip, bad ones are refused, pages walk both ways."""

from datetime import UTC, datetime

import pytest
from django.http import Http404

from humas_portal.keyset import decode, encode, keyset_page
from news.models import Notification
from tests.factories.news import write_story


def test_tokens_round_trip():
    moment = datetime(2025, 2, 6, 1, 2, 3, 456789, tzinfo=UTC)
    token = encode([moment, 42], [True, False])
    assert decode(token, [True, False]) == [moment, 42]


@pytest.mark.parametrize("token", ["", "1", "1_2_3", "a_1", "1_b", "9" * 19 + "_1", "1__2"])
def test_malformed_tokens_are_refused(token):
    assert decode(token, [True, False]) is None


def test_a_huge_time_is_refused():
    assert decode("999999999999999999_1", [True, False]) is None


@pytest.mark.django_db
def test_pages_walk_forward_and_back(operator_palu, palu_unit, editor_sulteng):
    story = write_story(unit=palu_unit, by=operator_palu)
    Notification.objects.bulk_create(
        Notification(recipient=editor_sulteng, kind="submitted", story=story) for _ in range(7)
    )
    rows = Notification.objects.filter(recipient=editor_sulteng)
    order = ("-created_at", "-id")
    everything = list(rows.order_by(*order))
    first = keyset_page(rows, order, {}, 3)
    second = keyset_page(rows, order, {"after": first.next_token}, 3)
    third = keyset_page(rows, order, {"after": second.next_token}, 3)
    assert [*first, *second, *third] == everything
    assert not first.has_previous and not third.has_next
    back = keyset_page(rows, order, {"before": third.previous_token}, 3)
    assert list(back) == list(second) and back.has_previous and back.has_next
    with pytest.raises(Http404):
        keyset_page(rows, order, {"after": "x"}, 3)
