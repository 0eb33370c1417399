"""The language analysis in several local processes (``--jobs N``).

Segments go to ``N`` worker processes in partitions; each worker runs the same pipeline as
one process would (:func:`~innonlp.engine.worker.analyse_partition`) and sends back compact
arrays and the strings behind their hashes, never spaCy documents. Results are yielded as
partitions finish, with at most ``2 × N`` partitions in flight, so memory stays bounded.
Segment by segment the arrays are those of ``--jobs 1`` (tested).
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import islice

from spacy.strings import StringStore

from ..nlp.analysis import SegmentAnalysis, StringTable
from ..nlp.cache import _unpack
from ..nlp.loader import NorwegianNLP
from .worker import analyse_partition, layer_spec


def auto_jobs(limit: int = 4) -> int:
    """Processes for ``--jobs 0``: the cores this process may use, at most ``limit``."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, limit))


def _context() -> mp.context.BaseContext:
    # fork starts workers with the pipelines already loaded; elsewhere, spawn
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


def iter_analyses_pool(layer: NorwegianNLP, items: Iterable[tuple[int, str, str, str]],
                       strings: StringTable, n_process: int, partition_size: int = 1500,
                       cache: str | None = None, keys: Sequence[bytes] = ()
                       ) -> Iterator[tuple[int, SegmentAnalysis]]:
    """Like :func:`~innonlp.nlp.analysis.iter_analyses`, over ``n_process`` processes.
    ``items``: (index, segment id, written standard, text); yields (index, analysis).
    With ``cache`` (a cache file's path) and ``keys`` (cache keys by index) the workers
    store what they analyse in that cache themselves."""
    store = StringStore()
    strings.add_store(store)
    spec = layer_spec(layer)
    it = iter(items)
    # Forked workers share the parent's memory page by page until a page is written; the
    # cyclic collector would write to every object it scans. Frozen objects are not scanned.
    gc.freeze()
    try:
        yield from _run_pool(n_process, spec, it, partition_size, store, strings, cache,
                             keys)
    finally:
        gc.unfreeze()


def _run_pool(n_process: int, spec: str, it: Iterator[tuple[int, str, str, str]],
              partition_size: int, store: StringStore, strings: StringTable,
              cache: str | None, keys: Sequence[bytes]
              ) -> Iterator[tuple[int, SegmentAnalysis]]:
    with ProcessPoolExecutor(n_process, mp_context=_context()) as pool:
        running: dict[Future, list[tuple[int, str, str, str]]] = {}

        def submit() -> bool:
            part = list(islice(it, partition_size))
            if part:
                fut = pool.submit(analyse_partition, spec,
                                  [(sid, std, text) for _, sid, std, text in part], True,
                                  cache, [keys[i] for i, *_ in part] if cache else None)
                running[fut] = part
            return bool(part)

        for _ in range(2 * n_process):
            if not submit():
                break
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in sorted(done, key=lambda f: running[f][0][0]):
                part = running.pop(fut)
                packed, texts = fut.result()
                for t in texts:
                    store.add(t)
                for (i, sid, std, _), blob in zip(part, packed, strict=True):
                    yield i, _unpack(blob, sid, std, strings)
                submit()
