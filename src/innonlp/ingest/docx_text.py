"""The text of a DOCX body as a reader sees it, from its XML (python-docx reads less).

python-docx's ``paragraph.text`` knows only runs and hyperlinks that are direct children
of a paragraph, so it drops text in content controls (``w:sdt``), tracked insertions
(``w:ins``), simple fields (``w:fldSimple``), smart tags, custom XML and text boxes. Here
the body is walked in document order: all of those are read, tracked deletions
(``w:del``, ``w:moveFrom``) and field instructions (``w:instrText``: the code, not the
result) are not, and a text box is read once (its VML fallback copy is skipped).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

# never read: deleted or moved-away text, field codes, properties, the VML copy of a box
_SKIP = {f"{W}{t}" for t in ("del", "moveFrom", "instrText", "delText", "delInstrText",
                             "rPr", "pPr", "fldData", "sectPr", "tblPr", "trPr", "tcPr")}
_SKIP.add(f"{MC}Fallback")
_BREAKS = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-",
           f"{W}softHyphen": ""}
# containers whose children are blocks (paragraphs, tables) in their own right
_BLOCK_WRAPPERS = {f"{W}{t}" for t in ("sdt", "sdtContent", "customXml", "ins", "moveTo",
                                       "smartTag")}


def paragraph_text(p: Any, boxes: list[str] | None = None) -> str:
    """The visible text of one ``w:p``; the paragraphs of its text boxes go to ``boxes``."""
    parts: list[str] = []

    def walk(el: Any) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag in _BREAKS:
                parts.append(_BREAKS[tag])
            elif tag == f"{W}txbxContent":
                if boxes is not None:
                    boxes.extend(body_paragraphs(child))
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def _row_deleted(tr: Any) -> bool:
    pr = tr.find(f"{W}trPr")
    return pr is not None and pr.find(f"{W}del") is not None


def _rows(tbl: Any) -> list[Any]:
    out: list[Any] = []
    for child in tbl:
        if child.tag == f"{W}tr":
            if not _row_deleted(child):
                out.append(child)
        elif child.tag in _BLOCK_WRAPPERS:
            out.extend(_rows(child))
    return out


def _cells(tr: Any) -> list[Any]:
    out: list[Any] = []
    for child in tr:
        if child.tag == f"{W}tc":
            out.append(child)
        elif child.tag in _BLOCK_WRAPPERS:
            out.extend(_cells(child))
    return out


def table_rows(tbl: Any) -> list[str]:
    """One line per table row: its cells' text joined by `` – `` (repeats dropped)."""
    lines = []
    for tr in _rows(tbl):
        seen: list[str] = []
        for tc in _cells(tr):
            text = " ".join(t.strip() for t in body_paragraphs(tc) if t.strip())
            if text and text not in seen:
                seen.append(text)
        if seen:
            lines.append(" – ".join(seen))
    return lines


def body_paragraphs(container: Any, on_paragraph: Callable[[Any], None] | None = None
                    ) -> list[str]:
    """The paragraphs (and table rows) of a body, cell or text box, in document order.
    ``on_paragraph`` is called with every top-level ``w:p`` (to count headings)."""
    out: list[str] = []
    for child in container:
        tag = child.tag
        if tag == f"{W}p":
            if on_paragraph is not None:
                on_paragraph(child)
            boxes: list[str] = []
            out.append(paragraph_text(child, boxes))
            out.extend(boxes)
        elif tag == f"{W}tbl":
            out.extend(table_rows(child))
        elif tag in _BLOCK_WRAPPERS:
            out.extend(body_paragraphs(child, on_paragraph))
    return out


def style_id(p: Any) -> str:
    """The paragraph style id of a ``w:p`` ('' when it has none)."""
    pr = p.find(f"{W}pPr")
    style = pr.find(f"{W}pStyle") if pr is not None else None
    return str(style.get(f"{W}val", "")) if style is not None else ""
