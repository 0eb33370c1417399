"""Align the themes of a human summary with the machine themes of a run.

Both sides go through the same Norwegian layer: content lemmas plus the parts of compound
words (``nlp.features.lemma_features``), TF-IDF weighted over the run's segments (formalia
left out) and L2-normalised. A machine theme is the normalised mean of its segments; a human
theme is the vector of its heading and body; a human sentence is its own vector.

- **many-to-many**: a human theme matches every machine theme whose cosine is at least
  ``match_threshold``;
- **one-to-one**: the optimal assignment (Hungarian method) over the cosines, pairs under
  the threshold dropped;
- **evidence**: for each human sentence, the ``n_evidence`` most similar segments (ids,
  submission, cosine, halved when only one feature is shared); a sentence whose best
  segment is under ``weak_below`` has weak support in the submissions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from ..ingest.sentences import split_sentences
from ..nlp.analysis import SegmentAnalysis
from ..nlp.features import lemma_features
from .summary import SummarySection


@dataclass(frozen=True)
class CompareParams:
    match_threshold: float = 0.2
    weak_below: float = 0.2
    n_evidence: int = 3


def _identity(tokens: list[str]) -> list[str]:
    return tokens


@dataclass
class Alignment:
    sections: list[SummarySection]          # the human themes only
    theme_ids: list[str]                    # machine themes, in size order
    similarity: np.ndarray                  # human × machine cosine
    one_to_one: list[tuple[int, int]]
    evidence: list[list[dict[str, Any]]]    # per human theme: per sentence
    support: list[list[int]]                # per human theme: the segment rows matching it
    frame_submissions: list[Any] = field(default_factory=list)  # submission id per row


def align(sections: Sequence[SummarySection], section_analyses: Sequence[SegmentAnalysis],
          sentence_analyses: Sequence[Sequence[SegmentAnalysis]], frame: pd.DataFrame,
          analyses: Sequence[SegmentAnalysis], theme_ids: Sequence[str],
          params: CompareParams) -> Alignment:
    """``frame`` holds the run's segments (``segments.parquet`` rows, formalia left out)
    and ``analyses`` their language-layer results in the same order."""
    docs = [lemma_features(a) for a in analyses]
    vec = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=1)
    X = normalize(vec.fit_transform(docs)) if any(docs) else None
    tid = frame["theme_id"].to_numpy()
    cents = []
    for t in theme_ids:
        rows = np.flatnonzero(tid == t)
        c = np.asarray(X[rows].mean(0)) if X is not None and len(rows) else np.zeros((1, 1))
        cents.append(normalize(c)[0])
    C = np.array(cents) if cents else np.zeros((0, 1))

    def vectors(items: Sequence[SegmentAnalysis]) -> Any:
        return normalize(vec.transform([lemma_features(a) for a in items]))

    if X is None or not len(C):
        S = np.zeros((len(sections), len(theme_ids)))
    else:
        S = np.asarray(vectors(section_analyses) @ C.T)
    pairs: list[tuple[int, int]] = []
    if S.size:
        rows, cols = linear_sum_assignment(-S)
        pairs = [(int(r), int(c)) for r, c in zip(rows, cols, strict=True)
                 if S[r, c] >= params.match_threshold]
    evidence: list[list[dict[str, Any]]] = []
    support: list[list[int]] = []
    for sec, sents in zip(sections, sentence_analyses, strict=True):
        spans = split_sentences(sec.text) or [(0, len(sec.text))]
        items: list[dict[str, Any]] = []
        if X is not None and len(sents):
            V = vectors(sents)
            # one shared word is weak evidence ("raskere" ~ "raskt"): the cosine counts in
            # full from two shared features on
            shared = ((V > 0).astype(np.float32) @ (X > 0).astype(np.float32).T).toarray()
            sims = (V @ X.T).toarray() * np.minimum(1.0, shared / 2)
        else:
            sims = np.zeros((len(sents), len(frame)))
        # a segment supports the human theme when one of its sentences matches it
        best_rows = sims.max(0) if len(sims) else np.zeros(len(frame))
        support.append([int(i) for i in np.flatnonzero(best_rows >= params.weak_below)])
        for (s, e), row in zip(spans, sims, strict=True):
            order = np.argsort(-row, kind="stable")[:params.n_evidence]
            best = float(row[order[0]]) if len(order) else 0.0
            items.append({
                "sentence": sec.text[s:e], "support": round(best, 4),
                "weak": best < params.weak_below,
                "segments": [{"segment_id": frame["id"].iat[i],
                              "submission_id": frame["submission_id"].iat[i],
                              "theme_id": frame["theme_id"].iat[i] if isinstance(
                                  frame["theme_id"].iat[i], str) else None,
                              "text": frame["text"].iat[i],
                              "similarity": round(float(row[i]), 4)}
                             for i in order if row[i] > 0]})
        evidence.append(items)
    return Alignment(list(sections), list(theme_ids), S, pairs, evidence, support)
