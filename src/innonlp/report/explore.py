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


def extra_views(run: Run) -> dict[str, pd.DataFrame]:
    """Per-question, who-said-what and seeded views when ``themes.json`` has them
    (``questions``, ``respondents``, ``seeded``); empty otherwise."""
    doc = run.themes_doc
    out: dict[str, pd.DataFrame] = {}
    for key in ("questions", "respondents", "seeded"):
        value = doc.get(key)
        if isinstance(value, list) and value:
            out[key] = pd.json_normalize(value, max_level=1)
        elif isinstance(value, dict) and value:
            out[key] = pd.json_normalize(list(value.values()), max_level=1)
    return out


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
