"""Ingest: read real submission dumps, clean letters, detect campaigns, segment, account."""

from .campaign import find_campaigns
from .letter import clean_letter
from .respondent import classify_respondent
from .run import IngestResult, ingest
from .segment import segment_submission

__all__ = [
    "IngestResult",
    "classify_respondent",
    "clean_letter",
    "find_campaigns",
    "ingest",
    "segment_submission",
]
