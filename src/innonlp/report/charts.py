"""Charts as inline SVG strings: no JavaScript library, no network, the same in the HTML
report and in notebooks (``IPython.display.SVG(theme_sizes_svg(run))``).

Hand-written rather than matplotlib's SVG (Word's PNGs are matplotlib, :mod:`.plots`):
measured for a segment map of 5,000 points (``MAX_POINTS``), the hand-written SVG takes
48 ms and 550 kB, matplotlib's 950 ms and 800 kB (first figure, font setup included); its
marks carry no ``.bar/.cell/.dot`` classes for the headless-browser check; and the
hand-written one escapes every label itself.

Every piece of text drawn (labels come from submissions) is escaped.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

import numpy as np

from .norsk import decimal

if TYPE_CHECKING:
    from .run import Run

# 12 colours that stay apart (Paul Tol's "muted" and "bright" sets); themes past the 12th
# largest share one colour, "andre temaer", so a colour never means two themes
PALETTE = ("#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#332288",
           "#117733", "#dd7733", "#882255", "#44aa99", "#999933")
OTHER_COLOUR = "#6e6e6e"
OUTLIER_COLOUR = "#d0d0d0"
MAX_POINTS = 5000


def colour(i: int) -> str:
    """The colour of the ``i``-th largest theme ("andre temaer" past the palette)."""
    return PALETTE[i] if 0 <= i < len(PALETTE) else OTHER_COLOUR


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
    themes = [t for t in run.relevant_themes if t["stability"] is not None]  # not seeds
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
    """Respondent type × theme: submissions in each cell, shaded by the share of the
    theme's (column's) submissions, theme labels on top, a shade legend under."""
    from .norsk import TYPE_ROW

    themes = run.relevant_themes
    types = sorted({k for t in themes for k in t["respondent_types"]})
    cell, left, top = 40, 170, 170
    width = left + cell * max(len(themes), 1) + 40
    height = top + cell * max(len(types), 1) + 50
    body = []
    totals = [sum(t["respondent_types"].values()) or 1 for t in themes]
    for j, t in enumerate(themes):
        x = left + j * cell + cell / 2
        body.append(f'<text x="{x:.1f}" y="{top - 8}" text-anchor="start" font-size="11" '
                    f'transform="rotate(-50 {x:.1f} {top - 8})">'
                    f'{escape(_short(t["label"], 26))}</text>')
    for i, kind in enumerate(types):
        y = top + i * cell
        body.append(f'<text x="{left - 8}" y="{y + cell / 2 + 4:.1f}" text-anchor="end">'
                    f'{escape(TYPE_ROW.get(kind, kind))}</text>')
        for j, t in enumerate(themes):
            n = t["respondent_types"].get(kind, 0)
            share = n / totals[j]
            body.append(f'<rect class="cell" x="{left + j * cell}" y="{y}" width="{cell - 2}" '
                        f'height="{cell - 2}" fill="#1f4e99" fill-opacity="{share:.2f}" '
                        f'stroke="#e5e5e5"><title>{escape(TYPE_ROW.get(kind, kind))}, '
                        f'{escape(t["label"])}: {n} ({round(100 * share)} %)</title></rect>'
                        f'<text x="{left + j * cell + cell / 2 - 1:.1f}" y="{y + cell / 2 + 4:.1f}"'
                        f' text-anchor="middle" fill="{"#fff" if share > 0.5 else "#222"}">'
                        f'{n or ""}</text>')
    y = top + cell * max(len(types), 1) + 14
    for k, share in enumerate((0.0, 0.25, 0.5, 0.75, 1.0)):
        x = left + k * 60
        body.append(f'<rect x="{x}" y="{y}" width="18" height="14" fill="#1f4e99" '
                    f'fill-opacity="{share:.2f}" stroke="#ccc"/><text x="{x + 22}" '
                    f'y="{y + 12}">{round(100 * share)} %</text>')
    body.append(f'<text x="{left - 8}" y="{y + 12}" text-anchor="end">Andel av temaets '
                'innspill:</text>')
    return _svg(width, height, "Respondenttype × tema, andel av temaets innspill", body)


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
    """The segment map's legend: the largest themes, "andre temaer", "Andre innspill"."""
    themes = run.themes_doc["themes"]
    items = [f'<span class="key"><i style="background:{colour(i)}"></i>'
             f'{escape(t["id"])} {escape(_short(t["label"], 30))}</span>'
             for i, t in enumerate(themes[:len(PALETTE)])]
    if len(themes) > len(PALETTE):
        items.append(f'<span class="key"><i style="background:{OTHER_COLOUR}"></i>'
                     f'{len(themes) - len(PALETTE)} andre temaer</span>')
    items.append(f'<span class="key"><i style="background:{OUTLIER_COLOUR}"></i>'
                 'Andre innspill</span>')
    return "".join(items)
