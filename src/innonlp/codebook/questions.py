"""Per question (web forms with several free-text columns: ``questions`` in
``themes.json``) and a closed question cross-tabulated with the themes (``closed``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..nlp.nbnn import to_bokmaal_many
from ..types import Segment, Submission
from .evidence import evidence, theme_words

N_QUOTES = 3
NEAR_DUPLICATE = 0.6  # word overlap (Jaccard, Bokmål forms) of two quotes too alike
EMPTY = "(tomt)"
_STANCES = ("støtter", "imot", "delvis")


def add_questions(doc: dict[str, Any], segments: Sequence[Segment],
                  subs: dict[str, Submission], member: list[dict[str, float]],
                  stance: Any = None) -> None:
    """``questions`` (only with two questions or more): per question, in the order they
    first appear, its submissions and segments and its themes (submissions first) with
    counts, stance counts (with a stance stage) and up to three quotes from different
    submissions."""
    order: list[str] = []
    for seg in segments:
        if seg.question and seg.question not in order:
            order.append(seg.question)
    if len(order) < 2:
        return
    labels = {t["id"]: t["label"] for t in doc["themes"]}
    words = {t["id"]: theme_words(t) for t in doc["themes"]}
    doc["questions"] = [_question(q, segments, subs, member, stance, labels, words)
                        for q in order]


def _question(q: str, segments: Sequence[Segment], subs: dict[str, Submission],
              member: list[dict[str, float]], stance: Any, labels: dict[str, str],
              words: dict[str, set[str]]) -> dict[str, Any]:
    idx = [i for i, s in enumerate(segments) if s.question == q]
    per: dict[str, list[int]] = {}
    for i in idx:
        for tid in member[i]:
            per.setdefault(tid, []).append(i)
    themes = []
    for tid, members in per.items():
        ids = {segments[i].submission_id for i in members}
        t: dict[str, Any] = {"id": tid, "label": labels.get(tid, tid),
                             "n_submissions": len(ids), "n_segments": len(members)}
        if stance is not None:
            t["stance"] = {"counts": _stance_counts(stance, members, segments)}
        t["quotes"] = _quotes(tid, members, segments, subs, member, words.get(tid, set()))
        themes.append(t)
    themes.sort(key=lambda t: (-t["n_submissions"], -t["n_segments"], t["id"]))
    return {"question": q, "n_submissions": len({segments[i].submission_id for i in idx}),
            "n_segments": len(idx), "themes": themes}


def _stance_counts(stance: Any, members: list[int], segments: Sequence[Segment]
                   ) -> dict[str, int]:
    """One stance per submission in the theme within the question: its segments' own stance
    ("delvis" when they differ), else the submission's."""
    per: dict[str, set[str]] = {}
    for i in members:
        sid = segments[i].submission_id
        own = stance.segments[i].stance
        per.setdefault(sid, set())
        if own in _STANCES:
            per[sid].add(own)
    out: Counter[str] = Counter()
    for sid, own in per.items():
        if own:
            out["delvis" if len(own) > 1 else next(iter(own))] += 1
        else:
            whole = stance.submissions.get(sid)
            out[whole.stance if whole is not None else "uklart"] += 1
    return dict(sorted(out.items()))


def _quotes(tid: str, members: list[int], segments: Sequence[Segment],
            subs: dict[str, Submission], member: list[dict[str, float]], words: set[str]
            ) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    taken: list[frozenset[str]] = []
    for i in sorted(members, key=lambda i: (-member[i][tid], i)):
        seg = segments[i]
        if seg.submission_id in seen:
            continue
        s, e = evidence(seg.text, words)
        text = seg.text[s:e].strip()
        bag = _words_of(text)
        if len(text) < 20 or any(_like(bag, q) >= NEAR_DUPLICATE for q in taken):
            continue  # a fragment, or the same sentence again (in either standard)
        taken.append(bag)
        seen.add(seg.submission_id)
        sub = subs.get(seg.submission_id)
        out.append({"text": text, "submission_id": seg.submission_id, "segment_id": seg.id,
                    "part": seg.part, "start": seg.start + s, "end": seg.start + e,
                    "submitter": (sub.organisation or sub.submitter) if sub else None,
                    "similarity": round(member[i][tid], 3)})
        if len(out) == N_QUOTES:
            break
    return out


def _words_of(text: str) -> frozenset[str]:
    return frozenset(to_bokmaal_many(re.findall(r"\w+", text.lower())))


def _like(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def closed_value(sub: Submission, column: str) -> str:
    """A submission's answer in the closed column (:data:`EMPTY` when it has none)."""
    v = dict(sub.meta).get(column)
    v = " ".join(str(v).split()) if v is not None else ""
    return v.lower() if re.fullmatch(r"(?i)ja|nei|delvis|vet ikke|veit ikkje|usikker", v) \
        else v or EMPTY


def add_closed(doc: dict[str, Any], submissions: Sequence[Submission], column: str
               ) -> list[str]:
    """``closed``: the closed column's answers (submissions per value) and per theme the
    same count among the theme's submissions. A column no input has is a warning."""
    if not any(column in dict(s.meta) for s in submissions):
        seen = sorted({k for s in submissions for k, _ in s.meta})
        return [f"--closed-column {column!r} is in no table input (other columns: "
                f"{', '.join(map(repr, seen[:12])) or 'none'}); no cross-tabulation made."]
    value = {s.id: closed_value(s, column) for s in submissions}
    total = Counter(value.values())
    values = [v for v, _ in sorted(total.items(), key=lambda kv: (kv[0] == EMPTY, -kv[1],
                                                                  kv[0]))]
    themes = []
    for t in doc["themes"]:
        c = Counter(value[s] for s in t.get("submission_ids", []) if s in value)
        themes.append({"id": t["id"], "label": t["label"],
                       "counts": {v: c.get(v, 0) for v in values}})
    doc["closed"] = {"column": column, "values": values,
                     "n_submissions": {v: total[v] for v in values}, "themes": themes}
    return []
