"""The analysis run: a short list of stages (:mod:`innonlp.run.stages`) run by one
:class:`~innonlp.run.runner.StageRunner` into a :class:`~innonlp.runfolder.RunFolder`.

``manifest.json`` is written last and removed first, so a run folder without it is never
mistaken for a complete run.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..codebook.options import StructureOptions
from ..config import IngestConfig
from ..ingest.run import IngestResult, ProgressFn
from ..io import write_json
from ..nlp.loader import NorwegianNLP
from ..parallel import ExecutionPolicy
from ..runfolder import MANIFEST, RUN_INFO, RunFolder
from ..themes.params import ThemeParams
from .runinfo import run_info
from .runner import ProgressFactory, RunContext, RunOptions, StageRunner
from .stagecache import StageCache
from .stages import ingest_result, stages_for, validate_options

DEFAULT_STAGES = ("ingest", "standard", "nlp", "stance", "themes", "report")


@dataclass
class RunResult:
    out: Path
    ingest: IngestResult
    manifest: dict[str, Any]
    analyses: list[Any] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return int(self.manifest["counts"]["failed"])


def run_ingest(inputs: Iterable[str | Path], out: str | Path,
               config: IngestConfig | None = None, strict: bool = False,
               progress: ProgressFn | None = None) -> RunResult:
    """``innonlp ingest``: read inputs and write submissions, segments and the manifest."""
    return analyze(inputs, out, config=config, strict=strict, progress=progress,
                   stages=("ingest", "standard"))


def analyze(inputs: Iterable[str | Path], out: str | Path, config: IngestConfig | None = None,
            strict: bool = False, summary: str | Path | None = None,
            progress: ProgressFn | None = None, stages: tuple[str, ...] = DEFAULT_STAGES,
            nlp: str = "auto", batch_size: int = 256, jobs: int = 1,
            log: Callable[[str], None] | None = None, themes: ThemeParams | None = None,
            edits: str | Path | None = None, stage: ProgressFactory | None = None,
            cache: str | Path | None = None, engine: str = "local",
            scheduler: str | None = None, policy: ExecutionPolicy | None = None,
            ignore_edits: bool = False, codebook: str | Path | None = None,
            closed_column: str | None = None, count_endorsements: bool = False,
            structure: StructureOptions | None = None) -> RunResult:
    """Run the stages on ``inputs`` and write the run folder ``out``.

    Stages: ingest (submissions, segments, campaigns), written standard, the Norwegian
    language layer (``nlp``: tier ``auto|embedded|<spaCy pipeline>``, recorded with its
    reason), themes, with ``summary`` the comparison with that human-written summary, and
    the reports (with ``edits``, an ``edits.toml`` carried over by matching themes).
    ``cache``: the cache file (None: no cache). ``jobs``/``engine``/``scheduler`` (or a
    ready ``policy``) say how work runs side by side; the output does not depend on them.
    ``codebook``: seeds (a TOML codebook or the consultation document) the themes start
    from; ``closed_column``: a closed question to cross-tabulate with the themes;
    ``count_endorsements``: count a submission that joins another body's answer in that
    body's themes (or all three as a ready ``structure``).
    """
    policy = policy or ExecutionPolicy(jobs=jobs, engine=engine, scheduler=scheduler)
    options = RunOptions(stages, config or IngestConfig(), strict, nlp, batch_size,
                         themes or ThemeParams(), _path(summary), _path(edits), _path(cache),
                         ignore_edits, structure or StructureOptions(
                             _path(codebook), closed_column, count_endorsements))
    # the tier is resolved before anything is written: a missing model fails fast
    layer = NorwegianNLP(nlp=nlp, batch_size=batch_size) if "nlp" in stages else None
    for c in (layer.choices.values() if layer is not None else ()):
        (log or _quiet)(f"Language pipeline for {c.standard}: {c.model} ({c.tier}) — "
                        f"{c.reason}")
    folder, paths = RunFolder(Path(out)), [Path(p) for p in inputs]
    folder.check_inputs(paths)
    folder.require_some_input(paths)
    validate_options(options, folder.path)  # before the earlier run in the folder is removed
    with folder.locked():
        folder.prepare()
        return _run(paths, folder, options, policy, layer, log, progress, stage)


def _run(paths: list[Path], folder: RunFolder, options: RunOptions, policy: ExecutionPolicy,
         layer: NorwegianNLP | None, log: Callable[[str], None] | None,
         progress: ProgressFn | None, stage: ProgressFactory | None) -> RunResult:
    ctx = RunContext(paths, folder, options, policy, layer,
                     StageCache(options.cache, warn=_warner(log))
                     if options.cache is not None else None,
                     log or (lambda msg: None), progress)
    try:
        StageRunner(stages_for(options.stages, options.summary is not None), stage).run(ctx)
    finally:
        if ctx.cache is not None:
            ctx.cache.close()
    return _finish(ctx)


def _quiet(msg: str) -> None:
    return None


def _warner(log: Callable[[str], None] | None) -> Callable[[str], None]:
    """Warnings go to ``log`` when there is one, else to standard error (one line)."""
    return log or (lambda msg: print(msg, file=sys.stderr))


def _path(p: str | Path | None) -> Path | None:
    return Path(p) if p is not None else None


def _finish(ctx: RunContext) -> RunResult:
    """The manifest's run-level parts, ``run.json``, and ``manifest.json`` last."""
    m, opts = ctx.manifest, ctx.options
    m["seconds"] = round(time.perf_counter() - ctx.started, 3)
    m["execution"] = ctx.policy.describe()
    if ctx.cache is not None:
        m["cache"] = {**ctx.cache.record(), "stages_reused": ctx.reused,
                      "stages_skipped": [n for n in opts.stages if n not in ctx.results]}
    if opts.summary is not None and "summary" not in m:
        m["summary"] = {"path": str(opts.summary),
                        "status": "not compared: the themes stage did not run"}
    for name, key in (("nlp", "nlp"), ("themes", "themes"), ("compare", "summary"),
                      ("report", "reports")):
        if name in ctx.timings and isinstance(m.get(key), dict):
            m[key]["seconds"] = round(ctx.timings[name], 2)
    themes = ctx.results.get("themes")
    params = {"stages": list(opts.stages), "nlp": opts.nlp,
              "ingest": m["settings"]["ingest"],
              "themes": themes.doc.get("params") if themes is not None else None,
              "compare": ctx.results["compare"].doc.get("params")
              if "compare" in ctx.results else None,
              "summary": _str(opts.summary), "edits": _str(opts.edits),
              "execution": ctx.policy.describe()}
    write_json(ctx.folder / RUN_INFO, run_info(m, ctx.timings, params))
    write_json(ctx.folder / MANIFEST, m)
    nlp = ctx.results.get("nlp")
    return RunResult(ctx.folder.path, ingest_result(ctx), m,
                     nlp.analyses if nlp is not None else [])


def _str(p: Path | None) -> str | None:
    return str(p) if p is not None else None
