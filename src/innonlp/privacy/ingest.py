"""Mask personal data in submissions after ingest, before anything is segmented or
written (see :mod:`.pii` for what is masked for whom)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from ..parallel import SERIAL, Executor
from ..types import Part, RemovedSpan, Submission
from .pii import kinds_for, mask, shift

FIELDS = ("title", "submitter", "organisation", "date")  # masked like the text


def _mask_part(part: Part, kinds: tuple[str, ...], counts: Counter) -> Part:
    text, c, edits = mask(part.text, kinds)
    counts.update(c)
    raw, _, raw_edits = mask(part.raw_text, kinds)
    removed = []
    for r in part.removed:
        t, _, _ = mask(r.text, kinds)
        start = shift(r.start, raw_edits) if r.start >= 0 else r.start
        end = shift(r.end, raw_edits) if r.end >= 0 else r.end
        removed.append(RemovedSpan(r.kind, t, start, end))
    pages = tuple(shift(p, edits) for p in part.page_starts)
    return Part(text, part.question, raw, tuple(removed), pages)


def mask_submissions(submissions: list[Submission], executor: Executor = SERIAL
                     ) -> tuple[list[Submission], dict[str, int]]:
    """The submissions with personal data masked in their text, their text before clean-up,
    the lines clean-up removed, their metadata, title, sender and organisation; counts per
    kind (masked in the cleaned text, which is what every export shows). Many submissions
    are masked through ``executor`` (forked processes give the same result as one)."""
    counts: Counter = Counter()
    out: list[Submission] = []
    at = 0
    for subs, c in executor.map_range(_mask_chunk, submissions, len(submissions), chunk=500):
        # a worker sends back only the submissions it changed (None: nothing to mask)
        out.extend(s if s is not None else submissions[at + i] for i, s in enumerate(subs))
        at += len(subs)
        counts.update(c)
    return out, dict(sorted(counts.items()))


def _mask_chunk(submissions: list[Submission], start: int, stop: int
                ) -> tuple[list[Submission | None], Counter]:
    counts: Counter = Counter()
    out: list[Submission | None] = []
    for s in submissions[start:stop]:
        kinds = kinds_for(s.respondent_type)
        parts = tuple(_mask_part(p, kinds, counts) for p in s.parts)
        meta = tuple((k, mask(v, kinds)[0]) for k, v in s.meta)
        # a subject line, a web form's name or organisation column can hold them too
        fields: dict[str, Any] = {f: mask(v, kinds)[0] for f in FIELDS
                                  if (v := getattr(s, f))}
        same = (parts == s.parts and meta == s.meta
                and all(v == getattr(s, f) for f, v in fields.items()))
        out.append(None if same else replace(s, parts=parts, meta=meta, **fields))
    return out, counts
