"""A 2-D map of the clustered segments for the report's scatter plot."""

from __future__ import annotations

import numpy as np


def map_2d(Z: np.ndarray) -> np.ndarray:
    """The first two principal components of the rows of ``Z`` (n × 2), from the d × d
    covariance matrix, so a big ``Z`` is never copied to centre it. Each axis's sign is
    fixed (its largest loading positive), so the map does not flip between runs."""
    n, d = Z.shape
    if n == 0:
        return np.zeros((0, 2))
    mu = Z.mean(0)
    if d <= 2:
        out = np.zeros((n, 2))
        out[:, :d] = Z - mu
        return out
    cov = (Z.T @ Z) / n - np.outer(mu, mu)
    _, vectors = np.linalg.eigh(cov)  # ascending eigenvalues
    axes = vectors[:, ::-1][:, :2].copy()
    axes *= np.sign(axes[np.abs(axes).argmax(0), [0, 1]])
    return Z @ axes - mu @ axes
