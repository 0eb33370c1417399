"""Norwegian noun-phrase candidates from analysed segments.

Patterns, inside one sentence, over UPOS tags:
- ``ADJ* NOUN+`` (``offentlig sektor``, ``digitale fellesløsninger``, ``innovasjonsarbeid``);
- ``NOUN ADP ADJ* NOUN`` with a linking preposition (``innovasjon i offentlig sektor``,
  ``arbeid med innovasjon``).
An adjective after a singular article ("det", "den") whose noun is inflected but not in a
definite form is the adjective used as a noun, and the "noun" a misread finite verb: "det
offentlige mangler" (the public sector lacks) is no phrase "offentlige mangler", since a
singular article and adjective take a definite noun ("det offentlige tilbudet") or, in
conservative style, the base form ("den nye lov").
A candidate is grouped by its lemmas (``key``) and remembers its surface text and offsets.
Its ``atoms`` — content lemmas with compounds split into modifier and head, in their Bokmål
form (:mod:`innonlp.nlp.nbnn`) — let different wordings of one idea be recognised
(``innovasjonsarbeid`` ~ ``arbeid med innovasjon``, ``eigedom`` ~ ``eiendom``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

import numpy as np

from ..nlp.analysis import UPOS, SegmentAnalysis, precompute_content_masks
from ..nlp.compounds import split_compound
from ..nlp.loader import pipeline_standard
from ..nlp.nbnn import to_bokmaal_many

LINKING_ADP = frozenset({"i", "av", "for", "med", "til", "om", "på", "mellom", "fra", "frå",
                         "ved", "innen", "innan", "hos", "hjå"})
MAX_WORDS = 5
_NOUN_CODE = UPOS.index("NOUN")
_VERB = UPOS.index("VERB")
_ADJ = UPOS.index("ADJ")
_ADP = UPOS.index("ADP")
_PROPN = UPOS.index("PROPN")
_DET = UPOS.index("DET")
ARTICLES = frozenset({"den", "det"})  # singular: "de nye regler" is conservative style
# the endings of definite noun forms in both standards (-en, -et, -a, -ene, -ane, -i)
DEFINITE_ENDINGS = ("en", "et", "a", "ne", "i")
_COMPOUND = frozenset({_NOUN_CODE, _ADJ})


class Candidate(NamedTuple):
    key: tuple[str, ...]      # lower-cased lemmas, in order
    atoms: frozenset[str]     # content lemmas, compounds split
    surface: str              # the words as written (one space between them)
    segment: int              # index of the segment analysis
    start: int                # character offsets into the segment text
    end: int


def noun_phrases(a: SegmentAnalysis, segment: int, text: str,
                 atom_cache: dict[tuple, Any] | None = None
                 ) -> list[Candidate]:
    """All candidates of one analysed segment (``text`` is the segment's text).
    ``atom_cache`` (shared over a corpus) memoises the atoms of words and phrases."""
    return [Candidate(key, atoms, surface, segment, start, end)
            for _, key, atoms, surface, start, end in scan([a], atom_cache)]


Found = tuple[int, tuple[str, ...], frozenset[str], str, int, int]


def scan(analyses: Sequence[SegmentAnalysis], atom_cache: dict[tuple, Any] | None = None
         ) -> Iterator[Found]:
    """(index into ``analyses``, key, atoms, surface, start, end) of every candidate of many
    segments, in order: their tokens are scanned as one sequence in which a segment's first
    token is a barrier no phrase crosses, like a sentence start (the same candidates as one
    segment at a time, without the per-segment overhead)."""
    if not analyses:
        return
    strings = analyses[0].strings
    if any(a.strings is not strings for a in analyses):
        for n, a in enumerate(analyses):  # different string tables: one at a time
            for _, key, key_atoms, surface, start, end in scan([a], atom_cache):
                yield n, key, key_atoms, surface, start, end
        return
    lens = np.array([len(a) for a in analyses], dtype=np.int64)
    total = int(lens.sum())
    if not total:
        return
    precompute_content_masks(list(analyses))
    content = np.concatenate([a.content_mask() for a in analyses])
    pos_arr = np.concatenate([a.pos for a in analyses])
    # content words are NOUN/PROPN/ADJ/VERB without stop lemmas: for nouns and adjectives
    # "not a stop word" is the content mask itself; inside a phrase only its prepositions
    # are not atoms
    noun_arr = content & (pos_arr == _NOUN_CODE)
    adj_arr = content & (pos_arr == _ADJ)
    phrase_arr = noun_arr | adj_arr
    if not phrase_arr.any():
        return
    _drop_bare_definites(analyses, pos_arr, adj_arr, noun_arr)
    phrase_arr = noun_arr | adj_arr
    stop = (~content | (pos_arr == _ADP) | (pos_arr == _VERB)).tolist()
    is_noun = noun_arr.tolist()
    is_adj = adj_arr.tolist()
    pos = pos_arr.tolist()
    starts_arr = np.concatenate([a.sent_starts for a in analyses])
    firsts = np.concatenate([[0], np.cumsum(lens)[:-1]])
    barrier_arr = starts_arr.copy()
    barrier_arr[firsts[lens > 0]] = True
    starts = starts_arr.tolist()   # sentence starts: a capital there is not a name's
    barrier = barrier_arr.tolist()  # no phrase crosses a sentence or segment start
    offsets = np.concatenate([a.offsets for a in analyses]).tolist()
    seg_of = np.repeat(np.arange(len(analyses)), lens).tolist()
    langs = [pipeline_standard(a.standard) for a in analyses]
    nn_of = [lang == "nn" for lang in langs]
    # words and lemmas only where a phrase can use them (nouns, adjectives, prepositions);
    # plain lists: indexing numpy scalars one by one is slow in these loops
    words: list[str] = [""] * total
    lemmas: list[str] = [""] * total
    lemma_h = np.concatenate([a.lemma for a in analyses]).tolist()
    orth = np.concatenate([a.orth for a in analyses]).tolist()
    low = strings.lower
    for t in np.flatnonzero(phrase_arr | (pos_arr == _ADP)).tolist():
        words[t] = strings[orth[t]]
        lemmas[t] = low(lemma_h[t])
    cache = {} if atom_cache is None else atom_cache
    n = total

    def atoms(idx: range, nn: bool, lang: str) -> frozenset[str]:
        got: set[str] = set()
        for t in idx:
            if stop[t]:
                continue
            ck = (lemma_h[t], pos[t], nn)
            parts = cache.get(ck)
            if parts is None:
                split = split_compound(lemmas[t], lang) if pos[t] in _COMPOUND else None
                # atoms in one written standard: "eigedom" and "eiendom" are one idea
                parts = cache[ck] = tuple(to_bokmaal_many(split if split else (lemmas[t],)))
            got.update(parts)
        return frozenset(got)

    def found(i: int, j: int) -> Found:  # tokens i..j inclusive
        j1 = j + 1
        shown = words[i:j1]
        if starts[i] and pos[i] != _PROPN and not shown[0].isupper():
            shown[0] = shown[0][:1].lower() + shown[0][1:]  # sentence-initial capital
        key = tuple(lemmas[i:j1])
        seg = seg_of[i]
        nn = nn_of[seg]
        # a phrase's atoms depend on its lemmas, which of its words are prepositions and
        # the written standard (compound splitting): memoised per phrase
        pk = (key, tuple(pos[i:j1]), nn)
        got = cache.get(pk)
        if got is None:
            got = cache[pk] = atoms(range(i, j1), nn, langs[seg])
        return seg, key, got, " ".join(shown), offsets[i], offsets[j] + len(words[j])

    nxt = 0  # the next token a phrase may start at
    for i in np.flatnonzero(phrase_arr).tolist():
        if i < nxt:
            continue
        spans: list[tuple[int, int]] = []
        j = i
        while j < n and is_adj[j] and not barrier[j + 1 if j + 1 < n else j]:
            j += 1
        k = j
        while k < n and is_noun[k] and (k == i or not barrier[k]):
            k += 1
        if k > j:  # at least one noun after the adjectives
            last = k - 1
            for s in range(i, j + 1):      # every adjective start: "offentlig sektor"
                for e in range(max(s, j), last + 1):
                    if is_noun[e]:
                        spans.append((s, e))
            for e in range(j, last + 1):   # and every noun on its own
                spans.append((e, e))
            # NOUN ADP ADJ* NOUN
            p = last + 1
            if p + 1 < n and pos[p] == _ADP and lemmas[p] in LINKING_ADP \
                    and not barrier[p]:
                q = p + 1
                while q < n and is_adj[q] and not barrier[q]:
                    q += 1
                if q < n and is_noun[q] and not barrier[q]:
                    spans.append((last, q))
                    if last > j and is_noun[j]:
                        spans.append((j, q))
            nxt = k
        else:
            nxt = j + 1 if j > i else i + 1
        seen: set[tuple[int, int]] = set()
        for s, e in spans:
            if e - s < MAX_WORDS and (s, e) not in seen:
                seen.add((s, e))
                yield found(s, e)


def _drop_bare_definites(analyses: Sequence[SegmentAnalysis], pos: np.ndarray,
                         adj: np.ndarray, noun: np.ndarray) -> None:
    """Clear ``adj`` and ``noun`` (in place; tokens of the joined ``analyses``) where an
    article ("det", "den", "de") and adjectives are followed by an inflected noun not in
    a definite form: the adjective is used as a noun and the "noun" is a misread verb ("det
    offentlige mangler" is no phrase "offentlige mangler")."""
    after = np.flatnonzero((pos[:-1] == _DET) & adj[1:])
    if not len(after):
        return
    strings = analyses[0].strings
    orth = np.concatenate([a.orth for a in analyses])
    lemma = np.concatenate([a.lemma for a in analyses])
    starts = np.concatenate([a.sent_starts for a in analyses])
    for d in after.tolist():
        if strings[int(orth[d])].lower() not in ARTICLES:
            continue
        k = d + 1
        while k < len(pos) and adj[k] and not (k > d + 1 and starts[k]):
            k += 1
        if k < len(pos) and noun[k] and not starts[k] and not \
                _definite(strings[int(orth[k])].lower(), strings.lower(int(lemma[k]))):
            adj[d + 1:k] = False
            noun[k] = False


def _definite(form: str, lemma: str) -> bool:
    """Whether a noun form fits a singular article: definite ("tilbudet", "loven") or the
    base form of conservative style ("den nye lov"); "mangler" (lemma "mangel", a plural
    or a verb) does not."""
    return form == lemma or form.endswith(DEFINITE_ENDINGS)
