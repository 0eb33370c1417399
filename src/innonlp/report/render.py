"""Render the report blocks (:mod:`.content`) as Markdown; Word is :mod:`.word`
(``to_docx`` is re-exported here)."""

from __future__ import annotations

from typing import Any

from ..privacy.safetext import md_inline
from .content import Block
from .word import to_docx

__all__ = ["to_docx", "to_markdown"]


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
        elif kind == "chart":
            lines += [f"*Figur: {_md_text(b[2], line_start=False)} (i report.docx og "
                      "report.html)*", ""]
        elif kind == "table":
            header, rows = b[1], b[2]
            lines.append("| " + " | ".join(_md_cell(h) for h in header) + " |")
            lines.append("|" + "---|" * len(header))
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
