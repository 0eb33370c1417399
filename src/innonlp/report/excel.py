"""``themes.xlsx``: the sheets of :mod:`.sheets` (Norwegian headers, number formats,
filters).

Submission text is untrusted: a cell whose text starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return gets a leading apostrophe so Excel and LibreOffice show it as text
instead of running it, and characters that XML cannot hold are dropped.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..io import atomic_write
from ..privacy.safetext import strip_bidi
from ..themes.outputs import neutralise
from .run import Run
from .sheets import sheets
from .xlsx import NOT_XML, Workbook

MAX_CELL = 32_767
CUT = " … [forkortet: se segments.parquet]"


def _safe(value: Any) -> Any:
    """Text made inert for a spreadsheet: no formula, no XML-illegal or bidi characters."""
    if isinstance(value, str):
        return neutralise(strip_bidi(NOT_XML.sub("", value)))
    return value


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


class _Cells(Sequence):
    """A frame column as workbook values, converted a slice at a time (the writer reads a
    block of rows at a time: a big sheet is never held as cells)."""

    def __init__(self, series: pd.Series):
        self.series = series

    def __len__(self) -> int:
        return len(self.series)

    def __getitem__(self, rows: Any) -> Any:
        if not isinstance(rows, slice):
            i = range(len(self))[rows]  # IndexError past the end, negative from the end
            return self[i:i + 1][0]
        return _column(self.series.iloc[rows].tolist(), self.series.dtype)


def write_book(run: Run, fh: Any) -> None:
    """The workbook (see :mod:`.xlsx`) into the binary file ``fh``, streamed: text that
    starts like a formula is neutralised as well, for whoever edits the cell later."""
    with Workbook(fh) as book:
        for name, (frame, formats) in sheets(run).items():
            header = [_safe(str(c)) for c in frame.columns]
            columns = [_Cells(frame.iloc[:, j]) for j in range(frame.shape[1])]
            widths = [min(max(len(h) + 3, *(len(str(v)) for v in col[:200] if v is not None),
                              8), 60) for h, col in zip(header, columns, strict=True)]
            title = frame.attrs.get("title")
            book.add_sheet(name, header, columns, widths,
                           [formats.get(str(c)) for c in frame.columns],
                           None if title is None else _cell(str(title)))


def write_xlsx(run: Run, path: str | Path) -> Path:
    """``themes.xlsx`` at ``path``, atomically, streamed to the file."""
    def write(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            write_book(run, fh)
    return atomic_write(path, write)


def to_xlsx(run: Run) -> bytes:
    """The workbook as bytes (:func:`write_xlsx` writes it to a file without holding it)."""
    buf = io.BytesIO()
    write_book(run, buf)
    return buf.getvalue()
