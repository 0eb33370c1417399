import numpy as np
from sklearn.decomposition import PCA

from innonlp.themes.layout import map_2d


def test_map_is_the_first_two_principal_components_and_leaves_z_alone():
    rng = np.random.default_rng(3)
    Z = rng.normal(size=(400, 12)) * np.linspace(4, 0.2, 12) + 5.0
    before = Z.copy()
    xy = map_2d(Z)
    ref = PCA(2).fit_transform(Z)
    assert xy.shape == (400, 2)
    # the same axes up to their sign, which map_2d fixes
    for j in range(2):
        assert np.allclose(xy[:, j], ref[:, j], atol=1e-8) or \
            np.allclose(xy[:, j], -ref[:, j], atol=1e-8)
    assert np.array_equal(Z, before)  # not centred in place
    assert np.allclose(xy.mean(0), 0.0, atol=1e-9)


def test_map_sign_does_not_depend_on_row_order():
    rng = np.random.default_rng(4)
    Z = rng.normal(size=(300, 6)) * np.array([5, 3, 1, 1, 1, 1])
    order = rng.permutation(300)
    assert np.allclose(map_2d(Z)[order], map_2d(Z[order]), atol=1e-9)


def test_map_of_narrow_and_empty_matrices():
    Z = np.array([[1.0], [2.0], [3.0]])
    assert np.allclose(map_2d(Z), [[-1.0, 0.0], [0.0, 0.0], [1.0, 0.0]])
    assert map_2d(np.zeros((0, 5))).shape == (0, 2)
