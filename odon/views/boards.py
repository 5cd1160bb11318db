"""The Kanwil and national boards and the stories behind a cell."""

import zoneinfo
from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from accounts.models import Kanwil, Unit

from .. import charts, policies, selectors
from ..forms import BoardFilterForm, YearForm
from ..templatetags.odon import status_class, status_label, status_mark

# Cells that have stories behind them link to those stories.
LINKED = ("green", "amber")


def _require(allowed: bool) -> None:
    """Out of scope reads as not found, like everywhere in the portal."""
    if not allowed:
        raise Http404


def local_today(zone: str) -> date:
    """Today's date in an IANA zone."""
    return timezone.now().astimezone(zoneinfo.ZoneInfo(zone)).date()


@login_required
def home(request):
    """Send each role to its board: admins national, editors their Kanwil, operators the desk."""
    user = request.user
    if policies.can_view_national_board(user):
        return redirect("odon:national_board")
    kanwil_ids = policies.board_kanwil_ids(user)
    if kanwil_ids:
        kanwil = Kanwil.objects.filter(pk__in=kanwil_ids).order_by("province").first()
        return redirect("odon:kanwil_board", slug=kanwil.slug)
    _require(bool(policies.desk_unit_ids(user)))
    return redirect("news:unit_desk")


@login_required
def kanwil_board(request, slug: str):
    """Units × working days of one Kanwil for a week or a month, with rate, rank and latency."""
    kanwil = get_object_or_404(Kanwil, slug=slug)
    _require(policies.can_view_kanwil_board(request.user, kanwil.pk))
    today = local_today(kanwil.time_zone)
    form = BoardFilterForm(request.GET or None, today=today)
    period, start, end = form.period_bounds()
    unit_type = form.cleaned_data.get("unit_type", "") if form.is_bound else ""
    board = selectors.kanwil_board(kanwil, start, end, today=today, unit_type=unit_type)
    context = {
        "board": board,
        "grid": grid_cells(board),
        "form": form,
        "period": period,
        "today": today,
    }
    return render(request, "odon/kanwil_board.html", context)


def grid_cells(board: selectors.Board) -> list[tuple[selectors.UnitRow, SafeString]]:
    """Every row's cells as HTML, prepared once: a month of many units would otherwise cost
    thousands of template lookups, URL reversals and date formats (see bench/odon_bench.py)."""
    titles = {day: escape(date_format(day, "j F")) for day in board.days}
    looks = {
        status: (status_class(status), status_mark(status), escape(status_label(status)))
        for status in ("green", "amber", "red", "grey", "")
    }
    grid = []
    for row in board.rows:
        prefix = reverse("odon:unit_day", args=[row.unit.pk, "-"])[:-2]
        cells = []
        for day, status in row.cells:
            css, mark, label = looks[status]
            inner = f'{mark}<span class="visually-hidden">{label}</span>'
            if status in LINKED:
                cell = (
                    f'<a class="badge {css}" href="{prefix}{day.isoformat()}/" '
                    f'title="{titles[day]}">{inner}</a>'
                )
            else:
                cell = f'<span class="badge {css}" title="{titles[day]}">{inner}</span>'
            cells.append(f'<td class="odon-day">{cell}</td>')
        # Built from escaped labels, fixed classes and an internal URL only.
        grid.append((row, mark_safe("".join(cells))))  # noqa: S308
    return grid


@login_required
def unit_day(request, pk: int, day: str):
    """The stories a unit first submitted on one local day (a board cell)."""
    unit = get_object_or_404(Unit.objects.select_related("kanwil"), pk=pk)
    _require(policies.can_view_unit_record(request.user, unit))
    try:
        chosen = date.fromisoformat(day)
    except ValueError as error:
        raise Http404 from error
    context = {
        "unit": unit,
        "day": chosen,
        "entries": selectors.stories_of_unit_day(unit, chosen),
        "can_see_board": policies.can_view_kanwil_board(request.user, unit.kanwil_id),
    }
    return render(request, "odon/unit_day.html", context)


@login_required
def national_board(request):
    """Every Kanwil × the months of a year, a trend chart, the best and weakest units."""
    _require(policies.can_view_national_board(request.user))
    today = local_today("Asia/Jakarta")
    form = YearForm(request.GET or None)
    year = (form.cleaned_data.get("year") if form.is_valid() else None) or today.year
    year = min(year, today.year)
    board = selectors.national_board(year, today=today)
    chart = charts.trend_svg(board.months, [row["rates"] for row in board.rows])
    context = {"board": board, "form": form, "chart": chart, "year": year}
    return render(request, "odon/national_board.html", context)
