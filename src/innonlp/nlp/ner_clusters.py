"""Word clusters and capitalisation statistics learned from unlabelled Norwegian text (NER).

Each frequent word form gets three nested cluster ids (coarse → fine, like the prefixes of a
Brown cluster bit string) from k-means over SVD vectors of its positive-PMI context counts
(the words one and two to its left and right), and the word's lower-cased form gets two
statistics: how often it is capitalised inside a sentence and how frequent it is. The learned
table holds 64-bit hashes of the forms and small integers — no text.

Estimator-style: parameters in ``__init__``, learned attributes end in ``_``. Learning needs
scikit-learn and SciPy; looking words up needs numpy only.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from murmurhash.mrmr import hash as _murmur

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
_ENDS = frozenset(".!?:»«\"")
CAP_EDGES = (0.02, 0.2, 0.5, 0.8, 0.98)  # capitalised share inside sentences → bucket 0-5
# columns of codes_: three levels of clusters by neighbours, two by the wider window, the
# capitalised share and the frequency
N_CODES = 7
NEIGHBOURS = (-2, -1, 1, 2)  # context positions told apart
WINDOW = (-6, -5, -4, -3, 3, 4, 5, 6)  # context positions pooled (topic-like clusters)


def word_key(form: str) -> int:
    """A 64-bit key of a word form (two 32-bit MurmurHash3 values)."""
    hi = _murmur(form, seed=101) & 0xFFFFFFFF
    return (hi << 32) | (_murmur(form, seed=202) & 0xFFFFFFFF)


def tokenize(line: str) -> list[str]:
    """Words and punctuation of a line, close to spaCy's Norwegian tokenizer."""
    return _TOKEN.findall(line)


def _open(path: Path):  # noqa: ANN202
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else open(
        path, encoding="utf-8")


def unlabelled_lines(shared: Path, max_chars: int = 40_000_000) -> Iterator[str]:
    """Lines of the unlabelled text in ``shared`` (the Storting sentences of both standards,
    Lovdata's regulations and NoReC's reviews, up to ``max_chars`` characters of the
    latter two each)."""
    for name in ("unlabelled_10k_nob.txt.gz", "unlabelled_10k_nno.txt.gz"):
        path = shared / "nb-nn" / name
        if path.is_file():
            with _open(path) as fh:
                yield from (line.strip() for line in fh)
    for path in (shared / "lovdata" / "forskrifter.jsonl.gz",
                 shared / "norec" / "norec_v2.1_texts.jsonl.gz"):
        if not path.is_file():
            continue
        used = 0
        with _open(path) as fh:
            for raw in fh:
                text = json.loads(raw)["text"]
                used += len(text)
                yield from (s.strip(" #*|") for s in text.splitlines() if s.strip())
                if used >= max_chars:
                    break


def _bucket(share: np.ndarray) -> np.ndarray:
    return np.searchsorted(np.array(CAP_EDGES), share, side="right").astype(np.int16)


class WordClusters:
    """Nested k-means word clusters and capitalisation statistics per word form."""

    def __init__(self, n_vocab: int = 60_000, n_context: int = 3000, n_dims: int = 100,
                 n_clusters: Sequence[int] = (32, 256, 1024),
                 n_topics: Sequence[int] = (64, 512), min_count: int = 4,
                 seed: int = 0):
        self.n_vocab = n_vocab
        self.n_context = n_context
        self.n_dims = n_dims
        self.n_clusters = tuple(n_clusters)
        self.n_topics = tuple(n_topics)
        self.min_count = min_count
        self.seed = seed

    # ---- learning ---------------------------------------------------------------------
    def fit(self, sentences: Iterable[Sequence[str]]) -> WordClusters:
        """Learn from tokenised sentences (lists of word forms)."""
        sents = [list(s) for s in sentences if s]
        counts = Counter(w for s in sents for w in s)
        vocab = [w for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
                 if c >= self.min_count][: self.n_vocab]
        index = {w: i for i, w in enumerate(vocab)}
        ids = self._ids(sents, index)
        codes = np.zeros((len(vocab), N_CODES), dtype=np.int16)
        codes[:, :3] = self._nested_kmeans(self._vectors(ids, len(vocab), NEIGHBOURS, True),
                                           self.n_clusters)
        codes[:, 3:5] = self._nested_kmeans(self._vectors(ids, len(vocab), WINDOW, False),
                                            self.n_topics)
        codes[:, 5:] = self._case_stats(sents, vocab)
        keys = np.array([word_key(w) for w in vocab], dtype=np.uint64)
        order = np.argsort(keys)
        self.keys_ = keys[order]
        self.codes_ = codes[order]
        return self

    @staticmethod
    def _ids(sents: list[list[str]], index: dict[str, int]) -> np.ndarray:
        """Vocabulary ids of the running text (len(index) for others), with -1 between
        sentences (as many as the widest context)."""
        gap = max(map(abs, WINDOW))
        ids = np.full(sum(len(s) + gap for s in sents), -1, dtype=np.int64)
        pos = 0
        n_v = len(index)
        for s in sents:
            ids[pos: pos + len(s)] = [index.get(w, n_v) for w in s]
            pos += len(s) + gap
        return ids

    def _vectors(self, ids: np.ndarray, n_v: int, offsets: Sequence[int], apart: bool
                 ) -> np.ndarray:
        """Unit-length SVD vectors of positive-PMI counts of the context words at
        ``offsets`` (told apart or pooled)."""
        from scipy import sparse
        from sklearn.decomposition import TruncatedSVD

        n_c = min(self.n_context, n_v)
        width = len(offsets) if apart else 1
        blocks = []
        n = len(ids)
        for k, off in enumerate(offsets):
            w, c = (ids[: n - off], ids[off:]) if off > 0 else (ids[-off:], ids[: n + off])
            ok = (w >= 0) & (w < n_v) & (c >= 0) & (c < n_c)
            col = c[ok] + (k * n_c if apart else 0)
            blocks.append(sparse.coo_matrix(
                (np.ones(int(ok.sum()), dtype=np.float64), (w[ok], col)),
                shape=(n_v, width * n_c)).tocsr())
        m = sparse.csr_matrix(sum(blocks))
        row = np.asarray(m.sum(1)).ravel()
        col = np.asarray(m.sum(0)).ravel() ** 0.75
        m = m.tocoo()
        pmi = np.log(m.data * col.sum() / (row[m.row] * col[m.col] + 1e-12))
        keep = pmi > 0
        ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
        svd = TruncatedSVD(self.n_dims, algorithm="randomized", n_iter=5,
                           random_state=self.seed)
        vec = svd.fit_transform(ppmi) / np.sqrt(svd.singular_values_)  # U * S^0.5
        vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
        return vec.astype(np.float32)

    def _nested_kmeans(self, vectors: np.ndarray, sizes: Sequence[int]) -> np.ndarray:
        """Fine clusters by k-means on the words; coarser ones by k-means on the finer
        clusters' centres, so the levels nest like Brown-cluster prefixes."""
        from sklearn.cluster import MiniBatchKMeans

        levels = sorted(sizes, reverse=True)
        out = np.zeros((len(vectors), len(levels)), dtype=np.int16)
        points, weights, member = vectors, None, np.arange(len(vectors))
        for j, k in enumerate(levels):
            k = min(k, len(points))
            km = MiniBatchKMeans(k, random_state=self.seed, n_init=1, batch_size=4096,
                                 max_iter=100).fit(points, sample_weight=weights)
            member = km.labels_[member]
            out[:, len(levels) - 1 - j] = member
            weights = np.bincount(member, minlength=k).astype(np.float64)
            points = km.cluster_centers_
        return out

    def _case_stats(self, sents: list[list[str]], vocab: list[str]) -> np.ndarray:
        """Per form: bucketed share of capitalised uses of its lower-cased form inside
        sentences, and a log2 frequency bucket of the lower-cased form."""
        cap: Counter = Counter()
        total: Counter = Counter()
        for s in sents:
            for prev, w in zip(s, s[1:], strict=False):
                if prev in _ENDS or not w[:1].isalpha():
                    continue
                low = w.lower()
                total[low] += 1
                cap[low] += w[:1].isupper()
        lows = [w.lower() for w in vocab]
        n = np.array([total[w] for w in lows], dtype=np.float64)
        share = np.array([cap[w] for w in lows], dtype=np.float64) / np.maximum(n, 1)
        stats = np.zeros((len(vocab), 2), dtype=np.int16)
        stats[:, 0] = np.where(n > 0, _bucket(share) + 1, 0)
        stats[:, 1] = np.minimum(np.log2(n + 1).astype(np.int16), 15)
        return stats

    # ---- lookup -----------------------------------------------------------------------
    def codes(self, forms: Sequence[str]) -> np.ndarray:
        """(len(forms), N_CODES) codes; -1 rows for forms not learned."""
        keys = np.array([word_key(f) for f in forms], dtype=np.uint64)
        pos = np.minimum(np.searchsorted(self.keys_, keys), len(self.keys_) - 1)
        hit = self.keys_[pos] == keys
        return np.where(hit[:, None], self.codes_[pos], -1)

    def to_arrays(self, prefix: str = "clusters_") -> dict[str, Any]:
        return {prefix + "keys": self.keys_, prefix + "codes": self.codes_}

    @classmethod
    def from_arrays(cls, arrays, prefix: str = "clusters_") -> WordClusters:  # noqa: ANN001
        wc = cls()
        wc.keys_ = np.asarray(arrays[prefix + "keys"], dtype=np.uint64)
        wc.codes_ = np.asarray(arrays[prefix + "codes"], dtype=np.int16)
        return wc
