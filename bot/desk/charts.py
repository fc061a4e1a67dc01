"""Small server-rendered SVG charts for the statistics page: no JavaScript library and
no CDN, readable with a screen reader (a title and a description per chart, and the same
numbers as a table next to it)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

WIDTH, BAR_HEIGHT, GAP, LABEL_WIDTH = 560, 22, 6, 200


def bar_chart(
    title: str, rows: Sequence[tuple[str, float]], unit: str = "", ident: str = "chart"
) -> str:
    """Horizontal bars, one per ``(label, value)``; values of 0 still get their label.
    ``ident`` keeps the title and description ids unique when a page has several charts."""
    peak = max((value for _, value in rows), default=0) or 1
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    room = WIDTH - LABEL_WIDTH - 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" aria-labelledby="{ident}-t {ident}-d">',
        f"<title id='{ident}-t'>{escape(title)}</title>",
        f"<desc id='{ident}-d'>"
        + escape("; ".join(f"{label}: {_number(value)}{unit}" for label, value in rows))
        + "</desc>",
    ]
    for index, (label, value) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        length = max(1, round(room * value / peak)) if value else 0
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end" font-size="13">'
            f"{escape(label)}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" '
            'fill="#154273"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 16}" font-size="13">'
            f"{escape(_number(value))}{escape(unit)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
