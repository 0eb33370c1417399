"""Letter clean-up: strip letterheads, reference fields, greetings, signatures and contact lines.

Nothing is thrown away silently: every removed line is returned as a RemovedSpan with its
offsets into the input, and the submitter's name and organisation are read from what was
removed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..types import RemovedSpan
from . import patterns as P

_DATE_LINE = re.compile(
    r"^\s*(?:[A-ZÆØÅ][a-zæøå]+,?\s+)?(?:den\s+)?\d{1,2}\.\s*(?:[a-zæøå]+|\d{1,2}\.)\s*\d{2,4}\s*$"
    r"|^\s*\d{4}-\d{2}-\d{2}\s*$",
    re.IGNORECASE,
)
_CONTACT_DATA = re.compile(r"[\d@]|www\.|https?://")
_HEADER_SCAN_LINES = 30
_SIGNATURE_MAX_LINES = 14


@dataclass
class LetterResult:
    text: str
    removed: list[RemovedSpan] = field(default_factory=list)
    organisation: str | None = None
    submitter: str | None = None
    title: str | None = None
    # (clean_start, orig_start) for each kept line, in order: maps clean offsets back.
    line_map: list[tuple[int, int]] = field(default_factory=list)

    def to_original(self, clean_offset: int) -> int:
        """Offset in the input text of a character of the cleaned text."""
        if not self.line_map:
            return clean_offset
        starts = [c for c, _ in self.line_map]
        i = max(0, bisect.bisect_right(starts, clean_offset) - 1)
        c, o = self.line_map[i]
        return o + (clean_offset - c)


def _lines(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _is_letterhead_line(line: str) -> bool:
    s = line.strip()
    return bool(
        P.REFERENCE_LINE.match(s)
        or P.CONTACT_LINE.match(s)
        or P.POSTCODE_LINE.match(s)
        or P.STREET_LINE.match(s)
        or P.RECIPIENT.match(s)
        or _DATE_LINE.match(s)
        or (P.CONTACT_SEPARATED.search(s) and len(s) < 200)
    )


def _is_body_line(line: str) -> bool:
    s = line.strip()
    return len(s) >= 90 or (len(s) >= 40 and s.endswith((".", "!", "?")))


def _parse_signature(sig_lines: list[str], result: LetterResult) -> None:
    """Name = first line shaped like a person's name; organisation = a later line with an
    organisation word, else the last line when a title line sits between them."""
    from .respondent import RULES

    name_at = None
    for k, s in enumerate(sig_lines):
        if P.PERSONAL_NAME.match(s) and not P.ORG_HINT.search(s):
            result.submitter = s.strip()
            name_at = k
            break
    after = sig_lines[(name_at + 1) if name_at is not None else 0:]
    after = [s for s in after if not P.JOB_TITLE.match(s)]
    for s in after:
        if len(s) < 90 and (P.ORG_HINT.search(s) or any(p.search(s) for _, p, _ in RULES)):
            result.organisation = s.strip().rstrip(",")
            return
    if name_at is not None and after and len(after[-1]) < 90 and \
            len(sig_lines) - name_at - 1 >= 2:
        result.organisation = after[-1].strip().rstrip(",")


def clean_letter(text: str) -> LetterResult:
    """Remove letter furniture from ``text`` (paragraphs separated by blank lines)."""
    lines = _lines(text)
    n = len(lines)
    kinds: dict[int, str] = {}
    result = LetterResult(text="")

    # 1. Lines that are furniture wherever they stand.
    for i, (_, line) in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        if P.ELECTRONIC_APPROVAL.match(s):
            kinds[i] = "electronic-approval"
        elif len(s) < 160 and P.CONTACT_LINE.match(s) and _CONTACT_DATA.search(s):
            kinds[i] = "contact"
        elif len(s) < 80 and P.REFERENCE_LINE.match(s) and re.search(r"[:\d]|\s{2,}|\t", s):
            kinds[i] = "reference"

    # 2. Signature: from the last closing formula to the end.
    sig_start = None
    for i in range(n - 1, max(-1, n - 1 - 40), -1):
        s = lines[i][1].strip()
        if s and P.CLOSING.match(s) and len(s) < 120:
            sig_start = i
            break
    if sig_start is not None:
        sig_lines: list[str] = []
        rest = P.CLOSING.match(lines[sig_start][1].strip())
        if rest and rest.group("rest"):
            sig_lines.append(rest.group("rest").strip())
        for i in range(sig_start, n):
            kinds.setdefault(i, "signature")
            if i != sig_start and lines[i][1].strip():
                sig_lines.append(lines[i][1].strip())
        sig_lines = [s for s in sig_lines if not (P.CONTACT_LINE.match(s)
                                                  or P.ELECTRONIC_APPROVAL.match(s)
                                                  or P.COPY_TO.match(s))]
        _parse_signature(sig_lines[:_SIGNATURE_MAX_LINES], result)

    # 3. Letterhead: blocks before the body that hold letterhead lines.
    blocks: list[list[int]] = []
    cur: list[int] = []
    body_start = None
    for i, (_, line) in enumerate(lines[:_HEADER_SCAN_LINES]):
        s = line.strip()
        if sig_start is not None and i >= sig_start:
            break
        if _is_body_line(s) and not _is_letterhead_line(s) and not P.SUBJECT.match(s):
            body_start = i
            break
        if not s:
            if cur:
                blocks.append(cur)
            cur = []
        else:
            cur.append(i)
    if cur and body_start is not None:
        blocks.append(cur)
    if body_start is not None:
        first_org_line = None
        zone_has_furniture = any(_is_letterhead_line(lines[i][1]) for b in blocks for i in b)
        for block in blocks:
            block_lines = [lines[i][1].strip() for i in block]
            furniture = any(_is_letterhead_line(s) for s in block_lines) or (
                zone_has_furniture and block is not blocks[-1])
            for i, s in zip(block, block_lines, strict=True):
                if P.SUBJECT.match(s) and len(s) < 200:
                    kinds[i] = "subject"
                    result.title = result.title or s
                elif P.SALUTATION.match(s):
                    kinds[i] = "salutation"
                elif furniture and len(s) < 120 and not s.endswith("."):
                    kinds.setdefault(i, "letterhead")
                    if first_org_line is None and not _is_letterhead_line(s) and \
                            not P.RECIPIENT.match(s):
                        first_org_line = s
        if first_org_line and result.organisation is None:
            result.organisation = first_org_line
    # Salutations may also open a text with no letterhead.
    for i, (_, line) in enumerate(lines[:6]):
        s = line.strip()
        if s and P.SALUTATION.match(s) and len(s) < 80:
            kinds.setdefault(i, "salutation")

    # 4. Build the cleaned text, recording removed lines and collapsing blank runs.
    kept: list[tuple[int, str]] = []
    for i, (start, line) in enumerate(lines):
        kind = kinds.get(i)
        if kind:
            result.removed.append(RemovedSpan(kind, line, start, start + len(line)))
            continue
        if not line.strip():
            if not kept or not kept[-1][1].strip():
                continue
            kept.append((start, ""))
            continue
        kept.append((start, line))
    while kept and not kept[-1][1].strip():
        kept.pop()
    pos = 0
    parts: list[str] = []
    for start, line in kept:
        result.line_map.append((pos, start))
        parts.append(line)
        pos += len(line) + 1
    result.text = "\n".join(parts)
    return result
