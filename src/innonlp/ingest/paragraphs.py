"""Read a document (.txt, .md, .docx, .pdf) as paragraphs, each with a heading hint (a
Markdown ``#`` line, a Word heading or title style, a paragraph set all in bold): what the
summary comparison and the codebook both read."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .encoding import decode_bytes, normalise_text


@dataclass
class Paragraph:
    """One paragraph of a document and whether its form says it is a heading."""

    text: str
    heading_hint: bool = False


def _md_paragraphs(text: str) -> list[Paragraph]:
    out: list[Paragraph] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln for ln in block.split("\n") if ln.strip()]
        body: list[str] = []
        for ln in lines:
            m = re.match(r"^\s*#{1,6}\s+(.*)$", ln)
            if m:
                if body:
                    out.append(Paragraph(" ".join(body)))
                    body = []
                out.append(Paragraph(m.group(1).strip(), heading_hint=True))
            else:
                body.append(re.sub(r"\*\*(.+?)\*\*|__(.+?)__", r"\1\2", ln.strip()))
        if body:
            out.append(Paragraph(" ".join(body)))
    return out


def _docx_paragraphs(data: bytes, what: str = "summary") -> list[Paragraph]:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise InputError(f"the {what} is not a readable DOCX file ({exc})") from exc
    out = []
    for p in document.paragraphs:
        text = p.text.strip()
        if not text:
            continue
        style = (p.style.name if p.style is not None else "") or ""
        runs = [r for r in p.runs if r.text.strip()]
        bold = bool(runs) and all(r.bold or (r.style is not None and r.style.font.bold)
                                  for r in runs)
        out.append(Paragraph(text, heading_hint=style.lower().startswith(
            ("heading", "overskrift", "title", "tittel")) or bold))
    return out


def _pdf_paragraphs(data: bytes, what: str = "summary") -> list[Paragraph]:
    from ..errors import FileFailure
    from .pdf import extract_pdf

    try:
        text = extract_pdf(data, max_pages=500).text  # pages joined and repaired already
    except FileFailure as exc:
        raise InputError(f"the {what} is not a readable PDF file ({exc.reason})") from None
    return [Paragraph(p) for p in re.split(r"\n\s*\n", text) if p.strip()]


def read_paragraphs(path: str | Path, what: str = "summary") -> list[Paragraph]:
    """The paragraphs of ``path`` (``what`` names the document in error messages)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{what.capitalize()} file {str(p)!r} does not exist.")
    data = p.read_bytes()
    suffix = p.suffix.lower()
    if suffix == ".docx":
        return _docx_paragraphs(data, what)
    if suffix == ".pdf":
        return _pdf_paragraphs(data, what)
    if suffix not in (".txt", ".md", ".markdown", ""):
        raise InputError(f"{what.capitalize()} {p.name!r}: unsupported format {suffix!r}; "
                         "use .txt, .md, .docx or .pdf.")
    text, _ = decode_bytes(data)
    return _md_paragraphs(normalise_text(text))
