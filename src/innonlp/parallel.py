"""One way to run work side by side: an execution policy and one executor protocol with
serial, forked and Dask implementations.

A run builds one :class:`ExecutionPolicy` from ``--jobs``/``--engine``/``--scheduler`` and
hands it to every stage; a stage asks the policy for an executor and never decides on its
own whether to fork. Three kinds of work go through an executor:

- :meth:`Executor.map_range` — a per-item step over chunks of ``range(n)`` on a ``state``
  that already sits in memory (analyses, segments). Forked workers see the state without
  copying or pickling it (the parent's pages are shared until written) and send back a
  compact result per chunk; results come back in chunk order, so the output is the one of a
  single process computing the chunks one after the other.
- :meth:`Executor.map_calls` — independent calls (one per export file), results in order.
- :meth:`Executor.map_tasks` — picklable tasks for long-lived workers (the language
  layer's partitions), at most ``2 × jobs`` in flight, yielded as ``(index, result)`` as they
  finish. This is the one method that a Dask cluster runs; shared-memory work
  (``map_range``, ``map_calls``) cannot reach a remote worker and runs in this machine's
  forked processes under the Dask engine too (the run's manifest says which engine ran
  which stage).

Every executor gives the same results as :class:`SerialExecutor` (tested).
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any, Protocol, TypeVar

from .errors import ConfigError, WorkerError

R = TypeVar("R")
T = TypeVar("T")
_STATE: tuple[Callable[..., Any], Any] | None = None
ENGINES = ("local", "dask")


def auto_jobs(limit: int = 4) -> int:
    """Processes for ``--jobs 0``: the cores this process may use, at most ``limit``."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, limit))


def can_fork() -> bool:
    """Whether this platform starts worker processes by forking (Linux, not Windows)."""
    return "fork" in mp.get_all_start_methods()


@dataclass(frozen=True)
class ExecutionPolicy:
    """How a run uses processes: built once (``from_options``), handed to every stage.

    Parameters
    ----------
    jobs : int
        Worker processes (1: everything in this process).
    engine : {"local", "dask"}
        ``dask`` runs the language layer's partitions on a Dask cluster.
    scheduler : str or None
        Address of a Dask scheduler; None starts a local cluster of ``max(jobs, 2)`` workers.
    min_items : int
        Work on fewer items than this runs in this process: starting workers would cost
        more than it saves.
    max_chunk : int
        Upper bound on every chunk of a range map (tests lower it to force several chunks).
    early_start_bytes : int
        Inputs at least this big start the language-layer workers before ingest, so they
        load their pipelines while the inputs are read.
    scan_max_items : int
        Above this many segments the key-phrase candidates are scanned in this process: a
        forked scanner copies most pages of the analyses it reads (about 1 GB a worker at
        450,000 segments).
    connect_timeout : float
        Seconds to wait for a Dask scheduler before giving up with one clear line.
    """

    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None
    min_items: int = 2000
    max_chunk: int = 1 << 62
    early_start_bytes: int = 4_000_000
    scan_max_items: int = 250_000
    connect_timeout: float = 10.0

    def __post_init__(self) -> None:
        if self.jobs < 1:
            raise ConfigError(f"--jobs must be at least 1 (0: one per core). Got {self.jobs}.")
        if self.engine not in ENGINES:
            raise ConfigError(f"--engine must be local or dask. Got {self.engine!r} instead.")
        if self.scheduler and self.engine != "dask":
            raise ConfigError("--scheduler needs --engine dask.")

    @classmethod
    def from_options(cls, jobs: int = 0, engine: str = "local",
                     scheduler: str | None = None, **kw: Any) -> ExecutionPolicy:
        """The policy for the command-line options (``jobs`` 0: one process per core, at
        most 4). A negative ``jobs`` is a usage error."""
        if jobs < 0:
            raise ConfigError(f"--jobs must be 0 (one per core) or more. Got {jobs} instead.")
        return cls(jobs=jobs or auto_jobs(), engine=engine, scheduler=scheduler, **kw)

    def serial(self) -> ExecutionPolicy:
        """The same policy in one process."""
        return replace(self, jobs=1, engine="local", scheduler=None)

    def executor(self, n_items: int | None = None) -> Executor:
        """The executor for shared-memory work on ``n_items`` items: serial for one job,
        for fewer than ``min_items`` items or where the platform cannot fork; else forked."""
        if self.jobs <= 1 or not can_fork() or (n_items is not None
                                                 and n_items < self.min_items):
            return SerialExecutor(self.max_chunk)
        return ForkExecutor(self.jobs, self.min_items, self.max_chunk)

    def scan_executor(self, n_items: int) -> Executor:
        """The executor for scanning ``n_items`` segments' key-phrase candidates:
        :meth:`executor`, but this process above :attr:`scan_max_items` (see there)."""
        return self.executor(n_items) if n_items < self.scan_max_items \
            else SerialExecutor(self.max_chunk)

    def describe(self) -> dict[str, Any]:
        """The policy as the manifest records it."""
        return {"jobs": self.jobs, "engine": self.engine, "scheduler": self.scheduler,
                "fork": can_fork()}


class Executor(Protocol):
    """What stages call to run work side by side (see the module docstring)."""

    jobs: int

    def map_range(self, fn: Callable[[Any, int, int], R], state: Any, n: int,
                  chunk: int = 2000, min_items: int | None = None) -> Iterator[R]:
        """``fn(state, start, stop)`` for each chunk of ``range(n)``, results in order."""
        ...

    def map_calls(self, calls: Sequence[Callable[[], R]]) -> list[R]:
        """Each call's result, in order."""
        ...

    def map_tasks(self, fn: Callable[..., R], tasks: Iterable[tuple[Any, ...]]
                  ) -> Iterator[tuple[int, R]]:
        """``(i, fn(*tasks[i]))`` as tasks finish (picklable ``fn`` and arguments)."""
        ...

    def close(self) -> None:
        """Release the workers (a no-op for executors that start none)."""
        ...


def _chunks(n: int, chunk: int, max_chunk: int) -> list[tuple[int, int]]:
    chunk = max(1, min(chunk, max_chunk))
    return [(s, min(s + chunk, n)) for s in range(0, n, chunk)]


class SerialExecutor:
    """Everything in this process, one item after another."""

    jobs = 1

    def __init__(self, max_chunk: int = 1 << 62):
        self.max_chunk = max_chunk

    def map_range(self, fn: Callable[[Any, int, int], R], state: Any, n: int,
                  chunk: int = 2000, min_items: int | None = None) -> Iterator[R]:
        for s, e in _chunks(n, chunk, self.max_chunk):
            yield fn(state, s, e)

    def map_calls(self, calls: Sequence[Callable[[], R]]) -> list[R]:
        return [c() for c in calls]

    def map_tasks(self, fn: Callable[..., R], tasks: Iterable[tuple[Any, ...]]
                  ) -> Iterator[tuple[int, R]]:
        for i, args in enumerate(tasks):
            yield i, fn(*args)

    def close(self) -> None:
        return None


def _call(bounds: tuple[int, int]) -> Any:
    assert _STATE is not None, "forked map state missing in the worker"
    fn, state = _STATE
    return fn(state, *bounds)


def _call_one(calls: Sequence[Callable[[], Any]], start: int, stop: int) -> list[Any]:
    return [c() for c in calls[start:stop]]


def _nothing() -> None:
    return None


class ForkExecutor:
    """Forked worker processes (``fork`` start method: workers share this process's memory
    until they write to it).

    Range maps and calls start their workers for the one map and end them after it;
    :meth:`map_tasks` uses a long-lived pool, started at once when ``start_now`` (with
    ``initializer``, say to load the language pipelines while ingest runs) or at its first
    use, and released by :meth:`close`.
    """

    def __init__(self, jobs: int, min_items: int = 2000, max_chunk: int = 1 << 62,
                 initializer: Callable[..., None] | None = None,
                 initargs: tuple[Any, ...] = (), start_now: bool = False):
        self.jobs = jobs
        self.min_items = min_items
        self.max_chunk = max_chunk
        self._initializer, self._initargs = initializer, initargs
        self._pool: ProcessPoolExecutor | None = None
        if start_now:
            self._tasks_pool().submit(_nothing)  # the workers start (and initialise) now

    def _tasks_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=mp.get_context("fork"),
                                             initializer=self._initializer,
                                             initargs=self._initargs)
        return self._pool

    def map_range(self, fn: Callable[[Any, int, int], R], state: Any, n: int,
                  chunk: int = 2000, min_items: int | None = None) -> Iterator[R]:
        bounds = _chunks(n, chunk, self.max_chunk)
        least = self.min_items if min_items is None else min_items
        if n < least or len(bounds) < 2:
            yield from SerialExecutor(self.max_chunk).map_range(fn, state, n, chunk)
            return
        global _STATE
        if _STATE is not None:
            raise RuntimeError("ForkExecutor.map_range: another forked map is still running")
        _STATE = (fn, state)
        gc.freeze()  # the collector would otherwise write to (and so copy) every shared page
        try:
            with ProcessPoolExecutor(min(self.jobs, len(bounds)),
                                     mp_context=mp.get_context("fork")) as pool:
                # the workers fork at the first submit: the state is set before
                futures = [pool.submit(_call, b) for b in bounds]
                _STATE = None
                for f in futures:
                    yield f.result()
        except BrokenProcessPool as exc:
            raise WorkerError(f"a worker process died while running {fn.__name__} (killed "
                              "for memory?); rerun with --jobs 1 to use one process") from exc
        finally:
            _STATE = None
            gc.unfreeze()

    def map_calls(self, calls: Sequence[Callable[[], R]]) -> list[R]:
        return [r for part in self.map_range(_call_one, list(calls), len(calls), chunk=1,
                                             min_items=2) for r in part]

    def map_tasks(self, fn: Callable[..., R], tasks: Iterable[tuple[Any, ...]]
                  ) -> Iterator[tuple[int, R]]:
        pool = self._tasks_pool()
        gc.freeze()  # forked workers share pages; the collector would write to all of them
        try:
            yield from _bounded(pool.submit, fn, tasks, 2 * self.jobs)
        except BrokenProcessPool as exc:
            raise WorkerError(f"a worker process died while running {fn.__name__} (killed "
                              "for memory?); rerun with --jobs 1 to use one process") from exc
        finally:
            gc.unfreeze()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _bounded(submit: Callable[..., Future], fn: Callable[..., R],
             tasks: Iterable[tuple[Any, ...]], in_flight: int) -> Iterator[tuple[int, R]]:
    """Submit tasks with at most ``in_flight`` running; yield (index, result) as they
    finish (several at once in index order)."""
    it = iter(enumerate(tasks))
    running: dict[Future, int] = {}

    def more() -> None:
        for i, args in islice(it, 1):
            running[submit(fn, *args)] = i

    for _ in range(in_flight):
        more()
    while running:
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        for fut in sorted(done, key=running.__getitem__):
            i = running.pop(fut)
            yield i, fut.result()
            more()


class DaskExecutor:
    """Tasks on a Dask cluster (``pip install 'innonlp[dask]'``): the one at ``scheduler``,
    or a local cluster of ``jobs`` worker processes. Shared-memory work runs in this
    machine's forked processes (a remote worker cannot see this process's memory)."""

    def __init__(self, policy: ExecutionPolicy):
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ConfigError("--engine dask needs dask.distributed: pip install "
                              "'innonlp[dask]'") from exc
        self.jobs = max(policy.jobs, 2)
        self.local = ForkExecutor(policy.jobs, policy.min_items, policy.max_chunk) \
            if policy.jobs > 1 and can_fork() else SerialExecutor(policy.max_chunk)
        self._cluster = None
        if policy.scheduler:
            try:
                self.client = Client(policy.scheduler, timeout=policy.connect_timeout)
            except (OSError, TimeoutError) as exc:
                raise ConfigError(f"cannot reach the Dask scheduler at {policy.scheduler} "
                                  f"within {policy.connect_timeout:g} s ({exc}); check "
                                  "--scheduler or leave it out for a local cluster") from None
            self.where = policy.scheduler
        else:
            self._cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1,
                                         processes=True, dashboard_address=None)
            self.client = Client(self._cluster)
            self.where = f"LocalCluster({self.jobs} workers)"
        self.workers = max(len(self.client.scheduler_info()["workers"]), 1)

    def map_range(self, fn: Callable[[Any, int, int], R], state: Any, n: int,
                  chunk: int = 2000, min_items: int | None = None) -> Iterator[R]:
        return self.local.map_range(fn, state, n, chunk, min_items)

    def map_calls(self, calls: Sequence[Callable[[], R]]) -> list[R]:
        return self.local.map_calls(calls)

    def map_tasks(self, fn: Callable[..., R], tasks: Iterable[tuple[Any, ...]]
                  ) -> Iterator[tuple[int, R]]:
        from distributed import as_completed

        it = iter(enumerate(tasks))
        running = as_completed()
        index: dict[Any, int] = {}

        def more() -> None:
            for i, args in islice(it, 1):
                fut = self.client.submit(fn, *args, pure=False)
                index[fut.key] = i
                running.add(fut)

        for _ in range(2 * self.workers):
            more()
        for fut in running:
            i = index.pop(fut.key)
            result = fut.result()
            fut.release()
            yield i, result
            more()

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
        self.local.close()


SERIAL = SerialExecutor()
