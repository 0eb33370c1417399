"""Per-sentence stance cues: which cue matched, where, towards what, and whether it is negated.

Works on plain sentence strings: one compiled alternation of every cue in
:mod:`innonlp.stance.cues` is searched in the lower-cased sentence, so a sentence without a
cue costs one regex scan (about a million sentences in well under a minute on one core).
Offsets refer to the sentence as given (lower-casing keeps its length).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..ingest.sentences import split_sentences
from . import cues as C

GENERAL_TARGET = "forslaget"
"""Target of a cue aimed at the proposal as a whole."""

_FLIP = {"støtter": "imot", "imot": "støtter"}
_FLIPPED_WEIGHT = 0.8  # "ikke uenig", "ikke imot": support, but hedged
_QUESTION_WEIGHT = 0.5  # cues in questions ("Hvorfor skal vi støtte dette?") count as weak


def _compile_cue(pattern: str) -> str:
    return r"\b(?:" + pattern.replace(" ", r"\s+") + r")(?!\w)"


def _alternation(ids: Iterable[int]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<c{i}>{_compile_cue(C.ALL_CUES[i].pattern)})"
                               for i in sorted(ids)))


_CUE_RE = _alternation(range(len(C.ALL_CUES)))
_ANCHOR_RE = re.compile("|".join(re.escape(a).replace(r"\ ", r"\s+") for a in C.ANCHORS))
# cues per anchor (a cue whose text names no anchor is tried on every anchored sentence)
_BY_ANCHOR = {a: frozenset(i for i, c in enumerate(C.ALL_CUES) if a in c.pattern)
              for a in C.ANCHORS}
_UNANCHORED = frozenset(i for i, c in enumerate(C.ALL_CUES)
                        if not any(a in c.pattern for a in C.ANCHORS))


_SINGLE = [re.compile(_compile_cue(c.pattern)) for c in C.ALL_CUES]


def _cue_scan(low: str) -> list[tuple[int, int, int]]:
    """Cue matches in ``low`` as (cue id, start, end): the matches :data:`_CUE_RE` finds
    (leftmost first; at one position the cue listed first; each search goes on where the
    last match ended), found by trying only the cues whose anchors occur, each with its own
    compiled pattern (a pattern per set of anchors would be compiled for every new set:
    thousands on a big consultation)."""
    found = {re.sub(r"\s+", " ", m.group()) for m in _ANCHOR_RE.finditer(low)}
    if not found:
        return []
    ids = frozenset().union(_UNANCHORED, *(_BY_ANCHOR[a] for a in found))
    ahead = {i: _SINGLE[i].search(low) for i in sorted(ids)}  # each cue's next match
    out: list[tuple[int, int, int]] = []
    while True:
        live = [(m.start(), i) for i, m in ahead.items() if m is not None]
        if not live:
            return out
        start, i = min(live)
        end = ahead[i].end()  # type: ignore[union-attr]
        out.append((i, start, end))
        pos = max(end, start + 1)
        for j, m in ahead.items():
            if m is not None and m.start() < pos:
                ahead[j] = _SINGLE[j].search(low, pos)


_NEGATOR_RE = re.compile(r"\b(?:" + "|".join(sorted(C.NEGATORS, key=len, reverse=True))
                         + r")\b")
_NOT_NEGATING_RE = re.compile(r"\b(?:" + "|".join(C.NOT_NEGATING).replace(" ", r"\s+") + r")\b")
_CLAUSE_RE = re.compile(r"[,;:()–]|\s-\s|\b(?:" + "|".join(C.CONTRAST).replace(" ", r"\s+")
                        + r"|og|samt)\b")
_CONTRAST_RE = re.compile(r"\b(?:" + "|".join(C.CONTRAST).replace(" ", r"\s+") + r")\b")
_EXCEPTION_RE = re.compile(r"\s*(?:til \w+ )?(?:" + "|".join(C.EXCEPTIONS).replace(" ", r"\s+")
                           + r")\b")
_TARGET_RE = re.compile("|".join(f"(?:{p})" for p in C.TARGET_PATTERNS).replace(" ", r"\s*"))
_PROPOSAL_RE = re.compile(r"\b(?:" + C.PROPOSAL_WORDS + r")")
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class CueMatch:
    """One cue found in a sentence.

    Attributes
    ----------
    stance : str
        The stance after negation (a negated support cue is ``imot``).
    cue : str
        The matched text as written in the sentence.
    start, end : int
        Character span of the cue in the sentence.
    weight : float
        The cue's weight (0 for a partial "ingen merknader utover …").
    negated : bool
        A negator next to the cue flipped it.
    target : str or None
        ``"forslaget"`` (the proposal in general), a numbered point ("punkt 3.2", "§ 12",
        "kapittel 4") or None.
    """

    stance: str
    cue: str
    start: int
    end: int
    weight: float
    negated: bool
    target: str | None


@dataclass(frozen=True, slots=True)
class SentenceCue:
    """The stance cue of one sentence: the deciding match and all matches.

    Attributes
    ----------
    stance : str or None
        ``støtter``, ``imot``, ``betinget``, ``ingen_merknader`` or None (no cue).
    cue : str or None
        Text of the deciding cue.
    span : tuple of int or None
        Character span of the deciding cue in the sentence.
    target : str or None
        Target of the deciding cue (see :class:`CueMatch`).
    negated : bool
        Whether the deciding cue was flipped by a negator.
    weight : float
        Weight of the deciding cue.
    matches : tuple of CueMatch
        Every cue found, in text order.
    """

    stance: str | None
    cue: str | None = None
    span: tuple[int, int] | None = None
    target: str | None = None
    negated: bool = False
    weight: float = 0.0
    matches: tuple[CueMatch, ...] = ()


NO_CUE = SentenceCue(None)


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _clause(low: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause around ``low[start:end]`` (commas, contrast words, 'og')."""
    left, right = 0, len(low)
    for m in _CLAUSE_RE.finditer(low):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    return left, right


def _is_negated(low: str, start: int, end: int, left: int, right: int) -> bool:
    """A negator inside the cue, in the three words before it or the two after it."""
    before = _WORD_RE.findall(low[left:start])[-3:]
    after = _WORD_RE.findall(low[end:right])[:2]
    window = " ".join([*before, "|", *_WORD_RE.findall(low[start:end]), "|", *after])
    for m in _NEGATOR_RE.finditer(window):
        if not _NOT_NEGATING_RE.match(window, m.start()):
            return True
    return False


def _target(low: str, text: str, start: int, end: int, left: int, right: int) -> str | None:
    """A numbered point in the cue's clause (after it first) or before it in the sentence,
    else the proposal when the clause names it, else None."""
    m = _TARGET_RE.search(low, end, right)
    if m is None:  # in the clause before, else fronted ("Når det gjelder § 4, går vi imot")
        before = list(_TARGET_RE.finditer(low, 0, start))
        m = before[-1] if before else None
    if m is not None:
        return re.sub(r"\s+", " ", text[m.start():m.end()]).strip()
    if _PROPOSAL_RE.search(low, left, right):
        return GENERAL_TARGET
    return None


def _match(low: str, text: str, found: tuple[int, int, int]) -> CueMatch | None:
    i, start, end = found
    cue = C.ALL_CUES[i]
    left, right = _clause(low, start, end)
    stance, weight, negated = cue.stance, cue.weight, False
    if cue.negatable and _is_negated(low, start, end, left, right):
        negated = True
        if stance not in _FLIP:
            return None  # "forutsetter ikke": no condition
        stance = _FLIP[stance]
        weight *= _FLIPPED_WEIGHT if stance == "støtter" else 1.0
    if stance == "ingen_merknader" and _EXCEPTION_RE.match(low, end):
        weight = 0.0  # "ingen merknader utover følgende": not a no-comment answer
    if low.rstrip().endswith("?"):
        weight *= _QUESTION_WEIGHT
    return CueMatch(stance, text[start:end], start, end, weight, negated,
                    _target(low, text, start, end, left, right))


def _decide(matches: Sequence[CueMatch], low: str) -> CueMatch | None:
    """The deciding match: substantive beats "ingen merknader"; support with a condition is
    the condition; after a contrast word ("…, men går imot …") the later cue wins a tie."""
    live = [m for m in matches if m.weight > 0]
    substantive = [m for m in live if m.stance != "ingen_merknader"]
    if not substantive:
        return live[0] if live else None
    stances = {m.stance for m in substantive}
    if "betinget" in stances and "imot" not in stances:
        return next(m for m in substantive if m.stance == "betinget")
    best = max(m.weight for m in substantive)
    top = [m for m in substantive if m.weight == best]
    if len(top) > 1 and _CONTRAST_RE.search(low, top[0].end, top[-1].start):
        return top[-1]
    return top[0]


def sentence_cue(sentence: str) -> SentenceCue:
    """The stance cue of one sentence.

    Parameters
    ----------
    sentence : str
        One sentence (any case; offsets refer to it as given).

    Returns
    -------
    SentenceCue
        :data:`NO_CUE` when no cue matches.
    """
    low = _lower(sentence)
    found = _cue_scan(low)
    if not found:
        return NO_CUE
    matches = [cm for f in found if (cm := _match(low, sentence, f)) is not None]
    deciding = _decide(matches, low)
    if deciding is None:
        return SentenceCue(None, matches=tuple(matches))
    return SentenceCue(deciding.stance, deciding.cue, (deciding.start, deciding.end),
                       deciding.target, deciding.negated, deciding.weight, tuple(matches))


def sentence_cues(sentences: Iterable[str]) -> list[SentenceCue]:
    """:func:`sentence_cue` for each sentence, in order.

    Parameters
    ----------
    sentences : iterable of str
        Sentences.

    Returns
    -------
    list of SentenceCue
    """
    return [sentence_cue(s) for s in sentences]


def text_sentences(text: str) -> list[str]:
    """The sentences of a text, split as ingest splits them.

    Parameters
    ----------
    text : str
        A submission's or segment's text.

    Returns
    -------
    list of str
    """
    return [text[a:b] for a, b in split_sentences(text)]
