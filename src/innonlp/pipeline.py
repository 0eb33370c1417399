"""The analysis run: the stages in order, writing a run folder atomically.

``manifest.json`` is written last and removed first, so a run folder without it is never
mistaken for a complete run.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .config import IngestConfig
from .errors import ConfigError
from .frames import segments_frame, submissions_frame
from .ingest.run import IngestResult, ProgressFn, ingest
from .io import write_json, write_parquet
from .manifest import build_manifest
from .nlp.analysis import analyze_segments
from .nlp.cache import AnalysisCache
from .nlp.loader import NorwegianNLP
from .nlp.stagecache import StageCache, derived_key, inputs_key
from .nlp.standard import annotate_standards
from .perf import paused_gc, release_memory
from .report.build import write_reports
from .report.edits import carry_edits
from .report.run import Run
from .runinfo import run_info
from .themes.outputs import write_themes
from .themes.params import ThemeParams

StageFn = Callable[[str, "int | None"], AbstractContextManager[Callable[[int], None]]]


@contextmanager
def _no_stage(label: str, total: int | None) -> Iterator[Callable[[int], None]]:
    yield lambda n: None


RUN_INFO = "run.json"
# files a run writes (edits.toml is the analyst's and stays)
OUTPUTS = ("run.json", "submissions.parquet", "segments.parquet", "themes.json", "themes.csv",
           "comparison.json", "comparison.md", "report.md", "report.docx", "report.html",
           "themes.xlsx", "edits_applied.json")
DEFAULT_STAGES = ("ingest", "standard", "nlp", "themes", "report")

COMPLETION_MARKER = "manifest.json"


@dataclass
class RunResult:
    out: Path
    ingest: IngestResult
    manifest: dict[str, Any]
    analyses: list[Any] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return int(self.manifest["counts"]["failed"])


def _prepare_out(out: Path) -> None:
    """The run folder, with what an earlier run there left removed: its manifest first (so
    the folder never looks complete while this run works), then its other outputs and any
    temporary files of a run that was killed."""
    out.mkdir(parents=True, exist_ok=True)
    (out / COMPLETION_MARKER).unlink(missing_ok=True)
    for name in OUTPUTS:
        (out / name).unlink(missing_ok=True)
    for tmp in out.glob(".*.tmp"):
        tmp.unlink(missing_ok=True)


@contextmanager
def _timed(timings: dict[str, float], name: str) -> Iterator[None]:
    t = time.perf_counter()
    try:
        yield
    finally:
        timings[name] = time.perf_counter() - t


EARLY_POOL_BYTES = 4_000_000  # inputs this big start the language-layer workers early


def _input_bytes(inputs: list[str | Path]) -> int:
    total = 0
    for item in inputs:
        root = Path(item)
        try:
            total += sum(f.stat().st_size for f in root.rglob("*") if f.is_file()) \
                if root.is_dir() else root.stat().st_size
        except OSError:
            continue  # ingest reports unreadable inputs
        if total >= EARLY_POOL_BYTES:
            break
    return total


def _early_pool(layer: NorwegianNLP | None, n_process: int, inputs: list[str | Path]
                ) -> Any:
    if layer is None or n_process < 2 or _input_bytes(inputs) < EARLY_POOL_BYTES:
        return None
    from .engine.pool import EarlyPool

    return EarlyPool(layer, n_process)


def write_ingest_outputs(result: IngestResult, out: Path
                         ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Write submissions.parquet and segments.parquet; return (segments, submissions) as
    frames. (``analyze`` drops them and reads the files back for the themes columns: held
    through the language and themes stages they would cost almost as much memory as the
    analyses.)"""
    n_segments = Counter(s.submission_id for s in result.segments)
    subs = submissions_frame(result.submissions, n_segments)
    segs = segments_frame(result.segments)
    write_parquet(out / "submissions.parquet", subs)
    write_parquet(out / "segments.parquet", segs)
    return segs, subs


def run_ingest(inputs: Iterable[str | Path], out: str | Path,
               config: IngestConfig | None = None, strict: bool = False,
               progress: ProgressFn | None = None) -> RunResult:
    """``innonlp ingest``: read inputs and write submissions, segments and the manifest."""
    return analyze(inputs, out, config=config, strict=strict, progress=progress,
                   stages=("ingest", "standard"))


def analyze(inputs: Iterable[str | Path], out: str | Path, config: IngestConfig | None = None,
            strict: bool = False, summary: str | Path | None = None,
            progress: ProgressFn | None = None,
            stages: tuple[str, ...] = DEFAULT_STAGES, nlp: str = "auto",
            batch_size: int = 256, n_process: int = 1,
            log: Callable[[str], None] | None = None,
            themes: ThemeParams | None = None,
            edits: str | Path | None = None,
            stage: StageFn | None = None,
            cache: str | Path | None = None, engine: str = "local",
            scheduler: str | None = None) -> RunResult:
    """Run the analysis stages on ``inputs`` and write the run folder ``out``.

    Stages so far: ingest (submissions, segments, campaigns, manifest), written-standard
    detection (nb/nn/other per submission and segment, shares in the manifest) and the
    Norwegian language layer (``nlp``: tier ``auto|embedded|<spaCy pipeline>``; which
    pipeline ran for each standard, and why, goes into the manifest and to ``log``) and
    themes (``themes.json``, ``themes.csv``, theme columns in ``segments.parquet``).
    With ``summary`` the themes are compared with that human-written summary
    (``comparison.json``, ``comparison.md``). The report stage writes ``report.md``,
    ``report.docx``, ``report.html`` and ``themes.xlsx``; with ``edits`` (an ``edits.toml``
    written for this or an earlier run) the analyst's edits are carried over by matching
    themes, shown in the exports, saved with this run's theme ids as ``edits.toml`` in the
    run folder, and the edits that could not be applied are listed in the manifest.
    ``cache`` is the path of the language-layer cache (None: no cache); ``n_process`` runs
    the language layer in that many processes, with the same output. ``engine="dask"`` runs
    the language layer on the Dask cluster at ``scheduler`` (or on a local cluster of
    ``max(n_process, 2)`` workers), with the same output; the workers then also find the
    themes stage's per-segment features; the cache applies to the local engine only.
    """
    if engine not in ("local", "dask"):
        raise ConfigError(f"--engine must be local or dask. Got {engine!r} instead.")
    if engine == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError as exc:
            raise ConfigError("--engine dask needs dask.distributed: pip install "
                              "'innonlp[dask]'") from exc
    cfg = config or IngestConfig()
    layer = NorwegianNLP(nlp=nlp, batch_size=batch_size, n_process=n_process) \
        if "nlp" in stages else None  # resolves the tier first: a missing model fails fast
    if layer is not None and log is not None:
        for c in layer.choices.values():
            log(f"Language pipeline for {c.standard}: {c.model} ({c.tier}) — {c.reason}")
    out_path = Path(out)
    _prepare_out(out_path)
    stage_fn = stage or _no_stage
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    inputs = list(inputs)
    stage_cache = StageCache(cache) if cache is not None else None
    reused: list[str] = []
    t_key = time.perf_counter()
    ikey = inputs_key(inputs, cfg, {"strict": strict}) if stage_cache else b""
    t_key = time.perf_counter() - t_key  # hashing the inputs is part of ingest's time
    tkey = derived_key(ikey, layer.record()["pipelines"] if layer else None,
                       asdict(themes or ThemeParams()))
    themes_known = bool(stage_cache and layer is not None and "themes" in stages
                        and stage_cache.has("themes", tkey))
    analyses: list[Any] = []
    part_features = None  # the themes stage's per-segment features, from Dask workers
    nlp_record = theme_record = doc = comparison = None
    # big inputs: the language-layer workers start now and load their pipelines while
    # ingest runs (not when the themes will come from the cache)
    pool = _early_pool(layer, n_process, inputs) \
        if engine == "local" and not (themes_known and summary is None) else None
    try:
        with _timed(timings, "ingest"), paused_gc():
            result = stage_cache.get("ingest", ikey) if stage_cache else None
            if result is None:
                result = ingest(inputs, cfg, strict=strict, progress=progress,
                                n_jobs=n_process)
                result.submissions, result.segments = annotate_standards(
                    result.submissions, result.segments, n_jobs=n_process)
                if stage_cache is not None:
                    stage_cache.put("ingest", ikey, result)
            else:
                reused.append("ingest")
            write_ingest_outputs(result, out_path)  # frames dropped: read back when needed
            release_memory()
        timings["ingest"] += t_key
        cached = (stage_cache.get("themes", tkey) if themes_known else None)
        if cached is not None and summary is None:
            # the themes are known and nothing else needs the language analyses
            nlp_record = {**cached["nlp"], "reused_from_cache": True}
            reused.append("nlp")
        elif layer is not None:
            with _timed(timings, "nlp"), stage_fn("Language analysis (segments)",
                                                  len(result.segments)) as advance:
                if engine == "dask":
                    from .engine.dask_engine import analyze_segments_dask

                    analyses, nlp_record, part_features = analyze_segments_dask(
                        result.segments, layer, scheduler, n_workers=max(n_process, 2),
                        progress=advance, features="themes" in stages)
                else:
                    store = AnalysisCache(cache) if cache is not None else None
                    try:
                        analyses, nlp_record = analyze_segments(result.segments, layer, advance,
                                                                store, pool)
                    finally:
                        if store is not None:
                            store.close()
                release_memory()
    finally:
        if pool is not None:
            pool.close()
    if "themes" in stages and layer is not None:
        with _timed(timings, "themes"), paused_gc(), \
                stage_fn("Finding themes", None) as advance:
            if cached is not None:
                doc = cached["doc"]
                reused.append("themes")
            else:
                from .themes.build import find_themes  # scikit-learn: only when clustering

                doc = find_themes(result.segments, analyses, result.submissions, themes,
                                  n_jobs=n_process, features=part_features)
                part_features = None
                release_memory()
                steps = doc.pop("_seconds", {})
                timings.update({f"themes.{k}": v for k, v in steps.items()})
                if stage_cache is not None:
                    stage_cache.put("themes", tkey, {"doc": doc, "nlp": nlp_record})
            advance(1)
            # the ingest frames, read back (see write_ingest_outputs)
            seg_frame, sub_frame = write_themes(
                doc, pd.read_parquet(out_path / "segments.parquet"), out_path,
                pd.read_parquet(out_path / "submissions.parquet"))
        theme_record = {"n_themes": len(doc["themes"]),
                        "outlier_share": doc["outliers"]["share_of_segments"],
                        "choice": doc["choice"], "seconds": round(timings["themes"], 2)}
    manifest = build_manifest(result, cfg, time.perf_counter() - t0, list(stages))
    if nlp_record is not None:
        manifest["nlp"] = nlp_record
    if stage_cache is not None:
        stage_cache.close()
        manifest["cache"] = {"path": str(cache), "stages_reused": reused}
    if theme_record is not None:
        manifest["themes"] = theme_record
    if summary is not None and doc is not None and layer is not None:
        from .compare.run import compare_with_summary, write_comparison

        with _timed(timings, "compare"):
            comparison = compare_with_summary(summary, doc, seg_frame, layer, analyses)
            write_comparison(comparison, out_path)
        manifest["summary"] = {"path": str(summary), "status": "compared",
                               "theme_recall": comparison["figures"]["theme_recall"],
                               "weighted_coverage": comparison["figures"]["weighted_coverage"],
                               "seconds": round(timings["compare"], 2)}
    elif summary is not None:
        manifest["summary"] = {"path": str(summary),
                               "status": "not compared: the themes stage did not run"}
    if "report" in stages and doc is not None:
        with _timed(timings, "report"), paused_gc():
            run = Run(out_path, manifest, doc, seg_frame, sub_frame, comparison)
            if edits is not None:
                run = carry_edits(run, Path(edits))
            manifest["reports"] = write_reports(run, n_jobs=n_process)
        manifest["reports"]["seconds"] = round(timings["report"], 2)
    params = {"stages": list(stages), "nlp": nlp, "ingest": manifest["settings"]["ingest"],
              "themes": (doc or {}).get("params"),
              "compare": (comparison or {}).get("params"),
              "summary": str(summary) if summary is not None else None,
              "edits": str(edits) if edits is not None else None}
    write_json(out_path / RUN_INFO, run_info(manifest, timings, params))
    write_json(out_path / COMPLETION_MARKER, manifest)
    return RunResult(out_path, result, manifest, analyses)
