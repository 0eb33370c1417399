"""Every segment to every seed it matches: similarity in the shared Bokmål/Nynorsk feature
space (TF-IDF over lemma features mapped by :mod:`innonlp.nlp.nbnn`), keyword hits and
reference hits ("Til punkt 3.2", "Kommentar til § 12" at the start of a segment)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..nlp.analysis import SegmentAnalysis
from ..nlp.compounds import split_compound
from ..nlp.features import COMPOUND_POS, lemma_features
from ..nlp.loader import pipeline_standard
from ..nlp.nbnn import shared_feature
from ..nlp.stopwords import stop_lemmas
from .model import Codebook, normalise_reference

MATCHED_BY = ("reference", "keyword", "similarity")
_LEAD = re.compile(
    r"^\W{0,3}(?:(?:(?:kommentar(?:ar|er)?|merknad(?:ar|er)?|innspel|innspill|svar|"
    r"vedrørande|vedrørende|ad|om)\s+)?til\s+|ad\s+|om\s+|vedr\.?\s+)?"
    r"((?:§|punkt|kapittel|kap\.)\s*\d+(?:[-.]\d+)*[a-z]?)", re.IGNORECASE)


@dataclass(frozen=True)
class MatchParams:
    """When a segment matches a seed.

    Attributes
    ----------
    min_similarity : float
        The cosine a seed's TF-IDF vector must reach.
    relative : float
        ...and the share of the segment's best seed cosine it must reach.
    keyword_weight : float
        What each keyword hit adds to the cosine before both bars are applied.
    """

    min_similarity: float = 0.12
    relative: float = 0.8
    keyword_weight: float = 0.06


@dataclass(frozen=True)
class SegmentMatch:
    """The seeds one segment matches (codebook order), each with its score and reasons."""

    seed_ids: tuple[str, ...] = ()
    scores: tuple[float, ...] = ()
    matched_by: tuple[str, ...] = ()  # per seed: "reference+keyword+similarity" style

    @property
    def score(self) -> float:
        """The segment's best seed score (0.0 when it matches none)."""
        return max(self.scores, default=0.0)


def shared_features(a: SegmentAnalysis) -> list[str]:
    """A segment's lemma features in the one feature space of both written standards."""
    return [shared_feature(f, a.standard) for f in lemma_features(a)]


def shared_features_many(analyses: Sequence[SegmentAnalysis]) -> list[list[str]]:
    """:func:`shared_features` of many segments, each lemma's features worked out once (the
    same lists, in the same order: content lemmas, then compound parts)."""
    stop = stop_lemmas()
    memo: dict[tuple[int, int, bool, str], tuple[str, tuple[str, ...]]] = {}
    out = []
    for a in analyses:
        mask = a.content_mask()
        comp = np.isin(a.pos[mask], COMPOUND_POS).tolist()
        std, sid = a.standard, id(a.strings)
        first: list[str] = []
        parts: list[str] = []
        for h, c in zip(a.lemma[mask].tolist(), comp, strict=True):
            got = memo.get((sid, h, c, std))
            if got is None:
                got = memo[(sid, h, c, std)] = _lemma_features(a.strings.lower(h), c, std,
                                                               stop)
            first.append(got[0])
            parts.extend(got[1])
        out.append(first + parts)
    return out


def _lemma_features(low: str, compound: bool, std: str, stop: frozenset[str]
                    ) -> tuple[str, tuple[str, ...]]:
    split = split_compound(low, pipeline_standard(std)) if compound else None
    parts = tuple(shared_feature(x, std) for x in split or () if len(x) >= 3
                  and x not in stop)
    return shared_feature(low, std), parts


def lead_reference(text: str) -> str | None:
    """The reference a segment opens with ("Til punkt 3.2 …" → "punkt3.2"), or None."""
    m = _LEAD.match(text.strip())
    return normalise_reference(m.group(1)) if m else None


def similarities(segment_docs: Sequence[list[str]], seed_docs: Sequence[list[str]]
                 ) -> np.ndarray:
    """Cosine of every segment to every seed (TF-IDF fitted on segments and seeds)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=1)
    mat = vec.fit_transform([*segment_docs, *seed_docs])
    n = len(segment_docs)
    return np.asarray((mat[:n] @ mat[n:].T).todense(), dtype=float)


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def match_segments(texts: Sequence[str], segment_docs: Sequence[list[str]],
                   codebook: Codebook, seed_docs: Sequence[list[str]],
                   params: MatchParams | None = None) -> list[SegmentMatch]:
    """The seeds each segment matches (see the module docstring); deterministic."""
    p = params or MatchParams()
    seeds = codebook.seeds
    sim = similarities(segment_docs, seed_docs) if texts else np.zeros((0, len(seeds)))
    refs = [{r for r in map(normalise_reference, s.references) if r} for s in seeds]
    keywords = [_keyword_patterns(s.keywords) for s in seeds]
    out = []
    for i, text in enumerate(texts):
        low, feats = text.lower(), set(segment_docs[i])
        ref_hits = _reference_hits(lead_reference(text), refs)
        n_kw = [sum(1 for word, pat, feat in kws
                    if feat in feats or (word in low and pat.search(low))) for kws in keywords]
        value = [float(sim[i, j]) + p.keyword_weight * n_kw[j] for j in range(len(seeds))]
        bar = max(p.min_similarity, p.relative * max(value, default=0.0))
        ids, scores, why = [], [], []
        for j, s in enumerate(seeds):
            hit = value[j] >= bar
            by = [b for b, on in zip(MATCHED_BY, (j in ref_hits, hit and n_kw[j] > 0,
                                                  hit and sim[i, j] > 0), strict=True) if on]
            if by:
                ids.append(s.id)
                scores.append(round(min(1.0, value[j] + (1.0 if j in ref_hits else 0.0)), 4))
                why.append("+".join(by))
        out.append(SegmentMatch(tuple(ids), tuple(scores), tuple(why)))
    return out


def _keyword_patterns(keywords: Sequence[str]) -> list[tuple[str, re.Pattern[str], str]]:
    """Per keyword: its lower-case form (a quick substring test first), a prefix pattern on
    the text and its shared feature."""
    return [(k.lower(), re.compile(r"(?<!\w)" + re.escape(k.lower())),
             shared_feature(k.lower())) for k in keywords]


def _reference_hits(ref: str | None, refs: list[set[str]]) -> set[int]:
    """The seeds whose reference the segment opens with (else the nearest parent point)."""
    while ref:
        hits = {j for j, r in enumerate(refs) if ref in r}
        if hits:
            return hits
        cut = max(ref.rfind("."), ref.rfind("-"))
        ref = ref[:cut] if cut > ref.find("§") + 1 and cut > 0 else None
    return set()
