"""Run a per-segment step over chunks of a corpus in forked processes.

The themes stage derives features segment by segment (key-phrase candidates, token lists,
formalia) from analyses that already sit in memory. Forked workers see those objects without
copying or pickling them (the parent's pages are shared until written); each worker gets
only a range of indexes and sends back a compact result. Results come back in chunk order,
so the output is the same as one process computing the chunks one after the other.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from ..errors import WorkerError

R = TypeVar("R")
MIN_ITEMS = 2000  # below this, one process: starting workers would cost more than it saves
MAX_CHUNK = 1 << 62  # an upper bound on every chunk (tests lower both to force the workers)
_STATE: tuple[Callable[..., Any], Any] | None = None


def _call(bounds: tuple[int, int]) -> Any:
    assert _STATE is not None, "fork_map state missing in the worker"
    fn, state = _STATE
    return fn(state, *bounds)


def fork_map(fn: Callable[[Any, int, int], R], state: Any, n: int, n_jobs: int = 1,
             chunk: int = 2000, min_items: int | None = None) -> list[R]:
    """``[fn(state, start, stop) for each chunk of range(n)]``, in ``n_jobs`` forked
    processes when there are at least ``min_items`` (default ``MIN_ITEMS``) items and the
    platform can fork (elsewhere, or for fewer items, in this process: the same results,
    one core)."""
    return list(fork_imap(fn, state, n, n_jobs, chunk, min_items))


def fork_imap(fn: Callable[[Any, int, int], R], state: Any, n: int, n_jobs: int = 1,
              chunk: int = 2000, min_items: int | None = None) -> Iterator[R]:
    """:func:`fork_map` as an iterator: each chunk's result is handed over as soon as it
    and those before it are done, so the caller can fold results in (and free them) while
    the workers go on."""
    chunk = max(1, min(chunk, MAX_CHUNK))
    bounds = [(s, min(s + chunk, n)) for s in range(0, n, chunk)]
    least = MIN_ITEMS if min_items is None else min_items
    if n_jobs <= 1 or n < least or len(bounds) < 2 \
            or "fork" not in mp.get_all_start_methods():
        for s, e in bounds:
            yield fn(state, s, e)
        return
    global _STATE
    if _STATE is not None:
        raise RuntimeError("fork_imap: another forked map is still running")
    _STATE = (fn, state)
    gc.freeze()  # the collector would otherwise write to (and so copy) every shared page
    try:
        with ProcessPoolExecutor(min(n_jobs, len(bounds)),
                                 mp_context=mp.get_context("fork")) as pool:
            # the workers fork at the first submit: the state is set before
            futures = [pool.submit(_call, b) for b in bounds]
            _STATE = None
            for f in futures:
                yield f.result()
    except BrokenProcessPool as exc:
        raise WorkerError(f"a worker process died while running {fn.__name__} (killed for "
                          "memory?); rerun with --jobs 1 to use one process") from exc
    finally:
        _STATE = None
        gc.unfreeze()


def _call_one(calls: Sequence[Callable[[], Any]], start: int, stop: int) -> list[Any]:
    return [c() for c in calls[start:stop]]


def fork_calls(calls: Sequence[Callable[[], R]], n_jobs: int = 1) -> list[R]:
    """Run independent calls (say, one per export file) side by side in ``n_jobs`` forked
    processes; their results, in order (in this process when ``n_jobs`` is 1)."""
    return [r for chunk in fork_map(_call_one, list(calls), len(calls), n_jobs, chunk=1,
                                    min_items=2) for r in chunk]
