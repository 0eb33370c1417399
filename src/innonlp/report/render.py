"""Render the report blocks (:mod:`.content`) as Markdown and as a Word document.

Word gets real headings (Heading 1–3), tables with a header row (style "Table Grid"),
bulleted lists and quotes in the "Quote" style, via python-docx.
"""

from __future__ import annotations

import io
from typing import Any

from ..privacy.safetext import md_inline, strip_bidi
from .content import Block


def _md_cell(text: Any) -> str:
    """A table cell: inert Markdown (see :func:`_md_text`), pipes escaped."""
    return md_inline(text)


def _md_text(text: str, line_start: bool = True) -> str:
    """Submission text in Markdown: no raw HTML, no live links, images or autolinks, no
    bidi controls and no accidental headings or lists."""
    return md_inline(text, line_start)


def to_markdown(blocks: list[Block]) -> str:
    lines: list[str] = []
    for b in blocks:
        kind = b[0]
        if kind == "h":
            lines += ["#" * b[1] + " " + _md_text(b[2], line_start=False), ""]
        elif kind == "p":
            lines += [_md_text(b[1]), ""]
        elif kind == "ul":
            lines += [f"- {_md_text(item)}" for item in b[1]] + [""]
        elif kind == "quote":
            lines += [f"> «{_md_text(b[1])}» — {_md_text(b[2])}", ""]
        elif kind == "table":
            header, rows = b[1], b[2]
            lines.append("| " + " | ".join(_md_cell(h) for h in header) + " |")
            lines.append("|" + "---|" * len(header))
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _clean(text: Any) -> str:
    """Characters XML 1.0 cannot hold (control characters from broken input) and bidi
    controls removed."""
    return "".join(ch for ch in strip_bidi(str(text)) if ch in "\t\n\r" or ord(ch) >= 0x20)


def _add_rows(table: Any, rows: list[list[Any]]) -> None:
    """Body rows, appended as copies of one template row: python-docx's ``add_row`` looks
    up the table's children on each call, which is quadratic in an appendix of 10,000+
    submissions."""
    import copy

    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    if not rows:
        return
    template = table.add_row()._tr
    tbl = template.getparent()
    tbl.remove(template)
    for row in rows:
        tr = copy.deepcopy(template)
        for tc, text in zip(tr.iterchildren(qn("w:tc")), row, strict=True):
            p = tc.find(qn("w:p"))
            r, t = OxmlElement("w:r"), OxmlElement("w:t")
            t.text = _clean(text)
            t.set(qn("xml:space"), "preserve")
            r.append(t)
            p.append(r)
        tbl.append(tr)


def to_docx(blocks: list[Block]) -> bytes:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    d.core_properties.title = next((b[2] for b in blocks if b[0] == "h"), "innonlp")
    d.core_properties.author = "innonlp"
    style = d.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
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
        elif kind == "table":
            header, rows = b[1], b[2]
            table = d.add_table(rows=1, cols=len(header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, header, strict=True):
                cell.text = _clean(text)
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            _add_rows(table, rows)
            d.add_paragraph()
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
