"""Viterbi decoding of BIO entity labels, exact under the BIO constraints and fast because
tokens that are certainly outside any entity split the text into short runs.

Labels are ``O`` (index 0) followed by ``B-X``/``I-X`` pairs; ``I-X`` may follow only
``B-X`` or ``I-X``, so every decoded sequence reads as whole entities.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

INVALID = -1e6


def bio_labels(types: Sequence[str]) -> list[str]:
    """``O``, then ``B-X``, ``I-X`` for each type ``X``."""
    return ["O", *(f"{p}-{t}" for t in types for p in ("B", "I"))]


def allowed_mask(labels: Sequence[str]) -> np.ndarray:
    """(n_labels + 1, n_labels): 0 where the transition is allowed, ``INVALID`` where not;
    the last row is the sentence start."""
    n = len(labels)
    mask = np.zeros((n + 1, n))
    for j, lab in enumerate(labels):
        if lab.startswith("I-"):
            for i in range(n + 1):
                prev = labels[i] if i < n else "O"
                if prev[2:] != lab[2:] or prev == "O":
                    mask[i, j] = INVALID
    return mask


def _forced_outside(emit: np.ndarray, start: np.ndarray, trans: np.ndarray,
                    mask: np.ndarray) -> np.ndarray:
    """Tokens that are ``O`` in every best label sequence: for every other label ``y``,
    relabelling the token ``O`` (and a following ``I-X`` as ``B-X``) gains more in emission
    than the transitions around it can lose, at worst."""
    n_lab = emit.shape[1]
    if n_lab < 2:
        return np.ones(len(emit), dtype=bool)
    valid = mask > INVALID / 2
    # from any allowed previous label (or the start) into O instead of y
    into = np.where(valid[:, 1:], trans[:, :1] - trans[:, 1:], np.inf).min(0)
    begin = np.arange(1, n_lab, 2)
    outer = np.append(0, begin)  # labels that may follow y other than its own I-X
    after = (trans[0, outer][None, :] - trans[1:n_lab, outer]).min(1)
    kind_b = 1 + 2 * ((np.arange(1, n_lab) - 1) // 2)  # B-X of each label y
    follow = np.append(outer, 0)
    own: list[float] = []
    for b in kind_b.tolist():  # the next I-X relabelled B-X, and what may follow it
        rest = min(0.0, float((trans[b, follow] - trans[b + 1, follow]).min()),
                   float(trans[b, b + 1] - trans[b + 1, b + 1]))
        own.append(rest)
    relabel = trans[0, kind_b] - trans[np.arange(1, n_lab), kind_b + 1] + np.array(own)
    nxt = np.zeros((len(emit), n_lab - 1))
    if len(emit) > 1:
        gain = emit[1:][:, kind_b] - emit[1:][:, kind_b + 1]
        term = np.minimum(after[None, :], relabel[None, :] + gain)
        nxt[:-1] = np.where(start[1:, None], 0.0, term)
    margin = emit[:, :1] - emit[:, 1:] + into[None, :] + nxt
    return (margin > 0).all(1)


def _runs(free: np.ndarray, start: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends of the runs of free tokens (a sentence start begins a new run)."""
    edge = free & ~np.append(False, free[:-1] & ~start[1:])
    begins = np.flatnonzero(edge)
    stop = free & ~np.append(free[1:] & ~start[1:], False)
    return begins, np.flatnonzero(stop) + 1


def viterbi(emit: np.ndarray, start: np.ndarray, trans: np.ndarray, mask: np.ndarray
            ) -> np.ndarray:
    """Best label index per token for the emission scores ``emit`` (n_tokens, n_labels),
    sentence starts ``start`` and transition weights ``trans`` (n_labels + 1, n_labels,
    the last row from the sentence start) under ``mask`` (:func:`allowed_mask`)."""
    n, n_lab = emit.shape
    out = np.zeros(n, dtype=np.int64)
    if not n:
        return out
    start = start.copy()
    start[0] = True
    allowed = trans + mask
    free = ~_forced_outside(emit, start, trans, mask)
    begins, ends = _runs(free, start)
    if not len(begins):
        return out
    lengths = ends - begins
    into_o = np.zeros(len(ends), dtype=bool)
    inside = ends < n
    into_o[inside] = ~start[ends[inside]]
    init = np.where(start[begins], n_lab, 0)
    step = allowed[:n_lab]
    for length in np.unique(lengths).tolist():
        sel = np.flatnonzero(lengths == length)
        b = begins[sel]
        delta = allowed[init[sel]] + emit[b]
        back = np.zeros((length, len(sel), n_lab), dtype=np.int64)
        for t in range(1, length):
            s = delta[:, :, None] + step[None]
            back[t] = s.argmax(1)
            delta = s.max(1) + emit[b + t]
        delta = delta + np.where(into_o[sel][:, None], step[:, 0][None], 0.0)
        best = delta.argmax(1)
        rows = np.arange(len(sel))
        for t in range(length - 1, -1, -1):
            out[b + t] = best
            best = back[t, rows, best]
    return out


def spans(tags: Sequence[int], labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first token, end token, type) of the entities in a valid BIO label sequence."""
    out = []
    begin = -1
    kind = ""
    for i, k in enumerate([*tags, 0]):
        lab = labels[k]
        if begin >= 0 and not (lab.startswith("I-") and lab[2:] == kind):
            out.append((begin, i, kind))
            begin = -1
        if lab.startswith("B-"):
            begin, kind = i, lab[2:]
    return out


def spans_of_ids(tags: np.ndarray) -> list[tuple[int, int]]:
    """(first token, end token) of the entities in a valid BIO label index sequence
    (``O`` = 0, ``B-X`` odd, ``I-X`` the even index after it)."""
    begins = np.flatnonzero(tags % 2 == 1)
    if not len(begins):
        return []
    inside = np.append(tags % 2 == 0, False) & np.append(tags > 0, False)
    ends = []
    for b in begins.tolist():
        e = b + 1
        while inside[e]:
            e += 1
        ends.append(e)
    return list(zip(begins.tolist(), ends, strict=True))
