"""Private persons are never named in what is shared: a pseudonymous id instead of the
file-name id, no submitter name or title, their names masked in their own text.

A private person's submission gets the id ``privatperson-NNN`` (numbered in the order of
their source paths, so the same input gives the same ids); only ``submissions.parquet``
keeps the link to the source file (``source``) so the analyst can open the original. Their
name — as the signature reader, the metadata or the file name gave it — is masked as
``[navn]`` wherever it occurs in their text, the text before clean-up and the lines
clean-up removed; further names found by a name finder (the language layer's named-entity
recogniser, passed in by the run) are masked the same way. In the manifest a private
person's file is listed as ``<privatperson-NNN>.<suffix>`` (its real name withheld).
Organisations, and people who sign for one in its letter, are left as they are.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import PurePosixPath

from ..types import ManifestEntry, Part, RemovedSpan, Submission
from .pii import shift

PRIVATE = "privatperson"
NAME_MASK = "[navn]"
NameFinder = Callable[[str], list[tuple[int, int]]]
# metadata keys that hold a private person's identity (web-form columns, document properties)
PERSONAL_KEYS = re.compile(r"(?i)(?:^|[_\s-])(?:navn|name|fornavn|etternavn|avsender|sender|"
                           r"forfatter|author|creator|e-?post|email|mail|telefon|phone|mobil|"
                           r"adresse|address|fødselsnummer|personnummer)(?:$|[_\s-])")
_WORD = re.compile(r"[A-ZÆØÅ][a-zæøåéèü'-]+")


def is_private(sub: Submission) -> bool:
    return sub.respondent_type == PRIVATE


def _name_from_id(stem: str) -> str | None:
    """"sofie-lunde" → "Sofie Lunde" (two or three alphabetic words), else None."""
    words = [w for w in re.split(r"[-_.\s]+", stem) if w]
    if 2 <= len(words) <= 3 and all(w.isalpha() for w in words):
        return " ".join(w.capitalize() for w in words)
    return None


def known_names(sub: Submission) -> list[str]:
    """The private person's name in the forms to mask: the full name (from the submitter
    field or the file name) and, for "First Last", "Last, First"."""
    names = {n for n in (sub.submitter, _name_from_id(PurePosixPath(sub.source).stem)) if n}
    names |= {v for k, v in sub.meta if PERSONAL_KEYS.search(k) and _WORD.fullmatch(
        v.split()[0] if v.split() else "") and 1 < len(v.split()) <= 4}
    out = set(names)
    for n in names:
        parts = n.split()
        if len(parts) >= 2:
            out.add(f"{parts[-1]}, {' '.join(parts[:-1])}")
    return sorted(out, key=lambda n: (-len(n), n))


def _spans(text: str, names: list[str], finder: NameFinder | None) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for n in names
             for m in re.finditer(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text, re.I)]
    if finder is not None and text:
        spans += finder(text)
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int]] = []
    for s in spans:
        if not out or s[0] >= out[-1][1]:
            out.append(s)
    return out


def mask_names(text: str, names: list[str], finder: NameFinder | None = None
               ) -> tuple[str, int, list[tuple[int, int, int]]]:
    """``text`` with the names (and what ``finder`` finds) masked; the count and the edits
    as (start, end, new length) for moving offsets (:func:`~innonlp.privacy.pii.shift`)."""
    spans = _spans(text, names, finder)
    if not spans:
        return text, 0, []
    out, pos, edits = [], 0, []
    for a, b in spans:
        out += [text[pos:a], NAME_MASK]
        edits.append((a, b, len(NAME_MASK)))
        pos = b
    out.append(text[pos:])
    return "".join(out), len(spans), edits


def _mask_part(part: Part, names: list[str], finder: NameFinder | None) -> tuple[Part, int]:
    text, n, edits = mask_names(part.text, names, finder)
    raw, _, raw_edits = mask_names(part.raw_text, names, finder)
    removed = tuple(RemovedSpan(r.kind, mask_names(r.text, names, finder)[0],
                                shift(r.start, raw_edits) if r.start >= 0 else r.start,
                                shift(r.end, raw_edits) if r.end >= 0 else r.end)
                    for r in part.removed)
    pages = tuple(shift(p, edits) for p in part.page_starts)
    return Part(text, part.question, raw, removed, pages), n


def pseudonymise(submissions: list[Submission], entries: Iterable[ManifestEntry],
                 finder: NameFinder | None = None
                 ) -> tuple[list[Submission], dict[str, int]]:
    """Private persons' submissions under pseudonymous ids with their names masked; the
    manifest ``entries`` are updated in place (ids, withheld file names). Returns the
    submissions and counts (``name``: names masked, ``pseudonymous_ids``)."""
    private = sorted((s for s in submissions if is_private(s)), key=lambda s: (s.source, s.id))
    new_id = {s.id: f"{PRIVATE}-{k:03d}" for k, s in enumerate(private, start=1)}
    counts: Counter = Counter()
    out = []
    for s in submissions:
        if s.id not in new_id:
            out.append(s)
            continue
        names = known_names(s)
        parts = []
        for p in s.parts:
            part, n = _mask_part(p, names, finder)
            parts.append(part)
            counts["name"] += n
        meta = tuple((k, NAME_MASK if PERSONAL_KEYS.search(k) else mask_names(v, names)[0])
                     for k, v in s.meta)
        out.append(replace(s, id=new_id[s.id], parts=tuple(parts), submitter=None,
                           title=None, meta=meta, respondent_type_reason=mask_names(
                               s.respondent_type_reason, names)[0]))
    for e in entries:
        ids = [new_id.get(i, i) for i in e.submission_ids]
        if ids and all(i in new_id for i in e.submission_ids) and e.kind != "row":
            suffix = PurePosixPath(e.input).suffix
            e.input = f"<{ids[0]}>{suffix}"
            e.details = {**e.details, "file_name": "withheld: a private person's"}
        e.submission_ids = ids
    counts["pseudonymous_ids"] = len(new_id)
    return out, {k: v for k, v in sorted(counts.items()) if v}
