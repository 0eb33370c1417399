"""Choosing the number of themes: the stability curve (and the cosine silhouette).

For each k on a grid between the bounds, k-means with k clusters is fitted on the
segments (at most ``sample`` of them), and again on ``n_boot`` random subsets of 80 % of them
with other seeds. The k's score is how well the re-fits agree with each other: the mean
adjusted Rand index between every two of them on the segments both drew (Ben-Hur, Elisseeff
& Guyon 2002; Lange et al. 2004). The index is adjusted for chance, so it does not favour few
clusters (two clusters agree by chance far more often than twenty), and unlike the cosine
silhouette it does not rise with k by construction on text (the silhouette chose the upper
bound every time). The rule: the smallest k whose lower bound (below) is within
``tolerance`` of the best lower bound (of equally stable clusterings, the one with fewer
themes: a near-tie on the curve is no evidence for more themes, and the finer clusterings of
text trade segments between neighbours, so more of their themes are unstable). A point of
the curve is only as good as its lower bound, the score less two standard errors of the
re-fits' mean agreement: with few clusters k-means has few optima, a re-fit lands on one or
another, and the score of k = 2 jumps by 0.3 from seed to seed (0.37 to 0.71 on the Lovdata
regulations, its error 0.05–0.07 against 0.01 at k ≥ 8); compared on their lower bounds such
a spike no longer outranks a steady plateau. Each cluster's own stability (best-match
Jaccard in the re-fits, Hennig 2007) is kept too: it tells an unstable theme the k at
which it would be a stable cluster of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.cluster import KMeans
from sklearn.preprocessing import normalize
from sklearn.utils import check_random_state

BOOT_FRACTION = 0.8
STABLE = 0.6  # Hennig's rule of thumb: below, a cluster is not a stable pattern
ERRORS = 2.0  # a point's lower bound: its score less this many standard errors


@dataclass(frozen=True)
class StabilityCurve:
    """Per k: the score, its standard error, each cluster's stability, the labels of the
    sample rows and the centres; ``sample`` are the rows of the embedding the curve was
    measured on."""

    ks: list[int]
    scores: dict[int, float]
    errors: dict[int, float]
    stability: dict[int, np.ndarray]
    labels: dict[int, np.ndarray]
    centres: dict[int, np.ndarray]
    sample: np.ndarray

    def lower_bounds(self) -> dict[int, float]:
        """Per k: the score less :data:`ERRORS` standard errors."""
        return {k: round(s - ERRORS * self.errors.get(k, 0.0), 4)
                for k, s in self.scores.items()}

    def choose(self, tolerance: float) -> int:
        """The smallest k whose lower bound is within ``tolerance`` (absolute) of the best
        lower bound."""
        low = self.lower_bounds()
        best = max(low.values())
        return min(k for k, s in low.items() if s >= best - tolerance)

    def stable_at(self, members: np.ndarray, near: int) -> int | None:
        """The k (closest to ``near``, the smaller on a tie) at which the rows ``members``
        (of the embedding) are mostly one stable cluster: best-match Jaccard at least 0.5
        with a cluster whose stability is at least :data:`STABLE`; None when no k is."""
        inside = np.isin(self.sample, members)
        if not inside.any():
            return None
        good = []
        for k in self.ks:
            lab = self.labels[k]
            inter = np.bincount(lab[inside], minlength=k)
            union = inside.sum() + np.bincount(lab, minlength=k) - inter
            jac = inter / np.maximum(union, 1)
            c = int(jac.argmax())
            if jac[c] >= 0.5 and self.stability[k][c] >= STABLE:
                good.append(k)
        return min(good, key=lambda k: (abs(k - near), k)) if good else None


def stability_curve(Z: np.ndarray, ks: list[int], seed: int, n_boot: int = 5,
                    sample: int = 6_000, boot_starts: int = 1) -> StabilityCurve:
    """The stability score of each k in ``ks`` on the rows of ``Z`` (see the module);
    ``boot_starts``: the k-means starts of each re-fit (one: a k whose clusterings have
    several optima shows it, instead of a spike where the re-fits' best starts agree)."""
    rng = np.random.default_rng(seed)
    rows = np.arange(len(Z)) if len(Z) <= sample else np.sort(
        rng.choice(len(Z), sample, replace=False))
    X = Z[rows]
    m = max(2, int(BOOT_FRACTION * len(X)))
    draws = [np.sort(rng.choice(len(X), m, replace=False)) for _ in range(n_boot)]
    scores, errors, stab, labels, centres = {}, {}, {}, {}, {}
    for k in ks:
        km = KMeans(k, n_init=3, random_state=seed).fit(X)
        lab = km.labels_
        per = np.zeros((n_boot, k))
        fits = []
        for b, idx in enumerate(draws):
            boot = KMeans(k, n_init=boot_starts, random_state=seed + 1 + b).fit_predict(X[idx])
            per[b] = best_match_jaccard(lab[idx], boot, k)
            full = np.full(len(X), -1)
            full[idx] = boot
            fits.append(full)
        stab[k] = per.mean(0)
        mean, err = agreement_with_error(fits)
        scores[k], errors[k] = round(mean, 4), round(err, 4)
        labels[k], centres[k] = lab, km.cluster_centers_
    return StabilityCurve(list(ks), scores, errors, stab, labels, centres, rows)


def pairwise_agreement(fits: list[np.ndarray]) -> float:
    """The mean adjusted Rand index between every two re-fits, on the rows both drew (-1:
    not drawn). Adjusted for chance, so two clusters agreeing is not worth more than ten."""
    return agreement_with_error(fits)[0]


def agreement_with_error(fits: list[np.ndarray]) -> tuple[float, float]:
    """:func:`pairwise_agreement` and its standard error: the spread of each re-fit's mean
    agreement with the others, over the square root of the number of re-fits (0 with fewer
    than three re-fits)."""
    n = len(fits)
    if n < 2:
        return 0.0, 0.0
    M = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            both = (fits[i] >= 0) & (fits[j] >= 0)
            M[i, j] = M[j, i] = rand_index_adjusted(fits[i][both], fits[j][both])
    mean = float(M[np.triu_indices(n, 1)].mean())
    if n < 3:
        return mean, 0.0
    per_fit = M.sum(1) / (n - 1)
    return mean, float(per_fit.std(ddof=1) / np.sqrt(n))


def rand_index_adjusted(a: np.ndarray, b: np.ndarray) -> float:
    """``sklearn.metrics.adjusted_rand_score(a, b)`` for labels 0..k-1, from one bincount
    of the contingency table (the pairwise agreement computes hundreds of them per k)."""
    n = len(a)
    if n < 2:
        return 1.0
    kb = int(b.max()) + 1
    table = np.bincount(a.astype(np.int64) * kb + b, minlength=(int(a.max()) + 1) * kb)

    def pairs(x: np.ndarray) -> float:
        x = x.astype(np.float64)
        return float((x * (x - 1)).sum() / 2)

    both = pairs(table)
    table = table.reshape(-1, kb)
    in_a, in_b = pairs(table.sum(1)), pairs(table.sum(0))
    expected = in_a * in_b / (n * (n - 1) / 2)
    most = (in_a + in_b) / 2
    if most == expected:  # one cluster each, or every row its own: identical
        return 1.0
    return (both - expected) / (most - expected)


def best_match_jaccard(orig: np.ndarray, boot: np.ndarray, k: int) -> np.ndarray:
    """Per original cluster 0..k-1: the Jaccard index of its rows with the re-fit's cluster
    that overlaps it best (0 for a cluster without rows; -1 rows are in no cluster)."""
    out = np.zeros(k)
    kb = int(boot.max(initial=-1)) + 1
    if kb == 0:
        return out
    boot_sizes = np.bincount(boot[boot >= 0], minlength=kb)
    for t in range(k):
        a = orig == t
        if not a.any():
            continue
        b = boot[a]
        inter = np.bincount(b[b >= 0], minlength=kb)
        union = a.sum() + boot_sizes - inter
        out[t] = float((inter / np.maximum(union, 1)).max())
    return out


def cosine_silhouette(X: np.ndarray, labels: np.ndarray, sample_size: int,
                      seed: int) -> float:
    """``silhouette_score(X, labels, metric="cosine", sample_size=…, random_state=seed)``
    (the same rows sampled), from cluster sums instead of all pairwise distances: the mean
    cosine distance from a row x to the rows of a cluster C is ``1 - x·S_C / |C|`` with S_C
    the sum of C's normalised rows (and, inside its own cluster, without x itself), so the
    cost is rows × clusters instead of rows². Equal to scikit-learn's up to rounding."""
    idx = check_random_state(seed).permutation(len(X))[:sample_size]
    Xs = normalize(X[idx])
    names, lab = np.unique(labels[idx], return_inverse=True)
    k, n = len(names), len(idx)
    if not 2 <= k <= n - 1:
        raise ValueError(f"Number of labels is {k}. Valid values are 2 to n_samples - 1 "
                         "(inclusive)")
    sizes = np.bincount(lab, minlength=k).astype(float)
    sums = np.zeros((k, Xs.shape[1]))
    np.add.at(sums, lab, Xs)
    sims = Xs @ sums.T  # row · cluster sum
    own = sims[np.arange(n), lab] - np.einsum("ij,ij->i", Xs, Xs)
    rest = sizes[lab] - 1
    with np.errstate(divide="ignore", invalid="ignore"):
        intra = np.where(rest > 0, (rest - own) / rest, 0.0)
        inter_all = 1.0 - sims / sizes
    inter_all[np.arange(n), lab] = np.inf
    inter = inter_all.min(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        sil = (inter - intra) / np.maximum(intra, inter)
    sil[rest == 0] = 0.0  # a cluster of one: 0, as scikit-learn has it
    return float(np.mean(np.nan_to_num(sil)))


def k_grid(lo: int, hi: int) -> list[int]:
    """The k tried between ``lo`` and ``hi``: both ends and steps of a quarter."""
    if hi <= lo:
        return [lo]
    grid = {lo, hi}
    k = float(lo)
    while k < hi:
        grid.add(int(round(k)))
        k *= 1.25
    return sorted(g for g in grid if lo <= g <= hi)


