"""Hashed features of word types for the named-entity recogniser, cached per type.

A word type gets its features in seven roles: the word itself (always), the word when it
starts a sentence-like unit, the word inside one, and the word as the previous/next and
two-back/two-ahead neighbour. Features are the form, lower-cased form, affixes, shape, the
word clusters and capitalisation statistics learned from unlabelled text
(:mod:`~innonlp.nlp.ner_clusters`) and a name list learned from the training sentences. All
are hashed once per type into ``n_buckets`` buckets with MurmurHash3.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from murmurhash.mrmr import hash as _murmur

from .ner_clusters import N_CODES, WordClusters
from .tagger import word_shape

BOS, EOS = "<S>", "</S>"
# Tokens after which the next word starts a sentence-like unit.
START_AFTER = frozenset({".", "!", "?", ":", "«", "»", '"', "–", "-", "…", "(", "|"})
ROLE_SIZES = (29, 7, 7, 9, 9, 3, 3)  # cur, cur@start, cur@inside, -1, +1, -2, +2
ROLE_SLICES = tuple(slice(sum(ROLE_SIZES[:r]), sum(ROLE_SIZES[: r + 1]))
                    for r in range(len(ROLE_SIZES)))
N_FEATURES = sum(ROLE_SIZES)


def _flags(word: str) -> str:
    return ("h" if "-" in word else "") + ("d" if any(c.isdigit() for c in word) else "") \
        + ("U" if word.isupper() and len(word) > 1 else "") + ("." if "." in word else "")


def type_features(word: str, codes: Sequence[int], gazetteer: str, domain: str = "T"
                  ) -> list[str]:
    """The feature strings of ``word`` in all roles (``ROLE_SIZES`` of them in order);
    ``codes``: its cluster and case codes, ``gazetteer``: its name-list entry, ``domain``:
    ``T`` for the target written standard, ``X`` for the other one (some features are
    repeated with it, so that the model learns what differs between the two)."""
    low = word.lower()
    sh = word_shape(word)
    c1, c2, c3, t1, t2, cap, freq = (str(c) for c in codes)
    cur = ["b", "w=" + word, "l=" + low, "sh=" + sh, "s2=" + low[-2:], "s3=" + low[-3:],
           "s4=" + low[-4:], "p2=" + low[:2], "p3=" + low[:3], f"n={min(len(word), 10)}",
           "f=" + _flags(word), "c1=" + c1, "c2=" + c2, "c3=" + c3, "g=" + gazetteer,
           "gsh=" + gazetteer + sh[:2], "c3cap=" + c3 + sh[:1], "t1=" + t1, "t2=" + t2,
           "t2cap=" + t2 + sh[:1]]
    d = domain + "|"
    cur += [d + cur[k] for k in (0, 1, 2, 3, 5, 6, 12, 13, 14)]
    at_start = ["S:cap=" + cap, "S:sh=" + sh, "S:c2=" + c2, "S:fq=" + freq + cap,
                "S:g=" + gazetteer + cap]
    at_start += [d + at_start[0], d + at_start[4]]
    inside = ["M:cap=" + cap, "M:sh=" + sh, "M:c2=" + c2, "M:fq=" + freq + cap,
              "M:g=" + gazetteer + sh[:1]]
    inside += [d + inside[0], d + inside[4]]
    prev = ["l-1=" + low, "sh-1=" + sh, "c2-1=" + c2, "c3-1=" + c3, "s3-1=" + low[-3:],
            "g-1=" + gazetteer, "t2-1=" + t2]
    prev += [d + prev[0], d + prev[2]]
    nxt = ["l+1=" + low, "sh+1=" + sh, "c2+1=" + c2, "c3+1=" + c3, "s3+1=" + low[-3:],
           "g+1=" + gazetteer, "t2+1=" + t2]
    nxt += [d + nxt[0], d + nxt[2]]
    return [*cur, *at_start, *inside, *prev, *nxt, "l-2=" + low, "c2-2=" + c2,
            "sh-2=" + sh[:2], "l+2=" + low, "c2+2=" + c2, "sh+2=" + sh[:2]]


class TypeFeatures:
    """Cached per-type feature buckets (and, once weights are set, per-role scores)."""

    max_types = 200_000  # word types kept before the cache is emptied

    def __init__(self, n_buckets: int, clusters: WordClusters | None,
                 gazetteer: dict[str, str], domain: str = "T"):
        self.n_buckets = n_buckets
        self.domain = domain
        self.clusters = clusters
        self.gazetteer = gazetteer
        self.rows_of: Callable[[np.ndarray], np.ndarray] | None = None
        self.weights: np.ndarray | None = None
        self.reset()

    def reset(self) -> None:
        """Empty the cache."""
        self._ids: dict = {}
        self.table = np.zeros((1024, N_FEATURES), dtype=np.int64)
        self.unit_start = np.zeros(1024, dtype=bool)  # the type starts the next unit
        self.low_hash = np.zeros(1024, dtype=np.int64)  # of the lower-cased form
        self.capitalised = np.zeros(1024, dtype=bool)
        self.scores: np.ndarray | None = None  # (types, roles, labels) with weights

    def _codes(self, texts: list[str]) -> np.ndarray:
        if self.clusters is None:
            return np.full((len(texts), N_CODES), -1, dtype=np.int16)
        return self.clusters.codes(texts)

    def _grow(self, need: int) -> None:
        if need <= len(self.table):
            return
        size = max(need, 2 * len(self.table))

        def grow(a: np.ndarray) -> np.ndarray:
            return np.concatenate([a, np.zeros((size - len(a), *a.shape[1:]), a.dtype)])

        self.table, self.unit_start = grow(self.table), grow(self.unit_start)
        self.low_hash, self.capitalised = grow(self.low_hash), grow(self.capitalised)
        if self.scores is not None:
            self.scores = grow(self.scores)

    def _add(self, keys: list, texts: list[str]) -> None:
        i, need = len(self._ids), len(self._ids) + len(keys)
        self._grow(need)
        gz = self.gazetteer
        n_b = self.n_buckets
        hashes = [(_murmur(f, seed=7) & 0xFFFFFFFF) % n_b
                  for t, c in zip(texts, self._codes(texts).tolist(), strict=True)
                  for f in type_features(t, c, gz.get(t, "-"), self.domain)]
        rows = np.array(hashes, dtype=np.int64).reshape(len(keys), N_FEATURES)
        if self.rows_of is not None:
            rows = self.rows_of(rows)
        self.table[i:need] = rows
        self.unit_start[i:need] = [t in START_AFTER for t in texts]
        self.capitalised[i:need] = [t[:1].isupper() for t in texts]
        self.low_hash[i:need] = [_murmur(t.lower(), seed=13) & 0xFFFFFFF for t in texts]
        if self.weights is not None:
            if self.scores is None:
                self.scores = np.zeros((len(self.table), len(ROLE_SIZES),
                                        self.weights.shape[1]), np.float32)
            w = self.weights[rows]
            for r, sl in enumerate(ROLE_SLICES):
                self.scores[i:need, r] = w[:, sl].sum(1)
        for j, k in enumerate(keys):
            self._ids[k] = i + j

    def ids(self, keys: Sequence[object], text_of: Callable | None = None) -> np.ndarray:
        """Type ids of BOS, EOS and then ``keys`` (words, or spaCy orth ids with
        ``text_of``), from one lookup."""
        if len(self._ids) > self.max_types:
            self.reset()
        edges = {BOS: BOS, EOS: EOS}
        allk = [BOS, EOS, *keys]
        get = self._ids.get
        out = [get(k) for k in allk]
        if None in out:
            new = list(dict.fromkeys(k for k, v in zip(allk, out, strict=True) if v is None))
            texts = [str(edges[k] if k in edges else (text_of(k) if text_of else k))
                     for k in new]
            self._add(new, texts)
            out = [get(k) for k in allk]
        return np.asarray(out, dtype=np.int64)


def context(ids: np.ndarray, start: np.ndarray, unit_start: np.ndarray
            ) -> tuple[np.ndarray, ...]:
    """For type ids (BOS and EOS first, then the tokens) and sentence starts: the tokens'
    ids, whether each starts a unit, and the ids of the -1, +1, -2, +2 neighbours."""
    bos, eos, ids = ids[0], ids[1], ids[2:]
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
    unit = start | unit_start[prev]
    return ids, unit, prev, nxt, prev2, nxt2


def pair_buckets(low_hash: np.ndarray, ctx: tuple[np.ndarray, ...], n_buckets: int
                 ) -> np.ndarray:
    """(n_tokens, 3) buckets of word pairs: (previous, this), (this, next) and (previous,
    next) lower-cased forms, hashed from the forms' own hashes."""
    ids, _, prev, nxt = ctx[:4]
    h, hp, hn = low_hash[ids], low_hash[prev], low_hash[nxt]
    big = np.int64(1_000_003)
    return np.stack([(hp * big + h * 7 + 1) % n_buckets, (h * big + hn * 7 + 2) % n_buckets,
                     (hp * big + hn * 7 + 3) % n_buckets], axis=1)


def feature_rows(cache: TypeFeatures, ctx: tuple[np.ndarray, ...]) -> np.ndarray:
    """(n_tokens, n_active) feature buckets of the tokens (training)."""
    ids, unit, prev, nxt, prev2, nxt2 = ctx
    s = ROLE_SLICES
    table = cache.table
    pos = np.where(unit[:, None], table[ids, s[1]], table[ids, s[2]])
    return np.hstack([table[ids, s[0]], pos, table[prev, s[3]], table[nxt, s[4]],
                      table[prev2, s[5]], table[nxt2, s[6]],
                      pair_buckets(cache.low_hash, ctx, cache.n_buckets)])


def emission_scores(scores: np.ndarray, ctx: tuple[np.ndarray, ...]) -> np.ndarray:
    """(n_tokens, n_labels) summed weights of the tokens' features (trained model)."""
    ids, unit, prev, nxt, prev2, nxt2 = ctx
    cur = scores[ids]
    return (cur[:, 0] + np.where(unit[:, None], cur[:, 1], cur[:, 2]) + scores[prev, 3]
            + scores[nxt, 4] + scores[prev2, 5] + scores[nxt2, 6])
