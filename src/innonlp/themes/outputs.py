"""Write the themes stage: ``themes.json``, ``themes.csv`` and theme columns of segments.

``themes.csv`` has one row per theme and sub-theme. Text cells that a spreadsheet would run
as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) get a
leading apostrophe.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pandas as pd

from ..io import write_json, write_parquet, write_text
from .result import ThemesResult

CSV_COLUMNS = ["id", "parent", "label", "key_phrases", "n_segments", "n_submissions",
               "n_submissions_unique", "n_campaign_copies", "share_of_submissions",
               "stability", "unstable", "respondent_types", "standards", "quote"]


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _row(theme: dict[str, Any], parent: str | None) -> dict[str, Any]:
    quote = theme["quotes"][0]["text"] if theme.get("quotes") else ""
    return {
        "id": theme["id"], "parent": parent or "", "label": theme["label"],
        "key_phrases": "; ".join(k["phrase"] for k in theme["key_phrases"]),
        "n_segments": theme["n_segments"], "n_submissions": theme["n_submissions"],
        "n_submissions_unique": theme["n_submissions_unique"],
        "n_campaign_copies": theme["n_campaign_copies"],
        "share_of_submissions": theme["share_of_submissions"],
        "stability": theme.get("stability", ""), "unstable": theme.get("unstable", ""),
        "respondent_types": "; ".join(f"{k}: {v}" for k, v in
                                      theme["respondent_types"].items()),
        "standards": "; ".join(f"{k}: {v}" for k, v in theme["standards"].items()),
        "quote": quote,
    }


def themes_csv(doc: dict[str, Any]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    for theme in doc["themes"]:
        w.writerow({k: neutralise(v) for k, v in _row(theme, None).items()})
        for sub in theme["subthemes"]:
            w.writerow({k: neutralise(v) for k, v in _row(sub, theme["id"]).items()})
    return buf.getvalue()


def write_themes(result: ThemesResult, segments_frame: pd.DataFrame, out: Path,
                 submissions_frame: pd.DataFrame | None = None
                 ) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """``themes.json``, ``themes.csv``, the theme columns of ``segments.parquet`` and, with
    ``submissions_frame``, ``theme_ids`` and ``key_phrases`` ("; "-joined) and
    ``main_theme_id`` (the theme holding most of its text) per submission in
    ``submissions.parquet``. Returns the segments and submissions frames as written."""
    doc, per_segment, per_submission = result.doc, result.segments, result.submissions
    subs = None
    if submissions_frame is not None:
        subs = submissions_frame.copy()
        subs["theme_ids"] = ["; ".join(per_submission.get(i, {}).get("theme_ids", []))
                             for i in subs["id"]]
        subs["main_theme_id"] = [per_submission.get(i, {}).get("main_theme_id")
                                 for i in subs["id"]]
        subs["key_phrases"] = ["; ".join(per_submission.get(i, {}).get("key_phrases", []))
                               for i in subs["id"]]
        if any("endorses" in v for v in per_submission.values()):
            subs["endorses"] = ["; ".join(per_submission.get(i, {}).get("endorses", []))
                                for i in subs["id"]]
        write_parquet(out / "submissions.parquet", subs)
    write_json(out / "themes.json", doc)
    write_text(out / "themes.csv", themes_csv(doc))
    frame = segments_frame.copy()
    for col, values in per_segment.items():
        frame[col] = values
    labels = {t["id"]: t["label"] for t in doc["themes"]}
    buckets = {"outlier": doc["outliers"]["label"], "formalia": doc["formalia"]["label"],
               "ingen_merknader": doc.get("ingen_merknader", {}).get("label", "")}
    frame["theme_label"] = [labels[t] if b == "theme" else buckets[b]
                            for t, b in zip(frame["theme_id"], frame["bucket"], strict=True)]
    write_parquet(out / "segments.parquet", frame)
    return frame, subs
