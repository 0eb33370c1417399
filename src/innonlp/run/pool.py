"""The language analysis in several local processes (``--jobs N``).

Segments go to the workers of a :class:`~innonlp.parallel.ForkExecutor` in partitions; each
worker runs the same pipeline as one process would (:func:`~innonlp.run.worker.
analyse_partition`) and sends back compact arrays and the strings behind their hashes, never
spaCy documents. Results are yielded as partitions finish, with at most ``2 × N``
partitions in flight, so memory stays bounded. Segment by segment the arrays are those of
``--jobs 1`` (tested).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from spacy.strings import StringStore

from ..nlp.analysis import SegmentAnalysis, StringTable
from ..nlp.cache import unpack_analysis
from ..nlp.loader import NorwegianNLP
from ..parallel import ExecutionPolicy, ForkExecutor
from .worker import _layer, analyse_partition, layer_spec


def _warm(spec: str) -> None:
    layer = _layer(spec)
    for std in sorted(layer.choices):
        layer.language(std)


class AnalysisPool:
    """Language-layer worker processes for one analysis (a
    :class:`~innonlp.nlp.analysis.ParallelAnalyser`). With ``start_now`` the workers start
    at once and load their pipelines (seconds of work) while the main process reads and
    cleans the inputs; the main process then never loads them. ``close()`` when done, used
    or not."""

    def __init__(self, layer: NorwegianNLP, policy: ExecutionPolicy, start_now: bool = False,
                 partition_size: int = 1500):
        self.spec = layer_spec(layer)
        self.processes = policy.jobs
        self.min_items = policy.min_items
        self.preloaded = start_now
        self.partition_size = partition_size
        self.executor = ForkExecutor(policy.jobs, policy.min_items, policy.max_chunk,
                                     initializer=_warm if start_now else None,
                                     initargs=(self.spec,) if start_now else (),
                                     start_now=start_now)
        self.used = False

    def close(self) -> None:
        self.executor.close()

    def __call__(self, layer: NorwegianNLP, items: Iterable[tuple[int, str, str, str]],
                 strings: StringTable, cache: str | None, keys: Sequence[bytes]
                 ) -> Iterator[tuple[int, SegmentAnalysis]]:
        """Like :func:`~innonlp.nlp.analysis.iter_analyses`, in the workers.
        ``items``: (index, segment id, written standard, text); yields (index, analysis).
        With ``cache`` (a cache file's path) and ``keys`` (cache keys by index) the workers
        store what they analyse in that cache themselves."""
        if self.used:  # its workers send each string once: to the one receiver
            raise ValueError("an AnalysisPool serves one analysis only")
        self.used = True
        store = StringStore()
        strings.add_store(store)
        it = iter(items)
        parts: list[list[tuple[int, str, str, str]]] = []

        def tasks() -> Iterator[tuple]:
            while part := list(islice(it, self.partition_size)):
                parts.append(part)
                yield (self.spec, [(sid, std, text) for _, sid, std, text in part], True,
                       cache, [keys[i] for i, *_ in part] if cache else None)

        for n, (packed, texts) in self.executor.map_tasks(analyse_partition, tasks()):
            for t in texts:
                store.add(t)
            part = parts[n]
            for (i, sid, std, _), blob in zip(part, packed, strict=True):
                yield i, unpack_analysis(blob, sid, std, strings)
            parts[n] = []  # done: free it
