"""Charts as inline SVG strings: no JavaScript library, no network, the same in the HTML
report and in notebooks (``IPython.display.SVG(theme_sizes_svg(run))``).

Every piece of text drawn (labels come from submissions) is escaped.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

import numpy as np

from .norsk import decimal

if TYPE_CHECKING:
    from .run import Run

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39",
           "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363")
OUTLIER_COLOUR = "#c8c8c8"
MAX_POINTS = 5000


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
            f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            f'font-family="sans-serif" font-size="12"><title>{escape(title)}</title>'
            + "".join(body) + "</svg>")


def _short(text: str, n: int = 38) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def theme_sizes_svg(run: Run) -> str:
    """Horizontal bars: submissions per theme, largest first."""
    themes = run.relevant_themes
    width, left, row = 720, 300, 24
    height = 30 + row * max(len(themes), 1)
    top = max((t["n_submissions"] for t in themes), default=1) or 1
    body = []
    for i, t in enumerate(themes):
        y = 20 + i * row
        w = (width - left - 60) * t["n_submissions"] / top
        body.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">'
                    f'{escape(_short(t["id"] + " " + t["label"]))}</text>'
                    f'<rect class="bar" x="{left}" y="{y + 3}" width="{w:.1f}" height="{row - 8}"'
                    f' fill="{colour(i)}"/>'
                    f'<text x="{left + w + 6:.1f}" y="{y + 15}">{t["n_submissions"]}</text>')
    return _svg(width, height, "Innspill per tema", body)


def stability_svg(run: Run) -> str:
    """Stability per theme (0–1) with the 0,6 line under which a theme is unstable."""
    themes = run.relevant_themes
    width, left, row = 720, 300, 24
    height = 40 + row * max(len(themes), 1)
    span = width - left - 60
    body = []
    for i, t in enumerate(themes):
        y = 20 + i * row
        fill = "#d62728" if t["unstable"] else "#2ca02c"
        body.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">'
                    f'{escape(_short(t["id"] + " " + t["label"]))}</text>'
                    f'<rect class="bar" x="{left}" y="{y + 3}" width="{span * t["stability"]:.1f}"'
                    f' height="{row - 8}" fill="{fill}"/>'
                    f'<text x="{left + span * t["stability"] + 6:.1f}" y="{y + 15}">'
                    f'{decimal(t["stability"], 2)}</text>')
    x = left + span * 0.6
    body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="12" y2="{height - 18}" stroke="#333" '
                f'stroke-dasharray="4 3"/><text x="{x:.1f}" y="{height - 4}" '
                f'text-anchor="middle">0,6</text>')
    return _svg(width, height, "Stabilitet per tema", body)


def heatmap_svg(run: Run) -> str:
    """Respondent type × theme: submissions in each cell, shaded by the row's share."""
    themes = run.relevant_themes
    types = sorted({k for t in themes for k in t["respondent_types"]})
    cell, left, top = 44, 150, 70
    width, height = left + cell * max(len(themes), 1) + 20, top + cell * max(len(types), 1) + 10
    body = []
    for j, t in enumerate(themes):
        x = left + j * cell + cell / 2
        body.append(f'<text x="{x:.1f}" y="{top - 8}" text-anchor="start" '
                    f'transform="rotate(-45 {x:.1f} {top - 8})">{escape(t["id"])}</text>')
    for i, kind in enumerate(types):
        y = top + i * cell
        body.append(f'<text x="{left - 8}" y="{y + cell / 2 + 4:.1f}" text-anchor="end">'
                    f'{escape(kind)}</text>')
        counts = [t["respondent_types"].get(kind, 0) for t in themes]
        row_max = max(counts) or 1
        for j, n in enumerate(counts):
            shade = 0.08 + 0.92 * n / row_max if n else 0.0
            body.append(f'<rect class="cell" x="{left + j * cell}" y="{y}" width="{cell - 2}" '
                        f'height="{cell - 2}" fill="#1f77b4" fill-opacity="{shade:.2f}"/>'
                        f'<text x="{left + j * cell + cell / 2 - 1:.1f}" y="{y + cell / 2 + 4:.1f}"'
                        f' text-anchor="middle" fill="{"#fff" if shade > 0.55 else "#222"}">'
                        f'{n or ""}</text>')
    return _svg(width, height, "Respondenttype × tema", body)


def segment_map_svg(run: Run, size: int = 520) -> str:
    """Segments on their first two LSA components, coloured by theme (grey: Andre
    innspill); at most ``MAX_POINTS`` points, a fixed sample beyond that."""
    seg = run.segments
    if "x" not in seg:
        return _svg(size, 40, "Kart over segmenter", ['<text x="10" y="24">Ingen '
                                                        'koordinater i denne kjøringen.</text>'])
    seg = seg.dropna(subset=["x", "y"])
    if len(seg) > MAX_POINTS:
        seg = seg.iloc[np.linspace(0, len(seg) - 1, MAX_POINTS).astype(int)]
    order = {t["id"]: i for i, t in enumerate(run.themes_doc["themes"])}
    xs, ys = seg["x"].to_numpy(), seg["y"].to_numpy()
    pad = 16

    def scale(v: np.ndarray) -> np.ndarray:
        lo, hi = (float(v.min()), float(v.max())) if len(v) else (0.0, 1.0)
        return pad + (v - lo) / ((hi - lo) or 1.0) * (size - 2 * pad)

    px, py = scale(xs), size - scale(ys)
    body = []
    for x, y, t in zip(px, py, seg["theme_id"], strict=True):
        fill = colour(order[t]) if isinstance(t, str) and t in order else OUTLIER_COLOUR
        tip = escape(t if isinstance(t, str) else "Andre innspill")
        body.append(f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{fill}" '
                    f'fill-opacity="0.75"><title>{tip}</title></circle>')
    return _svg(size, size, "Kart over segmenter, farget etter tema", body)


def legend_html(run: Run) -> str:
    items = [f'<span class="key"><i style="background:{colour(i)}"></i>'
             f'{escape(t["id"])} {escape(_short(t["label"], 30))}</span>'
             for i, t in enumerate(run.themes_doc["themes"])]
    items.append(f'<span class="key"><i style="background:{OUTLIER_COLOUR}"></i>'
                 'Andre innspill</span>')
    return "".join(items)
