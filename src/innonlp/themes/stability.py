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

UNSTABLE_BELOW = 0.6


def bootstrap_stability(Z: np.ndarray, labels: np.ndarray, n_themes: int, n_boot: int = 5,
                        fraction: float = 0.8, seed: int = 0,
                        recluster: Callable[[np.ndarray, int], np.ndarray] | None = None,
                        max_rows: int = 20_000) -> np.ndarray:
    """Stability in [0, 1] per theme; ``labels`` are the themes of the rows of ``Z``
    (-1 = outlier, left out of the Jaccard of every theme). Each run draws ``fraction`` of
    the rows, at most ``max_rows`` (enough to judge a theme; big corpora stay fast)."""
    if n_themes == 0 or len(Z) < 3:
        return np.zeros(n_themes)
    rng = np.random.default_rng(seed)
    scores = np.zeros((n_boot, n_themes))
    m = max(2, min(int(fraction * len(Z)), max_rows))
    k0 = min(n_themes, m - 1)
    for b in range(n_boot):
        idx = np.sort(rng.choice(len(Z), m, replace=False))
        boot = (recluster(Z[idx], seed + 1 + b) if recluster is not None else
                KMeans(k0, n_init=1, random_state=seed + 1 + b).fit_predict(Z[idx]))
        k = int(boot.max()) + 1
        orig = labels[idx]
        for t in range(n_themes):
            a = orig == t
            if not a.any():
                continue
            inter = np.bincount(boot[a], minlength=k)
            union = a.sum() + np.bincount(boot, minlength=k) - inter
            scores[b, t] = float((inter / np.maximum(union, 1)).max())
    return scores.mean(0).round(3)


def theme_stability(finder: Any, n_boot: int = 5, seed: int = 0) -> np.ndarray:
    """Stability per theme of a fitted :class:`~innonlp.themes.finder.ThemeFinder`, from
    its public fitted attributes (``embedding_``, ``rows_``, ``labels_``) and its
    ``recluster`` (the fitted k-means + merge, re-run with another seed)."""
    if not finder.n_themes_:
        return np.zeros(0)
    return bootstrap_stability(finder.embedding_, finder.labels_[finder.rows_],
                               finder.n_themes_, n_boot, seed=seed,
                               recluster=finder.recluster)
