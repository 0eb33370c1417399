"""A finished run folder as Python objects, with the analyst's edits applied.

``load_run(path)`` reads ``manifest.json``, ``themes.json``, ``comparison.json`` (when
there is one), ``segments.parquet`` and ``submissions.parquet``, applies ``edits.toml``
(or the file given), and gives pandas views for notebooks: ``themes``, ``segments``,
``submissions``, ``comparison``. Nothing is recomputed: no NLP, no clustering.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..compare.edited import edit_comparison
from ..errors import InputError
from ..runfolder import RunFolder
from .edits import EditResult, apply_edits, read_edits, translation_for
from .edits_source import TRANSLATED

MANIFEST = "manifest.json"


@dataclass
class Run:
    path: Path
    manifest: dict[str, Any]
    themes_doc: dict[str, Any]
    segments: pd.DataFrame
    submissions: pd.DataFrame
    comparison_doc: dict[str, Any] | None = None
    edits: EditResult = field(default_factory=EditResult)

    @property
    def themes(self) -> pd.DataFrame:
        """One row per theme (after edits), largest first."""
        rows = []
        for t in self.themes_doc["themes"]:
            rows.append({
                "id": t["id"], "label": t["label"], "relevant": t.get("relevant", True),
                "n_segments": t["n_segments"], "n_submissions": t["n_submissions"],
                "n_submissions_unique": t["n_submissions_unique"],
                "n_campaign_copies": t["n_campaign_copies"],
                "share_of_submissions": t["share_of_submissions"],
                "stability": t["stability"], "unstable": t["unstable"],
                "key_phrases": "; ".join(k["phrase"] for k in t["key_phrases"][:5]),
                "n_subthemes": len(t.get("subthemes", [])),
                **{f"type: {k}": v for k, v in t["respondent_types"].items()},
                **{f"share {k}": v for k, v in t["standards"].items()}})
        frame = pd.DataFrame(rows)
        return frame.fillna({c: 0 for c in frame.columns if c.startswith("type: ")})

    @property
    def relevant_themes(self) -> list[dict[str, Any]]:
        return [t for t in self.themes_doc["themes"] if t.get("relevant", True)]

    @property
    def comparison(self) -> pd.DataFrame | None:
        """One row per theme of the human summary, or None without a comparison."""
        if self.comparison_doc is None:
            return None
        return pd.DataFrame([{
            "id": h["id"], "title": h["title"], "supported": h["supported"],
            "machine_themes": "; ".join(f"{m['theme_id']} {m['label']}" for m in h["matches"]),
            "best_similarity": (h["best_match"] or {}).get("similarity"),
            "n_submissions": h["n_submissions"], "n_weak_sentences": h["n_weak_sentences"]}
            for h in self.comparison_doc["human_themes"]])

    def quotes(self, theme_id: str) -> pd.DataFrame:
        theme = self.theme(theme_id)
        return pd.DataFrame(theme["quotes"])

    def theme(self, theme_id: str) -> dict[str, Any]:
        for t in self.themes_doc["themes"]:
            if t["id"] == theme_id:
                return t
        raise KeyError(f"no theme {theme_id!r} in this run")

    def submission_themes(self) -> pd.DataFrame:
        """Submissions with the (edited) themes their segments are in (a codebook run's
        every matched seed too: ``seed_ids``) and, when the run has ``main_theme_id``,
        ``main_theme``: the theme holding most of its text."""
        labels = {t["id"]: t["label"] for t in self.themes_doc["themes"]}
        per = _themes_per_submission(self.segments, labels)
        out = self.submissions[["id", "submitter", "organisation", "respondent_type",
                                "standard", "campaign_id"]].copy()
        out["themes"] = ["; ".join(f"{t} {labels.get(t, '')}" for t in per.get(i, []))
                         for i in out["id"]]
        if "main_theme_id" in self.submissions:
            main = self._main_themes()
            out["main_theme"] = [f"{main[i]} {labels[main[i]]}"
                                 if main.get(i) in labels else None for i in out["id"]]
        return out

    def _main_themes(self) -> dict[str, str]:
        """Submission id → main theme: the run's own ``main_theme_id`` without edits, else
        the (edited) theme with most of the submission's characters (smaller id on a tie)."""
        if not self.edits.applied:
            return {i: m for i, m in zip(self.submissions["id"],
                                         self.submissions["main_theme_id"], strict=True)
                    if isinstance(m, str) and m}
        seg = self.segments.dropna(subset=["theme_id"])
        chars: dict[str, dict[str, int]] = {}
        for sid, tid, text in zip(seg["submission_id"], seg["theme_id"], seg["text"],
                                  strict=True):
            c = chars.setdefault(sid, {})
            c[tid] = c.get(tid, 0) + len(str(text))
        return {sid: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0]
                for sid, c in chars.items()}


def _themes_per_submission(segments: pd.DataFrame, labels: dict[str, str]
                           ) -> dict[str, list[str]]:
    """Submission id → the sorted ids of the themes its segments are in (each segment's
    theme and, in a codebook run, every seed it matched that is still a theme)."""
    per: dict[str, set[str]] = {}
    seeds = segments["seed_ids"].tolist() if "seed_ids" in segments else [None] * len(segments)
    for sid, tid, extra in zip(segments["submission_id"].tolist(),
                               segments["theme_id"].tolist(), seeds, strict=True):
        ids = {tid} if isinstance(tid, str) else set()
        if isinstance(extra, str):
            ids |= {x for x in extra.split("; ") if x in labels}
        if ids:
            per.setdefault(sid, set()).update(ids)
    return {sid: sorted(ids) for sid, ids in per.items()}


def load_run(path: str | Path, edits: str | Path | bool | None = None) -> Run:
    """Load a finished run. ``edits``: None = ``edits.toml`` in the run folder if present,
    a path = that file, False = none."""
    p = Path(path)
    folder = RunFolder(p)
    folder.require_finished("themes.json", "segments.parquet", "submissions.parquet")
    manifest = folder.read_json(MANIFEST)
    doc = folder.read_json("themes.json")
    if not isinstance(doc.get("themes"), list):
        raise InputError(f"{str(p / 'themes.json')!r} is not an innonlp themes file; run "
                         "`innonlp analyze` again.")
    segments = folder.read_parquet("segments.parquet")
    submissions = folder.read_parquet("submissions.parquet")
    machine = "comparison.machine.json" if (p / "comparison.machine.json").is_file() \
        else "comparison.json"  # the edited comparison is recomputed from the machine's
    comparison = folder.read_json(machine) if (p / machine).is_file() else None
    edits_path = _edits_path(p, edits)
    result = EditResult()
    if edits_path is not None:
        doc, segments, result = _apply(edits_path, doc, segments, submissions, p)
        if comparison is not None and result.applied:
            comparison = edit_comparison(comparison, doc, dict(zip(
                segments["id"], [t if isinstance(t, str) else None
                                 for t in segments["theme_id"]], strict=True)))
    return Run(p, manifest, doc, segments, submissions, comparison, result)


def _edits_path(p: Path, edits: str | Path | bool | None) -> Path | None:
    """The edits file: given, none (False), or ``edits.toml`` in the run folder, else the
    ``edits.translated.toml`` a run with ``--edits`` left there."""
    if edits is False:
        return None
    if edits is not None and edits is not True:
        return Path(edits)
    for name in ("edits.toml", TRANSLATED):
        if (p / name).is_file():
            return p / name
    return None


def _apply(path: Path, doc: dict[str, Any], segments: pd.DataFrame,
           submissions: pd.DataFrame, run_dir: Path
           ) -> tuple[dict[str, Any], pd.DataFrame, EditResult]:
    data = read_edits(path)
    translate, source = translation_for(path, data, doc, run_dir)
    doc, segments, result = apply_edits(doc, segments, submissions, data, translate)
    result.source = str(path) + (f" (theme ids from {source})" if source else "")
    if not isinstance(data.get("source"), dict) and "source" not in data:
        result.warnings.append(f"{path.name} records no run (no [source] fingerprint): its "
                               "theme ids are taken as this run's; see edits.example.toml.")
    if translate is not None and result.not_applied:
        result.warnings.append(f"{path.name} was written for another run; "
                               f"{len(result.not_applied)} edit(s) match no theme of this "
                               "run and were not applied.")
    return doc, segments, result
