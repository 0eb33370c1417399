"""A fast greedy averaged-perceptron part-of-speech tagger with hashed features.

Word-level features (the word, its suffixes, prefix and shape, in each of five roles: the
word itself, the previous/next word, the word two back/ahead) are hashed once per word
*type* and cached in a table, so tagging a document is a cached lookup per token, numpy
gathers, and a left-to-right pass over a precomputed best-tag-given-previous-tag table.
The learned weights are sparse: only hash buckets that training touched are kept
(``buckets_``), so the shipped model is about 1 MB.

Estimator-style: parameters in ``__init__``, learned attributes end in ``_``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from murmurhash.mrmr import hash as _murmur

_REPEAT = re.compile(r"(.)\1{2,}")
# Tokens after which the next word starts a sentence-like unit (capitalisation is then weak
# evidence for a proper noun).
_START_AFTER = frozenset({".", "!", "?", ":", "«", "»", '"', "–", "-", "…"})
BOS, EOS = "<S>", "</S>"


def _shape_table() -> dict[int, str]:
    table = {}
    for cp in range(0x250):
        ch = chr(cp)
        if ch.isdigit():
            table[cp] = "d"
        elif ch.isupper():
            table[cp] = "X"
        elif ch.islower():
            table[cp] = "x"
    return table


_SHAPE = _shape_table()


def word_shape(word: str) -> str:
    """Xxxx-style shape: letters → X/x, digits → d, runs of three or more cut to two."""
    return _REPEAT.sub(r"\1\1", word.translate(_SHAPE))[:5]


def _role_features(word: str) -> tuple[list[str], ...]:
    low = word.lower()
    shape = word_shape(word)
    s2, s3 = low[-2:], low[-3:]
    cur = ["b", "w=" + low, "sh=" + shape, "cap=1" if word[:1].isupper() else "cap=0",
           "s1=" + low[-1:], "s2=" + s2, "s3=" + s3, "s4=" + low[-4:], "s5=" + low[-5:],
           "p3=" + low[:3], "hy=1" if "-" in word else "hy=0", f"len={min(len(word), 12)}"]
    prev = ["w-1=" + low, "s3-1=" + s3, "sh-1=" + shape, "s2-1=" + s2]
    nxt = ["w+1=" + low, "s3+1=" + s3, "sh+1=" + shape]
    return cur, prev, nxt, ["w-2=" + low], ["w+2=" + low]


CACHE_TYPES = 200_000  # word types kept in the cache before it is emptied
ROLE_SIZES = (12, 4, 3, 1, 1)  # features per role, in _role_features order
_ROLE_SLICES = tuple(slice(sum(ROLE_SIZES[:r]), sum(ROLE_SIZES[: r + 1]))
                     for r in range(len(ROLE_SIZES)))


class PerceptronTagger:
    """Greedy left-to-right tagger; ``fit(sentences, tags)`` then ``predict(words)``."""

    def __init__(self, n_buckets: int = 1 << 20, epochs: int = 10, seed: int = 0):
        self.n_buckets = n_buckets
        self.epochs = epochs
        self.seed = seed
        self._reset_cache()

    # ---- features -------------------------------------------------------------------
    def _reset_cache(self) -> None:
        self._type_ids: dict = {}
        self._table = np.zeros((1024, sum(ROLE_SIZES)), dtype=np.int64)
        self._flags = np.zeros((1024, 2), dtype=bool)  # capitalised, starts-next-unit
        self._scores: np.ndarray | None = None  # (types, roles, tags) once trained

    def _hash(self, feature: str) -> int:
        # MurmurHash3 (x86, 32 bit) of the UTF-8 bytes, unsigned: scikit-learn's
        # murmurhash3_32(feature, seed=7, positive=True), without importing scikit-learn
        return (_murmur(feature, seed=7) & 0xFFFFFFFF) % self.n_buckets

    def _rows(self, buckets: np.ndarray) -> np.ndarray:
        """Map hash buckets to weight rows (0 = a zero row for untrained buckets)."""
        if not hasattr(self, "buckets_"):
            return buckets  # training: dense table indexed by bucket
        pos = np.searchsorted(self.buckets_, buckets)
        pos = np.minimum(pos, len(self.buckets_) - 1)
        return np.where(self.buckets_[pos] == buckets, pos + 1, 0)

    def _add_types(self, keys: list, texts: list[str]) -> None:
        """Hash the features of new word types and store their weight rows (batched); for a
        trained tagger also each role's summed weights, so tagging gathers one row per role
        instead of one per feature."""
        i = len(self._type_ids)
        need = i + len(keys)
        if need > len(self._table):
            grow = max(need, 2 * len(self._table))

            def _grow(a: np.ndarray) -> np.ndarray:
                return np.concatenate([a, np.zeros((grow - len(a), *a.shape[1:]), a.dtype)])

            self._table, self._flags = _grow(self._table), _grow(self._flags)
            if self._scores is not None:
                self._scores = _grow(self._scores)
        hashes = [self._hash(f) for t in texts for fs in _role_features(t) for f in fs]
        rows = self._rows(np.array(hashes, dtype=np.int64)).reshape(len(keys), -1)
        self._table[i:need] = rows
        self._flags[i:need, 0] = [t[:1].isupper() for t in texts]
        self._flags[i:need, 1] = [t in _START_AFTER for t in texts]
        if hasattr(self, "weights_"):
            if self._scores is None:
                self._scores = np.zeros((len(self._table), len(ROLE_SIZES),
                                         self.weights_.shape[1]), np.float32)
            w = self.weights_[rows]
            for r, sl in enumerate(_ROLE_SLICES):
                self._scores[i:need, r] = w[:, sl].sum(1)
        for j, k in enumerate(keys):
            self._type_ids[k] = i + j

    def _ids_with_edges(self, words: Sequence[object], text_of=None  # noqa: ANN001
                        ) -> np.ndarray:
        """BOS, EOS and the words' type ids from one lookup (a cache reset between two
        lookups would invalidate the first one's ids)."""
        if text_of is None:
            return self.type_ids([BOS, EOS, *words])
        edges = {BOS: BOS, EOS: EOS}
        return self.type_ids([BOS, EOS, *words],
                             lambda k: edges[k] if k in edges else text_of(k))

    def type_ids(self, keys: Sequence[object], text_of=None) -> np.ndarray:  # noqa: ANN001
        """Cached type ids of ``keys`` (words, or spaCy orth hashes with ``text_of``)."""
        if len(self._type_ids) > CACHE_TYPES:
            self._reset_cache()
        get = self._type_ids.get
        out = [get(k) for k in keys]
        if None in out:
            new = list(dict.fromkeys(k for k, v in zip(keys, out, strict=True) if v is None))
            names = [text_of(k) for k in new] if text_of else [str(k) for k in new]
            self._add_types(new, names)
            out = [get(k) for k in keys]
        return np.asarray(out, dtype=np.int64)

    def features(self, words: Sequence[object], starts: np.ndarray | None = None,
                 text_of=None) -> np.ndarray:  # noqa: ANN001
        """(n_words, n_features) weight-row indices; ``starts`` marks sentence starts."""
        n = len(words)
        start = np.zeros(n, dtype=bool) if starts is None else np.array(starts, dtype=bool)
        if n:
            start[0] = True
        both = self._ids_with_edges(words, text_of)
        special, ids = both[:2], both[2:]
        table = self._table  # after the lookups: they may have grown it
        rows = table[ids]
        bos, eos = table[special[0]], table[special[1]]
        cur, r_prev, r_next, r_prev2, r_next2 = (rows[:, sl] for sl in _ROLE_SLICES)
        end = np.append(start[1:], True)
        s1 = np.append(False, start[:-1])
        e1 = np.append(end[1:], True)
        prev = np.vstack([r_prev[:1], r_prev[:-1]])
        prev[start] = bos[_ROLE_SLICES[1]]
        nxt = np.vstack([r_next[1:], r_next[:1]])
        nxt[end] = eos[_ROLE_SLICES[2]]
        prev2 = np.vstack([r_prev2[:2], r_prev2[:-2]])[:n]
        prev2[start | s1] = bos[_ROLE_SLICES[3]]
        nxt2 = np.vstack([r_next2[2:], r_next2[:2]])[:n]
        nxt2[end | e1] = eos[_ROLE_SLICES[4]]
        combo = self._combo_rows()[self._combo_index(ids, start)][:, None]
        return np.hstack([cur, prev, nxt, prev2, nxt2, combo])

    def _combo_index(self, ids: np.ndarray, start: np.ndarray) -> np.ndarray:
        flags = self._flags[ids]
        unit_start = start | np.append(False, flags[:-1, 1])
        return 2 * unit_start.astype(np.int64) + flags[:, 0]

    def _neighbours(self, ids: np.ndarray, start: np.ndarray, bos: int, eos: int
                    ) -> tuple[np.ndarray, ...]:
        """Type ids of the previous, next, two-back and two-ahead words (BOS/EOS at
        sentence edges)."""
        n = len(ids)
        end = np.append(start[1:], True)
        s1 = np.append(False, start[:-1])
        e1 = np.append(end[1:], True)
        prev = np.full(n, bos)
        prev[1:] = ids[:-1]
        prev[start] = bos
        nxt = np.full(n, eos)
        nxt[:-1] = ids[1:]
        nxt[end] = eos
        prev2 = np.full(n, bos)
        prev2[2:] = ids[:-2]
        prev2[start | s1] = bos
        nxt2 = np.full(n, eos)
        nxt2[:-2] = ids[2:]
        nxt2[end | e1] = eos
        return prev, nxt, prev2, nxt2

    def scores(self, words: Sequence[object], start: np.ndarray, text_of=None  # noqa: ANN001
               ) -> np.ndarray:
        """(n_words, n_tags) scores without the previous-tag term (trained tagger)."""
        both = self._ids_with_edges(words, text_of)
        bos, eos, ids = int(both[0]), int(both[1]), both[2:]
        prev, nxt, prev2, nxt2 = self._neighbours(ids, start, bos, eos)
        sc = self._scores
        assert sc is not None, "the tagger is not fitted"
        combo = self.weights_[self._combo_rows()]
        return (sc[ids, 0] + sc[prev, 1] + sc[nxt, 2] + sc[prev2, 3] + sc[nxt2, 4]
                + combo[self._combo_index(ids, start)])

    def _combo_rows(self) -> np.ndarray:
        """Rows for (starts a unit, capitalised) pairs, indexed by 2*start + cap."""
        combo = getattr(self, "_combo", None)
        if combo is None:
            buckets = np.array([self._hash(f"cs={s}{c}") for s in (0, 1) for c in (0, 1)])
            combo = self._combo = self._rows(buckets)
        return combo

    # ---- training ---------------------------------------------------------------------
    def fit(self, sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]
            ) -> PerceptronTagger:
        for attr in ("buckets_", "weights_", "history_", "tags_", "_combo"):
            self.__dict__.pop(attr, None)
        self._reset_cache()
        labels = sorted({t for sent in tags for t in sent})
        index = {t: i for i, t in enumerate(labels)}
        n_tags = len(labels)
        feats = [self.features(s) for s in sentences]
        gold = [np.array([index[t] for t in sent]) for sent in tags]
        w = np.zeros((self.n_buckets, n_tags))
        w_sum = np.zeros_like(w)
        h = np.zeros((n_tags + 1, n_tags))  # previous tag (n_tags = sentence start) -> tag
        h_sum = np.zeros_like(h)
        step = 1
        rng = np.random.default_rng(self.seed)
        for _ in range(self.epochs):
            for j in rng.permutation(len(feats)):
                ids, y = feats[j], gold[j]
                scores = w[ids].sum(1)
                p1 = n_tags
                for i in range(len(y)):
                    k = int((scores[i] + h[p1]).argmax())
                    g = y[i]
                    if k != g:
                        f = ids[i]
                        w[f, g] += 1
                        w[f, k] -= 1
                        w_sum[f, g] += step
                        w_sum[f, k] -= step
                        h[p1, g] += 1
                        h[p1, k] -= 1
                        h_sum[p1, g] += step
                        h_sum[p1, k] -= step
                    p1 = k
                    step += 1
        avg = w - w_sum / step
        used = np.flatnonzero(np.abs(avg).max(1) > 1e-3)
        self.tags_ = np.array(labels)
        self.buckets_ = used.astype(np.int64)
        self.weights_ = np.vstack([np.zeros((1, n_tags)), avg[used]]).astype(np.float32)
        self.history_ = (h - h_sum / step).astype(np.float32)
        self._reset_cache()  # training cached raw buckets; prediction needs weight rows
        self.__dict__.pop("_combo", None)
        return self

    # ---- prediction -------------------------------------------------------------------
    def predict_ids(self, words: Sequence[object], starts: np.ndarray | None = None,
                    text_of=None) -> list[int]:  # noqa: ANN001
        """Tag indices into ``tags_``. For every token and every previous tag the best tag is
        computed in one numpy step; the greedy left-to-right pass is then table lookups."""
        n = len(words)
        if not n:
            return []
        start = np.zeros(n, dtype=bool) if starts is None else np.array(starts, dtype=bool)
        start[0] = True
        scores = self.scores(words, start, text_of)
        best = (scores[:, None, :] + self.history_[None, :, :]).argmax(2)
        bos = len(self.tags_)
        # Where the best tag does not depend on the previous one (most tokens), it is final;
        # the left-to-right pass only visits the others.
        tags = best[:, bos].copy()
        fixed = (best == best[:, :1]).all(1) | start
        todo = np.flatnonzero(~fixed).tolist()
        if todo:
            rows = best[todo].tolist()
            out = tags.tolist()
            for i, row in zip(todo, rows, strict=True):
                out[i] = row[out[i - 1]]
            return out
        return tags.tolist()

    def predict(self, words: Sequence[str], starts: Sequence[bool] | None = None
                ) -> list[str]:
        if not words:
            return []
        st = None if starts is None else np.asarray(starts, dtype=bool)
        return [str(self.tags_[k]) for k in self.predict_ids(words, st)]

    # ---- persistence ------------------------------------------------------------------
    def to_arrays(self, prefix: str = "tagger_") -> dict[str, np.ndarray]:
        scale = float(np.abs(self.weights_).max() / 32767) or 1.0
        return {
            prefix + "buckets": self.buckets_.astype(np.int32),
            prefix + "weights": np.round(self.weights_ / scale).astype(np.int16),
            prefix + "scale": np.array([scale]),
            prefix + "history": self.history_,
            prefix + "tags": self.tags_,
            prefix + "n_buckets": np.array([self.n_buckets]),
        }

    @classmethod
    def from_arrays(cls, arrays, prefix: str = "tagger_") -> PerceptronTagger:
        tagger = cls(n_buckets=int(arrays[prefix + "n_buckets"][0]))
        tagger.buckets_ = arrays[prefix + "buckets"].astype(np.int64)
        tagger.weights_ = (arrays[prefix + "weights"].astype(np.float32)
                           * np.float32(arrays[prefix + "scale"][0]))
        tagger.history_ = arrays[prefix + "history"].astype(np.float32)
        tagger.tags_ = np.array([str(t) for t in arrays[prefix + "tags"]])
        return tagger

    @classmethod
    def load(cls, path: str | Path) -> PerceptronTagger:
        with np.load(path, allow_pickle=False) as arrays:
            return cls.from_arrays(arrays)
