"""Language features used by several stages: the content lemmas and compound parts of a
segment (the themes' token lists, the comparison with a human summary, the codebook)."""

from __future__ import annotations

import numpy as np

from .analysis import UPOS, SegmentAnalysis
from .compounds import split_compound
from .loader import pipeline_standard
from .stopwords import stop_lemmas

COMPOUND_POS = (UPOS.index("NOUN"), UPOS.index("ADJ"))


def _compound_parts(a: SegmentAnalysis, stop: frozenset[str]) -> list[str]:
    """Modifier and head of the compound content words ("datadeling" → "data", "deling"),
    so a compound and its spelled-out form ("deling av data") share features."""
    lang = pipeline_standard(a.standard)
    out: list[str] = []
    low = a.strings.lower
    mask = a.content_mask() & np.isin(a.pos, COMPOUND_POS)
    for h in a.lemma[mask].tolist():
        parts = split_compound(low(h), lang)
        if parts:
            out.extend(x for x in parts if len(x) >= 3 and x not in stop)
    return out


def lemma_features(a: SegmentAnalysis) -> list[str]:
    """Content lemmas and compound parts: the features of a text without phrase keys (what
    the comparison with a human summary uses on both sides)."""
    return a.content_lemmas() + _compound_parts(a, stop_lemmas())
