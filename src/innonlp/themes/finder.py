"""Theme finding: segments → themes → sub-themes, with an explicit outlier bucket.

``ThemeFinder`` is a scikit-learn-style estimator over token lists (content lemmas and
phrase keys from the language layer):

1. features: a swappable ``vectorizer`` (default TF-IDF with sublinear term frequency),
   reduced by LSA (``TruncatedSVD`` by ARPACK, its axes learned from at most
   ``svd_sample`` segments) and L2-normalised, so k-means works on cosine geometry;
2. the number of themes: with ``n_themes="auto"`` k is chosen on a grid between
   ``min_themes`` and ``max_themes`` (``"auto"``: sqrt(n), between 4 and 30; never more
   than n / ``min_theme_size``) by the stability of k-means clusterings over resampled
   segments (:mod:`~innonlp.themes.selection`, at most ``selection_sample`` segments): the
   smallest k within ``k_tolerance`` of the most stable, each point taken less two
   standard errors (``selection="silhouette"``: the smallest k within ``tolerance`` of the
   best cosine silhouette). The curve and the
   rule are kept in ``choice_`` for the run record. The k clusters are the consensus of
   ``consensus_runs`` k-means runs (:mod:`~innonlp.themes.consensus`, on at most 3,000
   segments; the others join the nearest consensus centre), which a resample of the
   segments changes far less than one run; with ``consensus_runs=0`` one k-means (from
   the stability curve's centres for that k);
3. outliers: segments with fewer than ``min_tokens`` distinct content tokens (a closing line
   such as "Ta gjerne kontakt" says nothing to place), segments less similar to their
   theme's centre than ``min_similarity`` (at most ``max_outlier_share`` of all, the least
   similar first), and members of themes smaller than ``min_theme_size`` that fit no other
   theme, get label -1 ("Andre innspill");
4. sub-themes: each theme with at least ``2 * min_theme_size`` segments is split again the
   same way (k from 2 to 6) when its best silhouette reaches ``min_subtheme_silhouette``.
Deterministic under ``random_state``: the fit's randomness comes from one seed, fixed once
per fit (:func:`fit_seed`) and passed to every step.
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import normalize
from sklearn.utils import check_random_state
from sklearn.utils.validation import check_is_fitted

from .consensus import consensus_clusters
from .merge import merge_alike
from .params import validate
from .selection import StabilityCurve, cosine_silhouette, k_grid, stability_curve
from .threads import one_blas_thread
from .tokens import TokenDocs
from .vectorizer import TokenListTfidf

OUTLIER = -1
BIG_Z_BYTES = 200_000_000  # LSA matrices this big (~250,000 segments) are not copied


def default_vectorizer(n_docs: int) -> TokenListTfidf:
    """TF-IDF with sublinear term frequency over terms in at least two segments (and, in
    corpora above 50,000 segments, in at least one in 25,000: a term that rare cannot shape
    a theme, and dropping the long tail keeps the LSA of big corpora fast and small) and
    at most 30 % of them (a word in a third of the texts is the genre's or the
    consultation's, not a theme's: "forskrift", "gjelde", "bestemmelse" in regulations; on
    the Lovdata regulations NMI with the ministry 0.426 against 0.421 at 50 %, seeds 0–4)."""
    if n_docs < 20:
        return TokenListTfidf(sublinear_tf=True, min_df=1, max_df=1.0)
    return TokenListTfidf(sublinear_tf=True, min_df=max(2, n_docs // 25_000), max_df=0.3)


def fit_seed(random_state: Any) -> int:
    """The one seed of a fit: an int ``random_state`` is that seed (so a run with seed 0 is
    the run it always was); otherwise (None, a ``RandomState``, a ``Generator``) one int is
    drawn from it, once per fit, and every step of the fit is seeded from that."""
    if isinstance(random_state, numbers.Integral) and not isinstance(random_state, bool):
        return int(random_state)
    if isinstance(random_state, np.random.Generator):
        return int(random_state.integers(2**31 - 1))
    return int(check_random_state(random_state).randint(2**31 - 1))


class ThemeFinder(ClusterMixin, BaseEstimator):
    """Themes of segments from their token lists.

    ``fit(token_lists)`` → ``labels_`` (theme per segment, -1 = outlier) and ``sublabels_``.

    Parameters
    ----------
    n_themes : int or "auto"
        The number of themes, or "auto" to choose it (see the module docstring).
    min_themes, max_themes : int, int or "auto"
        The bounds of the automatic choice.
    min_theme_size : int
        Smaller themes are dissolved into the others (or the outliers).
    max_outlier_share, min_similarity : float
        Segments less similar than ``min_similarity`` to their theme's centre become
        outliers, at most ``max_outlier_share`` of all.
    n_components : int
        The most LSA dimensions.
    vectorizer : estimator or None
        Token lists → sparse features (default :func:`default_vectorizer`).
    subthemes : bool
        Split themes into sub-themes.
    min_subtheme_silhouette, tolerance : float
        The silhouette a split into sub-themes needs; the tolerance of the choice of k.
    selection_sample, svd_sample : int
        The most segments the choice of k and the LSA axes are learned from.
    min_tokens : int
        Segments with fewer distinct tokens are outliers.
    merge_z : float or None
        How unusual two clusters' likeness must be to merge them (None: never).
    selection : {"stability", "silhouette"}
        How "auto" chooses k: the stability curve (:mod:`~innonlp.themes.selection`) or
        the smallest k within ``tolerance`` of the best cosine silhouette.
    k_tolerance : float
        How much less stable than the best a finer k may be and still be chosen.
    consensus_runs : int
        The k-means runs whose consensus are the themes (:mod:`~.consensus`); 0: one
        k-means run.
    selection_boot : int
        The k-means re-fits on resamples behind each point of the stability curve (twenty:
        with five, a point moves by about 0.05 from seed to seed, more than the gaps the
        rule decides on; with ten, the choice on the Lovdata regulations still moved
        between 2, 19 and 30 with the seed).
    selection_starts : int
        The k-means starts of each re-fit (one: a k with several optima shows its
        instability; with the best of two starts, k = 2 on the regulations spiked to the
        top of the curve for one seed in seven).
    random_state : int, RandomState, Generator or None
        The source of the fit's one seed (:func:`fit_seed`).

    Attributes
    ----------
    labels_, sublabels_, similarity_ : ndarray of shape (n_segments,)
        Theme (-1: outlier), sub-theme within it (-1: none) and similarity to its centre.
    n_themes_ : int
    centroids_ : ndarray of shape (n_themes_, n_dims)
    choice_ : dict
        How the number of themes was chosen (for the run record).
    embedding_ : ndarray of shape (len(rows_), n_dims)
        The normalised LSA vectors of the clustered segments.
    rows_ : ndarray of int
        Which segments were clustered (those with content), in order.
    k_fine_, min_k_ : int
        The k of the final k-means, and the fewest themes the merge may leave.
    curve_ : StabilityCurve or None
        The stability curve of the automatic choice of k.
    seed_ : int
        The seed this fit used.
    """

    def __init__(self, *, n_themes: int | str = "auto", min_themes: int = 2,
                 max_themes: int | str = "auto",
                 min_theme_size: int = 3, max_outlier_share: float = 0.15,
                 min_similarity: float = 0.2, n_components: int = 50,
                 vectorizer: Any = None, subthemes: bool = True,
                 min_subtheme_silhouette: float = 0.08, tolerance: float = 0.05,
                 selection_sample: int = 6_000, min_tokens: int = 2,
                 merge_z: float | None = 3.5, svd_sample: int = 25_000,
                 selection: str = "stability", k_tolerance: float = 0.02,
                 consensus_runs: int = 20, selection_boot: int = 20,
                 selection_starts: int = 1,
                 random_state: Any = 0):
        self.n_themes = n_themes
        self.min_themes = min_themes
        self.max_themes = max_themes
        self.min_theme_size = min_theme_size
        self.max_outlier_share = max_outlier_share
        self.min_similarity = min_similarity
        self.n_components = n_components
        self.vectorizer = vectorizer
        self.subthemes = subthemes
        self.min_subtheme_silhouette = min_subtheme_silhouette
        self.tolerance = tolerance
        self.selection_sample = selection_sample
        self.min_tokens = min_tokens
        self.merge_z = merge_z
        self.svd_sample = svd_sample
        self.selection = selection
        self.k_tolerance = k_tolerance
        self.consensus_runs = consensus_runs
        self.selection_boot = selection_boot
        self.selection_starts = selection_starts
        self.random_state = random_state

    # ---- helpers ----------------------------------------------------------------------
    def max_themes_for(self, n: int) -> int:
        """``max_themes``, or with "auto" sqrt(n), between 4 and 30 (a wide grid: the
        stability curve, not the bound, decides)."""
        if self.max_themes != "auto":
            return int(self.max_themes)
        return int(min(30, max(4, round(n ** 0.5))))

    def _embed(self, X: sp.spmatrix, seed: int) -> np.ndarray:
        """Learn the LSA axes (``svd_``) and return the normalised LSA vectors of ``X``."""
        # LSA dimensions grow with the corpus: a tenth of the segments, 10 to n_components
        n_comp = min(self.n_components, max(10, X.shape[0] // 10), X.shape[1] - 1,
                     X.shape[0] - 1)
        # ARPACK: the leading singular vectors to convergence, not a randomized estimate
        # whose weaker axes move with the seed (and with them the choice of k)
        self.svd_ = None
        if n_comp >= 2:
            # the LSA axes of a big corpus are learned from a random sample of its rows
            # (the directions are well estimated long before; the cost is linear)
            rows = np.arange(X.shape[0])
            if len(rows) > self.svd_sample:
                rows = np.sort(np.random.default_rng(seed).choice(
                    len(rows), self.svd_sample, replace=False))
            # ...but asked for nearly all axes of a tiny matrix ARPACK does not converge
            # to the same vectors twice: there the seeded randomized solver is exact enough
            algo = "arpack" if 2 * n_comp < min(len(rows), X.shape[1]) else "randomized"
            self.svd_ = TruncatedSVD(n_comp, algorithm=algo, random_state=seed)
            self.svd_.fit(X[rows])
        return self._project(X)

    def _project(self, X: sp.spmatrix) -> np.ndarray:
        Z = self.svd_.transform(X) if self.svd_ is not None else X.toarray()
        return normalize(Z, copy=False)  # Z is new: normalised in place

    @staticmethod
    def _silhouette(Z: np.ndarray, labels: np.ndarray, seed: int) -> float:
        if len(set(labels.tolist())) < 2:
            return -1.0
        return cosine_silhouette(Z, labels, min(len(Z), 3000), seed)

    def _choose_k(self, Z: np.ndarray, lo: int, hi: int, seed: int, n_init: int = 2
                  ) -> tuple[int, dict[int, float], np.ndarray | None]:
        """The k of the grid from ``lo`` to ``hi`` with the best silhouette (the smallest
        within ``tolerance``), the scores and, when chosen on a sample of ``Z``, that k's
        centres (to start the final k-means from)."""
        rng = np.random.default_rng(seed)
        sample = Z if len(Z) <= self.selection_sample else Z[
            np.sort(rng.choice(len(Z), self.selection_sample, replace=False))]
        scores = {}
        centres = {}
        distinct = len(np.unique(sample.round(6), axis=0))
        for k in k_grid(lo, max(lo, min(hi, len(sample) - 1, distinct - 1))):
            km = KMeans(k, n_init=n_init, random_state=seed).fit(sample)
            scores[k] = round(self._silhouette(sample, km.labels_, seed), 4)
            centres[k] = km.cluster_centers_
        best = max(scores.values())
        k = min(k for k, s in scores.items() if s >= best - self.tolerance * abs(best))
        # on a sample of a big corpus, the chosen k's centres start the final k-means
        return k, scores, (centres[k] if len(sample) < len(Z) else None)

    def _features(self, docs: Sequence[Sequence[str]]) -> tuple[Any, np.ndarray]:
        """The fitted vectorizer's matrix of ``docs`` and which segments have content."""
        self.vectorizer_ = self.vectorizer if self.vectorizer is not None else \
            default_vectorizer(len(docs))
        # too little content to place: "Takk for muligheten", "Ta gjerne kontakt."
        has_features = docs.n_distinct() >= self.min_tokens if isinstance(docs, TokenDocs) \
            else np.array([len(set(d)) >= self.min_tokens for d in docs], dtype=bool)
        if has_features.sum() < max(2, self.min_theme_size):
            return None, has_features
        try:
            X = self.vectorizer_.fit_transform(docs)
        except ValueError:  # empty vocabulary after min_df/max_df
            self.vectorizer_ = default_vectorizer(1)
            X = self.vectorizer_.fit_transform(docs)
        return X, has_features & np.asarray(X.getnnz(axis=1) > 0)

    # ---- fit --------------------------------------------------------------------------
    def fit(self, docs: Sequence[Sequence[str]], y: Any = None) -> ThemeFinder:
        """Find the themes of ``docs`` (token lists); returns ``self``."""
        validate(type(self).__name__, self.get_params(deep=False))
        seed = self.seed_ = fit_seed(self.random_state)
        n = len(docs)
        labels = np.full(n, OUTLIER)
        self.sublabels_ = np.full(n, OUTLIER)
        self.similarity_ = np.zeros(n)
        self.choice_: dict[str, Any] = {"n_segments": n}
        self.subchoice_: dict[int, dict[str, Any]] = {}
        X, has_features = self._features(docs)
        if X is None:
            return self._no_themes(labels)
        rows = np.flatnonzero(has_features)
        X = X[rows]  # the full matrix is freed here, this one after the embedding
        Z = self._embed(X, seed)
        del X
        with one_blas_thread():
            self._cluster(Z, rows, labels, seed)
        self.choice_["n_themes"] = self.n_themes_
        self.choice_["n_outliers"] = int((self.labels_ == OUTLIER).sum())
        return self

    def _cluster(self, Z: np.ndarray, rows: np.ndarray, labels: np.ndarray, seed: int
                 ) -> None:
        """The themes (and sub-themes) of the embedded rows ``rows``."""
        k, start, lo = self._number_of_themes(Z, len(rows), seed)
        fine = self._fine_clusters(Z, k, start, seed)
        # --themes N is taken at its word: no merging below N
        self.k_fine_, self.min_k_ = k, (lo if self.n_themes == "auto" else k)
        self.choice_["merged"] = []
        fine, groups = self._merge(Z, fine, int(fine.max()) + 1, self.min_k_,
                                   self.choice_["merged"])
        theme = groups[fine]
        lab, sim = self._assign(Z, self._centers(Z, theme), theme)
        labels[rows] = lab
        self.similarity_[rows] = sim
        self.labels_, self.centroids_ = self._renumber(labels, Z, rows)
        self.n_themes_ = len(self.centroids_)
        self.embedding_, self.rows_ = Z, rows
        if self.subthemes:
            merged = self._merged_subthemes(fine, groups, rows)
            self._fit_subthemes(Z, rows, merged, seed)

    def _no_themes(self, labels: np.ndarray) -> ThemeFinder:
        self.labels_, self.n_themes_ = labels, 0
        self.choice_["rule"] = "too few segments with content words to form themes"
        self.centroids_ = np.zeros((0, 1))
        self.embedding_, self.rows_ = np.zeros((0, 1)), np.zeros(0, dtype=np.int64)
        self.k_fine_ = self.min_k_ = 0
        self.curve_: StabilityCurve | None = None
        return self

    def _number_of_themes(self, Z: np.ndarray, n_rows: int, seed: int
                          ) -> tuple[int, np.ndarray | None, int]:
        """k, the centres to start k-means from (or None) and the lower bound; the choice
        is recorded in ``choice_``."""
        hi = max(1, min(self.max_themes_for(n_rows), n_rows // self.min_theme_size))
        lo = min(self.min_themes, hi)
        self.curve_ = None
        if self.n_themes != "auto":
            k = min(int(self.n_themes), n_rows)
            self.choice_.update({"mode": "fixed", "chosen": k, "rule": "--themes N"})
            return k, None, lo
        if hi <= 1:
            self.choice_.update({"mode": "auto", "bounds": [lo, hi], "chosen": 1})
            return 1, None, lo
        if self.selection == "silhouette":
            # ten starts on small corpora; on one chosen from a sample, one start from the
            # sample's centres for that k (each start costs a full pass over the corpus)
            k, scores, start = self._choose_k(Z, lo, hi, seed)
            self.choice_.update({
                "mode": "auto", "criterion": "silhouette", "bounds": [lo, hi],
                "silhouette": scores, "chosen": k,
                "rule": f"smallest k whose cosine silhouette is within {self.tolerance:.0%} "
                        "of the best on the grid between the bounds"})
            return k, start, lo
        distinct = len(np.unique(Z[:self.selection_sample].round(6), axis=0))
        ks = k_grid(lo, max(lo, min(hi, len(Z) - 1, distinct - 1)))
        curve = self.curve_ = stability_curve(Z, ks, seed, n_boot=self.selection_boot,
                                              sample=min(self.selection_sample, 4000),
                                              boot_starts=self.selection_starts)
        k = curve.choose(self.k_tolerance)
        # the themes are the clustering whose stability was measured: k-means starts from
        # its centres (on a sample of a big corpus, the sample's)
        start = curve.centres[k]
        low = curve.lower_bounds()
        top = max(low.values())
        self.choice_.update({
            "mode": "auto", "criterion": "stability", "bounds": [lo, hi],
            "stability": curve.scores, "stability_se": curve.errors,
            "stability_lower": low, "chosen": k,
            "at_upper_bound": k == hi,
            "rule": f"smallest k whose stability (mean adjusted Rand index between "
                    f"{self.selection_boot} "
                    f"k-means re-fits on 80 % subsets, {self.selection_starts} start(s) "
                    f"each, on the segments both drew) less two "
                    f"standard errors is within {self.k_tolerance} of the best such lower "
                    f"bound ({top}) on the grid between the bounds "
                    f"(near-ties go to fewer themes); the themes are the consensus of "
                    f"{self.consensus_runs} k-means runs with that k"
                    + ("; it is the upper bound: the curve did not fall before it, more "
                       "themes may be stable too (--max-themes)" if k == hi else "")})
        return k, start, lo

    def _fine_clusters(self, Z: np.ndarray, k: int, start: np.ndarray | None, seed: int
                       ) -> np.ndarray:
        """The k clusters before the merge: the consensus of ``consensus_runs`` k-means
        runs (:mod:`~innonlp.themes.consensus`), or with 0 runs one k-means (from
        ``start``, the centres of the stability curve's clustering, when given)."""
        if self.consensus_runs:
            return consensus_clusters(Z, k, seed, self.consensus_runs)[0]
        # k-means centres a copy of Z; a big corpus's Z is centred in place and restored
        # (no second copy of hundreds of MB; the restored values may differ in the last bit)
        copy = Z.nbytes < BIG_Z_BYTES
        km = (KMeans(k, init=start, n_init=1, random_state=seed, copy_x=copy).fit(Z)
              if start is not None else
              KMeans(k, n_init=10 if len(Z) <= 20_000 else 3, random_state=seed,
                     copy_x=copy).fit(Z))
        return km.labels_

    @staticmethod
    def _centers(Z: np.ndarray, labels: np.ndarray) -> np.ndarray:
        return np.array([Z[labels == g].mean(0) for g in range(labels.max() + 1)])

    def recluster(self, Z: np.ndarray, random_state: int) -> np.ndarray:
        """The fitted procedure (k-means with the fitted ``k_fine_``, then the merge down
        to no fewer than ``min_k_`` themes) on other rows of the embedding and another
        seed: what the stability bootstrap re-runs. Returns a theme per row of ``Z``."""
        check_is_fitted(self, "k_fine_")
        k = min(self.k_fine_, len(Z) - 1)
        fine = (consensus_clusters(Z, k, random_state, self.consensus_runs)[0]
                if self.consensus_runs else
                KMeans(k, n_init=2, random_state=random_state).fit_predict(Z))
        fine, groups = self._merge(Z, fine, int(fine.max()) + 1, min(self.min_k_, k), [])
        return groups[fine]

    def _merge(self, Z: np.ndarray, fine: np.ndarray, k: int, lo: int,
               record: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
        """:func:`~innonlp.themes.merge.merge_alike` with ``merge_z``: the fine labels and,
        per fine cluster, its theme (0..n-1)."""
        return fine, merge_alike(Z, fine, k, lo, self.merge_z, record)

    def _merged_subthemes(self, fine: np.ndarray, groups: np.ndarray, rows: np.ndarray
                          ) -> set[int]:
        """Themes joined from several k-means clusters keep those clusters as sub-themes
        (largest first); returns the themes so handled."""
        done: set[int] = set()
        for t in range(self.n_themes_):
            members = np.flatnonzero(self.labels_ == t)
            if not len(members):
                continue
            pos = {r: i for i, r in enumerate(rows)}
            parts = fine[[pos[m] for m in members]]
            uniq, sizes = np.unique(parts, return_counts=True)
            if len(uniq) < 2:
                continue
            order = uniq[np.argsort(-sizes, kind="stable")]
            big = [c for c in order if (parts == c).sum() >= self.min_theme_size]
            if len(big) < 2:
                continue
            remap = {c: n for n, c in enumerate(big)}
            for m, c in zip(members, parts, strict=True):
                self.sublabels_[m] = remap.get(c, OUTLIER)
            done.add(t)
        return done

    def _assign(self, Z: np.ndarray, centers: np.ndarray, lab: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
        centers = normalize(centers)
        sims = Z @ centers.T
        lab = lab.copy()
        # themes too small to stand: their members move to the next theme that fits
        sizes = np.bincount(lab, minlength=len(centers))
        small = sizes < self.min_theme_size
        if small.any() and not small.all():
            sims[:, small] = -np.inf
            moved = np.isin(lab, np.flatnonzero(small))
            lab[moved] = sims[moved].argmax(1)
            lab[moved & (sims.max(1) < self.min_similarity)] = OUTLIER
        sim = np.where(lab >= 0, sims[np.arange(len(lab)), np.maximum(lab, 0)], 0.0)
        # least similar segments go to the outlier bucket, within the allowed share
        weak = np.flatnonzero((sim < self.min_similarity) & (lab >= 0))
        budget = int(self.max_outlier_share * len(lab)) - int((lab < 0).sum())
        if budget > 0 and len(weak):
            order = weak[np.argsort(sim[weak], kind="stable")][:budget]
            lab[order] = OUTLIER
        return lab, sim

    def _renumber(self, labels: np.ndarray, Z: np.ndarray, rows: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray]:
        """Themes numbered by size (largest first); centroids recomputed."""
        ids = [t for t in np.unique(labels) if t >= 0]
        sizes = {t: int((labels == t).sum()) for t in ids}
        order = sorted(ids, key=lambda t: (-sizes[t], t))
        remap = {old: new for new, old in enumerate(order)}
        out = np.array([remap.get(t, OUTLIER) for t in labels])
        pos = {r: i for i, r in enumerate(rows)}
        cents = np.array([normalize(Z[[pos[r] for r in np.flatnonzero(out == t)]].mean(
            0, keepdims=True))[0] for t in range(len(order))]) if order else np.zeros((0, 1))
        return out, cents

    def _fit_subthemes(self, Z: np.ndarray, rows: np.ndarray, skip: set[int], seed: int
                       ) -> None:
        pos = {r: i for i, r in enumerate(rows)}
        self.subchoice_ = {t: {"from": "merged k-means clusters"} for t in skip}
        for t in range(self.n_themes_):
            if t in skip:
                continue
            members = np.flatnonzero(self.labels_ == t)
            if len(members) < max(2 * self.min_theme_size, 6):
                continue
            Zt = Z[[pos[m] for m in members]]
            Zt = normalize(Zt - Zt.mean(0))  # what sets members apart inside the theme
            distinct = len(np.unique(Zt.round(6), axis=0))  # campaign copies coincide
            hi = min(6, len(members) // self.min_theme_size, distinct - 1)
            if hi < 2:
                continue
            k, scores, start = self._choose_k(Zt, 2, hi, seed, n_init=2)
            if scores[k] < self.min_subtheme_silhouette:
                continue
            lab = (KMeans(k, init=start, n_init=1, random_state=seed).fit_predict(Zt)
                   if start is not None else
                   KMeans(k, n_init=4, random_state=seed).fit_predict(Zt))
            sizes = np.bincount(lab)
            order = np.argsort(-sizes, kind="stable")
            remap = {old: new for new, old in enumerate(order)}
            keep = sizes[order] >= self.min_theme_size
            if keep.sum() < 2:
                continue
            for m, lb in zip(members, lab, strict=True):
                new = remap[lb]
                self.sublabels_[m] = new if keep[new] else OUTLIER
            self.subchoice_[t] = {"silhouette": scores, "chosen": k}

    def predict(self, docs: Sequence[Sequence[str]]) -> np.ndarray:
        """Theme of new segments: the most similar centre, or -1 below ``min_similarity``."""
        check_is_fitted(self, "n_themes_")
        if not self.n_themes_:
            return np.full(len(docs), OUTLIER)
        X = self.vectorizer_.transform(docs)
        Z = self._project(X)
        sims = Z @ self.centroids_.T
        lab = sims.argmax(1)
        lab[(sims.max(1) < self.min_similarity) | (X.getnnz(axis=1) == 0)] = OUTLIER
        return lab
