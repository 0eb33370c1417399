"""Tabular exports (CSV, XLSX, JSON, JSON Lines): rows in, one record per row out.

A row is an input of its own in the manifest, so a ragged row fails alone.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..config import ColumnMapping, IngestConfig
from ..errors import FileFailure
from .encoding import decode_bytes, normalise_text
from .zipguard import check_zip, open_zip

# Column names recognised when no text column is mapped (lower-case, compared after strip).
TEXT_COLUMN_NAMES = (
    "tekst", "text", "innspill", "høringssvar", "horingssvar", "svar", "kommentar",
    "kommentarer", "merknad", "merknader", "body", "innhald", "innhold", "uttalelse",
    "fråsegn", "frasegn", "page_text",
)
ID_COLUMN_NAMES = ("id", "løpenummer", "lopenummer", "nr", "innspill_id", "svar_id")
SUBMITTER_COLUMN_NAMES = ("navn", "namn", "name", "avsender", "innsender", "submitter")
ORG_COLUMN_NAMES = ("organisasjon", "virksomhet", "verksemd", "organisation", "org")
TYPE_COLUMN_NAMES = ("respondenttype", "type", "kategori", "aktørtype", "aktortype",
                     "respondent_type", "innsendertype", "rolle")
DATE_COLUMN_NAMES = ("dato", "date", "innsendt", "mottatt", "tidspunkt")


@dataclass
class Row:
    """One table row: its 1-based number (header = row 1 in CSV/XLSX) and its cells."""

    number: int
    cells: dict[str, Any] | None
    error: str | None = None


def _csv_rows(data: bytes) -> tuple[list[str], Iterator[Row], str]:
    text, enc = decode_bytes(data)
    text = normalise_text(text)
    sample = text[:20000]
    try:
        dialect: Any = csv.Sniffer().sniff(sample.split("\n\n")[0][:5000], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    # the header row decides when the sniffer was misled (ragged rows, a huge first cell)
    head = sample.split("\n", 1)[0]
    counts = {d: head.count(d) for d in ",;\t|"}
    best = max(counts, key=lambda d: (counts[d], d == dialect.delimiter))
    if counts[best] and counts.get(dialect.delimiter, 0) < counts[best]:
        class _Header(csv.excel):
            delimiter = best
        dialect = _Header
    csv.field_size_limit(2**31 - 1)
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration as exc:
        raise FileFailure("CSV file has no header row") from exc
    if not any(header):
        raise FileFailure("CSV file has an empty header row")

    def rows() -> Iterator[Row]:
        i = 1
        while True:
            i += 1
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Row(i, None, f"CSV row cannot be parsed ({exc})")
                return
            if not any(f.strip() for f in fields):
                continue
            if len(fields) > len(header):
                yield Row(i, None, f"ragged row: {len(fields)} fields, the header has "
                                   f"{len(header)}")
                continue
            cells = dict(zip(header, fields, strict=False))
            yield Row(i, cells)

    return header, rows(), enc


@dataclass
class Sheet:
    """One table of an export: its name (a workbook's sheet; None for CSV/JSON), header,
    rows and the encoding it was read with."""

    name: str | None
    header: list[str]
    rows: Iterator[Row]
    encoding: str


def read_workbook(data: bytes, cfg: IngestConfig) -> list[Sheet]:
    """Every worksheet of an XLSX workbook, in order (an empty one with no header).

    The dimension a sheet declares is not trusted (``A1:XFD1048576`` on a sheet of two
    rows would make every row 16,384 cells wide and pad a million empty rows): it is
    reset, so only the rows and cells really there are read.
    """
    import openpyxl

    zf = open_zip(data, "XLSX")
    check_zip(zf, cfg, "XLSX")
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        return [_sheet(ws) for ws in wb.worksheets]
    except FileFailure:
        raise
    except Exception as exc:
        raise FileFailure(f"not a valid XLSX file ({type(exc).__name__}: {exc})") from exc


def _sheet(ws: Any) -> Sheet:
    ws.reset_dimensions()
    it = ws.iter_rows(values_only=True)
    header = next(it, None)
    if header is None:
        return Sheet(ws.title, [], iter(()), "xlsx")
    names = ["" if v is None else str(v).strip() for v in header]
    while names and not names[-1]:
        names.pop()

    def rows() -> Iterator[Row]:
        for i, values in enumerate(it, start=2):
            if not values or not any(v not in (None, "") for v in values):
                continue
            cells = {h: ("" if v is None else str(v)) for h, v in zip(names, values,
                                                                      strict=False) if h}
            yield Row(i, cells)

    return Sheet(ws.title, names, rows(), "xlsx")


def _json_rows(data: bytes, lines: bool) -> tuple[list[str], Iterator[Row], str]:
    text, enc = decode_bytes(data)
    if lines:
        # only \n ends a JSON Lines record; U+2028 and friends may stand inside strings
        raw_lines = text.split("\n")

        def rows() -> Iterator[Row]:
            for i, line in enumerate(raw_lines, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield Row(i, None, f"line is not valid JSON ({exc.msg})")
                    continue
                if not isinstance(obj, dict):
                    yield Row(i, None, "line is not a JSON object")
                    continue
                yield Row(i, obj)

        first: list[str] = []
        for line in raw_lines[:50]:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(obj, dict):
                first = list(obj)
                break
        return first, rows(), enc
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileFailure(f"not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    if isinstance(obj, dict):
        for key in ("records", "data", "items", "submissions", "innspill", "rows"):
            if isinstance(obj.get(key), list):
                obj = obj[key]
                break
    if not isinstance(obj, list):
        raise FileFailure("JSON must be a list of objects (or hold one under 'records'/'data')")
    records = obj
    header = list(records[0]) if records and isinstance(records[0], dict) else []

    def rows_list() -> Iterator[Row]:
        for i, rec in enumerate(records, start=1):
            if isinstance(rec, dict):
                yield Row(i, rec)
            else:
                yield Row(i, None, "record is not a JSON object")

    return header, rows_list(), enc


def read_table(data: bytes, fmt: str, cfg: IngestConfig) -> tuple[list[str], Iterator[Row], str]:
    """Return ``(header, rows, encoding)`` for a CSV/XLSX/JSON/JSONL export."""
    if fmt == "csv":
        return _csv_rows(data)
    if fmt == "xlsx":
        sheets = read_workbook(data, cfg)
        if not sheets or not sheets[0].header:
            raise FileFailure("XLSX sheet is empty (no header row)")
        return sheets[0].header, sheets[0].rows, "xlsx"
    if fmt in ("json", "jsonl"):
        return _json_rows(data, lines=fmt == "jsonl")
    raise ValueError(fmt)


def _find(header: list[str], names: tuple[str, ...]) -> str | None:
    lowered = {h.strip().lower(): h for h in header}
    for name in names:
        if name in lowered:
            return lowered[name]
    return None


def resolve_columns(header: list[str], mapping: ColumnMapping) -> tuple[ColumnMapping, list[str]]:
    """Fill unmapped columns by name; return the mapping used and notes on each choice.

    Raises FileFailure when a mapped column is missing or no text column can be found.
    """
    notes: list[str] = []
    present = set(header)
    for role in ("id", "submitter", "organisation", "respondent_type", "date"):
        col = getattr(mapping, role)
        if col is not None and col not in present:
            raise FileFailure(
                f"mapped {role} column {col!r} is not in the table (columns: "
                f"{', '.join(map(repr, header))})"
            )
    missing = [c for c in mapping.text if c not in present]
    if missing:
        raise FileFailure(
            f"mapped text column(s) {', '.join(map(repr, missing))} not in the table "
            f"(columns: {', '.join(map(repr, header))}); set --text-column"
        )
    text_cols = mapping.text
    if not text_cols:
        found = _find(header, TEXT_COLUMN_NAMES)
        if found is None:
            raise FileFailure(
                "no text column: none is mapped and none is named like "
                f"{'/'.join(TEXT_COLUMN_NAMES[:4])}… (columns: {', '.join(map(repr, header))});"
                " set --text-column"
            )
        text_cols = (found,)
        notes.append(f"text column {found!r} chosen by its name (no --text-column given)")
    resolved: dict[str, Any] = {"text": text_cols}
    for role, names in (("id", ID_COLUMN_NAMES), ("submitter", SUBMITTER_COLUMN_NAMES),
                        ("organisation", ORG_COLUMN_NAMES),
                        ("respondent_type", TYPE_COLUMN_NAMES), ("date", DATE_COLUMN_NAMES)):
        col = getattr(mapping, role)
        if col is None:
            col = _find([h for h in header if h not in text_cols], names)
            if col is not None:
                notes.append(f"{role} column {col!r} chosen by its name")
        resolved[role] = col
    return ColumnMapping(**resolved), notes
