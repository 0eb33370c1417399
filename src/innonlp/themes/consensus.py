"""Consensus clustering: the clusters that many k-means runs agree on.

One k-means run on text lands in one of many local optima; which documents end up together
changes from seed to seed, and the stability bootstrap then calls most themes unstable.
:func:`consensus_clusters` runs k-means ``runs`` times (one start each, different seeds) on
at most ``sample`` rows, counts how often each two rows share a cluster (the co-association
matrix), and cuts the average-linkage tree of ``1 - co-association`` into ``k`` clusters
(Fred & Jain 2005, evidence accumulation; Monti et al. 2003). Rows outside the sample go to
the most similar centre of the consensus clusters (cosine: the rows are L2-normalised).
The result changes far less with the seed or with a resample of the rows than one k-means
run does, so the themes are the patterns the data keeps, not one run's accident. A few
k-means steps on all rows, started from the consensus clusters (:func:`refine`), then move
the rows the tree cut left at a cluster's edge to the centre they are closest to (the
average-linkage cut knows only the co-association, not the distances to the centres).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.cluster import KMeans
from sklearn.preprocessing import normalize

RUNS = 10
SAMPLE = 3_000
REFINE = 20  # at most this many k-means steps from the consensus clusters
SETTLED = 0.001  # ... and none once fewer than this share of the rows move


def co_association(X: np.ndarray, k: int, seed: int, runs: int = RUNS) -> np.ndarray:
    """The share of ``runs`` k-means runs (``k`` clusters, one start each, seeds from
    ``seed``) that put each two rows of ``X`` in one cluster, as float32."""
    n = len(X)
    seeds = np.random.default_rng(seed).integers(2**31 - 1, size=runs).tolist()
    # every run's clusters as columns of one 0/1 matrix: one product counts the runs that
    # put two rows together (whole numbers, exact in float32: the same as run by run)
    onehot = np.zeros((n, runs * k), dtype=np.float32)
    for j, r in enumerate(seeds):
        fit = KMeans(k, n_init=1, random_state=r).fit_predict(X)
        onehot[np.arange(n), j * k + fit] = 1.0
    co = onehot @ onehot.T
    co /= runs
    return co


def cut_tree(co: np.ndarray, k: int) -> np.ndarray:
    """Clusters 0..m-1 (m ≤ k) from cutting the average-linkage tree of the distances
    ``1 - co`` into at most ``k`` clusters; numbered by their first row."""
    n = len(co)
    if n <= k:
        return np.arange(n)
    dist = 1.0 - co
    np.fill_diagonal(dist, 0.0)
    np.clip(dist, 0.0, 1.0, out=dist)
    # the condensed distances (n(n-1)/2), as the linkage wants them
    raw = fcluster(linkage(squareform(dist, checks=False).astype(np.float64), "average"),
                   k, "maxclust")
    _, first = np.unique(raw, return_index=True)
    order = np.argsort(np.argsort(first))  # cluster number by the row it starts at
    return order[np.unique(raw, return_inverse=True)[1]].astype(np.int64)


def consensus_clusters(Z: np.ndarray, k: int, seed: int, runs: int = RUNS,
                       sample: int = SAMPLE) -> tuple[np.ndarray, np.ndarray]:
    """Consensus clusters of the rows of ``Z`` (see the module): (label per row, 0..m-1
    with m ≤ k, and the normalised centre of each cluster)."""
    n = len(Z)
    k = max(1, min(k, n))
    if k == 1 or n < 3:
        lab = np.zeros(n, dtype=np.int64) if k == 1 else np.arange(n, dtype=np.int64)
        return lab, _centres(Z, lab)
    rows = np.arange(n) if n <= sample else np.sort(
        np.random.default_rng(seed).choice(n, sample, replace=False))
    X = Z[rows]
    sub = cut_tree(co_association(X, k, seed, runs), k)
    lab = sub
    if len(rows) < n:
        lab = (Z @ _centres(X, sub).T).argmax(1).astype(np.int64)
        lab[rows] = sub
    return refine(Z, lab)


def refine(Z: np.ndarray, lab: np.ndarray, steps: int = REFINE
           ) -> tuple[np.ndarray, np.ndarray]:
    """At most ``steps`` spherical k-means steps from the clusters ``lab`` of the rows of
    ``Z`` (each row to the most similar normalised centre, the centres re-computed; stops
    once fewer than :data:`SETTLED` of the rows move): (labels numbered 0..m-1 in the
    order of the clusters they come from, the centres)."""
    lab = _compact(lab)
    centres = _centres(Z, lab)
    for _ in range(steps):
        new = _compact((Z @ centres.T).argmax(1))
        moved = int(np.count_nonzero(new != lab))
        lab, centres = new, (_centres(Z, new) if moved else centres)
        if moved <= SETTLED * len(lab):
            break
    return lab, centres


def _compact(lab: np.ndarray) -> np.ndarray:
    """``lab`` renumbered 0..m-1 (a cluster that lost its rows leaves no gap), in order."""
    lab = lab.astype(np.int64, copy=False)
    used = np.bincount(lab) > 0
    return (np.cumsum(used) - 1)[lab] if not used.all() else lab


def _centres(Z: np.ndarray, lab: np.ndarray) -> np.ndarray:
    m = int(lab.max(initial=-1)) + 1
    member = sp.csr_array((np.ones(len(lab)), (lab, np.arange(len(lab)))),
                          shape=(m, len(lab)))
    return normalize(np.asarray(member @ Z))
