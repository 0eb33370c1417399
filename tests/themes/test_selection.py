"""The stability curve: it finds the planted number of clusters, not the upper bound."""
import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import normalize

from innonlp.themes.selection import (
    STABLE,
    StabilityCurve,
    agreement_with_error,
    k_grid,
    pairwise_agreement,
    rand_index_adjusted,
    stability_curve,
)


def blobs(k: int, n_per: int = 40, d: int = 30, noise: float = 0.25, seed: int = 0
          ) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = normalize(rng.normal(size=(k, d)))
    return normalize(np.repeat(centres, n_per, axis=0) + noise * rng.normal(size=(k * n_per, d)))


def test_curve_peaks_at_the_planted_k_and_the_rule_picks_it() -> None:
    Z = blobs(5)
    curve = stability_curve(Z, k_grid(2, 12), seed=0)
    assert curve.choose(0.02) == 5 and 12 in curve.scores
    assert curve.scores[5] > 0.9 and curve.scores[12] < curve.scores[5]
    assert (curve.stability[5] >= STABLE).all()
    members = np.flatnonzero(curve.labels[5][np.argsort(curve.sample)] ==
                             curve.labels[5][0])
    assert curve.stable_at(curve.sample[members], near=9) is not None


def test_noise_has_no_stable_k_and_agreement_is_chance_corrected() -> None:
    rng = np.random.default_rng(1)
    Z = normalize(rng.normal(size=(200, 30)))
    curve = stability_curve(Z, [2, 4, 8], seed=0)
    assert max(curve.scores.values()) < 0.6
    same = np.arange(100) % 3
    assert pairwise_agreement([same, same.copy()]) == 1.0
    assert abs(pairwise_agreement([same, rng.permutation(same)])) < 0.1


def test_the_curve_is_deterministic() -> None:
    Z = blobs(3, seed=2)
    a, b = stability_curve(Z, [2, 3, 4], 3), stability_curve(Z, [2, 3, 4], 3)
    assert a.scores == b.scores and all(np.array_equal(a.labels[k], b.labels[k]) for k in a.ks)


def _curve(scores: dict[int, float], errors: dict[int, float]) -> StabilityCurve:
    ks = sorted(scores)
    return StabilityCurve(ks, scores, errors, {k: np.ones(k) for k in ks},
                          {k: np.zeros(4, dtype=int) for k in ks},
                          {k: np.zeros((k, 2)) for k in ks}, np.arange(4))


def test_a_noisy_spike_does_not_outrank_a_steady_plateau():
    # k = 2 scores higher, but its re-fits disagree among themselves far more
    scores = {2: 0.70, 5: 0.45, 10: 0.65, 12: 0.66}
    noisy = _curve(scores, {2: 0.06, 5: 0.01, 10: 0.01, 12: 0.01})
    assert noisy.lower_bounds()[2] == 0.58
    assert noisy.choose(0.02) == 10
    # the same scores measured without error: the spike wins, as it did before
    assert _curve(scores, {k: 0.0 for k in scores}).choose(0.02) == 2


def test_agreement_error_is_zero_for_identical_refits_and_grows_with_disagreement():
    rng = np.random.default_rng(0)
    same = rng.integers(0, 3, 300)
    assert agreement_with_error([same, same.copy(), same.copy()]) == (1.0, 0.0)
    mixed = [same, same.copy(), same.copy(), rng.permutation(same), rng.permutation(same)]
    mean, err = agreement_with_error(mixed)
    assert mean == pytest.approx(pairwise_agreement(mixed))
    assert 0.05 < err < 0.5


def test_rand_index_is_scikit_learns_adjusted_rand_score() -> None:
    rng = np.random.default_rng(4)
    cases = [(np.zeros(5, int), np.zeros(5, int)), (np.arange(6), np.arange(6)),
             (np.array([0, 0, 1, 1]), np.array([1, 1, 0, 0])), (np.array([0, 1]), np.array([0, 0]))]
    for _ in range(300):
        n = int(rng.integers(2, 80))
        a = rng.integers(0, int(rng.integers(1, 9)), n)
        b = a.copy() if rng.random() < 0.2 else rng.integers(0, int(rng.integers(1, 9)), n)
        cases.append((a, b))
    for a, b in cases:
        assert rand_index_adjusted(a, b) == pytest.approx(adjusted_rand_score(a, b), abs=1e-12)


def test_one_start_re_fits_show_a_k_with_several_optima() -> None:
    # four blobs at the corners of a square: two clusters have two equally good optima
    # (split top/bottom or left/right); single-start re-fits land on either, so k = 2 is
    # less stable than the planted 4, while the best of many starts can hide it
    rng = np.random.default_rng(0)
    corners = np.array([[1.0, 1.0], [1.0, -1.0], [-1.0, 1.0], [-1.0, -1.0]])
    Z = np.repeat(corners, 50, axis=0) + 0.15 * rng.normal(size=(200, 2))
    curve = stability_curve(Z, [2, 4], seed=0, n_boot=12, boot_starts=1)
    assert curve.scores[4] > 0.9 > curve.scores[2]
    assert curve.choose(0.02) == 4
    # the best of ten starts mostly lands on the same optimum: k = 2 looks far steadier
    many = stability_curve(Z, [2, 4], seed=0, n_boot=12, boot_starts=10)
    assert many.scores[2] > curve.scores[2] + 0.2
