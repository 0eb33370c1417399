"""Norwegian noun-phrase candidates from analysed segments.

Patterns, inside one sentence, over UPOS tags:
- ``ADJ* NOUN+`` (``offentlig sektor``, ``digitale fellesløsninger``, ``innovasjonsarbeid``);
- ``NOUN ADP ADJ* NOUN`` with a linking preposition (``innovasjon i offentlig sektor``,
  ``arbeid med innovasjon``).
A candidate is grouped by its lemmas (``key``) and remembers its surface text and offsets.
Its ``atoms`` — content lemmas with compounds split into modifier and head — let different
wordings of one idea be recognised (``innovasjonsarbeid`` ~ ``arbeid med innovasjon``).
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from ..nlp.analysis import UPOS, SegmentAnalysis
from ..nlp.loader import pipeline_standard

LINKING_ADP = frozenset({"i", "av", "for", "med", "til", "om", "på", "mellom", "fra", "frå",
                         "ved", "innen", "innan", "hos", "hjå"})
MAX_WORDS = 5
_NOUN_CODE = UPOS.index("NOUN")
_VERB = UPOS.index("VERB")
_ADJ = UPOS.index("ADJ")
_ADP = UPOS.index("ADP")
_PROPN = UPOS.index("PROPN")


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
    n = len(a)
    if not n:
        return []
    content = a.content_mask()  # computed in bulk by precompute_content_masks
    stop_arr = np.isin(a.lemma, a.strings.stop_hashes) if atom_cache is None else None
    strings = a.strings
    words = [strings[h] for h in a.orth.tolist()]
    lemma_h = a.lemma.tolist()
    lemmas = [strings.lower(h) for h in lemma_h]
    # plain lists: indexing numpy scalars one by one is slow in these loops
    pos = a.pos.tolist()
    if stop_arr is None:
        # content words are NOUN/PROPN/ADJ/VERB without stop lemmas: for nouns and
        # adjectives "not a stop word" is the content mask itself
        is_noun = (content & (a.pos == _NOUN_CODE)).tolist()
        is_adj = (content & (a.pos == _ADJ)).tolist()
        stop = (~content | (a.pos == _ADP) | (a.pos == _VERB)).tolist()
    else:
        is_noun = ((a.pos == _NOUN_CODE) & ~stop_arr).tolist()
        is_adj = ((a.pos == _ADJ) & ~stop_arr).tolist()
        stop = (stop_arr | (a.pos == _ADP)).tolist()
    starts = a.sent_starts.tolist()
    offsets = a.offsets.tolist()
    cache = {} if atom_cache is None else atom_cache
    nn = pipeline_standard(a.standard) == "nn"
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()

    def atoms(idx: range) -> frozenset[str]:
        got: set[str] = set()
        for t in idx:
            if stop[t]:
                continue
            ck = (lemma_h[t], pos[t], nn)
            parts = cache.get(ck)
            if parts is None:
                split = a.compound(t)
                parts = cache[ck] = split if split else (lemmas[t],)
            got.update(parts)
        return frozenset(got)

    def add(i: int, j: int) -> None:  # tokens i..j inclusive
        if j - i >= MAX_WORDS or (i, j) in seen:
            return
        seen.add((i, j))
        j1 = j + 1
        shown = words[i:j1]
        if starts[i] and pos[i] != _PROPN and not shown[0].isupper():
            shown[0] = shown[0][:1].lower() + shown[0][1:]  # sentence-initial capital
        key = tuple(lemmas[i:j1])
        # a phrase's atoms depend on its lemmas, which of its words are prepositions and
        # the written standard (compound splitting): memoised per phrase
        pk = (key, tuple(pos[i:j1]), nn)
        found = cache.get(pk)
        if found is None:
            found = cache[pk] = atoms(range(i, j1))
        out.append(Candidate(key, found, " ".join(shown), segment, offsets[i],
                             offsets[j] + len(words[j])))

    i = 0
    while i < n:
        if not (is_adj[i] or is_noun[i]):
            i += 1
            continue
        j = i
        while j < n and is_adj[j] and not starts[j + 1 if j + 1 < n else j]:
            j += 1
        k = j
        while k < n and is_noun[k] and (k == i or not starts[k]):
            k += 1
        if k > j:  # at least one noun after the adjectives
            last = k - 1
            for s in range(i, j + 1):      # every adjective start: "offentlig sektor"
                for e in range(max(s, j), last + 1):
                    if is_noun[e]:
                        add(s, e)
            for e in range(j, last + 1):   # and every noun on its own
                add(e, e)
            # NOUN ADP ADJ* NOUN
            p = last + 1
            if p + 1 < n and pos[p] == _ADP and lemmas[p] in LINKING_ADP \
                    and not starts[p]:
                q = p + 1
                while q < n and is_adj[q] and not starts[q]:
                    q += 1
                if q < n and is_noun[q] and not starts[q]:
                    add(last, q)
                    if last > j:
                        add(j, q) if is_noun[j] else None
            i = k
        else:
            i = j + 1 if j > i else i + 1
    return out
