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
from .encoding import decode_bytes, normalise_text
from .zipguard import check_zip, open_zip


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
    from docx.table import Table

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
    paras: list[str] = []
    headings = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                seen: list[str] = []
                for cell in row.cells:
                    t = cell.text.strip()
                    if t and t not in seen:
                        seen.append(t)
                if seen:
                    paras.append(" – ".join(seen))
            continue
        text = block.text
        style = (block.style.name if block.style is not None else "") or ""
        if style.lower().startswith(("heading", "overskrift", "title", "tittel")):
            headings += 1
        paras.append(text)
    furniture = []
    for section in document.sections:
        for part in (section.header, section.footer):
            try:
                furniture.extend(p.text for p in part.paragraphs if p.text.strip())
            except Exception:  # a broken header part must not lose the body
                continue
    return normalise_text(_paragraphs_to_text(paras)), {
        "headings": headings,
        "page_furniture": furniture,
    }


def read_odt(data: bytes, cfg: IngestConfig) -> tuple[str, dict[str, Any]]:
    import odfdo

    zf = open_zip(data, "ODT")
    check_zip(zf, cfg, "ODT")
    if "content.xml" not in zf.namelist():
        raise FileFailure("not a valid ODT file (no content.xml in the package)")
    try:
        document = odfdo.Document(io.BytesIO(data))
        elements = document.body.xpath(".//text:h|.//text:p")
    except Exception as exc:
        raise FileFailure(f"ODT file cannot be parsed ({type(exc).__name__}: {exc})") from exc
    paras = [e.text_recursive or "" for e in elements]
    return normalise_text(_paragraphs_to_text(paras)), {}


_BLOCK_TAGS = (
    "p", "div", "section", "article", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5",
    "h6", "blockquote", "pre", "dd", "dt", "table", "ul", "ol", "form", "fieldset", "textarea",
)


def read_html(data: bytes, cfg: IngestConfig) -> tuple[str, dict[str, Any]]:
    from bs4 import BeautifulSoup, Comment, Doctype, ProcessingInstruction

    raw, enc = decode_bytes(data)
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
    text = soup.get_text()
    text = normalise_text(text)
    lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text, {"encoding": enc, "title": title}
