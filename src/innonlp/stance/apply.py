"""The stance stage over a corpus: every segment, every submission, every theme.

Per segment the cues of its sentences are added up (:func:`~innonlp.stance.rollup.tally`)
and decided; a submission is the decision over all its segments' tallies (and its answer
page's "Svartype"), so its evidence is the sentence that decided it, with the segment it is
in. A submission's stance on a theme is the combination of its segments on that theme
(:func:`~innonlp.stance.rollup.combine_stances`) when one of them takes a position, else
its stance as a whole: a submission that supports the proposal in its opening sentence and
argues a theme further down counts as supporting on that theme (the evidence says which
sentence decided). Submissions that say only that they have no comments
(``ingen_merknader``) are a bucket of their own: never clustered into a theme.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..parallel import SERIAL, Executor
from ..types import Segment, Submission
from .rollup import SUBMISSION_STANCES, StanceRow, Tally, decide, merge_tallies, tally
from .rules import text_sentences

NO_COMMENTS = "ingen_merknader"
NO_COMMENTS_LABEL = "Ingen merknader"


@dataclass(frozen=True)
class UnitStance:
    """The stance of a segment or submission and the sentence that decided it."""

    stance: str
    evidence: str | None = None
    segment_id: str | None = None  # (submissions) the segment the evidence is in
    cue: str | None = None
    target: str | None = None
    rule: str = ""


@dataclass(frozen=True)
class StanceResult:
    """The stance stage's result: per segment (in segment order) and per submission."""

    segments: list[UnitStance]
    submissions: dict[str, UnitStance]

    @property
    def no_comments(self) -> set[str]:
        """Ids of the submissions that only say they have no comments."""
        return {sid for sid, s in self.submissions.items() if s.stance == NO_COMMENTS}

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-able data (for the stage cache)."""
        return {"segments": [_unit_data(u) for u in self.segments],
                "submissions": {k: _unit_data(u) for k, u in self.submissions.items()}}

    @classmethod
    def from_data(cls, data: Any) -> StanceResult:
        """The inverse of :meth:`to_data`; another shape is a ``ValueError``."""
        if not isinstance(data, dict) or not isinstance(data.get("segments"), list) \
                or not isinstance(data.get("submissions"), dict):
            raise ValueError("not a stance stage result")
        return cls([_unit(d) for d in data["segments"]],
                   {str(k): _unit(d) for k, d in data["submissions"].items()})


def _unit_data(u: UnitStance) -> list[Any]:
    return [u.stance, u.evidence, u.segment_id, u.cue, u.target, u.rule]


def _unit(d: Any) -> UnitStance:
    if not isinstance(d, list) or len(d) != 6 or d[0] not in SUBMISSION_STANCES \
            or not all(x is None or isinstance(x, str) for x in d[1:]):
        raise ValueError("not a stance")
    return UnitStance(*d)


def _chunk(texts: Sequence[str], start: int, stop: int) -> list[Tally]:
    return [tally(text_sentences(t)) for t in texts[start:stop]]


def _from_tally(t: Tally, svartype: str | None = None, segment_id: str | None = None
                ) -> UnitStance:
    res = decide(t, svartype)
    ev = res.evidence
    return UnitStance(res.stance, ev.sentence if ev else None,
                      segment_id if ev is not None and ev.index >= 0 else None,
                      ev.cue if ev else None, ev.target if ev else None, res.rule)


def analyse_stance(segments: Sequence[Segment], submissions: Sequence[Submission],
                   executor: Executor = SERIAL) -> StanceResult:
    """Stance per segment and submission (the segments' tallies worked out through
    ``executor``: forked processes give the same result as one)."""
    texts = [s.text for s in segments]
    tallies = [t for part in executor.map_range(_chunk, texts, len(texts), chunk=2000)
               for t in part]
    seg_units = [_from_tally(t, segment_id=s.id) for t, s in zip(tallies, segments, strict=True)]
    by_sub: dict[str, list[int]] = {}
    for i, s in enumerate(segments):
        by_sub.setdefault(s.submission_id, []).append(i)
    subs: dict[str, UnitStance] = {}
    for sub in submissions:
        idx = by_sub.get(sub.id, [])
        merged = merge_tallies(tallies[i] for i in idx)
        svartype = dict(sub.meta).get("svartype")
        unit = _from_tally(merged, svartype)
        if unit.evidence is not None:  # the segment holding the deciding sentence
            where = next((segments[i].id for i in idx if unit.evidence in segments[i].text),
                         None)
            unit = UnitStance(unit.stance, unit.evidence, where, unit.cue, unit.target,
                              unit.rule)
        subs[sub.id] = unit
    return StanceResult(seg_units, subs)


def theme_rows(result: StanceResult, segments: Sequence[Segment],
               theme_of: Sequence[str | None], respondent: dict[str, str]
               ) -> list[StanceRow]:
    """One row per submission and theme: its stance there (see the module docstring) and
    the deciding sentence."""
    per: dict[tuple[str, str], list[int]] = {}
    for i, (seg, tid) in enumerate(zip(segments, theme_of, strict=True)):
        if tid is not None:
            per.setdefault((seg.submission_id, tid), []).append(i)
    rows = []
    for (sid, tid), idx in per.items():
        own = [result.segments[i] for i in idx
               if result.segments[i].stance in ("støtter", "imot", "delvis")]
        if own:
            stances = {u.stance for u in own}
            stance = "delvis" if "delvis" in stances or len(stances) > 1 else own[0].stance
            ev = next((u.evidence for u in own if u.stance == stance), own[0].evidence)
        else:
            whole = result.submissions[sid]
            stance, ev = whole.stance, whole.evidence
        rows.append(StanceRow(sid, tid, stance, respondent.get(sid, "ukjent"), ev))
    return rows


def overview(result: StanceResult, submissions: Sequence[Submission]) -> dict[str, Any]:
    """The manifest's and report's overall split, with the "ingen merknader" bucket and
    who is in it (organisations named; private persons counted only)."""
    counts = Counter(u.stance for u in result.submissions.values())
    silent = result.no_comments  # a property: worked out once, not once per submission
    quiet = [s for s in submissions if s.id in silent]
    orgs = sorted({s.organisation for s in quiet
                   if s.organisation and s.respondent_type != "privatperson"})
    return {
        "submissions": {k: counts.get(k, 0) for k in SUBMISSION_STANCES},
        NO_COMMENTS: {
            "label": NO_COMMENTS_LABEL, "n_submissions": len(quiet),
            "respondent_types": dict(sorted(Counter(s.respondent_type for s in quiet).items())),
            "organisations": orgs, "submission_ids": sorted(s.id for s in quiet),
        },
        "rules": "innonlp.stance.rollup (cue lists in innonlp.stance.cues, Bokmål and "
                 "Nynorsk)",
    }
