"""TF-IDF over ready token lists, counted straight from token ids (a scikit-learn estimator).

The theme finder's tokens are lemmas, compound parts and phrase keys worked out by the
language layer, so there is nothing left to analyse: :class:`TokenListTfidf` counts the
terms of a :class:`~innonlp.themes.tokens.TokenDocs` (or plain lists of strings) with sparse
sums instead of a Python dictionary per segment, then weights them with scikit-learn's public
:class:`~sklearn.feature_extraction.text.TfidfTransformer`. The vocabulary (sorted terms),
the document-frequency pruning and the matrix are those of ``TfidfVectorizer(analyzer=
lambda tokens: tokens, …)`` with the same settings (tested).
"""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Integral
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.utils.validation import check_is_fitted

from .tokens import TokenDocs, count_matrix


def identity(tokens: list[str]) -> list[str]:
    """The analyzer of a ``TfidfVectorizer`` over ready token lists."""
    return tokens


class TokenListTfidf(TransformerMixin, BaseEstimator):
    """TF-IDF of token lists.

    Parameters
    ----------
    min_df, max_df : int or float
        Keep terms in at least ``min_df`` and at most ``max_df`` segments (a float: that
        share of them), as in ``TfidfVectorizer``.
    sublinear_tf : bool
        ``1 + log(tf)`` instead of ``tf``.
    dtype : numpy dtype
        Of the matrix.

    Attributes
    ----------
    vocabulary_ : dict of str to int
        Term → column (terms sorted).
    tfidf_ : TfidfTransformer
        The fitted weighting (its ``idf_`` per column).
    """

    def __init__(self, *, min_df: float = 1, max_df: float = 1.0, sublinear_tf: bool = True,
                 dtype: Any = np.float64):
        self.min_df = min_df
        self.max_df = max_df
        self.sublinear_tf = sublinear_tf
        self.dtype = dtype

    def fit(self, docs: Sequence[Sequence[str]], y: Any = None) -> TokenListTfidf:
        self.fit_transform(docs)
        return self

    def fit_transform(self, docs: Sequence[Sequence[str]], y: Any = None, **_: Any
                      ) -> Any:
        """Learn the vocabulary and the idf; the segments × terms TF-IDF matrix."""
        docs = docs if isinstance(docs, TokenDocs) else TokenDocs.from_lists(docs)
        used, cols = np.unique(docs.ids, return_inverse=True)
        if not len(used):
            raise ValueError("empty vocabulary; the documents have no tokens")
        X = _cast(count_matrix(cols.ravel(), docs.ptr, len(used)), self.dtype)
        terms = [docs.vocab[j] for j in used.tolist()]
        X = _sort_terms(X, terms)
        X, self.vocabulary_ = self._prune(X, sorted(terms))
        self.tfidf_ = TfidfTransformer(sublinear_tf=self.sublinear_tf).fit(X)
        return self.tfidf_.transform(X, copy=False)

    def transform(self, docs: Sequence[Sequence[str]]) -> Any:
        """TF-IDF of (new) token lists over the fitted vocabulary (unknown terms dropped)."""
        check_is_fitted(self, "vocabulary_")
        docs = docs if isinstance(docs, TokenDocs) else TokenDocs.from_lists(docs)
        col = np.array([self.vocabulary_.get(t, -1) for t in docs.vocab], dtype=np.int64)
        ids = col[docs.ids] if len(docs.ids) else np.zeros(0, dtype=np.int64)
        keep = ids >= 0
        ptr = _kept_ptr(keep, docs.ptr)
        X = _cast(count_matrix(ids[keep], ptr, len(self.vocabulary_)), self.dtype)
        return self.tfidf_.transform(X, copy=False)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        check_is_fitted(self, "vocabulary_")
        return np.array(sorted(self.vocabulary_, key=self.vocabulary_.__getitem__),
                        dtype=object)

    def _prune(self, X: sp.csr_array, terms: list[str]) -> tuple[sp.csr_array, dict[str, int]]:
        """Drop terms in fewer than ``min_df`` or more than ``max_df`` segments."""
        n = X.shape[0]
        high = self.max_df if isinstance(self.max_df, Integral) else self.max_df * n
        low = self.min_df if isinstance(self.min_df, Integral) else self.min_df * n
        if high < low:
            raise ValueError("max_df corresponds to < documents than min_df")
        df = np.bincount(X.indices, minlength=X.shape[1])
        kept = np.flatnonzero((df <= high) & (df >= low))
        if not len(kept):
            raise ValueError("After pruning, no terms remain. Try a lower min_df or a "
                             "higher max_df.")
        return X[:, kept], {terms[j]: c for c, j in enumerate(kept.tolist())}


def _kept_ptr(keep: np.ndarray, ptr: np.ndarray) -> np.ndarray:
    """Row pointers after dropping the tokens where ``keep`` is False."""
    kept = np.concatenate([[0], np.cumsum(keep, dtype=np.int64)])
    return kept[ptr]


def _cast(X: sp.csr_array, dtype: Any) -> sp.csr_array:
    """``X`` with ``dtype`` values and the smallest index type that holds it."""
    itype = np.int64 if max(X.nnz, X.shape[1]) > np.iinfo(np.int32).max else np.int32
    return sp.csr_array((X.data.astype(dtype), X.indices.astype(itype),
                         X.indptr.astype(itype)), shape=X.shape)


def _sort_terms(X: sp.csr_array, terms: list[str]) -> sp.csr_array:
    """Columns renumbered in sorted term order (the row's entries keep their order, as in
    scikit-learn's vectorizers: the same matrix to the last bit)."""
    order = sorted(range(len(terms)), key=terms.__getitem__)
    new = np.empty(len(terms), dtype=X.indices.dtype)
    new[order] = np.arange(len(terms), dtype=X.indices.dtype)
    X.indices = new.take(X.indices, mode="clip")
    return X
