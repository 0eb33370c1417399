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


def layer_spec(layer: NorwegianNLP) -> str:
    """The tier a worker must run: embedded, or the Bokmål spaCy model chosen here."""
    nb = layer.choices.get("nb")
    return "embedded" if nb is None or nb.tier == "embedded" else nb.model


@lru_cache(maxsize=4)
def _layer(nlp: str) -> NorwegianNLP:
    return NorwegianNLP(nlp=nlp)


_SENT: set[int] = set()  # string hashes this process has sent already (local pool only)


def analyse_partition(nlp: str, items: list[tuple[str, str, str]], only_new: bool = False
                      ) -> tuple[list[bytes], list[str]]:
    """``items``: (segment id, written standard, text). Returns the packed analyses in
    input order and the strings their hashes stand for: all of them, or with ``only_new``
    those this process has not sent before (for a receiver that keeps every string it got
    from this process, as the local process pool does; a Dask task may be re-run
    elsewhere, so it gets all)."""
    layer = _layer(nlp)
    strings = StringTable()
    out: list[bytes] = [b""] * len(items)
    hashes = []
    indexed = ((i, sid, std, text) for i, (sid, std, text) in enumerate(items))
    for i, a in iter_analyses(layer, indexed, strings):
        out[i] = _pack(a)
        hashes += (a.orth, a.lemma)
    uniq = np.unique(np.concatenate(hashes)) if hashes else np.zeros(0, dtype=np.uint64)
    keys = uniq.tolist()
    if only_new:
        keys = [h for h in keys if h not in _SENT]
        _SENT.update(keys)
    return out, [strings[h] for h in keys]
