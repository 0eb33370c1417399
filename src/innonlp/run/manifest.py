"""The run manifest: an account of every input and of what ingest did with it."""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from typing import Any

from .._version import __version__
from ..config import IngestConfig
from ..ingest.run import IngestResult
from ..nlp.standard import model_info

MANIFEST_SCHEMA = "innonlp.manifest/1"


def build_manifest(result: IngestResult, cfg: IngestConfig, seconds: float,
                   stages: list[str]) -> dict[str, Any]:
    """A JSON-ready manifest. ``counts`` always add up: inputs = processed+skipped+failed."""
    removed: Counter[str] = Counter()
    for s in result.submissions:
        for p in s.parts:
            removed.update(r.kind for r in p.removed)
    campaign_members = sum(len(c.member_ids) for c in result.campaigns)
    by_type = Counter(s.respondent_type for s in result.submissions)
    std_subs = Counter(s.standard or "unknown" for s in result.submissions)
    std_chars: Counter[str] = Counter()
    for seg in result.segments:
        std_chars[seg.standard or "unknown"] += len(seg.text)
    n_subs = max(len(result.submissions), 1)
    n_chars = max(sum(std_chars.values()), 1)
    return {
        "schema": MANIFEST_SCHEMA,
        "innonlp_version": __version__,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "seconds": round(seconds, 3),
        "stages": stages,
        "counts": result.counts(),
        "submissions": len(result.submissions),
        "segments": len(result.segments),
        "respondent_types": dict(sorted(by_type.items())),
        "standards": {
            "submissions": dict(sorted(std_subs.items())),
            "submission_shares": {k: round(v / n_subs, 4) for k, v in sorted(std_subs.items())},
            "segment_char_shares": {k: round(v / n_chars, 4)
                                    for k, v in sorted(std_chars.items())},
            "detector": "innonlp.nlp.standard (word + word-ending logistic regression; "
                        "function-word rules for en/sv/da/se)",
            "model": model_info(),
        },
        "campaign_summary": {
            "campaigns": len(result.campaigns),
            "campaign_copies": campaign_members,
            "unique_submissions": len(result.submissions) - campaign_members
            + len(result.campaigns),
            "non_campaign_submissions": len(result.submissions) - campaign_members,
        },
        "campaigns": [
            {
                "id": c.id,
                "size": len(c.member_ids),
                "member_ids": list(c.member_ids),
                "mean_similarity": c.mean_similarity,
                "shared_text": c.shared_text,
                "additions": [{"submission_id": m, "text": t} for m, t in c.additions if t],
            }
            for c in result.campaigns
        ],
        "removed_spans": dict(sorted(removed.items())),
        "personal_data": result.personal_data,
        "inputs": [e.to_dict() for e in result.entries],
        "containers": [e.to_dict() for e in result.containers],
        "settings": {"ingest": _settings(cfg)},
    }


def _settings(cfg: IngestConfig) -> dict[str, Any]:
    d = dataclasses.asdict(cfg)
    d["columns"] = {k: (list(v) if isinstance(v, tuple) else v)
                    for k, v in d["columns"].items()}
    return d
