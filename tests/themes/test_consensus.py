"""Consensus clustering: the planted clusters, the same result for the same seed, and rows
outside the sample placed by the nearest consensus centre."""

import numpy as np
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import normalize

from innonlp.themes.consensus import co_association, consensus_clusters, cut_tree, refine
from innonlp.themes.merge import merge_alike


def blobs(k: int, n_per: int = 30, d: int = 20, noise: float = 0.3, seed: int = 0
          ) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    centres = normalize(rng.normal(size=(k, d)))
    truth = np.repeat(np.arange(k), n_per)
    return normalize(centres[truth] + noise * rng.normal(size=(k * n_per, d))), truth


def test_consensus_finds_the_planted_clusters_and_is_deterministic() -> None:
    Z, truth = blobs(4)
    lab, centres = consensus_clusters(Z, 4, seed=0, runs=8)
    assert adjusted_rand_score(truth, lab) > 0.95
    assert centres.shape == (4, Z.shape[1])
    assert np.allclose(np.linalg.norm(centres, axis=1), 1.0)
    again, _ = consensus_clusters(Z, 4, seed=0, runs=8)
    assert np.array_equal(lab, again)


def test_rows_outside_the_sample_join_the_nearest_centre() -> None:
    Z, truth = blobs(3, n_per=60)
    lab, centres = consensus_clusters(Z, 3, seed=1, runs=6, sample=90)
    assert len(lab) == len(Z) and adjusted_rand_score(truth, lab) > 0.9
    nearest = (Z @ centres.T).argmax(1)
    assert (lab == nearest).mean() > 0.95


def test_co_association_and_the_cut() -> None:
    Z, _ = blobs(2, n_per=10)
    co = co_association(Z, 2, seed=0, runs=4)
    assert co.shape == (20, 20) and np.allclose(np.diag(co), 1.0)
    lab = cut_tree(co, 2)
    assert lab[0] == 0 and set(lab.tolist()) == {0, 1}  # numbered by their first row
    assert np.array_equal(cut_tree(co[:2, :2], 5), np.arange(2))  # fewer rows than k


def test_refine_moves_misplaced_rows_to_their_centre() -> None:
    """k-means steps from a partition with misplaced rows (and a label left unused) put
    each row with its nearest centre; the labels stay 0..m-1 without gaps."""
    Z, truth = blobs(3, n_per=40, noise=0.1)
    start = truth * 2  # labels 0, 2, 4: gaps
    start[[0, 1, 40, 41]] = 4  # rows of clusters 0 and 1 put in cluster 2
    lab, centres = refine(Z, start)
    assert adjusted_rand_score(truth, lab) == 1.0
    assert sorted(set(lab.tolist())) == [0, 1, 2] and centres.shape == (3, Z.shape[1])
    assert np.array_equal(lab, (Z @ centres.T).argmax(1))
    once, _ = refine(Z, start, steps=0)
    assert adjusted_rand_score(truth, once) < 1.0  # no steps: the partition as given


def test_tiny_inputs() -> None:
    Z, _ = blobs(1, n_per=2)
    lab, _ = consensus_clusters(Z, 3, seed=0)
    assert lab.tolist() == [0, 1]
    lab, _ = consensus_clusters(Z, 1, seed=0)
    assert lab.tolist() == [0, 0]


def test_merge_joins_the_halves_of_one_cluster_only() -> None:
    Z, truth = blobs(5, noise=0.1)
    fine = truth.copy()
    fine[(truth == 4) & (np.arange(len(truth)) % 2 == 0)] = 5  # one blob in two halves
    record: list = []
    groups = merge_alike(Z, fine, 6, 2, 3.5, record)
    assert groups[4] == groups[5] and len(set(groups.tolist())) == 5
    assert record[0]["themes"] == [4, 5] and record[0]["z"] > 3.5
    assert merge_alike(Z, fine, 6, 2, None, []).tolist() == list(range(6))
