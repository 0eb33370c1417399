"""innonlp: themes an analyst can trust from Norwegian public-consultation submissions."""

from __future__ import annotations

from ._version import __version__
from .config import ColumnMapping, IngestConfig, load_config  # noqa: E402
from .errors import (  # noqa: E402
    ConfigError,
    InnonlpError,
    InputError,
    ModelNotFoundError,
    StrictModeError,
)
from .ingest import IngestResult, ingest  # noqa: E402
from .report.run import Run, load_run  # noqa: E402
from .run.pipeline import RunResult, analyze, run_ingest  # noqa: E402
from .sample import sample_path  # noqa: E402
from .types import Campaign, ManifestEntry, Part, RemovedSpan, Segment, Submission  # noqa: E402

__all__ = [
    "Campaign",
    "ColumnMapping",
    "ConfigError",
    "IngestConfig",
    "IngestResult",
    "InnonlpError",
    "InputError",
    "ManifestEntry",
    "ModelNotFoundError",
    "Part",
    "RemovedSpan",
    "Run",
    "RunResult",
    "Segment",
    "StrictModeError",
    "Submission",
    "__version__",
    "analyze",
    "ingest",
    "load_config",
    "load_run",
    "run_ingest",
    "sample_path",
]
