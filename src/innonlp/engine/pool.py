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
from .worker import _layer, analyse_partition, layer_spec


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


def _warm(spec: str) -> None:
    layer = _layer(spec)
    for std in sorted(layer.choices):
        layer.language(std)


def _nothing() -> None:
    return None


class EarlyPool:
    """Language-layer worker processes started before ingest, so that they load their
    pipelines (seconds of work) while the main process reads and cleans the inputs; the
    main process then never loads them. Worth it for big inputs only (a run with fewer
    than 2,000 segments stays in one process). ``close()`` when done, used or not."""

    def __init__(self, layer: NorwegianNLP, n_process: int):
        self.spec = layer_spec(layer)
        self.n_process = n_process
        self.executor = ProcessPoolExecutor(n_process, mp_context=_context(),
                                            initializer=_warm, initargs=(self.spec,))
        self.executor.submit(_nothing)  # starts the workers now
        self.used = False

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def iter_analyses_pool(layer: NorwegianNLP, items: Iterable[tuple[int, str, str, str]],
                       strings: StringTable, n_process: int, partition_size: int = 1500,
                       cache: str | None = None, keys: Sequence[bytes] = (),
                       pool: EarlyPool | None = None
                       ) -> Iterator[tuple[int, SegmentAnalysis]]:
    """Like :func:`~innonlp.nlp.analysis.iter_analyses`, over ``n_process`` processes
    (those of ``pool`` when given, else new ones).
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
        if pool is not None:
            # its workers send each string once: to the one receiver of one analysis
            if pool.used:
                raise ValueError("an EarlyPool serves one analysis only")
            pool.used = True
            yield from _submit_all(pool.executor, pool.n_process, pool.spec, it,
                                   partition_size, store, strings, cache, keys)
            return
        with ProcessPoolExecutor(n_process, mp_context=_context()) as executor:
            yield from _submit_all(executor, n_process, spec, it, partition_size, store,
                                   strings, cache, keys)
    finally:
        gc.unfreeze()


def _submit_all(pool: ProcessPoolExecutor, n_process: int, spec: str,
                it: Iterator[tuple[int, str, str, str]], partition_size: int,
                store: StringStore, strings: StringTable, cache: str | None,
                keys: Sequence[bytes]) -> Iterator[tuple[int, SegmentAnalysis]]:
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
