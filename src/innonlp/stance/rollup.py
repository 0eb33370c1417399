"""Roll-up of sentence cues to segment, submission and theme stance, always with the evidence.

Roll-up rules for a segment or a submission (the same rules; a submission is the roll-up of
all its sentences, or of its segments' tallies with :func:`merge_tallies`):

1. Each cue adds its weight to its stance. Cues of weight >= 0.75 are *strong*, lighter ones
   *weak*; weak cues decide only when no strong support, opposition or condition is present.
2. Support and opposition both present → ``delvis`` unless one side outweighs the other by
   :data:`DOMINANCE` or more, in which case that side wins.
3. Support with a condition ("støtter …, men forutsetter at …") → ``delvis``; a condition
   alone (supports only on conditions) → ``delvis``; opposition with a condition → ``imot``.
4. Only support → ``støtter``; only opposition → ``imot``.
5. No substantive cue: a "no comments" formula ("har ingen merknader") and at most
   :data:`~innonlp.stance.cues.NO_SUBSTANCE_WORDS` words of other text (greetings and
   "viser til høringsbrev" formulas not counted; a turn after the formula, "…, men vi vil
   påpeke at …", of :data:`~innonlp.stance.cues.TURN_WORDS` or more words is substance by
   itself) → ``ingen_merknader``. An answer page's
   "Svartype: Uten merknad" counts the same way, and only when the text says nothing of
   substance (senders pick it wrongly above long arguments).
6. Nothing else → ``uklart``.

The deciding sentence is returned with every result: the strongest cue of the winning side,
the condition or the minority side for ``delvis``, the formula for ``ingen_merknader``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from . import cues as C
from .rules import SentenceCue, sentence_cues, text_sentences

SUBMISSION_STANCES: tuple[str, ...] = ("støtter", "imot", "delvis", "ingen_merknader", "uklart")
"""Stances of a segment, submission or submission-on-a-theme."""

STRONG_MIN = 0.75
"""Cues at least this heavy are strong (see rule 1)."""
DOMINANCE = 3.0
"""How many times heavier one side must be than the other to win over ``delvis`` (rule 2)."""
NO_COMMENT_SVARTYPE = "uten merknad"
"""regjeringen.no's "Svartype" value for an answer without comments (lower-case)."""

_FORMULA_RE = re.compile("|".join(f"(?:{p})" for p in C.FORMULAS))
_CONTRAST_RE = re.compile(r"\b(?:" + "|".join(C.CONTRAST).replace(" ", r"\s+") + r")\b(.*)$",
                          re.S)
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence that decided a stance.

    Attributes
    ----------
    sentence : str
        The sentence as written.
    index : int
        Its position among the unit's sentences (-1 for the answer page's "Svartype").
    cue : str or None
        The deciding cue's text.
    target : str or None
        The cue's target (see :class:`~innonlp.stance.rules.CueMatch`).
    weight : float
        The cue's weight.
    """

    sentence: str
    index: int
    cue: str | None = None
    target: str | None = None
    weight: float = 0.0


@dataclass(frozen=True, slots=True)
class Tally:
    """Cue weights of a segment or submission, mergeable (see :func:`merge_tallies`).

    Attributes
    ----------
    strong, weak : tuple of (str, float)
        Summed weights per sentence stance.
    best : tuple of (str, Evidence)
        The heaviest (first on ties) evidence per sentence stance.
    substance_words : int
        Words of text that no cue covers and no formula explains.
    n_sentences : int
        Sentences seen.
    """

    strong: tuple[tuple[str, float], ...] = ()
    weak: tuple[tuple[str, float], ...] = ()
    best: tuple[tuple[str, Evidence], ...] = ()
    substance_words: int = 0
    n_sentences: int = 0


@dataclass(frozen=True, slots=True)
class StanceResult:
    """Stance of a segment or submission with the sentence that decided it.

    Attributes
    ----------
    stance : str
        One of :data:`SUBMISSION_STANCES`.
    evidence : Evidence or None
        The deciding sentence (None only for ``uklart``).
    rule : str
        Which roll-up rule decided, in words.
    tally : Tally
        The weights it was decided from.
    """

    stance: str
    evidence: Evidence | None
    rule: str
    tally: Tally = field(default_factory=Tally)


def _substance_words(sentence: str, cue: SentenceCue) -> int:
    live = [m for m in cue.matches if m.weight > 0]
    if any(m.stance != "ingen_merknader" for m in live):
        return 0
    low = sentence.lower()
    if live:  # "ingen merknader …, men vi vil påpeke at …": a turn is substance by itself
        m = _CONTRAST_RE.search(low, live[-1].end)
        turn = len(_WORD_RE.findall(m.group(1))) if m else 0
        return turn + C.NO_SUBSTANCE_WORDS if turn >= C.TURN_WORDS else turn
    if _FORMULA_RE.search(low.strip()):
        return 0
    return len(_WORD_RE.findall(low))


def tally(sentences: Sequence[str], cues: Sequence[SentenceCue] | None = None,
          offset: int = 0) -> Tally:
    """Add up the cues of a unit's sentences.

    Parameters
    ----------
    sentences : sequence of str
        The unit's sentences.
    cues : sequence of SentenceCue, optional
        Their cues (computed when not given).
    offset : int
        Index of the first sentence within the submission (for the evidence index).

    Returns
    -------
    Tally
    """
    cues = sentence_cues(sentences) if cues is None else cues
    strong: defaultdict[str, float] = defaultdict(float)
    weak: defaultdict[str, float] = defaultdict(float)
    best: dict[str, Evidence] = {}
    words = 0
    for i, (sentence, cue) in enumerate(zip(sentences, cues, strict=True)):
        words += _substance_words(sentence, cue)
        for m in cue.matches:
            if m.weight <= 0:
                continue
            (strong if m.weight >= STRONG_MIN else weak)[m.stance] += m.weight
            if m.stance not in best or m.weight > best[m.stance].weight:
                best[m.stance] = Evidence(sentence, offset + i, m.cue, m.target, m.weight)
    return Tally(tuple(sorted(strong.items())), tuple(sorted(weak.items())),
                 tuple(sorted(best.items())), words, len(sentences))


def merge_tallies(tallies: Iterable[Tally]) -> Tally:
    """One tally from several (a submission's segments, in order).

    Parameters
    ----------
    tallies : iterable of Tally

    Returns
    -------
    Tally
    """
    strong: defaultdict[str, float] = defaultdict(float)
    weak: defaultdict[str, float] = defaultdict(float)
    best: dict[str, Evidence] = {}
    words = n = 0
    for t in tallies:
        for stance, w in t.strong:
            strong[stance] += w
        for stance, w in t.weak:
            weak[stance] += w
        for stance, ev in t.best:
            if stance not in best or ev.weight > best[stance].weight:
                best[stance] = ev
        words += t.substance_words
        n += t.n_sentences
    return Tally(tuple(sorted(strong.items())), tuple(sorted(weak.items())),
                 tuple(sorted(best.items())), words, n)


def _sides(w: dict[str, float], best: dict[str, Evidence], t: Tally) -> StanceResult | None:
    """Rules 2–4 on one set of weights (strong or weak); None when no side has weight."""
    s, o, b = w.get("støtter", 0.0), w.get("imot", 0.0), w.get("betinget", 0.0)
    if s and o:
        if s >= DOMINANCE * o:
            return StanceResult("støtter", best["støtter"], "support outweighs opposition", t)
        if o >= DOMINANCE * s:
            return StanceResult("imot", best["imot"], "opposition outweighs support", t)
        minority = "støtter" if s < o else "imot"
        return StanceResult("delvis", best[minority], "both support and opposition", t)
    if o:
        return StanceResult("imot", best["imot"], "opposition", t)
    if b:
        rule = "support on conditions" if s else "conditions only"
        return StanceResult("delvis", best["betinget"], rule, t)
    if s:
        return StanceResult("støtter", best["støtter"], "support", t)
    return None


def decide(t: Tally, svartype: str | None = None) -> StanceResult:
    """Apply the roll-up rules (module docstring) to a tally.

    Parameters
    ----------
    t : Tally
        Cue weights of a segment or submission.
    svartype : str, optional
        The answer page's "Svartype" ("Med merknad" / "Uten merknad").

    Returns
    -------
    StanceResult
    """
    best = dict(t.best)
    strong = dict(t.strong)
    found = _sides(strong, best, t)
    if found is not None:
        return found
    quiet = t.substance_words <= C.NO_SUBSTANCE_WORDS
    if strong.get("ingen_merknader") and quiet:
        return StanceResult("ingen_merknader", best["ingen_merknader"],
                            "no comments and nothing of substance", t)
    found = _sides(dict(t.weak), best, t)
    if found is not None:
        return found
    if quiet and (svartype or "").strip().lower() == NO_COMMENT_SVARTYPE:
        ev = Evidence(f"Svartype: {svartype.strip() if svartype else ''}", -1)
        return StanceResult("ingen_merknader", ev,
                            "Svartype: Uten merknad and nothing of substance", t)
    return StanceResult("uklart", None, "no stance cue", t)


def rollup(sentences: Sequence[str], cues: Sequence[SentenceCue] | None = None,
           svartype: str | None = None) -> StanceResult:
    """Stance of a segment or submission from its sentences.

    Parameters
    ----------
    sentences : sequence of str
        The unit's sentences, in order.
    cues : sequence of SentenceCue, optional
        Their cues (computed when not given).
    svartype : str, optional
        The answer page's "Svartype".

    Returns
    -------
    StanceResult
    """
    return decide(tally(sentences, cues), svartype)


def stance_of_text(text: str, svartype: str | None = None) -> StanceResult:
    """Stance of a text: split into sentences, find cues, roll up.

    Parameters
    ----------
    text : str
        A submission's or segment's text.
    svartype : str, optional
        The answer page's "Svartype".

    Returns
    -------
    StanceResult
    """
    return rollup(text_sentences(text), svartype=svartype)


def combine_stances(stances: Iterable[str]) -> str:
    """One stance from several of the same submission (e.g. its segments on one theme).

    Support with opposition (or ``delvis``) is ``delvis``; a position beats ``ingen_merknader``,
    which beats ``uklart``.

    Parameters
    ----------
    stances : iterable of str
        Values of :data:`SUBMISSION_STANCES`.

    Returns
    -------
    str
    """
    seen = set(stances)
    if "delvis" in seen or {"støtter", "imot"} <= seen:
        return "delvis"
    for stance in ("støtter", "imot", "ingen_merknader"):
        if stance in seen:
            return stance
    return "uklart"


@dataclass(frozen=True, slots=True)
class StanceRow:
    """One submission's stance on one theme (the input of :func:`theme_stances`)."""

    submission_id: str
    theme_id: str | int
    stance: str
    respondent_type: str = "ukjent"
    evidence: str | None = None


@dataclass(frozen=True)
class ThemeStance:
    """Stance of the submissions on one theme.

    Attributes
    ----------
    theme_id : str or int
    n : int
        Submissions on the theme (each counted once).
    counts : dict of str to int
        Submissions per stance (every value of :data:`SUBMISSION_STANCES`).
    shares : dict of str to float
        ``counts / n``, four decimals.
    by_respondent : dict of str to dict of str to int
        Counts per respondent type and stance.
    controversy : float
        ``2 · min(share støtter, share imot)``: 0 when one side is silent, 1 at an even split.
    quote_for, quote_against : tuple of (str, str) or None
        ``(submission id, evidence sentence)`` of the first supporting / opposing submission.
    """

    theme_id: str | int
    n: int
    counts: dict[str, int]
    shares: dict[str, float]
    by_respondent: dict[str, dict[str, int]]
    controversy: float
    quote_for: tuple[str, str] | None = None
    quote_against: tuple[str, str] | None = None


def _theme(theme_id: str | int, rows: list[StanceRow]) -> ThemeStance:
    per_sub: dict[str, list[StanceRow]] = {}
    for r in rows:
        per_sub.setdefault(r.submission_id, []).append(r)
    counts = dict.fromkeys(SUBMISSION_STANCES, 0)
    by_rtype: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(SUBMISSION_STANCES, 0))
    quotes: dict[str, tuple[str, str]] = {}
    for sid, sub_rows in per_sub.items():
        stance = combine_stances(r.stance for r in sub_rows)
        counts[stance] += 1
        by_rtype[sub_rows[0].respondent_type][stance] += 1
        ev = next((r.evidence for r in sub_rows if r.stance == stance and r.evidence), None)
        if ev and stance not in quotes:
            quotes[stance] = (sid, ev)
    n = len(per_sub)
    shares = {k: round(v / n, 4) if n else 0.0 for k, v in counts.items()}
    controversy = round(2 * min(shares["støtter"], shares["imot"]), 4)
    return ThemeStance(theme_id, n, counts, shares, dict(sorted(by_rtype.items())), controversy,
                       quotes.get("støtter"), quotes.get("imot"))


def theme_stances(rows: Iterable[StanceRow | tuple]) -> dict[str | int, ThemeStance]:
    """Counts, shares, respondent-type table, controversy and quotes per theme.

    Parameters
    ----------
    rows : iterable of StanceRow or tuple
        ``(submission id, theme id, stance, respondent type[, evidence])`` per submission and
        theme; a submission with several rows on a theme is counted once
        (:func:`combine_stances`).

    Returns
    -------
    dict of theme id to ThemeStance
        In order of first appearance.
    """
    grouped: dict[str | int, list[StanceRow]] = {}
    for row in rows:
        r = row if isinstance(row, StanceRow) else StanceRow(*row)
        if r.stance not in SUBMISSION_STANCES:
            raise ValueError(f"unknown stance {r.stance!r}; expected one of "
                             f"{', '.join(SUBMISSION_STANCES)}")
        grouped.setdefault(r.theme_id, []).append(r)
    return {tid: _theme(tid, rs) for tid, rs in grouped.items()}
