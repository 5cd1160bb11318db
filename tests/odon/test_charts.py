"""Server-side charts: plain SVG with the values written out, so print needs no colour."""

from datetime import date

from odon import charts


def test_trend_chart_writes_values_and_escapes_labels():
    svg = charts.trend_svg([date(2025, 1, 1), date(2025, 2, 1)], [[0.5, 1.0], [None, 0.5]])
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "50%" in svg and "75%" in svg  # February's mean of 1.0 and 0.5
    assert "<script" not in svg


def test_bar_chart_escapes_unit_names():
    svg = charts.bars_svg(["<b>Lapas</b>"], [0.25])
    assert "&lt;b&gt;Lapas" in svg
    assert "25%" in svg
