"""``themes.xlsx``: sheets themes, segments, submissions, comparison.

Submission text is untrusted: a cell whose text starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return gets a leading apostrophe so Excel and LibreOffice show it as text
instead of running it, and characters that XML cannot hold are dropped.
"""

from __future__ import annotations

import io
from typing import Any

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ..themes.outputs import neutralise
from .run import Run

SEGMENT_COLUMNS = ["id", "submission_id", "bucket", "theme_id", "subtheme_id", "theme_label",
                   "theme_similarity", "standard", "part", "question", "heading", "page",
                   "start", "end", "text"]


def _safe(value: Any) -> Any:
    if isinstance(value, str):
        return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def _safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = out[col].map(_safe)
    out.columns = [_safe(str(c)) for c in out.columns]
    return out


def sheets(run: Run) -> dict[str, pd.DataFrame]:
    seg = run.segments[[c for c in SEGMENT_COLUMNS if c in run.segments]]
    subs = run.submission_themes().merge(
        run.submissions[["id", "key_phrases"]] if "key_phrases" in run.submissions else
        run.submissions[["id"]], on="id", how="left")
    comparison = run.comparison
    if comparison is None:
        comparison = pd.DataFrame({"note": ["Ingen oppsummering ble sammenlignet i denne "
                                            "kjøringen (bruk --summary eller innonlp compare)."]})
    return {"themes": run.themes, "segments": seg, "submissions": subs,
            "comparison": comparison}


def to_xlsx(run: Run) -> bytes:
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        for name, frame in sheets(run).items():
            _safe_frame(frame).to_excel(xw, sheet_name=name, index=False)
            ws = xw.sheets[name]
            ws.freeze_panes = "A2"
            for col in ws.columns:
                width = max((len(str(c.value)) for c in col[:200] if c.value is not None),
                            default=8)
                ws.column_dimensions[col[0].column_letter].width = min(max(width, 8), 60)
    return buf.getvalue()
