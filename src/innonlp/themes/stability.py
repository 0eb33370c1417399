"""Theme stability by re-clustering resampled data.

For each of ``n_boot`` runs, a random ``fraction`` of the clustered segments is drawn and
clustered again on their LSA vectors with another seed: by default k-means with the same k,
or the caller's own procedure (``recluster``: :func:`theme_stability` passes a fitted
``ThemeFinder``'s public :meth:`~innonlp.themes.finder.ThemeFinder.recluster`).
A theme's score is the mean over runs of its best-match Jaccard index: among the drawn
segments, the overlap of its members with the closest cluster of the run. Below
``UNSTABLE_BELOW`` a theme is flagged unstable (Hennig's rule of thumb: under 0.6 a cluster
is not a stable pattern).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from sklearn.cluster import KMeans

from .threads import one_blas_thread

UNSTABLE_BELOW = 0.6


def bootstrap_stability(Z: np.ndarray, labels: np.ndarray, n_themes: int, n_boot: int = 5,
                        fraction: float = 0.8, seed: int = 0,
                        recluster: Callable[[np.ndarray, int], np.ndarray] | None = None,
                        max_rows: int = 20_000) -> np.ndarray:
    """Stability in [0, 1] per theme; ``labels`` are the themes of the rows of ``Z``
    (-1 = outlier, left out of the Jaccard of every theme). Each run draws ``fraction`` of
    the rows, at most ``max_rows`` (enough to judge a theme; big corpora stay fast)."""
    return bootstrap_detail(Z, labels, n_themes, n_boot, fraction, seed, recluster,
                            max_rows)[0]


def bootstrap_detail(Z: np.ndarray, labels: np.ndarray, n_themes: int, n_boot: int = 5,
                     fraction: float = 0.8, seed: int = 0,
                     recluster: Callable[[np.ndarray, int], np.ndarray] | None = None,
                     max_rows: int = 20_000) -> tuple[np.ndarray, np.ndarray]:
    """:func:`bootstrap_stability` and, per pair of themes, how often their segments were
    put together in the re-fits (``co[t, u]``: the members of ``u`` that shared a re-fit
    cluster with members of ``t``, summed over runs and weighted by ``t``'s share of that
    cluster): the theme an unstable theme trades segments with is its row's maximum."""
    co = np.zeros((n_themes, n_themes))
    if n_themes == 0 or len(Z) < 3:
        return np.zeros(n_themes), co
    rng = np.random.default_rng(seed)
    scores = np.zeros((n_boot, n_themes))
    m = max(2, min(int(fraction * len(Z)), max_rows))
    k0 = min(n_themes, m - 1)
    for b in range(n_boot):
        idx = np.sort(rng.choice(len(Z), m, replace=False))
        with one_blas_thread():
            boot = (recluster(Z[idx], seed + 1 + b) if recluster is not None else
                    KMeans(k0, n_init=1, random_state=seed + 1 + b).fit_predict(Z[idx]))
        k = int(boot.max()) + 1
        orig = labels[idx]
        inside = orig >= 0
        M = np.zeros((n_themes, k))
        np.add.at(M, (orig[inside], boot[inside]), 1.0)
        sizes = np.bincount(boot, minlength=k)
        for t in range(n_themes):
            a = orig == t
            if not a.any():
                continue
            union = a.sum() + sizes - M[t]
            scores[b, t] = float((M[t] / np.maximum(union, 1)).max())
        share = M / np.maximum(M.sum(0, keepdims=True), 1)
        co += share @ M.T
    np.fill_diagonal(co, 0.0)
    return scores.mean(0).round(3), co


def trading_partner(co: np.ndarray) -> np.ndarray:
    """Per theme, the theme it shares most re-fit clusters with (-1: none)."""
    if not len(co):
        return np.zeros(0, dtype=np.int64)
    best = co.argmax(1)
    return np.where(co.max(1) > 0, best, -1)


def theme_stability(finder: Any, n_boot: int = 5, seed: int = 0) -> np.ndarray:
    """Stability per theme of a fitted :class:`~innonlp.themes.finder.ThemeFinder`, from
    its public fitted attributes (``embedding_``, ``rows_``, ``labels_``) and its
    ``recluster`` (the fitted k-means + merge, re-run with another seed)."""
    return theme_stability_detail(finder, n_boot, seed)[0]


def theme_stability_detail(finder: Any, n_boot: int = 5, seed: int = 0
                           ) -> tuple[np.ndarray, np.ndarray]:
    """:func:`theme_stability` and each theme's :func:`trading_partner`."""
    if not finder.n_themes_:
        return np.zeros(0), np.zeros(0, dtype=np.int64)
    scores, co = bootstrap_detail(finder.embedding_, finder.labels_[finder.rows_],
                                  finder.n_themes_, n_boot, seed=seed,
                                  recluster=finder.recluster)
    return scores, trading_partner(co)
