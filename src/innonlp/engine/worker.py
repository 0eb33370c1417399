"""What a Dask worker runs: one partition of segments through the language layer.

Importable (not defined in ``__main__``) so workers can unpickle it. Each worker builds its
pipelines once (cached per process) and sends back compact arrays and the strings behind
their hashes, never spaCy ``Doc`` objects.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..nlp.analysis import StringTable, iter_analyses
from ..nlp.cache import _pack
from ..nlp.loader import NorwegianNLP


@lru_cache(maxsize=4)
def _layer(nlp: str) -> NorwegianNLP:
    return NorwegianNLP(nlp=nlp)


def analyse_partition(nlp: str, items: list[tuple[str, str, str]]
                      ) -> tuple[list[bytes], list[str]]:
    """``items``: (segment id, written standard, text). Returns the packed analyses in
    input order and every string their hashes stand for."""
    layer = _layer(nlp)
    strings = StringTable()
    texts: set[str] = set()
    out: list[bytes] = [b""] * len(items)
    indexed = ((i, sid, std, text) for i, (sid, std, text) in enumerate(items))
    for i, a in iter_analyses(layer, indexed, strings):
        out[i] = _pack(a)
        for h in np.unique(np.concatenate([a.orth, a.lemma])):
            texts.add(strings[int(h)])
    return out, sorted(texts)
