"""Small inline SVG charts for the HTML report: horizontal bars and a heatmap.

Hand-written so the report is one file that opens offline (inline SVG in HTML needs no
namespace, so the file holds no URL at all); every label is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from annotator.safe_text import clean

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f")
ROW = 18


def escape(text: str) -> str:
    """Data as HTML text: no control characters (invalid in HTML, live on a terminal)."""
    return html.escape(clean(text))


LABEL_WIDTH = 170
BAR_WIDTH = 320


def _text(x: float, y: float, content: str, anchor: str = "start", size: int = 12) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'dominant-baseline="middle">{escape(content)}</text>'
    )


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[str],
    values: Sequence[Sequence[float]],
    unit: str = "",
) -> str:
    """Grouped horizontal bars: ``values[c][s]`` is series s of category c."""
    most = max((v for row in values for v in row), default=0) or 1
    group = ROW * max(1, len(series)) + 6
    legend = 22 if len(series) > 1 else 0
    height = 36 + legend + group * len(categories)
    width = LABEL_WIDTH + BAR_WIDTH + 70
    parts = [
        f'<svg class="chart" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}"><title>{escape(title)}</title>',
        _text(0, 12, title, size=13),
    ]
    for s, name in enumerate(series if legend else ()):
        x = s * 110
        parts.append(f'<rect x="{x}" y="26" width="10" height="10" fill="{PALETTE[s % 8]}"/>')
        parts.append(_text(x + 14, 31, name, size=11))
    for c, category in enumerate(categories):
        top = 28 + legend + c * group
        parts.append(_text(0, top + group / 2 - 3, category))
        for s in range(len(series)):
            value = values[c][s]
            y = top + s * ROW
            length = BAR_WIDTH * value / most
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length:.1f}" height="{ROW - 4}" '
                f'fill="{PALETTE[s % 8]}">'
                f"<title>{escape(series[s])}: {value:g}{unit}</title></rect>"
            )
            parts.append(
                _text(LABEL_WIDTH + length + 4, y + (ROW - 4) / 2, f"{value:g}{unit}", size=11)
            )
    parts.append("</svg>")
    return "".join(parts)


def heatmap(
    title: str,
    rows: Sequence[str],
    columns: Sequence[str],
    matrix: Sequence[Sequence[int]],
    *,
    left: int = LABEL_WIDTH,
    top: int = 130,
) -> str:
    """A count matrix as shaded cells (darker = more), with the count written in each cell.

    `left` is the room for row labels, `top` for the column labels slanted above."""
    cell = 44
    most = max((v for row in matrix for v in row), default=0) or 1
    width = left + cell * len(columns) + 90  # room for the last slanted column label
    height = top + cell * len(rows) + 10
    parts = [
        f'<svg class="chart" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}"><title>{escape(title)}</title>',
        _text(0, 12, title, size=13),
    ]
    for j, column in enumerate(columns):
        x = left + j * cell + cell / 2
        parts.append(
            f'<text x="{x:.1f}" y="{top - 6}" font-size="11" transform="rotate(-50 {x:.1f} '
            f'{top - 6})">{escape(column)}</text>'
        )
    for i, row in enumerate(rows):
        y = top + i * cell
        parts.append(_text(0, y + cell / 2, row))
        for j, value in enumerate(matrix[i]):
            shade = 0.08 + 0.92 * value / most if value else 0.0
            parts.append(
                f'<rect x="{left + j * cell}" y="{y}" width="{cell - 2}" height="{cell - 2}" '
                f'fill="#1f77b4" fill-opacity="{shade:.2f}" stroke="#ccc"/>'
            )
            if value:
                colour = "#fff" if shade > 0.5 else "#000"
                parts.append(
                    f'<text x="{left + j * cell + cell / 2 - 1}" y="{y + cell / 2}" font-size="12" '
                    f'text-anchor="middle" dominant-baseline="middle" fill="{colour}">'
                    f"{value}</text>"
                )
    parts.append("</svg>")
    return "".join(parts)
