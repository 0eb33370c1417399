"""Counting a theme's voices, ordering themes by submissions, and each submission's main
theme (the document-level view)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..types import Segment, Submission


def counts(members: np.ndarray, segments: Sequence[Segment], subs: dict[str, Submission],
           n_submissions: int) -> dict[str, Any]:
    """Segments, distinct submissions (campaign copies apart), respondent types and the
    share of each written standard of the segments ``members``."""
    sub_ids = sorted({segments[i].submission_id for i in members.tolist()})
    campaign = [s for s in sub_ids if subs[s].campaign_id]
    unique = len(sub_ids) - len(campaign) + len({subs[s].campaign_id for s in campaign})
    std = Counter(segments[i].standard or "nb" for i in members.tolist())
    total = sum(std.values()) or 1
    return {
        "n_segments": len(members),
        "n_submissions": len(sub_ids),
        "n_submissions_unique": unique,
        "n_campaign_copies": len(campaign),
        "share_of_submissions": round(len(sub_ids) / max(n_submissions, 1), 4),
        "respondent_types": dict(sorted(Counter(subs[s].respondent_type or "ukjent"
                                                for s in sub_ids).items())),
        "standards": {k: round(v / total, 4) for k, v in sorted(std.items())},
        "submission_ids": sub_ids,
    }


def order_by_submissions(labels: np.ndarray, n_themes: int, segments: Sequence[Segment]
                         ) -> np.ndarray:
    """New number of each theme 0..n_themes-1: by distinct submissions, most first (then
    by segments, then the old number), so theme ids and every chart follow the count the
    reports show."""
    subs = [len({segments[i].submission_id for i in np.flatnonzero(labels == t).tolist()})
            for t in range(n_themes)]
    sizes = np.bincount(labels[labels >= 0], minlength=n_themes)
    order = sorted(range(n_themes), key=lambda t: (-subs[t], -int(sizes[t]), t))
    new = np.empty(n_themes, dtype=np.int64)
    new[order] = np.arange(n_themes)
    return new


def main_themes(theme_of: dict[int, str], segments: Sequence[Segment]) -> dict[str, str]:
    """Per submission, the theme that holds most of its content (characters of its segments
    in that theme; the smaller theme id on a tie)."""
    chars: dict[str, Counter[str]] = {}
    for i, tid in theme_of.items():
        seg = segments[i]
        chars.setdefault(seg.submission_id, Counter())[tid] += len(seg.text)
    return {sid: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for sid, c in chars.items()}
