"""The consultation's structure in ``themes.json``: per theme who said what
(``respondents``), per question (``questions``), a closed question (``closed``) and
endorsements (``endorsements``, ``endorses`` per submission); see :func:`add_structure`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..themes.result import ThemesResult
from ..types import Segment, Submission
from .endorse import find_endorsements
from .evidence import evidence, theme_words
from .options import StructureOptions
from .questions import add_closed, add_questions
from .respondents import Mention, paragraph, respondents


def segment_memberships(columns: dict[str, list[Any]]) -> list[dict[str, float]]:
    """Per segment every theme it is in, with its score there: each seed it matches (its
    seed score), else its found theme (its similarity to the theme)."""
    seeds, scores = columns.get("seed_ids"), columns.get("seed_scores")
    out = []
    for i, (tid, bucket) in enumerate(zip(columns["theme_id"], columns["bucket"],
                                          strict=True)):
        ids = [x for x in (seeds[i] or "").split("; ") if x] if seeds else []
        if ids and scores:
            vals = [float(x) for x in (scores[i] or "").split("; ") if x]
            out.append(dict(zip(ids, vals, strict=True)))
        elif bucket == "theme" and tid is not None:
            out.append({tid: float(columns["theme_similarity"][i] or 0.0)})
        else:
            out.append({})
    return out


def add_structure(result: ThemesResult, segments: Sequence[Segment],
                  submissions: Sequence[Submission], options: StructureOptions,
                  stance: Any = None) -> list[str]:
    """Add ``respondents`` to every theme, ``questions`` (two questions or more),
    ``closed`` (``options.closed_column``), ``endorsements`` and per submission
    ``endorses``; returns warnings for the manifest."""
    member = segment_memberships(result.segments)
    subs = {s.id: s for s in submissions}
    add_respondents(result.doc, segments, subs, member)
    doc = result.doc
    several = sum(1 for v in result.submissions.values() if len(v.get("theme_ids", [])) > 1)
    doc["n_submissions_several_themes"] = several
    add_questions(doc, segments, subs, member, stance)
    notes = add_closed(doc, submissions, options.closed_column) \
        if options.closed_column else []
    add_endorsements(result, submissions, options.count_endorsements)
    return notes


def add_respondents(doc: dict[str, Any], segments: Sequence[Segment],
                    subs: dict[str, Submission], member: list[dict[str, float]]) -> None:
    """Per theme ``respondents``: the named bodies by type, each with its best sentence (from
    its segment most like the theme), private persons counted; and the ``paragraph``."""
    best: dict[tuple[str, str], tuple[float, int]] = {}
    for i, themes in enumerate(member):
        sid = segments[i].submission_id
        for tid, score in themes.items():
            old = best.get((tid, sid))
            if old is None or score > old[0]:
                best[(tid, sid)] = (score, i)
    per: dict[str, list[Mention]] = {}
    words = {t["id"]: theme_words(t) for t in doc["themes"]}
    for (tid, sid), (score, i) in sorted(best.items()):
        sub, seg = subs.get(sid), segments[i]
        named = sub is not None and bool(sub.organisation) \
            and sub.respondent_type != "privatperson"
        sentence = ""
        if named:  # only a named body shows its sentence; the others are counted
            s, e = evidence(seg.text, words.get(tid, set()))
            sentence = seg.text[s:e].strip()
        per.setdefault(tid, []).append(Mention(
            sid, sub.organisation if sub else None, sub.respondent_type if sub else None,
            sentence, score))
    for theme in doc["themes"]:
        r = respondents(per.get(theme["id"], []))
        theme["respondents"] = {**r, "paragraph": paragraph(r)}


def _norm(name: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", name.lower()).split())


def same_body(endorsed: str, organisation: str) -> bool:
    """Whether an endorsed name ("KS") names the organisation ("KS – Kommunesektorens
    organisasjon", "KS"): equal, or the organisation's name before a dash or bracket."""
    a, b = _norm(endorsed), _norm(organisation)
    if not a or not b:
        return False
    short = _norm(re.split(r"\s[–-]\s|\(", organisation, maxsplit=1)[0])
    return a in (b, short)


def add_endorsements(result: ThemesResult, submissions: Sequence[Submission],
                     count: bool) -> None:
    """``endorses`` per submission; ``endorsements`` in ``themes.json`` (when any) and,
    with ``count``, each theme's ``n_submissions_endorsing`` (submissions counted through
    an endorsement of a body that raised the theme) and ``n_submissions_with_endorsements``.
    """
    found = {s.id: [b for b in find_endorsements(s.text) if "[navn]" not in b]
             for s in submissions}
    for sid, bodies in found.items():
        result.submissions.setdefault(sid, {"theme_ids": [], "main_theme_id": None,
                                            "key_phrases": []})["endorses"] = bodies
    names = sorted({b for bodies in found.values() for b in bodies}, key=str.lower)
    if not names:
        return
    result.doc["endorsements"] = {"counted": count, "bodies": [
        {"name": n, "n_submissions": len(ids), "submission_ids": ids}
        for n in names for ids in [sorted(s for s, b in found.items() if n in b)]]}
    if not count:
        return
    orgs = {s.id: s.organisation for s in submissions if s.organisation}
    for theme in result.doc["themes"]:
        inside = set(theme.get("submission_ids", []))
        raised = [orgs[s] for s in inside if s in orgs]
        extra = {sid for sid, bodies in found.items() if sid not in inside
                 and any(same_body(b, o) for b in bodies for o in raised)}
        theme["n_submissions_endorsing"] = len(extra)
        theme["n_submissions_with_endorsements"] = theme.get("n_submissions", 0) + len(extra)
