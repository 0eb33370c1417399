"""The token lists of many segments, held compactly for the theme finder.

A big consultation's segments have tens of millions of tokens; as Python lists of strings
they cost about ten times what they cost as ids into one vocabulary. :class:`TokenDocs` is
a read-only sequence of token lists (``docs[i]`` is a list of strings, as before) stored as
one id array with row pointers; :class:`~innonlp.themes.finder.TokenListTfidf` counts its
terms straight from the ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp


class TokenDocs(Sequence):
    """Token lists: segment ``i`` has the tokens ``vocab[j]`` for ``j`` in
    ``ids[ptr[i]:ptr[i + 1]]``, in order; the strings of ``vocab`` are distinct."""

    def __init__(self, vocab: Sequence[str], ids: np.ndarray, ptr: np.ndarray):
        self.vocab = list(vocab)
        self.ids = np.asarray(ids)
        self.ptr = np.asarray(ptr, dtype=np.int64)
        if len(self.ptr) < 1 or self.ptr[0] != 0 or self.ptr[-1] != len(self.ids):
            raise ValueError("ptr must run from 0 to the number of token ids")

    @classmethod
    def from_lists(cls, docs: Iterable[Sequence[str]]) -> TokenDocs:
        index: dict[str, int] = {}
        ids: list[int] = []
        ptr = [0]
        for d in docs:
            ids.extend(index.setdefault(t, len(index)) for t in d)
            ptr.append(len(ids))
        return cls(list(index), id_array(ids, len(index)), np.array(ptr, dtype=np.int64))

    def __len__(self) -> int:
        return len(self.ptr) - 1

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return self.take(np.arange(len(self))[i])
        i = range(len(self))[i]  # IndexError past the end, negative from the end
        vocab = self.vocab
        return [vocab[j] for j in self.ids[self.ptr[i]:self.ptr[i + 1]].tolist()]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(
            list(a) == list(b) for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def take(self, rows: Sequence[int] | np.ndarray) -> TokenDocs:
        """The token lists of ``rows`` (in that order), sharing the vocabulary."""
        rows = np.asarray(rows, dtype=np.int64)
        lengths = np.diff(self.ptr)[rows]
        ptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        starts = np.repeat(self.ptr[rows] - ptr[:-1], lengths)
        return TokenDocs(self.vocab, self.ids[starts + np.arange(ptr[-1])], ptr)

    def counts(self) -> sp.csr_array:
        """Segments × vocabulary term counts (float), indices sorted."""
        return count_matrix(self.ids, self.ptr, len(self.vocab))

    def n_distinct(self) -> np.ndarray:
        """The number of distinct tokens of each segment."""
        return np.diff(self.counts().indptr)


def count_matrix(ids: np.ndarray, ptr: np.ndarray, n_cols: int) -> sp.csr_array:
    """Rows × ``n_cols`` counts of the column ids ``ids[ptr[i]:ptr[i + 1]]`` of each row
    (float, indices sorted)."""
    # copies: scipy would share the arrays, and summing duplicates rewrites them
    X = sp.csr_array((np.ones(len(ids)), ids.copy(), ptr.copy()),
                     shape=(len(ptr) - 1, max(n_cols, 1)))
    X.sum_duplicates()
    return X


def id_array(ids: Any, n_vocab: int) -> np.ndarray:
    """Token ids as the smallest of int32/int64 that holds ``n_vocab`` ids."""
    return np.asarray(ids, dtype=np.int32 if n_vocab < 2**31 else np.int64)


def place(out: np.ndarray, ptr: np.ndarray, ids: np.ndarray, per_doc: np.ndarray,
          before: np.ndarray | int) -> None:
    """Write ``ids`` (``per_doc[i]`` of them for segment ``i``, segments in order) into
    ``out`` at ``ptr[i] + before[i]`` onwards for each segment: how the token kinds of a
    segment (lemmas, compound parts, phrases) are laid one after the other."""
    first = np.cumsum(per_doc, dtype=np.int64) - per_doc  # where each segment's ids begin
    start = ptr[:-1] + before
    pos = np.arange(len(ids), dtype=np.int64) + np.repeat(start - first, per_doc)
    out[pos] = ids
