"""The report blocks (:mod:`.content`) as a Word document via python-docx: A4, the
document's language (nb-NO or nn-NO), headings kept with what follows, tables with a header
row, column widths from their content and numbers right-aligned, charts as PNG images."""

from __future__ import annotations

import copy
import io
import re
from typing import Any

from ..privacy.safetext import strip_bidi

Block = tuple[Any, ...]
TEXT_WIDTH_CM = 17.0  # A4 (21 cm) less 2 cm margins
NUMBER = re.compile(r"^[\d\u00a0 ,.%–-]+( ?%)?$")
TABLE_PT = 10  # tables in 10 pt
CM_PER_CHAR = 0.225  # 10 pt Calibri/Carlito, bold, about (measured in LibreOffice)
CELL_PADDING_CM = 0.45  # the cell's left and right margins and a little air


def _clean(text: Any) -> str:
    """Characters XML 1.0 cannot hold (control characters from broken input) and bidi
    controls removed."""
    return "".join(ch for ch in strip_bidi(str(text)) if ch in "\t\n\r" or ord(ch) >= 0x20)


def is_number(text: Any) -> bool:
    """A cell that holds a number, a share or a decimal ("1 234", "27 %", "0,69")."""
    return bool(NUMBER.match(str(text).strip())) and any(c.isdigit() for c in str(text))


def column_widths(header: list[Any], rows: list[list[Any]], total: float = TEXT_WIDTH_CM
                  ) -> list[float]:
    """Widths in cm: each column at least its longest word (no word split across lines),
    the rest shared by how much text the column holds; at most ``total`` (when the longest
    words need more, as file ids can, the widest column wraps first)."""
    sample = [header] + rows[:300]
    longest = [max(len(w) for r in sample for w in (str(r[j]).split() or [""]))
               for j in range(len(header))]
    longest = [max(n, len(str(h).split()[0]) if str(h).split() else 1)
               for n, h in zip(longest, header, strict=True)]
    need = [CM_PER_CHAR * n + CELL_PADDING_CM for n in longest]
    if sum(need) > total:  # a word too long for the page (a file id): that column wraps
        j = need.index(max(need))
        need[j] = max(total - (sum(need) - need[j]), 0.2 * total)
    if sum(need) > total:  # still too wide: every column shrinks, the table stays on it
        need = [n * total / sum(need) for n in need]
    mean = [sum(len(str(r[j])) for r in sample) / len(sample) for j in range(len(header))]
    spare = max(total - sum(need), 0.0)
    weight = [max(m - n, 0.0) for m, n in zip(mean, longest, strict=True)]
    if not sum(weight):  # short cells only: a little air for each column, not the page
        weight, spare = need, min(spare, 0.25 * sum(need))
    wsum = sum(weight) or 1.0
    return [n + spare * w / wsum for n, w in zip(need, weight, strict=True)]


def _set_lang(doc: Any, lang: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(
        qn("w:rPr"))
    el = rpr.find(qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        rpr.append(el)
    for key in ("w:val", "w:eastAsia", "w:bidi"):
        el.set(qn(key), lang)
    for style in doc.styles:
        if getattr(style, "element", None) is not None:
            r = style.element.find(qn("w:rPr"))
            if r is not None and r.find(qn("w:lang")) is not None:
                r.find(qn("w:lang")).set(qn("w:val"), lang)


def _page(doc: Any) -> None:
    from docx.shared import Cm

    for s in doc.sections:
        s.page_width, s.page_height = Cm(21.0), Cm(29.7)
        s.left_margin = s.right_margin = Cm(2.0)
        s.top_margin = s.bottom_margin = Cm(2.5)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Caption"):
        doc.styles[name].paragraph_format.keep_with_next = True


def _fill(tc: Any, text: str, right: bool) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = tc.find(qn("w:p"))
    if right:
        ppr = OxmlElement("w:pPr")
        jc = OxmlElement("w:jc")
        jc.set(qn("w:val"), "right")
        ppr.append(jc)
        p.insert(0, ppr)
    r, t = OxmlElement("w:r"), OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    r.append(t)
    p.append(r)


def _table(d: Any, header: list[Any], rows: list[list[Any]]) -> None:
    """A table with fixed column widths, a repeated bold header row, numbers right-aligned.
    Body rows are copies of one template row (python-docx's ``add_row`` is quadratic)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    widths = column_widths(header, rows)
    numeric = [bool(rows) and all(is_number(r[j]) for r in rows[:300] if str(r[j]).strip())
               for j in range(len(header))]
    table = d.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for col, w in zip(table.columns, widths, strict=True):
        col.width = Cm(w)
    head = table.rows[0]
    trpr = head._tr.get_or_add_trPr()
    rep = OxmlElement("w:tblHeader")
    trpr.append(rep)
    for cell, text, w, num in zip(head.cells, header, widths, numeric, strict=True):
        cell.width = Cm(w)
        cell.text = _clean(text)
        para = cell.paragraphs[0]
        para.paragraph_format.keep_with_next = True
        if num:
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for run in para.runs:
            run.bold = True
    if not rows:
        return
    template = table.add_row()._tr
    tbl = template.getparent()
    tbl.remove(template)
    for row in rows:
        tr = copy.deepcopy(template)
        for tc, text, num in zip(tr.iterchildren(qn("w:tc")), row, numeric, strict=True):
            _fill(tc, _clean(text), num)
        tbl.append(tr)


def to_docx(blocks: list[Block], charts: dict[str, bytes] | None = None,
            lang: str = "nb-NO") -> bytes:
    """The document as bytes; ``charts`` maps a chart block's name to its PNG."""
    import docx
    from docx.shared import Cm, Pt

    d = docx.Document()
    d.core_properties.title = next((b[2] for b in blocks if b[0] == "h"), "innonlp")
    d.core_properties.author = "innonlp"
    d.core_properties.language = lang
    style = d.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    _page(d)
    _set_lang(d, lang)
    d.styles["Table Grid"].font.size = Pt(TABLE_PT)
    charts = charts or {}
    for b in blocks:
        kind = b[0]
        if kind == "h":
            d.add_heading(_clean(b[2]), level=b[1])
        elif kind == "p":
            d.add_paragraph(_clean(b[1]))
        elif kind == "ul":
            for item in b[1]:
                d.add_paragraph(_clean(item), style="List Bullet")
        elif kind == "quote":
            p = d.add_paragraph(style="Quote")
            p.add_run(f"«{_clean(b[1])}»")
            p.add_run(f" — {_clean(b[2])}").italic = False
        elif kind == "chart" and b[1] in charts:
            d.add_picture(io.BytesIO(charts[b[1]]), width=Cm(15.5))
            d.paragraphs[-1].paragraph_format.keep_with_next = True
            d.add_paragraph(_clean(b[2]), style="Caption")
        elif kind == "table":
            _table(d, b[1], b[2])
            d.add_paragraph()
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
