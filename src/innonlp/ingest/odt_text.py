"""The text of an ODT body as a reader sees it, from ``content.xml``.

Tracked changes (the deleted text an ODT keeps in ``text:tracked-changes``) and
annotations (comments, with their author and date) are left out; the text of a frame or
text box is read once, as paragraphs of its own after the paragraph that anchors it;
``text:s`` (runs of spaces), tabs and line breaks become what they stand for. The XML is
parsed without entities, DTDs or network, and lxml stops at a depth of 256, so the walk
is bounded.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ..errors import FileFailure

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"

_PARAGRAPHS = {f"{TEXT}p", f"{TEXT}h"}
# never read: deleted text kept for tracked changes, comments, hidden or generated text
_SKIP = {f"{TEXT}tracked-changes", f"{OFFICE}annotation", f"{OFFICE}annotation-end",
         f"{TEXT}deletion", f"{TEXT}hidden-text", f"{TEXT}hidden-paragraph",
         f"{TEXT}table-of-content-source", f"{TEXT}note-citation",
         f"{TABLE}covered-table-cell"}
# inside a paragraph: read later as paragraphs of their own, or not at all
_NOT_INLINE = _SKIP | {f"{TEXT}note", f"{DRAW}frame", f"{DRAW}text-box", f"{DRAW}a",
                       f"{DRAW}custom-shape", f"{DRAW}g", f"{DRAW}rect"}


def _parser() -> Any:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           remove_comments=True, remove_pis=True)


def parse_content(xml: bytes) -> Any:
    """The root of ``content.xml``; FileFailure when it is not well-formed."""
    try:
        return etree.fromstring(xml, _parser())
    except etree.XMLSyntaxError as exc:
        raise FileFailure(f"ODT file cannot be parsed (XMLSyntaxError: {exc})") from exc


def _inline(p: Any) -> str:
    parts = [p.text or ""]
    for child in p:
        tag = child.tag
        if not isinstance(tag, str):
            pass
        elif tag == f"{TEXT}s":
            count = child.get(f"{TEXT}c", "1")
            parts.append(" " * min(int(count) if count.isdigit() else 1, 100))
        elif tag == f"{TEXT}tab":
            parts.append("\t")
        elif tag == f"{TEXT}line-break":
            parts.append("\n")
        elif tag not in _NOT_INLINE:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _row(tr: Any) -> str:
    seen: list[str] = []
    for cell in tr:
        if cell.tag != f"{TABLE}table-cell":
            continue
        text = " ".join(t.strip() for t in blocks(cell) if t.strip())
        if text and text not in seen:
            seen.append(text)
    return " – ".join(seen)


def blocks(el: Any) -> list[str]:
    """Paragraphs, headings and table rows under ``el``, in document order."""
    out: list[str] = []
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag in _PARAGRAPHS:
            out.append(_inline(child))
            out.extend(blocks(child))  # frames, text boxes and notes anchored in it
        elif tag == f"{TABLE}table-row":
            out.append(_row(child))
        else:
            out.extend(blocks(child))
    return out


def odt_paragraphs(xml: bytes) -> list[str]:
    """The paragraphs of an ODT's ``content.xml`` (its ``office:text`` body)."""
    root = parse_content(xml)
    body = root.find(f"{OFFICE}body")
    text = body.find(f"{OFFICE}text") if body is not None else None
    if text is None:
        raise FileFailure("not a valid ODT file (content.xml has no office:text body)")
    return blocks(text)
