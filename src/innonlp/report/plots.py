"""The report's charts drawn with matplotlib (Agg backend, imported lazily): PNG for Word,
SVG on request; theme sizes, stance per theme, respondent type × theme."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from .norsk import TYPE_ROW

if TYPE_CHECKING:
    from .run import Run

STANCE = (("støtter", "Støtter", "#2b8a3e"), ("delvis", "Med forbehold", "#f0a202"),
          ("imot", "Går imot", "#c92a2a"), ("uklart", "Tar ikke stilling", "#ced4da"))
MAX_THEMES = 30
DPI = 150


def _plt() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _short(text: str, n: int = 42) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def _save(fig: Any, fmt: str) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, dpi=DPI, bbox_inches="tight",
                metadata={"Software": None} if fmt == "png" else {"Date": None})
    _plt().close(fig)
    return buf.getvalue()


def theme_sizes(run: Run, fmt: str = "png") -> bytes:
    """Horizontal bars: submissions per theme, largest on top."""
    plt = _plt()
    themes = run.relevant_themes[:MAX_THEMES]
    fig, ax = plt.subplots(figsize=(6.3, 0.8 + 0.28 * max(len(themes), 1)))
    labels = [_short(t["label"]) for t in themes][::-1]
    values = [t["n_submissions"] for t in themes][::-1]
    bars = ax.barh(labels, values, color="#1f77b4")
    ax.bar_label(bars, padding=3, fontsize=8)
    ax.set_xlabel("Innspill")
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)
    return _save(fig, fmt)


def stance(run: Run, fmt: str = "png") -> bytes:
    """Stacked bars per theme: støtter, med forbehold, går imot, tar ikke stilling."""
    plt = _plt()
    themes = [t for t in run.relevant_themes[:MAX_THEMES] if t.get("stance")][::-1]
    fig, ax = plt.subplots(figsize=(6.3, 1.2 + 0.28 * max(len(themes), 1)))
    left = [0] * len(themes)
    for key, name, col in STANCE:
        vals = [t["stance"]["counts"].get(key, 0) for t in themes]
        ax.barh([_short(t["label"]) for t in themes], vals, left=left, color=col, label=name)
        left = [a + b for a, b in zip(left, vals, strict=True)]
    ax.set_xlabel("Innspill")
    ax.legend(ncol=4, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.5 /
              max(len(themes), 1)), frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)
    return _save(fig, fmt)


def heatmap(run: Run, fmt: str = "png") -> bytes:
    """Respondent type × theme, each column the share of the theme's submissions (labels
    and numbers in the cells, a colour bar as legend)."""
    plt = _plt()
    import numpy as np

    themes = run.relevant_themes[:MAX_THEMES]
    types = sorted({k for t in themes for k in t["respondent_types"]})
    counts = np.array([[t["respondent_types"].get(k, 0) for t in themes] for k in types],
                      dtype=float).reshape(len(types), len(themes))
    shares = counts / np.maximum(counts.sum(axis=0, keepdims=True), 1)
    fig, ax = plt.subplots(figsize=(max(4.0, 1.6 + 0.45 * len(themes)),
                                    1.6 + 0.35 * max(len(types), 1)))
    im = ax.imshow(shares, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    ax.set_yticks(range(len(types)), [TYPE_ROW.get(k, k) for k in types], fontsize=8)
    ax.set_xticks(range(len(themes)), [_short(t["label"], 28) for t in themes], fontsize=7,
                  rotation=40, ha="right")
    for i in range(len(types)):
        for j in range(len(themes)):
            if counts[i, j]:
                ax.text(j, i, str(int(counts[i, j])), ha="center", va="center", fontsize=7,
                        color="white" if shares[i, j] > 0.55 else "#222")
    bar = fig.colorbar(im, ax=ax, fraction=0.03, pad=0.02)
    bar.set_label("Andel av temaets innspill", fontsize=7)
    bar.ax.tick_params(labelsize=7)
    return _save(fig, fmt)


CHARTS = {"theme_sizes": theme_sizes, "stance": stance, "heatmap": heatmap}


def pngs(run: Run, names: list[str]) -> dict[str, bytes]:
    """The named charts as PNG (an empty run draws nothing)."""
    if not run.relevant_themes:
        return {}
    return {n: CHARTS[n](run) for n in names if n in CHARTS}
