"""A second pass over decoded entities: a name found somewhere in a text is found wherever
the same words come again in that text, untagged, with the type it got most often.

Works on label indices (``O`` = 0, then ``B-X``/``I-X`` pairs, as in
:func:`~innonlp.nlp.ner_decode.bio_labels`) and word type ids, so it needs no text.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np

from .ner_decode import spans_of_ids


def _majority(found: dict[tuple, Counter]) -> dict[tuple, int]:
    """Each word sequence's most frequent begin label (ties: the lower label)."""
    return {k: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for k, c in found.items()}


def propagate(labels: np.ndarray, ids: np.ndarray, capitalised: np.ndarray,
              texts: np.ndarray | None = None, max_len: int = 4,
              kinds: frozenset[int] | None = None) -> np.ndarray:
    """Labels with each tagged word sequence (of up to ``max_len`` words, the first one
    capitalised) also tagged where it recurs wholly outside entities in the same text.

    Parameters
    ----------
    labels : label index per token (a valid BIO sequence).
    ids : word type id per token.
    capitalised : per word type id, whether it starts with a capital letter.
    texts : a text number per token (one text when None).
    max_len : the longest word sequence carried over.
    kinds : the begin labels carried over (all when None).

    Returns
    -------
    The new label indices (a copy).
    """
    out = labels.copy()
    found = spans_of_ids(labels)
    if not found:
        return out
    text = np.zeros(len(ids), dtype=np.int64) if texts is None else texts
    seen: dict[tuple, Counter] = defaultdict(Counter)
    for a, b in found:
        if b - a <= max_len and capitalised[ids[a]] and (kinds is None
                                                         or int(labels[a]) in kinds):
            seen[(int(text[a]), *ids[a:b].tolist())][int(labels[a])] += 1
    if not seen:
        return out
    best = _majority(seen)
    firsts: dict[tuple[int, int], list[tuple]] = defaultdict(list)
    for key in best:
        firsts[key[:2]].append(key)
    for keys in firsts.values():
        keys.sort(key=len, reverse=True)  # the longest sequence first
    outside = labels == 0
    for i in np.flatnonzero(outside & capitalised[ids]).tolist():
        for key in firsts.get((int(text[i]), int(ids[i])), ()):
            n = len(key) - 1
            if i + n <= len(ids) and outside[i: i + n].all() \
                    and ids[i: i + n].tolist() == list(key[1:]):
                out[i] = best[key]
                out[i + 1: i + n] = best[key] + 1
                outside[i: i + n] = False
                break
    return out
