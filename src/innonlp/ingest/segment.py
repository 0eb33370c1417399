"""Split a submission into segments: paragraphs, long ones cut at sentence boundaries.

Segment ids are ``<submission id>#<n>`` (n from 1, running over all parts), offsets are
character offsets into the part's cleaned text, and headings are kept as context.
"""

from __future__ import annotations

import bisect
import re

from ..ingest.sentences import split_sentences
from ..types import Part, Segment

_PARA = re.compile(r"\n\s*\n")


def _is_heading(text: str) -> bool:
    s = text.strip()
    return (
        0 < len(s) <= 90
        and "\n" not in s
        and not s.endswith((".", "!", "?", ",", ";"))
        and len(s.split()) <= 12
        and s[:1].isupper() | s[:1].isdigit()
    )


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in _PARA.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _split_long(text: str, a: int, b: int, max_chars: int) -> list[tuple[int, int]]:
    if b - a <= max_chars:
        return [(a, b)]
    sents = split_sentences(text[a:b])
    out: list[tuple[int, int]] = []
    cur_a, cur_b = None, None
    for sa, sb in sents:
        sa, sb = sa + a, sb + a
        if cur_a is None:
            cur_a, cur_b = sa, sb
        elif sb - cur_a <= max_chars:
            cur_b = sb
        else:
            out.append((cur_a, cur_b))  # type: ignore[arg-type]
            cur_a, cur_b = sa, sb
    if cur_a is not None:
        out.append((cur_a, cur_b))  # type: ignore[arg-type]
    # A single sentence longer than max_chars is cut at whitespace as a last resort.
    final: list[tuple[int, int]] = []
    for sa, sb in out:
        while sb - sa > max_chars:
            cut = text.rfind(" ", sa + max_chars // 2, sa + max_chars)
            cut = cut if cut > sa else sa + max_chars
            final.append((sa, cut))
            sa = cut
            while sa < sb and text[sa].isspace():
                sa += 1
        if sb > sa:
            final.append((sa, sb))
    return final


def segment_submission(
    submission_id: str,
    parts: tuple[Part, ...],
    max_chars: int = 1200,
    min_chars: int = 25,
) -> list[Segment]:
    """Cut every part of a submission into segments with stable ids and offsets."""
    segments: list[Segment] = []
    n = 0
    for part_no, part in enumerate(parts):
        text = part.text
        heading: str | None = None
        pending: tuple[int, int] | None = None  # a short paragraph to merge forward
        spans = _paragraph_spans(text)
        for idx, (a, b) in enumerate(spans):
            chunk = text[a:b]
            if _is_heading(chunk) and idx + 1 < len(spans):
                heading = chunk.strip()
                continue
            if pending is not None:
                a = pending[0]
                pending = None
            if b - a < min_chars and idx + 1 < len(spans):
                pending = (a, b)
                continue
            for sa, sb in _split_long(text, a, b, max_chars):
                n += 1
                page = None
                if part.page_starts:
                    page = bisect.bisect_right(part.page_starts, sa)
                segments.append(
                    Segment(
                        id=f"{submission_id}#{n}",
                        submission_id=submission_id,
                        n=n,
                        part=part_no,
                        text=text[sa:sb],
                        start=sa,
                        end=sb,
                        heading=heading,
                        question=part.question,
                        page=page,
                    )
                )
    return segments
