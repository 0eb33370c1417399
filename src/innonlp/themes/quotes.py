"""Representative, diverse quotes for a theme: one sentence per voice, chosen MMR-style.

Candidates are the theme's segments most similar to its centre; from each, the sentence
that holds most of the theme's key-phrase words. Quotes are then picked one at a time by
maximal marginal relevance: similarity to the theme's centre minus ``1 - MMR_LAMBDA`` times
the likeness (Jaccard of Bokmål content lemmas, so a Nynorsk and a Bokmål version of one
sentence count as the same) to the quotes already picked. Never two quotes from one
submission or one submitter, never two near-duplicates (likeness at least
``NEAR_DUPLICATE``), and at most one quote per campaign, marked with its number of senders.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..ingest.sentences import split_sentences
from ..nlp.analysis import SegmentAnalysis
from ..nlp.nbnn import to_bokmaal_many
from ..types import Segment, Submission

MMR_LAMBDA = 0.7
NEAR_DUPLICATE = 0.6
MIN_CHARS = 20
POOL = 40  # candidates looked at per theme (the most similar segments)


def best_sentence(seg: Segment, a: SegmentAnalysis, keys: set[str]) -> tuple[int, int]:
    """The span of the sentence of ``seg`` with most lemmas in ``keys`` (the longer on a
    tie, up to 300 characters)."""
    spans = split_sentences(seg.text) or [(0, len(seg.text))]
    if len(spans) == 1:
        return spans[0]
    lemmas = to_bokmaal_many(a.strings.lower(int(h)) for h in a.lemma)
    best, best_score = spans[0], -1.0
    for s, e in spans:
        n = sum(1 for off, lem in zip(a.offsets, lemmas, strict=True) if s <= off < e
                and lem in keys)
        score = n + 0.001 * min(e - s, 300)
        if score > best_score:
            best, best_score = (s, e), score
    return best


def _content(a: SegmentAnalysis, s: int, e: int) -> frozenset[str]:
    """The Bokmål forms of the content lemmas between character offsets ``s`` and ``e``."""
    mask = a.content_mask() & (a.offsets >= s) & (a.offsets < e)
    low = a.strings.lower
    return frozenset(to_bokmaal_many(low(h) for h in a.lemma[mask].tolist()))


def _likeness(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


class QuotePicker:
    """Quotes for the themes of one run (the campaign sizes and submitters known once)."""

    def __init__(self, segments: Sequence[Segment], analyses: Sequence[SegmentAnalysis],
                 submissions: Sequence[Submission], sim: np.ndarray):
        self.segments, self.analyses, self.sim = segments, analyses, sim
        self.subs = {s.id: s for s in submissions}
        self.senders = Counter(s.campaign_id for s in submissions if s.campaign_id)

    def _candidates(self, members: np.ndarray, keys: set[str]) -> list[dict[str, Any]]:
        order = members[np.argsort(-self.sim[members], kind="stable")][:POOL]
        out = []
        for i in order.tolist():
            seg = self.segments[i]
            s, e = best_sentence(seg, self.analyses[i], keys)
            text = seg.text[s:e]
            if len(text.strip()) < MIN_CHARS:
                continue  # fragments say nothing
            sub = self.subs.get(seg.submission_id)
            out.append({"i": i, "text": text, "s": s, "e": e,
                        "words": _content(self.analyses[i], s, e),
                        "submitter": (sub.organisation or sub.submitter) if sub else None,
                        "campaign": sub.campaign_id if sub else None})
        return out

    def pick(self, members: np.ndarray, keys: set[str], n: int) -> list[dict[str, Any]]:
        """Up to ``n`` quotes for the theme with segments ``members`` (see the module)."""
        pool = self._candidates(members, keys)
        chosen: list[dict[str, Any]] = []
        while pool and len(chosen) < n:
            best, best_val = None, -np.inf
            for c in pool:
                like = max((_likeness(c["words"], q["words"]) for q in chosen), default=0.0)
                val = MMR_LAMBDA * float(self.sim[c["i"]]) - (1 - MMR_LAMBDA) * like
                if val > best_val:
                    best, best_val = c, val
            assert best is not None
            chosen.append(best)
            pool = [c for c in pool if not self._same_voice(c, best)
                    and _likeness(c["words"], best["words"]) < NEAR_DUPLICATE]
        return [self._quote(c) for c in chosen]

    def _same_voice(self, c: dict[str, Any], q: dict[str, Any]) -> bool:
        a, b = self.segments[c["i"]], self.segments[q["i"]]
        return (a.submission_id == b.submission_id
                or (c["submitter"] is not None and c["submitter"] == q["submitter"])
                or (c["campaign"] is not None and c["campaign"] == q["campaign"]))

    def _quote(self, c: dict[str, Any]) -> dict[str, Any]:
        seg = self.segments[c["i"]]
        out = {"text": c["text"], "submission_id": seg.submission_id, "segment_id": seg.id,
               "part": seg.part, "start": seg.start + c["s"], "end": seg.start + c["e"],
               "submitter": c["submitter"],
               "similarity": round(float(self.sim[c["i"]]), 3)}
        if c["campaign"] is not None:
            out["campaign"] = {"id": c["campaign"], "n_senders": self.senders[c["campaign"]]}
        return out
