"""``themes.xlsx``: sheets themes, segments, submissions, comparison.

Submission text is untrusted: a cell whose text starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return gets a leading apostrophe so Excel and LibreOffice show it as text
instead of running it, and characters that XML cannot hold are dropped.
"""

from __future__ import annotations

import io
import math
from typing import Any

import numpy as np
import pandas as pd

from ..themes.outputs import neutralise
from .run import Run
from .xlsx import NOT_XML, Workbook

MAX_CELL = 32_767
CUT = " … [forkortet: se segments.parquet]"
SEGMENT_COLUMNS = ["id", "submission_id", "bucket", "theme_id", "subtheme_id", "theme_label",
                   "theme_similarity", "standard", "part", "question", "heading", "page",
                   "start", "end", "text"]


def _safe(value: Any) -> Any:
    if isinstance(value, str):
        return neutralise(NOT_XML.sub("", value))
    return value


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


def _cell(value: Any) -> Any:
    """A value for the workbook: None for missing, plain numbers, safe text."""
    t = type(value)
    if t is str:
        text = _safe(value)
    elif t is int or t is bool or value is None:
        return value
    elif t is float:
        return value if math.isfinite(value) else None
    elif value is pd.NA or value is pd.NaT:
        return None
    elif isinstance(value, (bool, np.bool_)):
        return bool(value)
    elif isinstance(value, (int, np.integer)):
        return int(value)
    elif isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    elif isinstance(value, (list, tuple, np.ndarray)):
        text = _safe(", ".join(str(v) for v in value))
    else:
        text = _safe(str(value))
    # Excel holds at most 32,767 characters in a cell; say so rather than cut silently
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - len(CUT)] + CUT


def _column(values: list[Any], dtype: Any) -> list[Any]:
    if isinstance(dtype, np.dtype) and dtype.kind in "iu":
        return values  # plain integers: nothing to check
    return [_cell(v) for v in values]


def to_xlsx(run: Run) -> bytes:
    """The workbook (see :mod:`.xlsx`): text that starts like a formula is neutralised as
    well, for whoever edits the cell later."""
    buf = io.BytesIO()
    with Workbook(buf) as book:
        for name, frame in sheets(run).items():
            header = [_safe(str(c)) for c in frame.columns]
            columns = [_column(frame[c].tolist(), frame.dtypes.iloc[j])
                       for j, c in enumerate(frame.columns)]
            widths = [min(max(len(h), *(len(str(v)) for v in col[:200] if v is not None), 8),
                          60) for h, col in zip(header, columns, strict=True)]
            book.add_sheet(name, header, columns, widths)
    return buf.getvalue()
