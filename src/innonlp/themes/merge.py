"""Joining k-means clusters whose centres are unusually alike (the themes' merge step)."""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.preprocessing import normalize


def merge_alike(Z: np.ndarray, fine: np.ndarray, k: int, lo: int, merge_z: float | None,
                record: list[dict[str, Any]]) -> np.ndarray:
    """Join two clusters when their centres are alike beyond what is usual between the
    clusters of this corpus: the pair's cosine is an outlier among all pairs, with a
    modified z-score (median and MAD, Iglewicz & Hoaglin) above ``merge_z`` (None: never).
    K-means splits one broad theme in two before it separates two small distinct ones; the
    halves become sub-themes. Most alike first, never below ``lo`` themes, at least four
    clusters to judge from; each merge is appended to ``record``.

    Returns
    -------
    ndarray of shape (k,)
        Per fine cluster 0..k-1 (the labels ``fine`` of the rows of ``Z``), its theme
        (0..n-1).
    """
    group = np.arange(k)
    # per fine cluster: the sum of its rows, once; a group's centre is then the sum of
    # its clusters' sums (normalised: the mean's direction)
    sums = np.zeros((k, Z.shape[1]))
    np.add.at(sums, fine, Z)
    while merge_z is not None and len(np.unique(group)) > max(lo, 3):
        ids = np.unique(group)
        cents = normalize(np.array([sums[group == g].sum(0) for g in ids]))
        S = cents @ cents.T
        iu = np.triu_indices(len(ids), 1)
        pairs = S[iu]
        med = float(np.median(pairs))
        mad = 1.4826 * float(np.median(np.abs(pairs - med)))
        best = int(pairs.argmax())
        z = (pairs[best] - med) / mad if mad > 0 else 0.0
        if z <= merge_z:
            break
        a, b = ids[iu[0][best]], ids[iu[1][best]]
        record.append({"themes": [int(x) for x in np.flatnonzero(np.isin(group, [a, b]))],
                       "similarity": round(float(pairs[best]), 4),
                       "z": round(float(z), 2)})
        group[group == b] = a
    return np.unique(group, return_inverse=True)[1]
