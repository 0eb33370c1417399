"""The stages of an analysis run, in order: ingest, standard, nlp, themes, compare, report.

Each is a small object for :class:`~innonlp.run.runner.StageRunner` (see its docstring for
the contract). Results are frozen dataclasses: :class:`~innonlp.ingest.run.IngestResult`
for ingest and standard, :class:`NlpResult`, :class:`~innonlp.themes.result.ThemesResult`,
:class:`CompareResult`, and the reports' record.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from .. import runfolder as rf
from ..ingest import codec
from ..ingest.frames import segments_frame, submissions_frame
from ..ingest.run import IngestResult, ingest
from ..io import write_parquet
from ..nlp.analysis import analyze_segments
from ..nlp.cache import AnalysisCache
from ..nlp.standard import annotate_standards
from .common import CompareResult, NlpResult, ingest_result, input_key
from .manifest import build_manifest
from .runner import RunContext
from .stagecache import derived_key
from .themes_stage import ThemesStage


class IngestStage:
    """Read every input, clean, segment, find campaigns, mask personal data."""

    name, needs, writes, progress = "ingest", (), (), None
    pause_gc = True

    def key(self, ctx: RunContext) -> bytes | None:
        return None  # the standard stage's entry holds what ingest produced

    def total(self, ctx: RunContext) -> int | None:
        return None

    def compute(self, ctx: RunContext) -> IngestResult:
        finder = orgs = None
        if ctx.layer is not None:
            from ..nlp.persons import organisation_finder, person_finder

            orgs = organisation_finder(ctx.layer)  # bodies named only in the text
            if not ctx.options.config.keep_personal_data:
                finder = person_finder(ctx.layer)  # names in private persons' texts → [navn]
        return ingest(ctx.inputs, ctx.options.config, strict=ctx.options.strict,
                      progress=ctx.ingest_progress, policy=ctx.policy, name_finder=finder,
                      org_finder=orgs)

    def write(self, ctx: RunContext, result: IngestResult) -> None:
        return None


class StandardStage:
    """Bokmål, Nynorsk or another language per submission and segment; writes the ingest
    tables (``submissions.parquet``, ``segments.parquet``) and starts the manifest."""

    name, needs, progress = "standard", ("ingest",), None
    writes = (rf.SUBMISSIONS, rf.SEGMENTS)
    pause_gc = True

    def key(self, ctx: RunContext) -> bytes | None:
        return input_key(ctx) if ctx.cache is not None else None

    def total(self, ctx: RunContext) -> int | None:
        return None

    def encode(self, result: IngestResult) -> dict[str, Any]:
        return codec.to_data(result)

    def decode(self, data: Any) -> IngestResult:
        return codec.from_data(data)

    def compute(self, ctx: RunContext) -> IngestResult:
        res = ctx.results["ingest"]
        subs, segs = annotate_standards(res.submissions, res.segments,
                                        executor=ctx.policy.executor())
        return replace(res, submissions=subs, segments=segs)

    def write(self, ctx: RunContext, result: IngestResult) -> None:
        n_segments = Counter(s.submission_id for s in result.segments)
        # the frames are dropped here and read back by the themes stage: held through the
        # language and themes stages they would cost almost as much memory as the analyses
        write_parquet(ctx.folder / rf.SUBMISSIONS, submissions_frame(result.submissions,
                                                                      n_segments))
        write_parquet(ctx.folder / rf.SEGMENTS, segments_frame(result.segments))
        ctx.manifest.update(build_manifest(result, ctx.options.config, 0.0,
                                           list(ctx.options.stages)))


class NlpStage:
    """The Norwegian language layer over every segment (cached per segment by content)."""

    name, needs, writes = "nlp", ("standard",), ()
    progress = "Language analysis (segments)"

    def __init__(self) -> None:
        self.pool: Any = None

    def key(self, ctx: RunContext) -> bytes | None:
        return None  # per-segment cache (innonlp.nlp.cache), not a stage entry

    def total(self, ctx: RunContext) -> int | None:
        return len(ingest_result(ctx).segments)

    def start(self, ctx: RunContext, active: list[Any]) -> None:
        """Big inputs: the language-layer workers start now and load their pipelines while
        ingest runs (a local engine with several jobs only)."""
        p = ctx.policy
        if ctx.layer is None or p.engine != "local" or p.jobs < 2 \
                or p.executor().jobs < 2 or _input_bytes(ctx.inputs, p.early_start_bytes) \
                < p.early_start_bytes:
            return
        from .pool import AnalysisPool

        self.pool = AnalysisPool(ctx.layer, p, start_now=True)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None

    def compute(self, ctx: RunContext) -> NlpResult:
        assert ctx.layer is not None, "the nlp stage needs a language layer"
        segments = ingest_result(ctx).segments
        if ctx.policy.engine == "dask":
            from ..parallel import DaskExecutor
            from .dask_engine import analyze_segments_dask

            executor = DaskExecutor(ctx.policy)
            try:
                analyses, record, parts = analyze_segments_dask(
                    segments, ctx.layer, executor, progress=ctx.advance,
                    features="themes" in ctx.options.stages)
            finally:
                executor.close()
            return NlpResult(analyses, record, parts)
        parallel = self.pool
        if parallel is None and ctx.policy.jobs > 1 and ctx.policy.executor().jobs > 1:
            from .pool import AnalysisPool

            parallel = self.pool = AnalysisPool(ctx.layer, ctx.policy)
        store = AnalysisCache(ctx.options.cache) if ctx.options.cache is not None else None
        try:
            analyses, record = analyze_segments(segments, ctx.layer, ctx.advance, store,
                                                parallel)
        finally:
            if store is not None:
                store.close()
        return NlpResult(analyses, record)

    def write(self, ctx: RunContext, result: NlpResult) -> None:
        ctx.manifest["nlp"] = result.record


def _input_bytes(inputs: list[Path], enough: int) -> int:
    total = 0
    for root in inputs:
        try:
            total += sum(f.stat().st_size for f in root.rglob("*") if f.is_file()) \
                if root.is_dir() else root.stat().st_size
        except OSError:
            continue  # ingest reports unreadable inputs
        if total >= enough:
            break
    return total


class StanceStage:
    """Who supports, who opposes, who has no comments: per segment and submission, with
    the deciding sentence (``stance``, ``stance_evidence`` in both Parquet tables)."""

    name, needs, progress = "stance", ("standard",), None
    writes = (rf.SEGMENTS, rf.SUBMISSIONS)
    pause_gc = True

    def key(self, ctx: RunContext) -> bytes | None:
        return derived_key(input_key(ctx), "stance") if ctx.cache is not None else None

    def total(self, ctx: RunContext) -> int | None:
        return None

    def encode(self, result: Any) -> dict[str, Any]:
        return result.to_data()

    def decode(self, data: Any) -> Any:
        from ..stance.apply import StanceResult

        return StanceResult.from_data(data)

    def compute(self, ctx: RunContext) -> Any:
        from ..stance.apply import analyse_stance

        res = ingest_result(ctx)
        return analyse_stance(res.segments, res.submissions,
                              ctx.policy.executor(len(res.segments)))

    def write(self, ctx: RunContext, result: Any) -> None:
        from ..stance.apply import overview

        res = ingest_result(ctx)
        if len(result.segments) != len(res.segments):
            raise ValueError("stance result and segments differ in length")
        segs = pd.read_parquet(ctx.folder / rf.SEGMENTS)
        segs["stance"] = [u.stance for u in result.segments]
        segs["stance_evidence"] = [u.evidence for u in result.segments]
        write_parquet(ctx.folder / rf.SEGMENTS, segs)
        subs = pd.read_parquet(ctx.folder / rf.SUBMISSIONS)
        units = [result.submissions.get(i) for i in subs["id"]]
        subs["stance"] = [u.stance if u else "uklart" for u in units]
        subs["stance_evidence"] = [u.evidence if u else None for u in units]
        subs["stance_evidence_segment"] = [u.segment_id if u else None for u in units]
        subs["stance_rule"] = [u.rule if u else "" for u in units]
        write_parquet(ctx.folder / rf.SUBMISSIONS, subs)
        ctx.manifest["stance"] = overview(result, res.submissions)


class CompareStage:
    """The themes against a human-written summary (``--summary``)."""

    name, needs, progress = "compare", ("themes", "nlp"), None
    writes = (rf.COMPARISON_JSON, rf.COMPARISON_MD)

    def key(self, ctx: RunContext) -> bytes | None:
        return None

    def total(self, ctx: RunContext) -> int | None:
        return None

    def compute(self, ctx: RunContext) -> CompareResult:
        from ..compare.run import compare_with_summary

        assert ctx.layer is not None and ctx.options.summary is not None
        seg_frame, _ = ctx.written["themes"]
        return CompareResult(compare_with_summary(ctx.options.summary,
                                                  ctx.results["themes"].doc, seg_frame,
                                                  ctx.layer, ctx.results["nlp"].analyses))

    def write(self, ctx: RunContext, result: CompareResult) -> None:
        from ..compare.run import write_comparison

        write_comparison(result.doc, ctx.folder.path)
        fig = result.doc["figures"]
        ctx.manifest["summary"] = {"path": str(ctx.options.summary), "status": "compared",
                                   "theme_recall": fig["theme_recall"],
                                   "weighted_coverage": fig["weighted_coverage"]}


class ReportStage:
    """``report.md``, ``report.docx``, ``report.html``, ``themes.xlsx`` (with the analyst's
    edits when ``--edits`` is given)."""

    name, needs, progress = "report", ("themes",), None
    writes = rf.REPORTS
    pause_gc = True

    def key(self, ctx: RunContext) -> bytes | None:
        return None

    def total(self, ctx: RunContext) -> int | None:
        return None

    def compute(self, ctx: RunContext) -> dict[str, Any]:
        from ..report.build import write_reports
        from ..report.edits import carry_edits
        from ..report.run import Run

        seg_frame, sub_frame = ctx.written["themes"]
        comparison = ctx.results.get("compare")
        run = Run(ctx.folder.path, ctx.manifest, ctx.results["themes"].doc, seg_frame,
                  sub_frame, comparison.doc if comparison is not None else None)
        edits, note = _edits_for(ctx)
        if edits is not None:
            run = carry_edits(run, edits)
        record = write_reports(run, executor=ctx.policy.executor())
        if note is not None:
            record["edits"] = note
        _say_edits(ctx, edits, record)
        return record

    def write(self, ctx: RunContext, result: dict[str, Any]) -> None:
        ctx.manifest["reports"] = result


def _edits_for(ctx: RunContext) -> tuple[Path | None, dict[str, Any] | None]:
    """The edits a run applies: ``--edits``, else the run folder's ``edits.toml`` (not with
    ``--ignore-edits``: then the record says so)."""
    own = ctx.folder / rf.EDITS
    if ctx.options.edits is not None:
        return ctx.options.edits, None
    if not own.is_file():
        return None, None
    if ctx.options.ignore_edits:
        return None, {"ignored": str(own), "reason": "--ignore-edits"}
    return own, None


def _say_edits(ctx: RunContext, edits: Path | None, record: dict[str, Any]) -> None:
    """One line on what became of the analyst's edits."""
    rec = record.get("edits") or {}
    if "ignored" in rec:
        ctx.log(f"Edits in {rec['ignored']} not applied (--ignore-edits).")
    elif edits is not None:
        ctx.log(f"Edits from {edits} applied: {rec.get('applied', 0)}, not applied: "
                f"{len(rec.get('not_applied', []))} (see edits_applied.json; with this "
                f"run's ids in {rec.get('translated_file')}).")


def stages_for(names: tuple[str, ...], summary: bool) -> list[Any]:
    """The stage objects for a run of ``names`` (compare only with a summary)."""
    make = {"ingest": IngestStage, "standard": StandardStage, "nlp": NlpStage,
            "stance": StanceStage, "themes": ThemesStage, "compare": CompareStage,
            "report": ReportStage}
    order = [n for n in make if n in names or (n == "compare" and summary
                                                and "themes" in names)]
    return [make[n]() for n in order]


SUMMARY_FORMATS = (".txt", ".md", ".docx", ".pdf")


def validate_options(options: Any, folder: Path | None = None) -> None:
    """Check the summary and the edits file before anything is written or removed (a bad
    one must not cost the user the earlier run in the folder)."""
    from ..errors import ConfigError

    if options.summary is not None:
        s = options.summary
        if not s.is_file():
            raise ConfigError(f"--summary file {str(s)!r} does not exist.")
        if s.suffix.lower() not in SUMMARY_FORMATS:
            raise ConfigError(f"--summary must be a {', '.join(SUMMARY_FORMATS)} file. Got "
                              f"{str(s)!r} instead.")
    structure = getattr(options, "structure", None)
    if structure is not None and structure.codebook is not None:
        from ..codebook.model import read_codebook

        read_codebook(structure.codebook)  # a missing or malformed codebook: one error, now
    if options.edits is not None:
        from ..report.edits import read_edits

        if not options.edits.is_file():
            raise ConfigError(f"--edits file {str(options.edits)!r} does not exist.")
        read_edits(options.edits)  # a malformed file is one clear error, now
    own = folder / rf.EDITS if folder is not None else None
    if options.edits is None and not options.ignore_edits and own is not None \
            and own.is_file():
        from ..report.edits import read_edits

        read_edits(own)  # the run folder's edits.toml is applied: check it now
