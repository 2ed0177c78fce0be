"""Percentile bootstrap over claims: resample weights in batches, and the 95% interval."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

RESAMPLES = 1000
SEED = 20110101  # fixed: the interval must not change between two runs on one database


def bootstrap_interval(
    units: int,
    statistic: Callable[[np.ndarray], np.ndarray],
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> tuple[float, float] | None:
    """Percentile 95% interval of `statistic` over units resampled with replacement.

    `statistic` takes a (resamples x units) matrix of how often each unit was drawn and
    returns one value per row (NaN where undefined), so a batch is a few matrix products.
    """
    if units < 2:
        return None
    rng = np.random.default_rng(seed)
    batch = max(1, min(resamples, 2_000_000 // units))  # bounds memory on big datasets
    found: list[np.ndarray] = []
    for start in range(0, resamples, batch):
        size = min(batch, resamples - start)
        picks = rng.integers(0, units, (size, units)) + units * np.arange(size)[:, None]
        weights = np.bincount(picks.ravel(), minlength=size * units).reshape(size, units) * 1.0
        found.append(statistic(weights))
    values = np.concatenate(found)
    values = values[np.isfinite(values)]
    if values.size == 0:
        return None
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)
