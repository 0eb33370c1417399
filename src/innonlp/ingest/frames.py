"""pandas views of the data model, for Parquet/CSV exports and notebooks."""

from __future__ import annotations

import json

import pandas as pd

from ..types import Segment, Submission


def submissions_frame(submissions: list[Submission], n_segments: dict[str, int]) -> pd.DataFrame:
    rows = []
    for s in submissions:
        rows.append({
            "id": s.id,
            "source": s.source,
            "format": s.format,
            "submitter": s.submitter,
            "organisation": s.organisation,
            "respondent_type": s.respondent_type,
            "respondent_type_reason": s.respondent_type_reason,
            "date": s.date,
            "title": s.title,
            "campaign_id": s.campaign_id,
            "standard": s.standard,
            "standard_confidence": s.standard_confidence,
            "n_parts": len(s.parts),
            "questions": [p.question for p in s.parts if p.question],
            "n_segments": n_segments.get(s.id, 0),
            "n_chars": sum(len(p.text) for p in s.parts),
            "text": s.text,
            "removed": json.dumps(
                [{"part": i, "kind": r.kind, "text": r.text, "start": r.start, "end": r.end}
                 for i, p in enumerate(s.parts) for r in p.removed],
                ensure_ascii=False),
            "meta": json.dumps(dict(s.meta), ensure_ascii=False),
        })
    columns = ["id", "source", "format", "submitter", "organisation", "respondent_type",
               "respondent_type_reason", "date", "title", "campaign_id", "standard",
               "standard_confidence", "n_parts",
               "questions", "n_segments", "n_chars", "text", "removed", "meta"]
    return pd.DataFrame(rows, columns=columns)


def segments_frame(segments: list[Segment]) -> pd.DataFrame:
    columns = ["id", "submission_id", "n", "part", "question", "heading", "page", "start",
               "end", "standard", "standard_confidence", "text"]
    # column by column (a dict per row costs twice as much); no rows: object columns
    frame = pd.DataFrame({c: [getattr(s, c) for s in segments] for c in columns},
                         columns=columns) if segments else pd.DataFrame([], columns=columns)
    frame["page"] = frame["page"].astype("Int64")
    return frame
