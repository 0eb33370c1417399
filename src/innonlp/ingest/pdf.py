"""PDF text extraction (pypdfium2) and repair: hyphenation, paragraphs, page furniture."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..errors import FileFailure, FileSkipped
from .encoding import normalise_text

_PAGE_NO = re.compile(
    r"^(?:side|s\.|page|sida)?\s*[-–]?\s*\d{1,4}\s*[-–]?\s*(?:(?:av|/|of|frå|fra)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[•\-–*·▪]|\d{1,2}[.)]|[a-zæøå][.)])\s")
_KEEP_HYPHEN_NEXT = frozenset({"og", "eller", "enn", "samt", "til", "som"})
_FURNITURE_ZONE = 3  # lines at the top and bottom of a page that may be header/footer


@dataclass(frozen=True)
class PdfText:
    text: str
    page_starts: tuple[int, ...]
    removed_furniture: tuple[str, ...]
    n_pages: int


def extract_pdf(data: bytes, max_pages: int) -> PdfText:
    """Extract and repair the text layer of a PDF given as bytes."""
    import pypdfium2 as pdfium

    if not data:
        raise FileSkipped("empty file (0 bytes)")
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise FileFailure("not a PDF file (no %PDF header) — corrupt or wrongly named")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise FileFailure(
                "encrypted PDF (password protected) — remove the password and add it again"
            ) from exc
        raise FileFailure(f"corrupt or truncated PDF, cannot be opened ({msg})") from exc
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise FileFailure("corrupt or truncated PDF (no pages)")
        if n_pages > max_pages:
            raise FileFailure(
                f"PDF has {n_pages} pages, over the limit of {max_pages} pages "
                f"(raise it with --max-pdf-pages {n_pages})"
            )
        pages: list[list[str]] = []
        for i in range(n_pages):
            try:
                page = pdf[i]
                textpage = page.get_textpage()
                lines = page_lines(textpage)
                textpage.close()
                page.close()
            except pdfium.PdfiumError as exc:
                raise FileFailure(f"corrupt PDF: page {i + 1} cannot be read ({exc})") from exc
            pages.append(lines)
    finally:
        pdf.close()
    n_chars = sum(len(ln) for page in pages for ln in page)
    if n_chars < 15 * n_pages:
        raise FileFailure("PDF has no text layer (scanned?) — run OCR first")
    pages, removed = strip_page_furniture(pages)
    text, starts = join_pages(pages)
    if not text.strip():
        raise FileSkipped("PDF text is empty after removing page headers and numbers")
    return PdfText(text, starts, tuple(removed), n_pages)


@dataclass
class _Line:
    left: float
    bottom: float
    right: float
    top: float
    texts: list[tuple[float, str]]

    @property
    def height(self) -> float:
        return self.top - self.bottom

    @property
    def text(self) -> str:
        return " ".join(t for _, t in sorted(self.texts)).strip()


def page_lines(textpage: object) -> list[str]:
    """Lines of one page from pdfium's text rectangles, with blank lines between paragraphs.

    A paragraph break is a vertical gap clearly larger than the page's line leading, or a
    short line without final punctuation before a capitalised line (a heading). Falls back
    to the plain text when there are no rects.
    """
    n = textpage.count_rects()  # type: ignore[attr-defined]
    if n == 0:
        raw = textpage.get_text_bounded()  # type: ignore[attr-defined]
        return [ln.strip() for ln in normalise_text(raw).split("\n")]
    lines: list[_Line] = []
    rects = []
    for i in range(n):
        left, bottom, right, top = textpage.get_rect(i)  # type: ignore[attr-defined]
        raw = textpage.get_text_bounded(left, bottom, right, top)  # type: ignore[attr-defined]
        # PDFium marks a hyphen at a line end as \x02; keep it as "-" for the repair step.
        text = normalise_text(raw.replace("\x02", "-")).replace("\n", " ")
        if text.strip():
            rects.append((left, bottom, right, top, text))
    rects.sort(key=lambda r: (-(r[1] + r[3]) / 2, r[0]))
    for left, bottom, right, top, text in rects:
        cy = (bottom + top) / 2
        for ln in lines[-4:]:
            if ln.bottom - 0.5 <= cy <= ln.top + 0.5:
                ln.texts.append((left, text))
                ln.left, ln.right = min(ln.left, left), max(ln.right, right)
                ln.bottom, ln.top = min(ln.bottom, bottom), max(ln.top, top)
                break
        else:
            lines.append(_Line(left, bottom, right, top, [(left, text)]))
    if not lines:
        return []
    heights = sorted(ln.height for ln in lines)
    med_h = heights[len(heights) // 2]
    gaps = sorted(max(0.0, a.bottom - b.top) for a, b in zip(lines, lines[1:], strict=False))
    lead = gaps[len(gaps) // 4] if gaps else 0.0
    width = max(ln.right - ln.left for ln in lines)
    out: list[str] = []
    for prev, cur in zip([None, *lines[:-1]], lines, strict=True):
        if prev is not None:
            gap = prev.bottom - cur.top
            heading = (prev.right - prev.left < 0.6 * width and not _ends_sentence(prev.text)
                       and cur.text[:1].isupper() and not prev.text.endswith((",", "-")))
            if gap > lead + 0.45 * med_h or heading:
                out.append("")
        out.append(cur.text)
    return out


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line.lower()).strip()


def strip_page_furniture(pages: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Drop page numbers and header/footer lines that repeat across pages."""
    removed: list[str] = []
    counts: Counter[str] = Counter()
    for lines in pages:
        nonblank = [ln for ln in lines if ln]
        zone = set(nonblank[:_FURNITURE_ZONE] + nonblank[-_FURNITURE_ZONE:])
        counts.update({_key(ln) for ln in zone})
    min_pages = max(2, int(0.6 * len(pages) + 0.5))
    repeated = {k for k, c in counts.items() if c >= min_pages and len(pages) >= 2 and k}
    out: list[list[str]] = []
    for lines in pages:
        nonblank_idx = [i for i, ln in enumerate(lines) if ln]
        zone_idx = set(nonblank_idx[:_FURNITURE_ZONE] + nonblank_idx[-_FURNITURE_ZONE:])
        kept: list[str] = []
        for i, ln in enumerate(lines):
            if i in zone_idx and (_PAGE_NO.match(ln) or _key(ln) in repeated):
                removed.append(ln)
                continue
            kept.append(ln)
        out.append(kept)
    return out, removed


def _typical_width(lines: list[str]) -> int:
    widths = sorted(len(ln) for ln in lines if ln)
    if not widths:
        return 0
    return widths[int(0.8 * (len(widths) - 1))]


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", "!", "?", ":", "»", '"'))


def join_lines(lines: list[str]) -> list[str]:
    """Rebuild paragraphs from the lines of one page."""
    width = _typical_width(lines)
    paras: list[str] = []
    cur = ""
    prev = ""
    for ln in lines:
        if not ln:
            if cur:
                paras.append(cur)
            cur, prev = "", ""
            continue
        if not cur:
            cur, prev = ln, ln
            continue
        starts_lower = ln[:1].islower()
        if re.search(r"\w-$", prev) and starts_lower:
            first = re.split(r"\W", ln, maxsplit=1)[0].lower()
            cur = cur + " " + ln if first in _KEEP_HYPHEN_NEXT else cur[:-1] + ln
        elif _BULLET.match(ln) or (
            _ends_sentence(prev) and len(prev) < 0.8 * width and not starts_lower
        ):
            paras.append(cur)
            cur = ln
        elif len(prev) < 0.6 * width and not _ends_sentence(prev) and not starts_lower:
            # a short line without punctuation followed by a capital: a heading
            paras.append(cur)
            cur = ln
        else:
            cur = cur + " " + ln
        prev = ln
    if cur:
        paras.append(cur)
    return paras


def join_pages(pages: list[list[str]]) -> tuple[str, tuple[int, ...]]:
    """Join pages, merging a paragraph broken across a page boundary."""
    out = ""
    starts: list[int] = []
    for lines in pages:
        paras = join_lines(lines)
        starts.append(len(out) + (2 if out else 0))
        if not paras:
            starts[-1] = len(out)
            continue
        if out and not _ends_sentence(out) and paras[0][:1].islower():
            if re.search(r"\w-$", out):
                out = out[:-1] + paras[0]
            else:
                out = out + " " + paras[0]
            starts[-1] = len(out) - len(paras[0])
            paras = paras[1:]
            if not paras:
                continue
            out += "\n\n" + "\n\n".join(paras)
        else:
            out = (out + "\n\n" if out else "") + "\n\n".join(paras)
    return out, tuple(starts)
