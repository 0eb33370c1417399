"""Readers for single documents: plain text/Markdown, DOCX, ODT and HTML.

Every reader takes the file's bytes and returns ``(text, details)``; it raises FileFailure or
FileSkipped with a reason a person understands. Text is paragraphs separated by blank lines.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ..config import IngestConfig
from ..errors import FileFailure
from .archives import MemberReader
from .docx_text import body_paragraphs, style_id
from .encoding import decode_bytes, normalise_text
from .htmlguard import MAX_DEPTH, flat_text, nesting_depth
from .odt_text import odt_paragraphs
from .zipguard import check_zip, open_zip

HEADING_STYLES = ("heading", "overskrift", "title", "tittel")


def _paragraphs_to_text(paras: list[str]) -> str:
    cleaned = [re.sub(r"[ \t]+", " ", p).strip() for p in paras]
    return "\n\n".join(p for p in cleaned if p)


def read_plain(data: bytes, cfg: IngestConfig) -> tuple[str, dict[str, Any]]:
    text, enc = decode_bytes(data)
    text = normalise_text(text)
    # Markdown headings become plain heading lines; emphasis markers go.
    text = re.sub(r"(?m)^#{1,6}\s*", "", text)
    return text, {"encoding": enc}


def read_docx(data: bytes, cfg: IngestConfig) -> tuple[str, dict[str, Any]]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    zf = open_zip(data, "DOCX")
    check_zip(zf, cfg, "DOCX")
    if "word/document.xml" not in zf.namelist():
        raise FileFailure("not a valid DOCX file (no word/document.xml in the package)")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise FileFailure(f"not a valid DOCX file ({exc})") from exc
    except Exception as exc:  # lxml syntax errors and friends
        raise FileFailure(f"DOCX file cannot be parsed ({type(exc).__name__}: {exc})") from exc
    names = {st.style_id: st.name or "" for st in document.styles}
    headings = 0

    def count_heading(p: Any) -> None:
        nonlocal headings
        sid = style_id(p)
        if (names.get(sid) or sid).lower().startswith(HEADING_STYLES):
            headings += 1

    paras = body_paragraphs(document.element.body, count_heading)
    furniture: list[str] = []
    for section in document.sections:
        for part in (section.header, section.footer):
            try:
                texts = body_paragraphs(part._element)
                furniture.extend(t for t in texts if t.strip())
            except Exception:  # a broken header part must not lose the body
                continue
    return normalise_text(_paragraphs_to_text(paras)), {
        "headings": headings,
        "page_furniture": furniture,
    }


def read_odt(data: bytes, cfg: IngestConfig) -> tuple[str, dict[str, Any]]:
    zf = open_zip(data, "ODT")
    check_zip(zf, cfg, "ODT")
    if "content.xml" not in zf.namelist():
        raise FileFailure("not a valid ODT file (no content.xml in the package)")
    try:  # held to the size limits whatever the header says
        xml = MemberReader(zf, cfg).read(zf.getinfo("content.xml"))
    except FileFailure as exc:
        raise FileFailure(f"ODT file cannot be read (content.xml: {exc.reason})") from exc
    paras = odt_paragraphs(xml)
    return normalise_text(_paragraphs_to_text(paras)), {}


_BLOCK_TAGS = (
    "p", "div", "section", "article", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5",
    "h6", "blockquote", "pre", "dd", "dt", "table", "ul", "ol", "form", "fieldset", "textarea",
)


def read_html(data: bytes, cfg: IngestConfig) -> tuple[str, dict[str, Any]]:
    from bs4 import BeautifulSoup, Comment, Doctype, ProcessingInstruction

    raw, enc = decode_bytes(data)
    if nesting_depth(raw) > MAX_DEPTH:
        return _tidy(flat_text(raw)), {"encoding": enc, "title": None,
                                       "note": f"elements nested deeper than {MAX_DEPTH}: "
                                               "read as flat text"}
    try:
        soup = BeautifulSoup(raw, "lxml")
    except Exception as exc:
        raise FileFailure(f"HTML cannot be parsed ({type(exc).__name__}: {exc})") from exc
    for tag in soup(["script", "style", "noscript", "template", "head", "nav", "iframe",
                     "svg", "button", "select", "option", "header", "footer", "object",
                     "embed"]):
        tag.decompose()
    for node in list(soup.find_all(string=True)):
        if isinstance(node, (Comment, Doctype, ProcessingInstruction)):
            node.extract()
    title = None
    for node in list(soup.find_all(string=True)):
        node.replace_with(re.sub(r"\s+", " ", str(node)))
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    h1 = soup.find("h1")
    if h1 is not None:
        title = h1.get_text(" ", strip=True)
    return _tidy(soup.get_text()), {"encoding": enc, "title": title}


def _tidy(text: str) -> str:
    text = normalise_text(text)
    lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
