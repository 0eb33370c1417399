"""The small typed data model passed between innonlp's stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["processed", "skipped", "failed"]

RESPONDENT_TYPES: tuple[str, ...] = (
    "kommune",
    "fylkeskommune",
    "statlig virksomhet",
    "organisasjon",
    "næringsliv",
    "privatperson",
    "ukjent",
)


@dataclass(frozen=True, slots=True)
class RemovedSpan:
    """A piece of text removed during clean-up, kept so nothing is silently lost.

    ``start``/``end`` are character offsets into the text *before* clean-up.
    """

    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Part:
    """One free-text answer of a submission (a letter has one; a web form may have several)."""

    text: str
    question: str | None = None
    raw_text: str = ""
    removed: tuple[RemovedSpan, ...] = ()
    # Character offsets in ``text`` where each page starts (PDF only, page 1 first).
    page_starts: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Submission:
    """One submission (høringssvar, innspill or form answer) after ingest and clean-up."""

    id: str
    source: str
    parts: tuple[Part, ...]
    submitter: str | None = None
    organisation: str | None = None
    respondent_type: str = "ukjent"
    respondent_type_reason: str = "no name or metadata to classify"
    date: str | None = None
    title: str | None = None
    format: str = "txt"
    campaign_id: str | None = None
    meta: tuple[tuple[str, str], ...] = ()
    standard: str | None = None  # nb, nn, mixed or other:<lang>
    standard_confidence: float | None = None

    @property
    def text(self) -> str:
        """All parts joined by blank lines."""
        return "\n\n".join(p.text for p in self.parts)


@dataclass(frozen=True, slots=True)
class Segment:
    """A contiguous span of one submission part: the unit that themes are found for."""

    id: str
    submission_id: str
    n: int
    part: int
    text: str
    start: int
    end: int
    heading: str | None = None
    question: str | None = None
    page: int | None = None
    standard: str | None = None
    standard_confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Campaign:
    """A group of submissions that share a template (form letters, campaign copies)."""

    id: str
    member_ids: tuple[str, ...]
    shared_text: str
    additions: tuple[tuple[str, str], ...]  # (submission id, text the sender added)
    mean_similarity: float


@dataclass(slots=True)
class ManifestEntry:
    """What happened to one input: a file, an archive member or a table row."""

    input: str
    kind: str
    status: Status
    reason: str = ""
    format: str = ""
    bytes: int | None = None
    sha256: str | None = None
    encoding: str | None = None
    submission_ids: list[str] = field(default_factory=list)
    details: dict[str, object] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        d: dict[str, object] = {
            "input": self.input,
            "kind": self.kind,
            "status": self.status,
            "reason": self.reason,
            "format": self.format,
        }
        for key in ("bytes", "sha256", "encoding"):
            value = getattr(self, key)
            if value is not None:
                d[key] = value
        if self.submission_ids:
            d["submission_ids"] = list(self.submission_ids)
        if self.details:
            d["details"] = dict(self.details)
        return d
