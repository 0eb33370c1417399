"""The themes stage: themes, sub-themes, key phrases, quotes (seeded from a codebook with
``--codebook``), their stance, and the consultation's structure (who said what, per
question, a closed question, endorsements); ``themes.json``/``.csv`` and the theme columns
of the Parquet tables."""

from __future__ import annotations

from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import pandas as pd

from .. import runfolder as rf
from ..codebook.options import StructureOptions
from ..ingest.run import IngestResult
from ..themes.result import ThemesResult
from .common import ingest_result, input_key
from .runner import RunContext
from .stagecache import derived_key


class ThemesStage:
    """Themes, sub-themes, key phrases, quotes; ``themes.json``/``.csv`` and the theme
    columns of the Parquet tables."""

    name, needs, progress = "themes", ("standard", "nlp", "stance"), "Finding themes"
    writes = (rf.THEMES_JSON, rf.THEMES_CSV, rf.SEGMENTS, rf.SUBMISSIONS)
    pause_gc = True

    def key(self, ctx: RunContext) -> bytes | None:
        if ctx.cache is None or ctx.layer is None:
            return None
        return derived_key(input_key(ctx), ctx.layer.record()["pipelines"],
                           asdict(ctx.options.themes), _codebook_key(ctx.options.structure))

    def total(self, ctx: RunContext) -> int | None:
        return None

    def encode(self, result: ThemesResult) -> dict[str, Any]:
        return result.to_data()

    def decode(self, data: Any) -> ThemesResult:
        return ThemesResult.from_data(data)

    def compute(self, ctx: RunContext) -> ThemesResult:
        res, nlp = ingest_result(ctx), ctx.results["nlp"]
        stance = ctx.results.get("stance")
        quiet = stance.no_comments if stance is not None else set()
        keep = [i for i, s in enumerate(res.segments) if s.submission_id not in quiet]
        whole = len(keep) == len(res.segments)
        segs = res.segments if whole else [res.segments[i] for i in keep]
        analyses = nlp.analyses if whole else [nlp.analyses[i] for i in keep]
        if ctx.options.structure.codebook is not None:
            found = _seeded(ctx, segs, analyses, res)
        else:
            from ..themes.build import find_themes  # scikit-learn: only when clustering

            found = find_themes(segs, analyses, res.submissions, ctx.options.themes,
                                policy=ctx.policy,
                                features=nlp.part_features if whole else None)
        if not whole:  # "ingen merknader" answers are a bucket of their own, never clustered
            found = with_bucket(found, keep, len(res.segments))
        return replace(found, nlp=nlp.record)

    def write(self, ctx: RunContext, result: ThemesResult) -> tuple[pd.DataFrame, Any]:
        from ..codebook.views import add_structure

        ctx.advance(1)
        ctx.timings.update({f"themes.{k}": v for k, v in result.seconds.items()})
        if "nlp" not in ctx.results:  # the language layer was not needed: say what made them
            ctx.manifest["nlp"] = {**(result.nlp or {}), "reused_from_cache": True}
        res = ingest_result(ctx)
        if "stance" in ctx.results:
            add_theme_stances(result, res, ctx.results["stance"])
        notes = add_structure(result, res.segments, res.submissions,
                              ctx.options.structure, ctx.results.get("stance"))
        frames = write_themes_files(result, ctx.folder)
        ctx.manifest["themes"] = {"n_themes": len(result.doc["themes"]),
                                  "outlier_share": result.doc["outliers"]["share_of_segments"],
                                  "choice": result.doc["choice"]}
        if "codebook" in result.doc:
            cb = result.doc["codebook"]
            ctx.manifest["codebook"] = {k: cb[k] for k in (
                "source", "kind", "n_seeds", "empty_seeds", "n_segments_matched",
                "share_unmatched")}
        for note in notes:
            ctx.manifest.setdefault("warnings", []).append(note)
            ctx.log(note)
        return frames


def _codebook_key(s: StructureOptions) -> Any:
    """The codebook's content and the match settings (None without a codebook)."""
    if s.codebook is None:
        return None
    import hashlib

    return [hashlib.sha256(Path(s.codebook).read_bytes()).hexdigest(), asdict(s.match)]


def _seeded(ctx: RunContext, segs: list[Any], analyses: list[Any], res: IngestResult
            ) -> ThemesResult:
    """Seeds from the codebook first, then themes of what matched no seed."""
    from ..codebook.evaluate import seed_docs
    from ..codebook.model import read_codebook
    from ..codebook.seeded import SeedInput, seeded_themes

    s = ctx.options.structure
    assert s.codebook is not None and ctx.layer is not None
    book = read_codebook(s.codebook)
    docs = tuple(tuple(d) for d in seed_docs(ctx.layer, book))
    ctx.log(f"Codebook {Path(s.codebook).name}: {len(book.seeds)} seeds ({book.kind}).")
    return seeded_themes(segs, analyses, res.submissions, ctx.options.themes,
                         SeedInput(book, docs, s.match), policy=ctx.policy)


def with_bucket(found: ThemesResult, keep: list[int], n: int) -> ThemesResult:
    """The themes of the segments ``keep`` (of ``n``) with the others in the "ingen
    merknader" bucket: per-segment columns of full length, the bucket in ``themes.json``."""
    from ..stance.apply import NO_COMMENTS, NO_COMMENTS_LABEL

    fill = {"theme_id": None, "bucket": NO_COMMENTS, "subtheme_id": None,
            "theme_similarity": 0.0, "x": float("nan"), "y": float("nan"), "seed_ids": "",
            "seed_scores": "", "seed_matched_by": ""}
    cols = {}
    for col, values in found.segments.items():
        full = [fill.get(col)] * n
        for i, v in zip(keep, values, strict=True):
            full[i] = v
        cols[col] = full
    doc = dict(found.doc)
    doc["n_segments"] = n
    doc[NO_COMMENTS] = {"label": NO_COMMENTS_LABEL, "n_segments": n - len(keep)}
    return replace(found, doc=doc, segments=cols)


def memberships(columns: dict[str, list[Any]]) -> list[tuple[str, ...]]:
    """Every theme each segment is in: all its seeds, else its found theme, else none
    (the ids of :func:`~innonlp.codebook.views.segment_memberships`, in its order)."""
    from ..codebook.views import segment_memberships

    return [tuple(m) for m in segment_memberships(columns)]


def add_theme_stances(result: ThemesResult, res: IngestResult, stance: Any) -> None:
    """Per theme in ``themes.json``: ``stance`` (counts, shares, per respondent type, the
    controversy score 2·min(share for, share against)) with one quote per side; a segment
    in several seeds counts in each."""
    from ..stance.apply import NO_COMMENTS, theme_rows
    from ..stance.rollup import theme_stances

    respondent = {s.id: s.respondent_type for s in res.submissions}
    member = memberships(result.segments)
    width = max((len(m) for m in member), default=0)
    rows = []
    for k in range(width):  # one pass per membership slot (1 without a codebook)
        rows += theme_rows(stance, res.segments, [m[k] if len(m) > k else None
                                                  for m in member], respondent)
    per = theme_stances(rows)
    quiet = stance.no_comments
    if NO_COMMENTS in result.doc:
        result.doc[NO_COMMENTS]["n_submissions"] = len(quiet)
        result.doc[NO_COMMENTS]["submission_ids"] = sorted(quiet)
    for theme in result.doc["themes"]:
        ts = per.get(theme["id"])
        if ts is None:
            continue
        theme["stance"] = {
            "n_submissions": ts.n, "counts": ts.counts, "shares": ts.shares,
            "respondent_types": ts.by_respondent, "controversy": ts.controversy,
            "quote_for": _side(ts.quote_for), "quote_against": _side(ts.quote_against)}


def _side(quote: tuple[str, str] | None) -> dict[str, str] | None:
    return None if quote is None else {"submission_id": quote[0], "sentence": quote[1]}


def write_themes_files(result: ThemesResult, folder: rf.RunFolder
                       ) -> tuple[pd.DataFrame, Any]:
    """Write the theme files and columns (the ingest tables read back from the folder)."""
    from ..themes.outputs import write_themes

    return write_themes(result, pd.read_parquet(folder / rf.SEGMENTS), folder.path,
                        pd.read_parquet(folder / rf.SUBMISSIONS))
