"""What a worker runs: one partition of segments through the language layer (and, on
Dask, the per-segment features of the themes stage).

Importable (not defined in ``__main__``) so workers can unpickle it. Each worker builds its
pipelines once (cached per process) and sends back compact arrays and the strings behind
their hashes, never spaCy ``Doc`` objects.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from ..nlp.analysis import SegmentAnalysis, StringTable, iter_analyses
from ..nlp.cache import AnalysisCache, pack_analysis
from ..nlp.loader import NorwegianNLP

if TYPE_CHECKING:
    from ..themes.build import PartFeatures


def layer_spec(layer: NorwegianNLP) -> str:
    """The tier a worker must run: embedded, or the Bokmål spaCy model chosen here."""
    nb = layer.choices.get("nb")
    return "embedded" if nb is None or nb.tier == "embedded" else nb.model


@lru_cache(maxsize=4)
def _layer(nlp: str) -> NorwegianNLP:
    return NorwegianNLP(nlp=nlp)


@lru_cache(maxsize=2)
def _cache(path: str) -> AnalysisCache:
    return AnalysisCache(path)  # this process's own connection (never one from the parent)


_SENT: set[int] = set()  # string hashes this process has sent already (local pool only)


def analyse_partition(nlp: str, items: list[tuple[str, str, str]], only_new: bool = False,
                      cache: str | None = None, keys: list[bytes] | None = None
                      ) -> tuple[list[bytes], list[str]]:
    """``items``: (segment id, written standard, text). Returns the packed analyses in
    input order and the strings their hashes stand for: all of them, or with ``only_new``
    those this process has not sent before (for a receiver that keeps every string it got
    from this process, as the local process pool does; a Dask task may be re-run
    elsewhere, so it gets all). With ``cache`` (the path of the language-layer cache) and
    the items' cache ``keys`` the worker stores the packed analyses there itself, in one
    transaction with the strings it sends (so the receiver need not pack them again)."""
    out, texts, _ = _analyse(nlp, items, only_new, cache, keys)
    return out, texts


def analyse_partition_features(nlp: str, items: list[tuple[str, str, str]]
                               ) -> tuple[list[bytes], list[str], PartFeatures]:
    """:func:`analyse_partition` (all strings), and then the per-segment features the
    themes stage needs (key-phrase candidates, compound splits, formalia flags: see
    :func:`~innonlp.themes.build.part_features`), while the analyses are at hand."""
    from ..themes.build import part_features  # scikit-learn: only for the Dask engine

    out, texts, analyses = _analyse(nlp, items)
    return out, texts, part_features([text for _, _, text in items], analyses)


def _analyse(nlp: str, items: list[tuple[str, str, str]], only_new: bool = False,
             cache: str | None = None, keys: list[bytes] | None = None
             ) -> tuple[list[bytes], list[str], list[SegmentAnalysis]]:
    layer = _layer(nlp)
    strings = StringTable()
    out: list[bytes] = [b""] * len(items)
    analyses: list[SegmentAnalysis | None] = [None] * len(items)
    hashes: list[np.ndarray] = []
    indexed = ((i, sid, std, text) for i, (sid, std, text) in enumerate(items))
    for i, a in iter_analyses(layer, indexed, strings):
        out[i] = pack_analysis(a)
        analyses[i] = a
        hashes += (a.orth, a.lemma)
    uniq = np.unique(np.concatenate(hashes)) if hashes else np.zeros(0, dtype=np.uint64)
    hashes_out = uniq.tolist()
    if only_new:
        hashes_out = [h for h in hashes_out if h not in _SENT]
    texts = [strings[h] for h in hashes_out]
    if cache is not None and keys is not None:
        _cache(cache).put_packed(list(zip(keys, out, strict=True)), texts)
    if only_new:
        _SENT.update(hashes_out)
    return out, texts, [a for a in analyses if a is not None]
