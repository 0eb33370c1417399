"""regjeringen.no answer pages: the "Høringssvar fra …" header read into sender, date and type.

An answer page (as shown, saved as text or HTML, exported to JSON Lines, or printed to the PDF
regjeringen.no publishes) opens with a few short lines — a breadcrumb such as "Forsiden" or
the consultation's title may stand first — then::

    Høringssvar fra <sender>
    Referanse: <number>            (optional)
    Dato: <dd.mm.yyyy>
    Svartype: Med merknad | Uten merknad   (optional; missing on most pages since 2020)

and then the answer. :func:`strip_answer_header` blanks those lines (offsets kept) so letter
clean-up sees only the answer; :func:`with_answer_page` moves the sender to the submitter or
organisation and the date, reference and svartype into the submission's metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..types import RemovedSpan, Submission
from .respondent import classify_respondent

ANONYMOUS_SENDERS: tuple[str, ...] = ("person som ikke har oppgitt navn",
                                      "person som ikkje har oppgitt namn",
                                      "person som ikke har oppgitt namn")
"""regjeringen.no's wording for a private person who gave no name (lower-case)."""

HEADER_KIND = "answer-page-header"
"""Kind of the RemovedSpan recorded for each header line."""

_SENDER_RE = re.compile(r"^\s*(?:høringssvar|høyringssvar)\s+(?:fra|frå)\s+(?P<v>\S.*?)\s*$",
                        re.I)
_FIELD_RE = re.compile(r"^\s*(?P<k>referanse|dato|svartype)\s*:\s*(?P<v>.*?)\s*$", re.I)
_ALSO_HEADER_RE = re.compile(r"^\s*(?:høringsuttalelse|høyringsuttale|høyringsfråsegn)\s+"
                             r"(?:fra|frå)\s+\S.*$", re.I)
_MAX_PREAMBLE_LINES = 6
_MAX_PREAMBLE_CHARS = 160
_SCAN_CHARS = 4000  # the header stands in the page's first lines


@dataclass(frozen=True, slots=True)
class AnswerPage:
    """The header of an answer page and where its answer starts.

    Attributes
    ----------
    sender : str
        The name after "Høringssvar fra".
    date, reference, svartype : str or None
        The "Dato", "Referanse" and "Svartype" values as written.
    body : str
        The answer text after the header.
    body_start : int
        Offset of the answer in the input text.
    header_lines : tuple of (int, int)
        Character spans of the preamble and header lines.
    """

    sender: str
    date: str | None
    reference: str | None
    svartype: str | None
    body: str
    body_start: int
    header_lines: tuple[tuple[int, int], ...]


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _find_sender(text: str, spans: list[tuple[int, int]]) -> int | None:
    """Index of the "Høringssvar fra" line when only a short preamble stands before it."""
    seen = 0
    for i, (a, b) in enumerate(spans):
        line = text[a:b].strip()
        if not line:
            continue
        if _SENDER_RE.match(line):
            return i
        seen += 1
        if seen > _MAX_PREAMBLE_LINES or len(line) > _MAX_PREAMBLE_CHARS:
            return None
    return None


def parse_answer_page(text: str) -> AnswerPage | None:
    """Read an answer page's header.

    Parameters
    ----------
    text : str
        A page's text (lines separated by newlines).

    Returns
    -------
    AnswerPage or None
        None unless the text opens with "Høringssvar fra …" followed by a "Dato",
        "Referanse" or "Svartype" line.
    """
    spans = _lines(text[:_SCAN_CHARS])
    at = _find_sender(text, spans)
    if at is None:
        return None
    m = _SENDER_RE.match(text[spans[at][0]:spans[at][1]])
    assert m is not None
    fields: dict[str, str] = {}
    header = [s for s in spans[:at + 1] if text[s[0]:s[1]].strip()]
    body_from = -1
    for a, b in spans[at + 1:]:
        line = text[a:b]
        f = _FIELD_RE.match(line)
        if f and f.group("k").lower() not in fields:
            fields[f.group("k").lower()] = f.group("v")
            header.append((a, b))
        elif _ALSO_HEADER_RE.match(line) and not fields:
            header.append((a, b))
        elif line.strip():
            body_from = a
            break
    if not fields:
        return None
    if body_from < 0:
        body_from = min(header[-1][1] + 1, len(text))
    return AnswerPage(m.group("v"), fields.get("dato") or None, fields.get("referanse") or None,
                      fields.get("svartype") or None, text[body_from:].strip(), body_from,
                      tuple(header))


def strip_answer_header(text: str) -> tuple[str, tuple[RemovedSpan, ...]]:
    """Blank an answer page's header lines, keeping every offset.

    Parameters
    ----------
    text : str
        A document's text.

    Returns
    -------
    text : str
        The same text with the preamble and header lines replaced by spaces (unchanged when
        it is no answer page).
    removed : tuple of RemovedSpan
        One :data:`HEADER_KIND` span per header line, offsets into ``text``.
    """
    page = parse_answer_page(text)
    if page is None:
        return text, ()
    chars = list(text)
    removed = []
    for a, b in page.header_lines:
        removed.append(RemovedSpan(HEADER_KIND, text[a:b], a, b))
        chars[a:b] = " " * (b - a)
    return "".join(chars), tuple(removed)


def sender_respondent(sender: str) -> tuple[str | None, str | None, str, str]:
    """Submitter, organisation, respondent type and reason for an answer page's sender.

    Parameters
    ----------
    sender : str
        The name after "Høringssvar fra".

    Returns
    -------
    tuple
        ``(submitter, organisation, respondent type, reason)``: a private person (an
        anonymous sender or a person's name) stays the submitter, anything else is the
        organisation.
    """
    if sender.strip().lower() in ANONYMOUS_SENDERS:
        return sender, None, "privatperson", f"answer page: sender {sender!r}"
    rtype, why = classify_respondent(sender)
    if rtype == "privatperson":
        return sender, None, rtype, f"answer page: {why}"
    rtype, why = classify_respondent(None, sender)
    return None, sender, rtype, f"answer page: {why}"


def _merged_meta(meta: tuple[tuple[str, str], ...], page: AnswerPage
                 ) -> tuple[tuple[str, str], ...]:
    out = dict(meta)
    for key, value in (("date", page.date), ("reference", page.reference),
                       ("svartype", page.svartype)):
        if value:
            out.setdefault(key, value[:200])
    out["answer_page"] = "regjeringen.no"
    return tuple(sorted(out.items()))


def with_answer_page(sub: Submission) -> Submission:
    """A submission whose first text is an answer page, with the header's facts applied.

    Parameters
    ----------
    sub : Submission
        As built by ingest (its first part's ``raw_text`` still holds the page).

    Returns
    -------
    Submission
        Sender → submitter or organisation (and respondent type unless metadata gave one),
        date → ``date`` when unset, date, reference and svartype → ``meta``. A table row
        with a ``sender`` field and no name is read the same way. Others come back as given.
    """
    page = parse_answer_page(sub.parts[0].raw_text) if sub.parts else None
    meta = dict(sub.meta)
    sender = page.sender if page else meta.get("sender")
    if not sender:
        return sub
    if page is None and (sub.submitter or sub.organisation):
        return sub
    submitter, organisation, rtype, why = sender_respondent(sender)
    if sub.respondent_type_reason.startswith("metadata"):
        rtype, why = sub.respondent_type, sub.respondent_type_reason
    return replace(
        sub, submitter=submitter or (sub.submitter if organisation else None),
        organisation=organisation, respondent_type=rtype, respondent_type_reason=why,
        date=sub.date or (page.date if page else None),
        meta=_merged_meta(sub.meta, page) if page else sub.meta)
