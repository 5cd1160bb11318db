"""Server-side SVG charts: no script, readable in print (thick lines, labels, values)."""

from datetime import date

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40


def _mean(values: list[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return sum(known) / len(known) if known else None


def trend_svg(
    months: list[date], series: list[list[float | None]], *, title: str = ""
) -> SafeString:
    """A line of the national rate per month, with the best and worst Kanwil as a band."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(months) - 1, 1)

    def x(index: int) -> float:
        return LEFT + index * step

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'class="odon-chart" aria-label="{escape(title)}">'
    ]
    for tick in (0, 0.25, 0.5, 0.75, 1):
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            'stroke="#bbb" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" font-size="11">'
            f"{tick:.0%}</text>"
        )
    low, high, mean = [], [], []
    for index in range(len(months)):
        column = [row[index] for row in series if row[index] is not None]
        low.append(min(column) if column else None)
        high.append(max(column) if column else None)
        mean.append(_mean(column))
    band = [(x(i), y(v)) for i, v in enumerate(high) if v is not None]
    band += [(x(i), y(v)) for i, v in reversed(list(enumerate(low))) if v is not None]
    if band:
        points = " ".join(f"{px:.1f},{py:.1f}" for px, py in band)
        parts.append(f'<polygon points="{points}" fill="#cfe2ff" stroke="none"/>')
    line = [(x(i), y(v)) for i, v in enumerate(mean) if v is not None]
    if line:
        points = " ".join(f"{px:.1f},{py:.1f}" for px, py in line)
        parts.append(f'<polyline points="{points}" fill="none" stroke="#0a3d91" stroke-width="3"/>')
        for (px, py), value in zip(line, [v for v in mean if v is not None], strict=True):
            parts.append(
                f'<circle cx="{px:.1f}" cy="{py:.1f}" r="4" fill="#0a3d91"/>'
                f'<text x="{px:.1f}" y="{py - 8:.1f}" text-anchor="middle" font-size="11">'
                f"{value:.0%}</text>"
            )
    for index, month in enumerate(months):
        label = escape(date_format(month, "M"))
        parts.append(
            f'<text x="{x(index):.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" '
            f'font-size="11">{label}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - built from numbers and escaped labels only


def bars_svg(labels: list[str], values: list[float | None], *, title: str = "") -> SafeString:
    """Horizontal bars of a rate per label (unit or Kanwil), with the value written out."""
    row_h, label_w, bar_w = 18, 260, 380
    height = TOP + row_h * len(labels) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {label_w + bar_w + 60} {height}" '
        f'role="img" class="odon-chart" aria-label="{escape(title)}">'
    ]
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        top = TOP + index * row_h
        width = bar_w * (value or 0)
        parts.append(
            f'<text x="{label_w - 6}" y="{top + 13}" text-anchor="end" font-size="11">'
            f"{escape(label[:45])}</text>"
            f'<rect x="{label_w}" y="{top + 3}" width="{width:.1f}" height="{row_h - 6}" '
            'fill="#0a3d91"/>'
            f'<text x="{label_w + width + 4:.1f}" y="{top + 13}" font-size="11">'
            f"{'—' if value is None else f'{value:.0%}'}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - numbers and escaped labels only
