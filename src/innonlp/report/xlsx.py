"""A small, streaming writer of Office Open XML workbooks (.xlsx) for tables of text and
numbers.

The general libraries spend about 15 µs a cell; a run's segment sheet has millions of cells.
This writer streams each sheet's XML straight into the zip archive, a block of rows at a
time: strings as inline strings (never formulas, never links), numbers as numbers, a bold
header row that stays in view (frozen pane) and column widths. Memory stays flat however
many rows there are. A column can carry a number format (``"int"``, ``"pct"``, ``"dec"``);
every sheet gets an autofilter over its header row. Readers: Excel, LibreOffice, openpyxl,
pandas.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import Any

MAX_ROWS = 1_048_576  # Excel's limit, header included
ROW_BLOCK = 2000  # rows turned into XML at a time
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_SHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _col(j: int) -> str:
    name = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        name = chr(65 + r) + name
    return name


def xml_text(value: str) -> str:
    """Text as XML character data: characters XML 1.0 cannot hold dropped, escaped."""
    return (NOT_XML.sub("", value).replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;"))


_EMPTY = "<c/>"
# cell styles (cellXfs index): 0 plain, 1 bold header, then the number formats
STYLE = {"int": 2, "pct": 3, "dec": 4}


def _text(value: str) -> str:
    return f'<c t="inlineStr"><is><t xml:space="preserve">{xml_text(value)}</t></is></c>'


def _float(value: float) -> str:
    return f"<c><v>{value!r}</v></c>" if math.isfinite(value) else _EMPTY


_FRAGMENT = {str: _text, int: lambda v: f"<c><v>{v}</v></c>", float: _float,
             bool: lambda v: f'<c t="b"><v>{int(v)}</v></c>', type(None): lambda v: _EMPTY}


def cells(values: Iterable[Any]) -> list[str]:
    """The XML of a column's cells (str, int, float, bool or None each; no cell
    references, so a missing value is an empty cell that keeps its place)."""
    frag = _FRAGMENT
    return [frag[type(v)](v) if type(v) in frag else _text(str(v)) for v in values]


def _sheet_head(widths: Sequence[float], top: int = 1) -> str:
    cols = "".join(f'<col min="{j + 1}" max="{j + 1}" width="{w:.1f}" customWidth="1"/>'
                   for j, w in enumerate(widths))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{_NS}" xmlns:r="{_REL}"><sheetViews>'
            f'<sheetView workbookViewId="0"><pane ySplit="{top}" topLeftCell="A{top + 1}" '
            f'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/>'
            + (f"<cols>{cols}</cols>" if cols else "") + "<sheetData>")


def _styled(frags: list[str], style: int | None) -> list[str]:
    if style is None:
        return frags
    tag = f'<c s="{style}"><v>'
    return [f.replace("<c><v>", tag, 1) for f in frags]


def write_sheet(zf: zipfile.ZipFile, path: str, header: Sequence[str],
                columns: Sequence[Sequence[Any]], widths: Sequence[float],
                formats: Sequence[str | None] | None = None, title: str | None = None) -> int:
    """One worksheet into ``zf`` at ``path`` from its columns (sequences that can be
    sliced: only a block of rows at a time is read and turned into XML); returns the number
    of data rows written (at most Excel's limit; a last row then says how many more there
    were). A ``title`` is a bold first row above the header (a question's full text)."""
    n = len(columns[0]) if columns else 0
    top = 1 if title is None else 2
    keep = min(n, MAX_ROWS - 1 - top)
    styles = [STYLE.get(f) if f else None for f in (formats or [None] * len(columns))]
    with zf.open(path, "w", force_zip64=True) as raw:
        out = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        out.write(_sheet_head(widths, top))
        if title is not None:
            out.write("<row>" + _text(title).replace("<c ", '<c s="1" ', 1) + "</row>")
        out.write("<row>" + "".join(_text(h).replace("<c ", '<c s="1" ', 1) for h in header)
                  + "</row>")
        for a in range(0, keep, ROW_BLOCK):
            b = min(a + ROW_BLOCK, keep)
            out.write("".join("<row>" + "".join(r) + "</row>"
                              for r in zip(*(_styled(cells(col[a:b]), style)
                                             for col, style in zip(columns, styles,
                                                                   strict=True)),
                                           strict=True)))
        if n > keep:
            out.write(f"<row>{_text(f'… {n - keep} rader til: se segments.parquet')}</row>")
        out.write(f'</sheetData><autoFilter ref="{filter_ref(len(header), keep, top=top)}"/>'
                  "</worksheet>")
        out.flush()
        out.detach()
    return keep


def filter_ref(n_cols: int, n_rows: int, absolute: bool = False, top: int = 1) -> str:
    """The autofilter's range: the header row (row ``top``) and ``n_rows`` rows under it."""
    d = "$" if absolute else ""
    return f"{d}A{d}{top}:{d}{_col(max(n_cols, 1) - 1)}{d}{n_rows + top}"


BAD_NAME = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def sheet_name(name: str, taken: Sequence[str] = ()) -> str:
    """A name Excel accepts: no ``[]:*?/\\`` or control characters, no apostrophe at
    either end, 1 to 31 characters, unlike ``taken`` (case-insensitive; a " (2)" added)."""
    base = BAD_NAME.sub(" ", name).strip().strip("'").strip() or "ark"
    used = {t.lower() for t in taken}
    out, k = base[:31], 1
    while out.lower() in used:
        k += 1
        tail = f" ({k})"
        out = base[:31 - len(tail)].rstrip() + tail
    return out


class Workbook:
    """``with Workbook(fh) as wb: wb.add_sheet(name, header, columns, widths)``."""

    def __init__(self, fh: Any, compresslevel: int = 1):
        self.zf = zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel)
        self.names: list[str] = []
        self.filters: list[str] = []

    def add_sheet(self, name: str, header: Sequence[str], columns: Sequence[Sequence[Any]],
                  widths: Sequence[float], formats: Sequence[str | None] | None = None,
                  title: str | None = None) -> int:
        """Add a sheet (its name made one Excel accepts, see :func:`sheet_name`)."""
        self.names.append(sheet_name(name, self.names))
        kept = write_sheet(self.zf, f"xl/worksheets/sheet{len(self.names)}.xml", header,
                           columns, widths, formats, title)
        self.filters.append(filter_ref(len(header), kept, absolute=True,
                                       top=1 if title is None else 2))
        return kept

    def close(self) -> None:
        n = len(self.names)
        sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                         f'ContentType="{_SHEET_CT}"/>' for i in range(1, n + 1))
        head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        main = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        self.zf.writestr("[Content_Types].xml", (
            f'{head}<Types xmlns="{_CT}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-'
            'package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{main}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{main}.styles+xml"/>'
            f"{sheets}</Types>"))
        self.zf.writestr("_rels/.rels", (
            f'{head}<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        self.zf.writestr("xl/workbook.xml", (
            f'{head}<workbook xmlns="{_NS}" xmlns:r="{_REL}"><sheets>'
            + "".join(f'<sheet name="{xml_text(s)}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, s in enumerate(self.names, start=1))
            + "</sheets><definedNames>"
            + "".join(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" '
                      f"hidden=\"1\">'{xml_text(s)}'!{ref}</definedName>"
                      for i, (s, ref) in enumerate(zip(self.names, self.filters,
                                                       strict=True)))
            + "</definedNames></workbook>"))
        self.zf.writestr("xl/_rels/workbook.xml.rels", (
            f'{head}<Relationships xmlns="{_PKG}">'
            + "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" '
                      f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, n + 1))
            + f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
            "</Relationships>"))
        self.zf.writestr("xl/styles.xml", (
            f'{head}<styleSheet xmlns="{_NS}">'
            '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>'
            '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
            '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
            '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
            'borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" '
            'fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" '
            'borderId="0" xfId="0" applyFont="1"/><xf numFmtId="1" fontId="0" fillId="0" '
            'borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" '
            'fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" '
            'fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
            "</cellStyles></styleSheet>"))
        self.zf.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
