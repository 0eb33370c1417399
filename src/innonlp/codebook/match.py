"""Every segment to every seed it matches: similarity in the shared Bokmål/Nynorsk feature
space (TF-IDF over lemma features mapped by :mod:`innonlp.nlp.nbnn`), keyword hits and
reference hits ("Til punkt 3.2", "Kommentar til § 12" at the start of a segment)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..nlp.analysis import SegmentAnalysis
from ..nlp.nbnn import shared_feature
from ..parallel import SERIAL, Executor
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
    return shared_features_many([a])[0]


def shared_features_many(analyses: Sequence[SegmentAnalysis], executor: Executor = SERIAL
                         ) -> list[list[str]]:
    """The lemma features of many segments in the feature space the themes cluster in (content
    lemmas, then compound parts, each standard's forms mapped to one), worked out for the
    corpus at once by :func:`innonlp.themes.features.base_tokens` (each distinct lemma is
    looked up and split once, the splits shared out through ``executor``)."""
    from ..themes.features import base_tokens

    vocab: dict[str, int] = {}
    lemma_ids, n_lemmas, part_ids, n_parts = base_tokens(list(analyses), vocab, executor)
    terms = np.array(list(vocab) or [""], dtype=object)
    lemmas, parts = terms[lemma_ids].tolist(), terms[part_ids].tolist()
    at_l = np.concatenate([[0], np.cumsum(n_lemmas)]).tolist()
    at_p = np.concatenate([[0], np.cumsum(n_parts)]).tolist()
    return [lemmas[at_l[i]:at_l[i + 1]] + parts[at_p[i]:at_p[i + 1]]
            for i in range(len(at_l) - 1)]


def lead_reference(text: str) -> str | None:
    """The reference a segment opens with ("Til punkt 3.2 …" → "punkt3.2"), or None."""
    m = _LEAD.match(text.strip())
    return normalise_reference(m.group(1)) if m else None


def similarities(segment_docs: Sequence[list[str]], seed_docs: Sequence[list[str]]
                 ) -> np.ndarray:
    """Cosine of every segment to every seed (TF-IDF fitted on segments and seeds)."""
    return _similarities(segment_docs, seed_docs)[0]


def _similarities(segment_docs: Sequence[list[str]], seed_docs: Sequence[list[str]]
                  ) -> tuple[np.ndarray, Any, dict[str, int]]:
    """The cosines, the segments' TF-IDF rows (CSC) and the vectoriser's vocabulary."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=1)
    mat = vec.fit_transform([*segment_docs, *seed_docs])
    n = len(segment_docs)
    sim = np.asarray((mat[:n] @ mat[n:].T).todense(), dtype=float)
    return sim, mat[:n].tocsc(), vec.vocabulary_


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def match_segments(texts: Sequence[str], segment_docs: Sequence[list[str]],
                   codebook: Codebook, seed_docs: Sequence[list[str]],
                   params: MatchParams | None = None) -> list[SegmentMatch]:
    """The seeds each segment matches (see the module docstring); deterministic. Worked out
    as segments × seeds arrays: the keyword hits by one search over all the texts per
    keyword, the Python loop only over the segments that match something."""
    p = params or MatchParams()
    seeds = codebook.seeds
    n, n_seeds = len(texts), len(seeds)
    if not n or not n_seeds:
        return [SegmentMatch() for _ in range(n)]
    sim, columns, vocabulary = _similarities(segment_docs, seed_docs)
    n_kw = _keyword_hits(texts, columns, vocabulary, seeds)
    refs = [{r for r in map(normalise_reference, s.references) if r} for s in seeds]
    by_ref = np.zeros((n, n_seeds), dtype=bool)
    for i, text in enumerate(texts):
        ref = lead_reference(text)
        if ref:
            by_ref[i, sorted(_reference_hits(ref, refs))] = True
    value = sim + p.keyword_weight * n_kw
    bar = np.maximum(p.min_similarity, p.relative * value.max(axis=1))
    hit = value >= bar[:, None]
    reasons = (by_ref, hit & (n_kw > 0), hit & (sim > 0))
    out = [SegmentMatch()] * n
    for i in np.flatnonzero((reasons[0] | reasons[1] | reasons[2]).any(axis=1)).tolist():
        ids, scores, why = [], [], []
        for j in range(n_seeds):
            by = [b for b, on in zip(MATCHED_BY, (r[i, j] for r in reasons), strict=True)
                  if on]
            if by:
                ids.append(seeds[j].id)
                scores.append(round(min(1.0, float(value[i, j]) +
                                        (1.0 if by_ref[i, j] else 0.0)), 4))
                why.append("+".join(by))
        out[i] = SegmentMatch(tuple(ids), tuple(scores), tuple(why))
    return out


def _keyword_hits(texts: Sequence[str], columns: Any, vocabulary: dict[str, int],
                  seeds: Sequence[Any]) -> np.ndarray:
    """Per segment and seed: how many of the seed's keywords the segment holds, as a feature
    (the keyword's shared feature among the segment's) or in its text (a word starting
    with the keyword)."""
    lows = [t.lower() for t in texts]
    starts = np.concatenate([[0], np.cumsum([len(t) + 1 for t in lows])]).astype(np.int64)
    whole = "\x00".join(lows)  # the separator is no word character and in no keyword
    out = np.zeros((len(texts), len(seeds)), dtype=np.int64)
    for j, s in enumerate(seeds):
        for word, feat in _keywords(s.keywords):
            found = np.zeros(len(texts), dtype=bool)
            col = vocabulary.get(feat)
            if col is not None:
                found[columns.indices[columns.indptr[col]:columns.indptr[col + 1]]] = True
            at = np.array(word_starts(whole, word), dtype=np.int64)
            found[np.searchsorted(starts, at, side="right") - 1] = True
            out[:, j] += found
    return out


def word_starts(text: str, word: str) -> list[int]:
    """Where ``word`` occurs in ``text`` at the start of a word (no word character before it,
    as ``(?<!\\w)`` in a regular expression), found by substring search: far faster than a
    regular expression over a long text."""
    out, i = [], text.find(word)
    while i >= 0:
        before = text[i - 1] if i else " "
        if not (before.isalnum() or before == "_"):
            out.append(i)
        i = text.find(word, i + 1)
    return out


def _keywords(keywords: Sequence[str]) -> list[tuple[str, str]]:
    """Per keyword: its lower-case form and its shared feature."""
    return [(k.lower(), shared_feature(k.lower())) for k in keywords]


def _reference_hits(ref: str | None, refs: list[set[str]]) -> set[int]:
    """The seeds whose reference the segment opens with (else the nearest parent point)."""
    while ref:
        hits = {j for j, r in enumerate(refs) if ref in r}
        if hits:
            return hits
        cut = max(ref.rfind("."), ref.rfind("-"))
        ref = ref[:cut] if cut > ref.find("§") + 1 and cut > 0 else None
    return set()
