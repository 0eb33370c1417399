"""A Norwegian named-entity recogniser: an averaged structured perceptron over hashed,
per-type cached features, with exact BIO-constrained Viterbi decoding and a pass that keeps
a text's names consistent (scores blended over a word's uses, person names carried over).

Entity types are NorNE's: PER, ORG, LOC, GPE_LOC, GPE_ORG, PROD, EVT, DRV, MISC. The learned
weights are sparse (only hash buckets that training touched are kept, ``buckets_``); with the
word clusters and the name list (64-bit hashes of forms, no text) the model is a few MB.

Estimator-style: parameters in ``__init__``, learned attributes end in ``_``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .ner_clusters import WordClusters, word_key
from .ner_consistency import propagate
from .ner_decode import allowed_mask, bio_labels, spans, viterbi
from .ner_features import (
    TypeFeatures,
    context,
    emission_scores,
    feature_rows,
    pair_buckets,
)

TYPES = ("PER", "ORG", "LOC", "GPE_LOC", "GPE_ORG", "PROD", "EVT", "DRV", "MISC")
GAZ_VALUES = ("-", *TYPES, *(f"~{t}" for t in TYPES))


def learn_gazetteer(sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
                    min_share: float = 0.5) -> dict[str, str]:
    """Per word form seen inside a name: its most frequent entity type, written ``X`` when
    the form is inside a name at least ``min_share`` of the time and ``~X`` otherwise."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for words, labs in zip(sentences, tags, strict=True):
        for w, lab in zip(words, labs, strict=True):
            seen[w][lab[2:] if lab != "O" else "O"] += 1
    out = {}
    for w, c in seen.items():
        names = [(n, t) for t, n in c.items() if t != "O"]
        if names:
            n, t = max(names, key=lambda nt: (nt[0], nt[1]))
            out[w] = t if sum(x for x, _ in names) >= min_share * sum(c.values()) else "~" + t
    return out


def _gazetteer_arrays(gaz: dict[str, str]) -> tuple[np.ndarray, np.ndarray]:
    keys = np.array([word_key(w) for w in gaz], dtype=np.uint64)
    codes = np.array([GAZ_VALUES.index(v) for v in gaz.values()], dtype=np.int8)
    order = np.argsort(keys)
    return keys[order], codes[order]


class HashedGazetteer:
    """A name list keyed by 64-bit form hashes; ``get(form, default)`` like a dict."""

    def __init__(self, keys: np.ndarray, codes: np.ndarray):
        self.keys, self.codes = keys, codes

    def get(self, form: str, default: str) -> str:
        if not len(self.keys):
            return default
        k = np.uint64(word_key(form))
        i = min(int(np.searchsorted(self.keys, k)), len(self.keys) - 1)
        return GAZ_VALUES[int(self.codes[i])] if self.keys[i] == k else default


class EntityRecognizer:
    """``fit(sentences, tags, groups)`` on word lists and BIO tags, then ``predict``.

    ``name_share``: a form is listed with a type (not ``~type``) when at least that share
    of its uses are in names; ``prune`` drops that share of the weakest learned weight rows
    (a smaller file);
    ``doc_blend`` pulls a capitalised word's scores towards its mean in the text;
    ``propagate`` names the types whose names, once found, are also tagged where the same
    words recur untagged in the text (:func:`~innonlp.nlp.ner_consistency.propagate`).
    """

    def __init__(self, n_buckets: int = 1 << 20, epochs: int = 12, n_folds: int = 5,
                 seed: int = 0, clusters: WordClusters | None = None,
                 doc_blend: float = 0.4, propagate: Sequence[str] = ("PER",),
                 prune: float = 0.3, name_share: float = 0.3):
        self.n_buckets = n_buckets
        self.name_share = name_share
        self.prune = prune
        self.propagate = tuple(propagate)
        self.epochs = epochs
        self.n_folds = n_folds
        self.seed = seed
        self.clusters = clusters
        self.doc_blend = doc_blend

    # ---- training ---------------------------------------------------------------------
    def _fold_features(self, sentences: Sequence[Sequence[str]],
                       tags: Sequence[Sequence[str]], groups: Sequence[int],
                       other_standard: np.ndarray) -> list[np.ndarray]:
        """Feature buckets per sentence; the name-list features of a sentence come from a
        list learned on the other folds (its documents' own names would be too reliable)."""
        fold = np.asarray(groups) % self.n_folds
        feats: list[np.ndarray] = [np.zeros(0)] * len(sentences)
        for k in range(self.n_folds):
            other = np.flatnonzero(fold != k).tolist()
            gaz = learn_gazetteer([sentences[i] for i in other], [tags[i] for i in other],
                                  self.name_share)
            caches = [TypeFeatures(self.n_buckets, self.clusters, gaz, d) for d in "TX"]
            for i in np.flatnonzero(fold == k).tolist():
                words = sentences[i]
                cache = caches[int(other_standard[i])]
                ids = cache.ids(words)
                start = np.zeros(len(words), dtype=bool)
                start[0] = True
                feats[i] = feature_rows(cache, context(ids, start, cache.unit_start))
        return feats

    def fit(self, sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
            groups: Sequence[int] | None = None,
            other_standard: Sequence[bool] | None = None) -> EntityRecognizer:
        """Learn from sentences (word lists) and their BIO tags; ``groups`` (a document
        number per sentence) keeps a document's sentences in one name-list fold;
        ``other_standard`` marks the sentences in the other written standard (they teach
        the shared features and their own copies of some)."""
        self.labels_ = bio_labels(TYPES)
        index = {lab: i for i, lab in enumerate(self.labels_)}
        groups = list(range(len(sentences))) if groups is None else groups
        other = np.zeros(len(sentences), dtype=bool) if other_standard is None else \
            np.asarray(other_standard, dtype=bool)
        feats = self._fold_features(sentences, tags, groups, other)
        gold = [np.array([index[t] for t in s], dtype=np.int64) for s in tags]
        self._train(feats, gold)
        gaz = learn_gazetteer(sentences, tags, self.name_share)
        self.gazetteer_keys_, self.gazetteer_codes_ = _gazetteer_arrays(gaz)
        self.__dict__.pop("_cache", None)
        return self

    def _train(self, feats: list[np.ndarray], gold: list[np.ndarray]) -> None:
        n_lab = len(self.labels_)
        mask = allowed_mask(self.labels_)
        w = np.zeros((self.n_buckets, n_lab))
        w_sum = np.zeros_like(w)
        t = np.zeros((n_lab + 1, n_lab))
        t_sum = np.zeros_like(t)
        rng = np.random.default_rng(self.seed)
        step = 1
        for _ in range(self.epochs):
            for j in rng.permutation(len(feats)).tolist():
                f, y = feats[j], gold[j]
                start = np.zeros(len(y), dtype=bool)
                start[0] = True
                pred = viterbi(w[f].sum(1), start, t, mask)
                wrong = np.flatnonzero(pred != y)
                if len(wrong):
                    for lab, sign in ((y, 1.0), (pred, -1.0)):
                        np.add.at(w, (f[wrong], lab[wrong, None]), sign)
                        np.add.at(w_sum, (f[wrong], lab[wrong, None]), sign * step)
                        prev = np.append(n_lab, lab[:-1])
                        np.add.at(t, (prev, lab), sign)
                        np.add.at(t_sum, (prev, lab), sign * step)
                step += 1
        avg = w - w_sum / step
        used = self._kept_rows(np.abs(avg).max(1))
        self.buckets_ = used.astype(np.int64)
        self.weights_ = np.vstack([np.zeros((1, n_lab)), avg[used]]).astype(np.float32)
        self.transitions_ = (t - t_sum / step).astype(np.float32)

    def _kept_rows(self, strength: np.ndarray) -> np.ndarray:
        """Buckets kept: those training touched, less the ``prune`` share of them with the
        smallest largest weight (they change almost no decision)."""
        touched = strength > 1e-3
        if not touched.any():
            return np.zeros(0, dtype=np.int64)
        cut = max(float(np.quantile(strength[touched], self.prune)), 1e-3) \
            if self.prune > 0 else 1e-3
        return np.flatnonzero(strength > cut)

    # ---- prediction -------------------------------------------------------------------
    def _rows(self, buckets: np.ndarray) -> np.ndarray:
        pos = np.minimum(np.searchsorted(self.buckets_, buckets), len(self.buckets_) - 1)
        return np.where(self.buckets_[pos] == buckets, pos + 1, 0)

    def cache(self) -> TypeFeatures:
        """The per-type feature and score cache of the trained model."""
        cache = self.__dict__.get("_cache")
        if cache is None:
            gaz = HashedGazetteer(self.gazetteer_keys_, self.gazetteer_codes_)
            cache = TypeFeatures(self.n_buckets, self.clusters, gaz)  # type: ignore[arg-type]
            cache.rows_of = self._rows
            cache.weights = self.weights_
            self._cache = cache
            self._mask = allowed_mask(self.labels_)
        return cache

    def predict_ids(self, words: Sequence[object], starts: np.ndarray | None = None,
                    text_of: Callable | None = None, texts: np.ndarray | None = None
                    ) -> np.ndarray:
        """Label indices into ``labels_`` for the words of a text (``starts``: sentence
        starts; ``text_of``: the text of a key when ``words`` are spaCy orth ids;
        ``texts``: a text number per word when several texts are tagged at once)."""
        n = len(words)
        if not n:
            return np.zeros(0, dtype=np.int64)
        start = np.zeros(n, dtype=bool) if starts is None else np.array(starts, dtype=bool)
        start[0] = True
        cache = self.cache()
        ids = cache.ids(words, text_of)
        assert cache.scores is not None
        ctx = context(ids, start, cache.unit_start)
        emit = emission_scores(cache.scores, ctx)
        emit += self.weights_[self._rows(pair_buckets(cache.low_hash, ctx,
                                                      self.n_buckets))].sum(1)
        if self.doc_blend > 0:
            emit = self._blend(emit, ctx[0], cache.capitalised, texts)
        labels = viterbi(emit, start, self.transitions_, self._mask)
        if self.propagate:
            kinds = frozenset(self.labels_.index("B-" + t) for t in self.propagate)
            labels = propagate(labels, ctx[0], cache.capitalised, texts, kinds=kinds)
        return labels

    def _blend(self, emit: np.ndarray, ids: np.ndarray, capitalised: np.ndarray,
               texts: np.ndarray | None) -> np.ndarray:
        """Pull the scores of a capitalised word towards the mean over its occurrences in
        the same text (a name keeps its type through a document)."""
        cap = capitalised[ids]
        if cap.sum() < 2:
            return emit
        keys = ids[cap] if texts is None else texts[cap] * (int(ids.max()) + 1) + ids[cap]
        uniq, inv, counts = np.unique(keys, return_inverse=True, return_counts=True)
        if counts.max() < 2:
            return emit
        mean = np.zeros((len(uniq), emit.shape[1]), dtype=emit.dtype)
        np.add.at(mean, inv, emit[cap])
        mean /= counts[:, None]
        a = self.doc_blend
        emit[cap] = (1 - a) * emit[cap] + a * mean[inv]
        return emit

    def predict(self, words: Sequence[str], starts: Sequence[bool] | None = None
                ) -> list[str]:
        """BIO tags of ``words``."""
        st = None if starts is None else np.asarray(starts, dtype=bool)
        return [self.labels_[k] for k in self.predict_ids(words, st).tolist()]

    def entities(self, words: Sequence[str], starts: Sequence[bool] | None = None
                 ) -> list[tuple[int, int, str]]:
        """(first word, end word, type) of the entities found in ``words``."""
        st = None if starts is None else np.asarray(starts, dtype=bool)
        return spans(self.predict_ids(words, st).tolist(), self.labels_)

    # ---- persistence ------------------------------------------------------------------
    def to_arrays(self) -> dict[str, Any]:
        scale = float(np.abs(self.weights_).max() / 32767) or 1.0
        out = {
            "ner_buckets": self.buckets_.astype(np.int32),
            "ner_weights": np.round(self.weights_ / scale).astype(np.int16),
            "ner_scale": np.array([scale]),
            "ner_transitions": self.transitions_,
            "ner_labels": np.array(self.labels_),
            "ner_n_buckets": np.array([self.n_buckets]),
            "ner_doc_blend": np.array([self.doc_blend]),
            "ner_propagate": np.array(self.propagate, dtype=str),
            "ner_gazetteer_keys": self.gazetteer_keys_,
            "ner_gazetteer_codes": self.gazetteer_codes_,
        }
        return out

    @classmethod
    def from_arrays(cls, arrays, clusters: WordClusters | None  # noqa: ANN001
                    ) -> EntityRecognizer:
        model = cls(n_buckets=int(arrays["ner_n_buckets"][0]), clusters=clusters,
                    doc_blend=float(arrays["ner_doc_blend"][0]),
                    propagate=[str(t) for t in arrays["ner_propagate"]]
                    if "ner_propagate" in arrays else ())
        model.buckets_ = arrays["ner_buckets"].astype(np.int64)
        model.weights_ = (arrays["ner_weights"].astype(np.float32)
                          * np.float32(arrays["ner_scale"][0]))
        model.transitions_ = arrays["ner_transitions"].astype(np.float32)
        model.labels_ = [str(x) for x in arrays["ner_labels"]]
        model.gazetteer_keys_ = arrays["ner_gazetteer_keys"].astype(np.uint64)
        model.gazetteer_codes_ = arrays["ner_gazetteer_codes"].astype(np.int8)
        return model

    @classmethod
    def load(cls, path: str | Path, clusters_path: str | Path | None = None
             ) -> EntityRecognizer:
        clusters = None
        if clusters_path is not None:
            with np.load(clusters_path, allow_pickle=False) as arrays:
                clusters = WordClusters.from_arrays(arrays)
        with np.load(path, allow_pickle=False) as arrays:
            return cls.from_arrays(arrays, clusters)
