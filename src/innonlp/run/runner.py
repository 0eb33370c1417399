"""The stage runner: one place that times, shows progress, releases memory and applies the
stage cache around every stage of a run.

A stage is an object with a ``name``, the earlier results it ``needs``, the files it
``writes``, a cache ``key`` (None: never cached), ``compute(ctx)`` (its frozen result, the
part that may come from the cache) and ``write(ctx, result)`` (its files, and its record for
the manifest). Before anything runs, the runner works out which stages must run: a stage
that writes files always does; a stage that writes none (the language layer) runs only when
a later stage that is not read back from the cache needs its result. Reused stages are
listed in the manifest (``cache.stages_reused``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..codebook.options import StructureOptions
from ..config import IngestConfig
from ..nlp.loader import NorwegianNLP
from ..parallel import ExecutionPolicy
from ..perf import paused_gc, release_memory
from ..runfolder import RunFolder
from ..themes.params import ThemeParams
from .stagecache import StageCache

ProgressFactory = Callable[[str, "int | None"], AbstractContextManager[Callable[[int], None]]]


@contextmanager
def no_progress(label: str, total: int | None) -> Iterator[Callable[[int], None]]:
    """The progress factory that shows nothing."""
    yield lambda n: None


@dataclass(frozen=True)
class RunOptions:
    """What a run was asked to do (everything but the inputs and the folder)."""

    stages: tuple[str, ...]
    config: IngestConfig
    strict: bool = False
    nlp: str = "auto"
    batch_size: int = 256
    themes: ThemeParams = field(default_factory=ThemeParams)
    summary: Path | None = None
    edits: Path | None = None
    cache: Path | None = None
    ignore_edits: bool = False
    structure: StructureOptions = field(default_factory=StructureOptions)


@dataclass
class RunContext:
    """What stages read and add to while a run goes on."""

    inputs: list[Path]
    folder: RunFolder
    options: RunOptions
    policy: ExecutionPolicy
    layer: NorwegianNLP | None
    cache: StageCache | None = None
    log: Callable[[str], None] = lambda msg: None
    ingest_progress: Callable[..., None] | None = None
    advance: Callable[[int], None] = lambda n: None
    results: dict[str, Any] = field(default_factory=dict)
    written: dict[str, Any] = field(default_factory=dict)
    manifest: dict[str, Any] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    reused: list[str] = field(default_factory=list)
    memo: dict[str, Any] = field(default_factory=dict)
    started: float = field(default_factory=time.perf_counter)


class Stage(Protocol):
    """One step of a run (see the module docstring)."""

    name: str
    needs: tuple[str, ...]
    writes: tuple[str, ...]
    progress: str | None  # the progress line's label; None: no progress line

    def key(self, ctx: RunContext) -> bytes | None: ...

    def total(self, ctx: RunContext) -> int | None: ...

    def compute(self, ctx: RunContext) -> Any: ...

    def write(self, ctx: RunContext, result: Any) -> Any: ...


class StageRunner:
    """Runs stages in order (see the module docstring)."""

    def __init__(self, stages: list[Any], progress: ProgressFactory | None = None):
        self.stages = stages
        self.progress = progress or no_progress

    def plan(self, ctx: RunContext) -> tuple[list[Any], dict[str, bytes | None]]:
        """The stages that must run, in order, and every stage's cache key. Cached results
        are read (and checked) here, so a damaged entry is known before the stages it
        would have spared are left out."""
        keys = {s.name: s.key(ctx) for s in self.stages}
        needed: set[str] = set()
        active: list[Any] = []
        for s in reversed(self.stages):
            if not (s.writes or s.name in needed):
                continue
            active.append(s)
            if self._cached(ctx, s, keys[s.name]) is None:
                needed.update(s.needs)
        return active[::-1], keys

    def _cached(self, ctx: RunContext, stage: Any, key: bytes | None) -> Any:
        """The stage's result from the cache (checked), or None."""
        if stage.name in self.loaded:
            return self.loaded[stage.name]
        data = ctx.cache.get(stage.name, key) if ctx.cache is not None and key is not None \
            else None
        result = None
        if data is not None:
            try:
                result = stage.decode(data)
            except (ValueError, KeyError, TypeError, AttributeError):
                ctx.cache.bad(stage.name)  # type: ignore[union-attr]
        self.loaded[stage.name] = result
        return result

    def run(self, ctx: RunContext) -> RunContext:
        self.loaded: dict[str, Any] = {}
        active, keys = self.plan(ctx)
        started = []
        try:
            for s in active:
                if hasattr(s, "start"):
                    s.start(ctx, active)
                    started.append(s)
            for s in active:
                self._one(ctx, s, keys[s.name])
        finally:
            for s in started:
                s.close()
        return ctx

    def _one(self, ctx: RunContext, stage: Any, key: bytes | None) -> None:
        t0 = time.perf_counter()
        gc_paused = paused_gc() if getattr(stage, "pause_gc", False) else nullcontext()
        shown = self.progress(stage.progress, stage.total(ctx)) if stage.progress \
            else no_progress("", None)
        with gc_paused, shown as advance:
            ctx.advance = advance
            result = self.loaded.pop(stage.name, None)
            if result is not None:
                ctx.reused.append(stage.name)
            else:
                result = stage.compute(ctx)
                if ctx.cache is not None and key is not None:
                    ctx.cache.put(stage.name, key, stage.encode(result))
            ctx.results[stage.name] = result
            ctx.written[stage.name] = stage.write(ctx, result)
        ctx.timings[stage.name] = ctx.timings.get(stage.name, 0.0) + time.perf_counter() - t0
        release_memory()
