"""The monthly recap as tables, an XLSX workbook and a PDF with a chart."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from training.certificates import _weasyprint
from training.exports import Cell, to_xlsx

from .selectors import Board

STYLESHEET = "odon/css/recap.css"


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}"


def _hours(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


HEADER = [
    "Kanwil",
    "Unit",
    "Unit type",
    "Stories submitted",
    "Working days green",
    "Working days",
    "Rate (%)",
    "Rank",
    "Perfect month",
    "Review median (h)",
    "Review p90 (h)",
    "Media coverage",
    "Social posts",
]


def board_rows(board: Board) -> list[list[Cell]]:
    """One row per unit of a Kanwil board; identifiers and figures with fixed decimals as text."""
    rows: list[list[Cell]] = []
    for row in board.rows:
        rows.append(
            [
                board.kanwil.name,
                row.unit.name,
                row.unit.get_unit_type_display(),
                row.stories,
                row.green_days,
                len([1 for _day, status in row.cells if status and status != "grey"]),
                _percent(row.rate),
                row.rank,
                _("yes") if row.perfect else "",
                _hours(row.latency.get("median")),
                _hours(row.latency.get("p90")),
                row.media,
                row.social,
            ]
        )
    return rows


def recap_table(boards: list[Board]) -> list[list[Cell]]:
    """The header (translated) and every unit of the given boards."""
    table: list[list[Cell]] = [[_(title) for title in HEADER]]
    for board in boards:
        table.extend(board_rows(board))
    return table


def recap_xlsx(boards: list[Board], *, title: str) -> bytes:
    """The recap as a formula-safe workbook."""
    return to_xlsx(recap_table(boards), title=title)


def recap_pdf(boards: list[Board], *, title: str, chart: str) -> bytes:
    """The recap as PDF, with the chart on top (WeasyPrint)."""
    from django.contrib.staticfiles import finders

    weasyprint = _weasyprint()
    html = render_to_string(
        "odon/recap_pdf.html", {"boards": boards, "title": title, "chart": chart}
    )
    stylesheet = finders.find(STYLESHEET)
    styles = [weasyprint.CSS(filename=stylesheet)] if stylesheet else []
    return weasyprint.HTML(string=html).write_pdf(stylesheets=styles)
