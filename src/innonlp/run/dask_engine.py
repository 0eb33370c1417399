"""The language analysis, and the per-segment features of the themes stage, on a Dask
cluster (``--engine dask [--scheduler ADDRESS]``).

Segments are cut into partitions (``partition_size`` each, at least four per worker when
there is enough text) and sent to the workers at most ``2 × workers`` at a time; results
come back as compact arrays and are put in input order as they arrive, so neither side ever
holds all the spaCy documents. The tier is resolved here first (``auto`` becomes the model
that this machine would use) and the workers must have the same innonlp and model installed;
the result is identical to the local engine's. With the themes stage, each worker also
finds its partition's key-phrase candidates, compound splits and formalia flags while the
analyses are in its memory, so the client only joins them (in partition order: the same
features as computed locally).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from spacy.strings import StringStore

from ..nlp.analysis import SegmentAnalysis, StringTable
from ..nlp.cache import unpack_analysis
from ..nlp.loader import NorwegianNLP
from ..parallel import DaskExecutor
from ..themes.build import PartFeatures
from ..types import Segment
from .worker import analyse_partition, analyse_partition_features, layer_spec


def analyze_segments_dask(segments: Sequence[Segment], layer: NorwegianNLP,
                          executor: DaskExecutor, partition_size: int = 2000,
                          progress: Callable[[int], None] | None = None,
                          features: bool = False
                          ) -> tuple[list[SegmentAnalysis], dict[str, Any],
                                     list[PartFeatures] | None]:
    """The analyses in segment order, the run record and, with ``features``, the themes
    stage's per-segment features of every partition, in order (worked out on the workers
    right after the analysis: :func:`~innonlp.run.worker.analyse_partition_features`);
    otherwise None. The partitions run on ``executor``'s cluster."""
    tick = progress or (lambda n: None)
    t0 = time.perf_counter()
    workers = executor.workers
    size = max(50, min(partition_size, -(-len(segments) // (4 * workers))))
    parts = [[(s.id, s.standard or "nb", s.text) for s in segments[i:i + size]]
             for i in range(0, len(segments), size)]
    spec = layer_spec(layer)
    task = analyse_partition_features if features else analyse_partition
    results: dict[int, tuple[Any, ...]] = {}
    for i, res in executor.map_tasks(task, ((spec, part) for part in parts)):
        results[i] = res
        tick(len(parts[i]))
    store = StringStore()
    strings = StringTable()
    strings.add_store(store)
    out: list[SegmentAnalysis] = []
    found: list[PartFeatures] = []
    for i, part in enumerate(parts):
        packed, texts, *more = results.pop(i)
        found.extend(more)
        for t in texts:
            store.add(t)
        out.extend(unpack_analysis(b, sid, std, strings)
                   for b, (sid, std, _) in zip(packed, part, strict=True))
    seconds = time.perf_counter() - t0
    tokens = sum(len(a) for a in out)
    record = {**layer.record(), "engine": "dask", "scheduler": executor.where,
              "workers": workers, "partitions": len(parts), "segments": len(out),
              "tokens": tokens, "seconds": round(seconds, 2),
              "words_per_second": round(tokens / seconds) if seconds > 0 else None,
              "features_on_workers": features}
    return out, record, (found if features else None)
