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
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ..themes.outputs import neutralise
from .run import Run

MAX_CELL = 32_767
CUT = " … [forkortet: se segments.parquet]"
SEGMENT_COLUMNS = ["id", "submission_id", "bucket", "theme_id", "subtheme_id", "theme_label",
                   "theme_similarity", "standard", "part", "question", "heading", "page",
                   "start", "end", "text"]


def _safe(value: Any) -> Any:
    if isinstance(value, str):
        return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))
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
    """A value xlsxwriter can write: None for missing, plain numbers, safe text."""
    if value is None or value is pd.NA or value is pd.NaT or (
            isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, (list, tuple, np.ndarray)):
        value = ", ".join(str(v) for v in value)
    text = _safe(str(value))
    # Excel holds at most 32,767 characters in a cell; say so rather than cut silently
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - len(CUT)] + CUT


def _writer(ws: Any, dtype: Any) -> Any:
    """A cell writer for a column of ``dtype`` (plain numpy integers need no checks)."""
    if isinstance(dtype, np.dtype) and dtype.kind in "iu":
        return ws.write_number

    def write(i: int, j: int, v: Any) -> None:
        v = _cell(v)
        if v is None:
            return
        if isinstance(v, str):
            ws.write_string(i, j, v)
        elif isinstance(v, bool):
            ws.write_boolean(i, j, v)
        else:
            ws.write_number(i, j, v)
    return write


def to_xlsx(run: Run) -> bytes:
    """The workbook, streamed row by row (xlsxwriter's constant-memory mode): strings are
    never turned into formulas or links, and text that starts like a formula is
    neutralised as well, for whoever edits the cell later."""
    import xlsxwriter

    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "constant_memory": True,
                                     "strings_to_formulas": False, "strings_to_urls": False,
                                     "strings_to_numbers": False})
    bold = book.add_format({"bold": True})
    for name, frame in sheets(run).items():
        ws = book.add_worksheet(name)
        ws.freeze_panes(1, 0)
        header = [_safe(str(c)) for c in frame.columns]
        widths = [len(h) for h in header]
        columns = [frame[c].tolist() for c in frame.columns]
        for j in range(len(header)):
            for v in columns[j][:200]:
                if v is not None:
                    widths[j] = max(widths[j], len(str(v)))
            ws.set_column(j, j, min(max(widths[j], 8), 60))
        ws.write_row(0, 0, header, bold)
        writers = [_writer(ws, frame.dtypes.iloc[j]) for j in range(len(columns))]
        for i, row in enumerate(zip(*columns, strict=True), start=1):
            for j, v in enumerate(row):
                writers[j](i, j, v)
    book.close()
    return buf.getvalue()
