"""The demo month of One Day One News: meaningful boards on first open, and idempotent."""

import pytest
from django.utils import timezone

from odon import demo, rollup, selectors
from odon.models import UnitDay
from tests.factories import SULTENG, EditorFactory, get_kanwil

pytestmark = pytest.mark.django_db


def test_the_demo_month_has_green_red_and_amber_days():
    kanwil = get_kanwil(SULTENG)
    EditorFactory(kanwil=kanwil, user__email="editor.sulteng@humas.test")
    first = demo.seed_odon()
    assert demo.seed_odon() == first  # run again: same amount, not twice as much
    today = timezone.now().date()
    board = selectors.kanwil_board(
        kanwil, today.replace(day=1) - timezone.timedelta(days=31), today, today=today
    )
    statuses = {status for row in board.rows for _day, status in row.cells}
    assert {"green", "red"} <= statuses
    assert UnitDay.objects.filter(kanwil=kanwil, amber__gt=0).exists()
    _entries, unit_days = rollup.recompute(kanwil_id=kanwil.pk)
    assert len(unit_days) == UnitDay.objects.filter(kanwil=kanwil).count()
