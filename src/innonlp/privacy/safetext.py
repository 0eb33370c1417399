"""Text that is safe to show: bidi controls removed, Markdown made inert.

Submission text and file names are untrusted. Two things in them can mislead whoever reads
an output: bidirectional control characters (a right-to-left override turns
``rapport‮fdp.exe`` into a name that reads as ``rapportexe.pdf``) and Markdown syntax that a
viewer turns into live links, remote images or raw HTML. :func:`strip_bidi` removes the
first (at ingest and again in every renderer); :func:`md_inline` escapes the second.
"""

from __future__ import annotations

import re

# U+061C ARABIC LETTER MARK, U+200E/U+200F LRM/RLM, U+202A–U+202E embeddings and overrides,
# U+2066–U+2069 isolates
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI_TABLE = {ord(c): None for c in BIDI_CONTROLS}
_BIDI_RE = re.compile(f"[{BIDI_CONTROLS}]")

# Markdown's inline syntax: links and images ([ ] ( ) !), emphasis and code (* _ ` ~),
# escapes (\); < > and & become entities so no raw HTML or autolink survives
_MD_PUNCT = re.compile(r"([\\`*_\[\]()!~|])")
# bare URLs (GFM autolinks them): shown as code, which no Markdown viewer links
_BARE_URL = re.compile(r"(?i)\b(?:[a-z][a-z0-9+.-]{1,20}://|www\.)[^\s<>`]+")
_LINE_START = re.compile(r"^[#>+=-]")
_ORDERED = re.compile(r"^(\d+)\.")


def strip_bidi(text: str) -> str:
    """``text`` without bidirectional control characters."""
    return text.translate(_BIDI_TABLE) if _BIDI_RE.search(text) else text


def has_bidi(text: str) -> bool:
    """Whether ``text`` holds a bidirectional control character."""
    return _BIDI_RE.search(text) is not None


def _escape_plain(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_PUNCT.sub(r"\\\1", text)


def md_inline(text: object, line_start: bool = True) -> str:
    """Untrusted text as one line of inert Markdown.

    Whitespace is collapsed; ``<``, ``>`` and ``&`` become entities (no raw HTML, no
    ``<javascript:…>`` autolink); link, image, emphasis, code and table syntax is
    backslash-escaped; bare URLs become code spans (never linked); a leading ``#``, ``>``,
    ``-``, ``+``, ``=`` or ``1.`` is escaped so the text never becomes a heading, quote or
    list (unless ``line_start`` is False: text after a heading's ``#``). Bidi controls
    are removed.
    """
    one_line = " ".join(strip_bidi(str(text)).split())
    out: list[str] = []
    pos = 0
    for m in _BARE_URL.finditer(one_line):
        out.append(_escape_plain(one_line[pos:m.start()]))
        out.append(f"`{m.group(0)}`")
        pos = m.end()
    out.append(_escape_plain(one_line[pos:]))
    escaped = "".join(out)
    if not line_start:
        return escaped
    escaped = _ORDERED.sub(r"\1\\.", escaped, count=1)
    return "\\" + escaped if _LINE_START.match(escaped) else escaped
