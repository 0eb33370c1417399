"""Views of a run for the notebooks, built from the same data the reports use: submissions
(never segments) per theme, formalia and the "ingen merknader" bucket left out, the stance
split per theme, and the run's own inputs and settings for a re-analysis."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pandas as pd

from ..config import ColumnMapping, IngestConfig
from .run import Run


def theme_submissions(run: Run, respondent_type: str | None = None) -> pd.DataFrame:
    """Submissions per (edited, relevant) theme, largest first; only theme segments count,
    never formalia, "Andre innspill" or "ingen merknader"."""
    seg = run.segments[run.segments["bucket"] == "theme"]
    seg = seg.merge(run.submissions[["id", "respondent_type"]], left_on="submission_id",
                    right_on="id", suffixes=("", "_sub"))
    if respondent_type is not None:
        seg = seg[seg["respondent_type"] == respondent_type]
    relevant = {t["id"]: t["label"] for t in run.relevant_themes}
    seg = seg[seg["theme_id"].isin(list(relevant))]
    counts = seg.groupby("theme_id")["submission_id"].nunique()
    return (pd.DataFrame({"id": counts.index, "label": [relevant[t] for t in counts.index],
                          "innspill": counts.to_numpy()})
            .sort_values(["innspill", "id"], ascending=[False, True]).reset_index(drop=True))


def stance_table(run: Run) -> pd.DataFrame:
    """Per theme: submissions for, against and the rest (themes.json ``stance``)."""
    rows = []
    for t in run.relevant_themes:
        s = t.get("stance") or {}
        rows.append({"id": t["id"], "label": t["label"], "innspill": t["n_submissions"],
                     **{f"{k}": v for k, v in (s.get("counts") or {}).items()},
                     "kontrovers": s.get("controversy")})
    return pd.DataFrame(rows)


def questions_table(run: Run) -> pd.DataFrame:
    """Per question (in order) and theme: submissions, segments and the stance counts
    (``themes.json`` ``questions``; empty without)."""
    rows = []
    for i, q in enumerate(run.themes_doc.get("questions") or [], start=1):
        for t in q.get("themes", []):
            counts = (t.get("stance") or {}).get("counts") or {}
            rows.append({"question_no": i, "question": q["question"], "id": t["id"],
                         "label": t.get("label"), "innspill": t["n_submissions"],
                         "tekstbiter": t["n_segments"], "n_quotes": len(t.get("quotes", [])),
                         **{f"stance: {k}": v for k, v in counts.items()}})
    return pd.DataFrame(rows)


def respondents_table(run: Run) -> pd.DataFrame:
    """Per theme the named bodies with their evidence, and one row counting its private
    persons (``respondents``; never a person's name)."""
    from .who import bodies, n_private, respondents

    rows = []
    for t in run.relevant_themes:
        if respondents(t) is None:
            continue
        rows += [{"id": t["id"], "label": t["label"], **b, "n": 1} for b in bodies(t)]
        if n_private(t):
            rows.append({"id": t["id"], "label": t["label"], "respondent_type": "privatperson",
                         "name": None, "submission_id": None, "evidence": None,
                         "n": n_private(t)})
    return pd.DataFrame(rows)


def seeds_table(run: Run) -> pd.DataFrame:
    """A codebook run's seeds in codebook order: their theme, counts, how matched, empty."""
    from .structure import seed_themes

    empty = {str(e) for e in (run.themes_doc.get("codebook") or {}).get("empty_seeds", [])}
    rows = []
    for seed, theme in seed_themes(run):
        t = theme or {}
        by = t.get("matched_by") or {}
        rows.append({"seed_id": seed.get("id"), "label": seed.get("label"),
                     "id": t.get("id"), "innspill": int(t.get("n_submissions") or 0),
                     "tekstbiter": int(t.get("n_segments") or 0),
                     **{f"matched_by: {k}": int(by.get(k) or 0)
                        for k in ("reference", "keyword", "similarity")},
                     "empty": str(seed.get("id")) in empty or not t.get("n_submissions")})
    return pd.DataFrame(rows)


def closed_table(run: Run) -> pd.DataFrame:
    """Themes × the closed question's answers (submissions; ``closed``), one column per
    answer."""
    c = run.themes_doc.get("closed")
    if not isinstance(c, dict) or not c.get("values"):
        return pd.DataFrame()
    values = [str(v) for v in c["values"]]
    rows = [[t["id"], t.get("label"), *(int((t.get("counts") or {}).get(v) or 0)
                                        for v in values)] for t in c.get("themes", [])]
    return pd.DataFrame(rows, columns=pd.Index(["id", "label", *values]))


def endorsements_table(run: Run) -> pd.DataFrame:
    """One row per submission that joins another body's answer (``endorsements``)."""
    e = run.themes_doc.get("endorsements")
    if not isinstance(e, dict):
        return pd.DataFrame()
    return pd.DataFrame([{"body": b["name"], "submission_id": sid,
                          "counted": bool(e.get("counted"))}
                         for b in e.get("bodies", []) for sid in b.get("submission_ids", [])])


def extra_views(run: Run) -> dict[str, pd.DataFrame]:
    """The per-question, who-said-what, seed, closed-question and endorsement views that
    this run has data for (``questions``, ``respondents``, ``seeded``, ``closed``,
    ``endorsements``); empty for a run without them."""
    views = {"questions": questions_table, "respondents": respondents_table,
             "seeded": seeds_table, "closed": closed_table,
             "endorsements": endorsements_table}
    out = {name: make(run) for name, make in views.items()}
    return {name: frame for name, frame in out.items() if len(frame)}


def rerun_inputs(run: Run) -> tuple[list[Path], IngestConfig]:
    """The run's own input files (those read, still on disk) and ingest settings."""
    files = [Path(i["input"]) for i in run.manifest.get("inputs", [])
             if i.get("status") == "processed" and Path(i["input"]).is_file()]
    info = run.path / "run.json"
    params = json.loads(info.read_text(encoding="utf-8")).get("params", {}) \
        if info.is_file() else {}
    ingest = dict(params.get("ingest") or {})
    known = {f.name for f in dataclasses.fields(IngestConfig)}
    cols = ingest.pop("columns", None) or {}
    values: dict[str, Any] = {k: (tuple(v) if isinstance(v, list) else v)
                              for k, v in ingest.items() if k in known}
    cfg = IngestConfig(**values)
    if cols:
        mapping: dict[str, Any] = {k: (tuple(v) if isinstance(v, list) else v)
                                   for k, v in cols.items()}
        cfg = dataclasses.replace(cfg, columns=ColumnMapping(**mapping))
    return sorted(dict.fromkeys(files)), cfg


def edit_copy(run: Run, target: Path) -> Path:
    """A copy of the run folder to try edits on (the analyst's files stay as they are)."""
    import shutil

    shutil.copytree(run.path, target, ignore=shutil.ignore_patterns(".innonlp"))
    return target


def as_dict(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain dicts (for tests)."""
    return frame.to_dict("records")
