"""The Kanwil and national boards and the operator's desk panel: scope, content, query counts."""

from datetime import date

import pytest
from django.urls import reverse

from accounts.models import Unit
from odon import selectors
from tests.factories import UnitFactory

pytestmark = pytest.mark.django_db

APRIL = "2025-04"


def board_url(kanwil, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("odon:kanwil_board", args=[kanwil.slug]) + (f"?{query}" if query else "")


def test_the_board_of_april_2025_skips_lebaran(operator_palu, palu_unit, sulteng, make_submission):
    make_submission(palu_unit, operator_palu, day=date(2025, 4, 8))
    make_submission(palu_unit, operator_palu, day=date(2025, 4, 9), outcome="amber")
    board = selectors.kanwil_board(
        sulteng, date(2025, 4, 1), date(2025, 4, 30), today=date(2025, 5, 2)
    )
    assert date(2025, 4, 7) not in board.days  # cuti bersama Idul Fitri
    assert board.days[0] == date(2025, 4, 8)
    row = next(row for row in board.rows if row.unit == palu_unit)
    cells = dict(row.cells)
    assert cells[date(2025, 4, 8)] == "green"
    assert cells[date(2025, 4, 9)] == "amber"
    assert cells[date(2025, 4, 10)] == "red"
    assert row.green_days == 1
    assert row.rate == 1 / len(board.days)
    assert row.rank == 1
    assert row.stories == 2


def test_editor_sees_the_board_of_their_kanwil(client_for, editor_sulteng, sulteng, palu_unit):
    response = client_for(editor_sulteng).get(board_url(sulteng, month=APRIL))
    assert response.status_code == 200
    assert palu_unit.name in response.content.decode()


def test_another_kanwil_board_is_not_found(client_for, editor_kalsel, operator_palu, sulteng):
    assert client_for(editor_kalsel).get(board_url(sulteng)).status_code == 404
    assert client_for(operator_palu).get(board_url(sulteng)).status_code == 404


def test_central_admin_sees_any_board_and_the_national_one(client_for, central_admin, kalsel):
    client = client_for(central_admin)
    assert client.get(board_url(kalsel)).status_code == 200
    response = client.get(reverse("odon:national_board") + "?year=2025")
    assert response.status_code == 200
    assert "<svg" in response.content.decode()


def test_national_board_is_for_central_admins_only(client_for, editor_sulteng):
    assert client_for(editor_sulteng).get(reverse("odon:national_board")).status_code == 404


@pytest.mark.parametrize(
    "query", ["month=2019-12", "month=2025-13", "month=abc", "period=week&week=2025-W99", "year=x"]
)
def test_bad_periods_get_a_message_not_an_error(client_for, editor_sulteng, sulteng, query):
    response = client_for(editor_sulteng).get(
        board_url(sulteng) + "&" + query
        if "?" in board_url(sulteng)
        else board_url(sulteng) + "?" + query
    )
    assert response.status_code == 200
    if not query.startswith("year"):
        assert "alert-warning" in response.content.decode()


def test_week_board(client_for, editor_sulteng, sulteng):
    response = client_for(editor_sulteng).get(board_url(sulteng, period="week", week="2025-W15"))
    assert response.status_code == 200
    # 7 to 11 April 2025; Monday the 7th is the last Idul Fitri joint-leave day.
    assert response.context["board"].days == [date(2025, 4, d) for d in (8, 9, 10, 11)]


def test_cells_link_to_their_stories(
    client_for, editor_sulteng, editor_kalsel, operator_palu, palu_unit, make_submission
):
    entry = make_submission(palu_unit, operator_palu, day=date(2025, 4, 8), title="Senam pagi")
    url = reverse("odon:unit_day", args=[palu_unit.pk, "2025-04-08"])
    response = client_for(editor_sulteng).get(url)
    assert "Senam pagi" in response.content.decode()
    assert client_for(operator_palu).get(url).status_code == 200
    assert client_for(editor_kalsel).get(url).status_code == 404
    bad = reverse("odon:unit_day", args=[palu_unit.pk, "2025-02-30"])
    assert client_for(editor_sulteng).get(bad).status_code == 404
    assert entry.story.title == "Senam pagi"


def _units(kanwil, count):
    return [
        UnitFactory(
            kanwil=kanwil, name=f"Lapas Uji {kanwil.pk}-{n}", slug=f"lapas-uji-{kanwil.pk}-{n}"
        )
        for n in range(count)
    ]


def test_the_month_board_costs_the_same_queries_for_few_and_many_units(
    sulteng, kalsel, operator_palu, make_submission, django_assert_num_queries
):
    Unit.objects.filter(kanwil=kalsel).exclude(
        pk=Unit.objects.filter(kanwil=kalsel).first().pk
    ).update(is_active=False)
    one = Unit.objects.filter(kanwil=kalsel, is_active=True).get()
    make_submission(one, day=date(2025, 4, 8))
    with django_assert_num_queries(5):
        selectors.kanwil_board(kalsel, date(2025, 4, 1), date(2025, 4, 30), today=date(2025, 5, 1))
    for unit in _units(sulteng, 5):
        make_submission(unit, day=date(2025, 4, 9))
    with django_assert_num_queries(5):
        board = selectors.kanwil_board(
            sulteng, date(2025, 4, 1), date(2025, 4, 30), today=date(2025, 5, 1)
        )
    assert len(board.rows) >= 6


def test_the_board_page_costs_the_same_for_one_and_many_units(
    client_for, central_admin, sulteng, kalsel, django_assert_num_queries
):
    client = client_for(central_admin)
    client.get(board_url(kalsel, month=APRIL))  # warm the session
    Unit.objects.filter(kanwil=kalsel).exclude(
        pk=Unit.objects.filter(kanwil=kalsel).first().pk
    ).update(is_active=False)
    _units(sulteng, 6)
    # Session, person, roles, two-factor, unread badge; then the Kanwil and the board's five.
    with django_assert_num_queries(8) as few:
        client.get(board_url(kalsel, month=APRIL))
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(board_url(sulteng, month=APRIL))


def test_the_desk_shows_the_operators_panel(client_for, operator_palu, palu_unit, make_submission):
    response = client_for(operator_palu).get(reverse("news:unit_desk"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "odon-panel" in body
    assert palu_unit.name in body


def test_desk_summary_streak(operator_palu, palu_unit, make_submission):
    for day in (date(2025, 4, 8), date(2025, 4, 9), date(2025, 4, 10)):
        make_submission(palu_unit, operator_palu, day=day)
    summary = selectors.desk_summary(palu_unit, date(2025, 4, 11))
    assert summary.today_status == "red"
    assert summary.streak == 3  # today is still open
    assert [status for _day, status in summary.week] == ["grey", "green", "green", "green", "red"]


def test_national_board_rates(
    operator_palu, palu_unit, make_submission, django_assert_max_num_queries
):
    make_submission(palu_unit, operator_palu, day=date(2025, 4, 8))
    with django_assert_max_num_queries(6):
        board = selectors.national_board(2025, today=date(2025, 12, 31), month=4)
    assert len(board.rows) == 33
    assert board.top[0]["unit"] == palu_unit


def test_green_cells_link_to_their_stories_on_the_board(
    client_for, editor_sulteng, sulteng, palu_unit, make_submission
):
    make_submission(palu_unit, day=date(2025, 4, 8))
    body = client_for(editor_sulteng).get(board_url(sulteng, month=APRIL)).content.decode()
    assert f'href="{reverse("odon:unit_day", args=[palu_unit.pk, "2025-04-08"])}"' in body
    assert "Nothing submitted" in body or "Belum ada pengajuan" in body
