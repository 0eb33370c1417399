"""An ingest result as plain JSON-able data and back (for the stage cache: data, never code).

:func:`from_data` checks the shape of everything it reads (types of every field, segment
offsets inside their part, segments pointing at known submissions) and raises
``ValueError`` on anything else, so a damaged or forged cache entry is recomputed, never
used.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from operator import attrgetter
from typing import Any

from ..types import Campaign, ManifestEntry, Part, RemovedSpan, Segment, Submission
from .run import IngestResult

_STATUS = ("processed", "skipped", "failed")


def _flat(cls: type) -> Any:
    """A function from an instance of the flat dataclass ``cls`` to a dict of its fields
    (what ``asdict`` gives, without its deep copies: ten times faster on 100,000 segments)."""
    names = tuple(f.name for f in fields(cls))
    get = attrgetter(*names)
    return lambda obj: dict(zip(names, get(obj), strict=True))


_SPAN, _SEGMENT = _flat(RemovedSpan), _flat(Segment)
_PART_GET = attrgetter("text", "question", "raw_text")
_SUB_FIELDS = tuple(f.name for f in fields(Submission))
_SUB_GET = attrgetter(*_SUB_FIELDS)


def _part_data(p: Part) -> dict[str, Any]:
    return {**dict(zip(("text", "question", "raw_text"), _PART_GET(p), strict=True)),
            "removed": [_SPAN(r) for r in p.removed], "page_starts": list(p.page_starts)}


def _submission_data(s: Submission) -> dict[str, Any]:
    d = dict(zip(_SUB_FIELDS, _SUB_GET(s), strict=True))
    d["parts"] = [_part_data(p) for p in s.parts]  # keys stay in field order
    d["meta"] = [list(m) for m in s.meta]
    return d


def to_data(result: IngestResult) -> dict[str, Any]:
    """``result`` as JSON-able data (the same JSON as ``dataclasses.asdict`` gives)."""
    return {
        "submissions": [_submission_data(s) for s in result.submissions],
        "segments": [_SEGMENT(s) for s in result.segments],
        "campaigns": [asdict(c) for c in result.campaigns],
        "entries": [asdict(e) for e in result.entries],
        "containers": [asdict(e) for e in result.containers],
        "personal_data": result.personal_data,
    }


def _check(cond: bool, what: str) -> None:
    if not cond:
        raise ValueError(f"not an ingest result: {what}")


def _opt(value: Any, kind: type | tuple[type, ...]) -> bool:
    return value is None or isinstance(value, kind)


def _fields(cls: type, d: Any) -> dict[str, Any]:
    _check(isinstance(d, dict), f"{cls.__name__} is not an object")
    names = {f.name for f in fields(cls)}
    _check(set(d) <= names, f"unknown {cls.__name__} fields {sorted(set(d) - names)}")
    return d


def _pairs(v: Any) -> tuple[tuple[str, str], ...]:
    _check(isinstance(v, list) and all(isinstance(p, list) and len(p) == 2
                                       and all(isinstance(x, str) for x in p) for p in v),
           "pairs of strings expected")
    return tuple((a, b) for a, b in v)


def _span(d: Any) -> RemovedSpan:
    d = _fields(RemovedSpan, d)
    _check(isinstance(d["kind"], str) and isinstance(d["text"], str)
           and isinstance(d["start"], int) and isinstance(d["end"], int), "removed span")
    return RemovedSpan(**d)


def _part(d: Any) -> Part:
    d = _fields(Part, d)
    _check(isinstance(d["text"], str) and _opt(d.get("question"), str)
           and isinstance(d.get("raw_text", ""), str)
           and all(isinstance(x, int) for x in d.get("page_starts", [])), "part")
    return Part(d["text"], d.get("question"), d.get("raw_text", ""),
                tuple(_span(r) for r in d.get("removed", [])), tuple(d.get("page_starts", [])))


def _submission(d: Any) -> Submission:
    d = dict(_fields(Submission, d))
    _check(isinstance(d.get("id"), str) and isinstance(d.get("source"), str)
           and isinstance(d.get("parts"), list), "submission id, source or parts")
    for k in ("submitter", "organisation", "date", "title", "campaign_id", "standard"):
        _check(_opt(d.get(k), str), f"submission {k}")
    _check(_opt(d.get("standard_confidence"), (int, float)), "standard confidence")
    d["parts"] = tuple(_part(p) for p in d["parts"])
    d["meta"] = _pairs(d.get("meta", []))
    return Submission(**d)


def _segment(d: Any, parts: dict[str, tuple[Part, ...]]) -> Segment:
    d = _fields(Segment, d)
    _check(isinstance(d.get("id"), str) and d.get("submission_id") in parts,
           "segment of an unknown submission")
    for k in ("n", "part", "start", "end"):
        _check(isinstance(d.get(k), int), f"segment {k}")
    _check(isinstance(d.get("text"), str) and 0 <= d["part"] < len(parts[d["submission_id"]])
           and 0 <= d["start"] <= d["end"] <= len(parts[d["submission_id"]][d["part"]].text),
           "segment offsets outside their part")
    return Segment(**d)


def _campaign(d: Any) -> Campaign:
    d = _fields(Campaign, d)
    _check(isinstance(d.get("member_ids"), list) and isinstance(d.get("shared_text"), str),
           "campaign")
    return Campaign(d["id"], tuple(d["member_ids"]), d["shared_text"],
                    _pairs(d.get("additions", [])), float(d["mean_similarity"]))


def _entry(d: Any) -> ManifestEntry:
    d = _fields(ManifestEntry, d)
    _check(isinstance(d.get("input"), str) and d.get("status") in _STATUS
           and isinstance(d.get("submission_ids", []), list)
           and isinstance(d.get("details", {}), dict), "manifest entry")
    return ManifestEntry(**d)


def from_data(data: Any) -> IngestResult:
    """The inverse of :func:`to_data`; anything of another shape is a ``ValueError``."""
    _check(isinstance(data, dict), "not an object")
    for key in ("submissions", "segments", "campaigns", "entries", "containers"):
        _check(isinstance(data.get(key), list), f"{key} missing")
    subs = [_submission(s) for s in data["submissions"]]
    parts = {s.id: s.parts for s in subs}
    _check(len(parts) == len(subs), "duplicate submission ids")
    personal = data.get("personal_data", {})
    _check(isinstance(personal, dict), "personal data")
    return IngestResult(subs, [_segment(s, parts) for s in data["segments"]],
                        [_campaign(c) for c in data["campaigns"]],
                        [_entry(e) for e in data["entries"]],
                        [_entry(e) for e in data["containers"]], personal)
