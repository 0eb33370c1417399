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

from dataclasses import dataclass

import numpy as np

from ..nlp.analysis import UPOS, SegmentAnalysis

LINKING_ADP = frozenset({"i", "av", "for", "med", "til", "om", "på", "mellom", "fra", "frå",
                         "ved", "innen", "innan", "hos", "hjå"})
MAX_WORDS = 5
_NOUN = {UPOS.index("NOUN")}
_ADJ = UPOS.index("ADJ")
_ADP = UPOS.index("ADP")
_PROPN = UPOS.index("PROPN")


@dataclass(frozen=True)
class Candidate:
    key: tuple[str, ...]      # lower-cased lemmas, in order
    atoms: frozenset[str]     # content lemmas, compounds split
    surface: str              # the words as written (one space between them)
    segment: int              # index of the segment analysis
    start: int                # character offsets into the segment text
    end: int


def noun_phrases(a: SegmentAnalysis, segment: int, text: str) -> list[Candidate]:
    """All candidates of one analysed segment (``text`` is the segment's text)."""
    n = len(a)
    if not n:
        return []
    stop_arr = np.isin(a.lemma, a.strings.stop_hashes)
    words = a.words
    lemmas = [a.strings.lower(int(h)) for h in a.lemma]
    # plain lists: indexing numpy scalars one by one is slow in these loops
    pos = a.pos.tolist()
    stop = stop_arr.tolist()
    is_noun = (np.isin(a.pos, list(_NOUN)) & ~stop_arr).tolist()
    is_adj = ((a.pos == _ADJ) & ~stop_arr).tolist()
    starts = a.sent_starts.tolist()
    offsets = a.offsets.tolist()
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    token_atoms: dict[int, tuple[str, ...]] = {}

    def atoms(idx: list[int]) -> frozenset[str]:
        got: set[str] = set()
        for t in idx:
            parts = token_atoms.get(t)
            if parts is None:
                if stop[t] or pos[t] == _ADP:
                    parts = ()
                else:
                    split = a.compound(t)
                    parts = split if split else (lemmas[t],)
                token_atoms[t] = parts
            got.update(parts)
        return frozenset(got)

    def add(i: int, j: int) -> None:  # tokens i..j inclusive
        if (i, j) in seen or j - i + 1 > MAX_WORDS:
            return
        seen.add((i, j))
        idx = list(range(i, j + 1))
        start, end = offsets[i], offsets[j] + len(words[j])
        shown = [words[k] for k in idx]
        if starts[i] and pos[i] != _PROPN and not shown[0].isupper():
            shown[0] = shown[0][:1].lower() + shown[0][1:]  # sentence-initial capital
        out.append(Candidate(tuple(lemmas[k] for k in idx), atoms(idx),
                             " ".join(shown), segment, start, end))

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
