"""What the stages share: the language layer's and the comparison's results, the run's
input key and its ingest result."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..ingest.run import IngestResult
from ..nlp.analysis import SegmentAnalysis
from .runner import RunContext
from .stagecache import inputs_key


@dataclass(frozen=True)
class NlpResult:
    """The language layer's analyses (segment order), its manifest record and, from Dask
    workers, the themes stage's per-segment features."""

    analyses: list[SegmentAnalysis]
    record: dict[str, Any]
    part_features: list[Any] | None = None


@dataclass(frozen=True)
class CompareResult:
    """The comparison with a human summary (``comparison.json``)."""

    doc: dict[str, Any]


def input_key(ctx: RunContext) -> bytes:
    """The content key of the run's inputs and ingest settings (hashed once per run)."""
    if "inputs" not in ctx.memo:
        ctx.memo["inputs"] = inputs_key(ctx.inputs, ctx.options.config,
                                        {"strict": ctx.options.strict})
    return ctx.memo["inputs"]


def ingest_result(ctx: RunContext) -> IngestResult:
    """The submissions and segments of the run, with their written standards."""
    return ctx.results.get("standard") or ctx.results["ingest"]
