"""Inter-reviewer agreement per label field: Krippendorff's alpha, Cohen's kappa, % agreement.

Ratings come in as ``{claim_id: {reviewer: value}}``; only claims with two or more usable
values count. Alpha is computed by the `krippendorff` package; its 95% interval is a
bootstrap over claims with a fixed seed, so the same database gives the same report.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import krippendorff
import numpy as np

from annotator.labels import LabelSchema

Level = Literal["nominal", "ordinal"]
Ratings = Mapping[str, Mapping[str, Any]]
RESAMPLES = 1000
SEED = 20110101  # fixed: the interval must not change between two runs on one database


@dataclass(frozen=True)
class FieldSpec:
    """How a label field is compared: its level of measurement and its ordered values."""

    name: str
    level: Level
    domain: tuple[Any, ...]  # values that count; anything else (e.g. "cant_judge") is missing


@dataclass(frozen=True)
class PairKappa:
    reviewer_a: str
    reviewer_b: str
    kappa: float | None  # None when undefined (both always gave the same single value)
    claims: int


@dataclass(frozen=True)
class FieldAgreement:
    field: str
    level: Level
    claims: int  # claims with two or more usable values: the base of alpha and % agreement
    alpha: float | None
    alpha_ci: tuple[float, float] | None
    percent_agreement: float | None
    kappas: tuple[PairKappa, ...]


def fields_from_schema(schema: LabelSchema) -> list[FieldSpec]:
    """Nominal for single-choice and yes/no questions, ordinal for scales; text is skipped.

    A scale's non-numeric answers ("cant_judge") are left out of its domain, so they
    count as missing rather than as a point on the scale.
    """
    specs: list[FieldSpec] = []
    for question in schema.questions:
        if question.kind == "single":
            specs.append(
                FieldSpec(question.name, "nominal", tuple(c.value for c in question.choices))
            )
        elif question.kind == "yesno":
            specs.append(FieldSpec(question.name, "nominal", (False, True)))
        elif question.kind == "scale":
            numeric = [
                c.value
                for c in question.choices
                if isinstance(c.value, int | float) and not isinstance(c.value, bool)
            ]
            specs.append(FieldSpec(question.name, "ordinal", tuple(sorted(numeric))))
    return specs


def usable(spec: FieldSpec, value: Any) -> bool:
    # bool is an int: keep True/False apart from 1/0 on a numeric scale.
    return any(value == v and type(value) is type(v) for v in spec.domain)


def value_counts(ratings: Ratings, spec: FieldSpec) -> np.ndarray:
    """Units x values matrix of how many reviewers gave each value (units with >= 2 values)."""
    index = {repr(v): i for i, v in enumerate(spec.domain)}
    rows = []
    for by_reviewer in ratings.values():
        row = np.zeros(len(spec.domain))
        for value in by_reviewer.values():
            if usable(spec, value):
                row[index[repr(value)]] += 1
        if row.sum() >= 2:
            rows.append(row)
    return np.array(rows).reshape(len(rows), len(spec.domain))


def alpha_from_counts(counts: np.ndarray, level: Level) -> float | None:
    """Krippendorff's alpha, or None when undefined (no units, or no variation at all)."""
    if counts.shape[0] == 0 or counts.shape[1] < 2:
        return None
    with np.errstate(divide="ignore", invalid="ignore"):
        value = float(krippendorff.alpha(value_counts=counts, level_of_measurement=level))
    return value if np.isfinite(value) else None


def unit_coincidences(counts: np.ndarray) -> np.ndarray:
    """Each unit's contribution to the coincidence matrix: units x values x values."""
    pairable = counts.sum(axis=1) - 1
    outer = counts[:, :, None] * counts[:, None, :]
    diagonal = np.arange(counts.shape[1])
    outer[:, diagonal, diagonal] -= counts
    result: np.ndarray = outer / pairable[:, None, None]
    return result


def squared_distances(level: Level, marginals: np.ndarray) -> np.ndarray:
    """Krippendorff's delta squared per pair of values, for each row of value totals."""
    values = marginals.shape[-1]
    if level == "nominal":
        return np.broadcast_to(1.0 - np.eye(values), (*marginals.shape[:-1], values, values))
    # Ordinal: (sum of n_g from c to k, minus half of n_c and n_k) squared.
    cumulative = np.cumsum(marginals, axis=-1)
    low = cumulative[..., :, None] - marginals[..., :, None]  # sum below c
    span = cumulative[..., None, :] - low  # sum of n_g for g in c..k (c <= k)
    half = (marginals[..., :, None] + marginals[..., None, :]) / 2
    upper = (span - half) ** 2
    return np.triu(upper) + np.swapaxes(np.triu(upper, 1), -1, -2)


def bootstrap_alpha_ci(
    counts: np.ndarray, level: Level, resamples: int = RESAMPLES, seed: int = SEED
) -> tuple[float, float] | None:
    """Percentile 95% interval of alpha over claims resampled with replacement.

    A resample's coincidence matrix is a weighted sum of the units' own matrices, so all
    resamples are computed with a few matrix products instead of one alpha call each
    (tests check the result against the krippendorff package on the same resamples).
    """
    units, values = counts.shape
    if units < 2:
        return None
    per_unit = unit_coincidences(counts).reshape(units, values * values)
    rng = np.random.default_rng(seed)
    batch = max(1, min(resamples, 2_000_000 // units))  # bounds memory on big datasets
    alphas: list[np.ndarray] = []
    for start in range(0, resamples, batch):
        size = min(batch, resamples - start)
        picks = rng.integers(0, units, (size, units)) + units * np.arange(size)[:, None]
        weights = np.bincount(picks.ravel(), minlength=size * units).reshape(size, units) * 1.0
        alphas.append(
            alpha_from_coincidences((weights @ per_unit).reshape(size, values, values), level)
        )
    found = np.concatenate(alphas)
    found = found[np.isfinite(found)]
    if found.size == 0:
        return None
    low, high = np.percentile(found, [2.5, 97.5])
    return float(low), float(high)


def alpha_from_coincidences(coincidences: np.ndarray, level: Level) -> np.ndarray:
    """Alpha of each coincidence matrix in a stack (NaN where it is undefined)."""
    marginals = coincidences.sum(axis=-1)
    total = marginals.sum(axis=-1)
    delta = squared_distances(level, marginals)
    observed = (coincidences * delta).sum(axis=(-2, -1))
    expected = (marginals[..., :, None] * marginals[..., None, :] * delta).sum(axis=(-2, -1))
    with np.errstate(divide="ignore", invalid="ignore"):
        result: np.ndarray = 1 - (total - 1) * observed / expected
    return result


def cohen_kappa(pairs: list[tuple[Any, Any]]) -> float | None:
    """Cohen's kappa of two raters' paired values (None when chance agreement is 1)."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first = Counter(repr(a) for a, _ in pairs)
    second = Counter(repr(b) for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    if expected >= 1:
        return None
    return (observed - expected) / (1 - expected)


def percent_agreement(counts: np.ndarray) -> float | None:
    """Share of pairs of reviewers' values on the same claim that are equal, pooled."""
    totals = counts.sum(axis=1)
    pairs = float((totals * (totals - 1) / 2).sum())
    if pairs == 0:
        return None
    return float((counts * (counts - 1) / 2).sum() / pairs)


def pair_kappas(ratings: Ratings, spec: FieldSpec) -> tuple[PairKappa, ...]:
    reviewers = sorted({r for by_reviewer in ratings.values() for r in by_reviewer})
    result = []
    for a, b in itertools.combinations(reviewers, 2):
        pairs = [
            (by[a], by[b])
            for by in ratings.values()
            if a in by and b in by and usable(spec, by[a]) and usable(spec, by[b])
        ]
        if pairs:
            result.append(PairKappa(a, b, cohen_kappa(pairs), len(pairs)))
    return tuple(result)


def field_agreement(
    ratings: Ratings, spec: FieldSpec, resamples: int = RESAMPLES, seed: int = SEED
) -> FieldAgreement:
    counts = value_counts(ratings, spec)
    return FieldAgreement(
        field=spec.name,
        level=spec.level,
        claims=counts.shape[0],
        alpha=alpha_from_counts(counts, spec.level),
        alpha_ci=bootstrap_alpha_ci(counts, spec.level, resamples, seed),
        percent_agreement=percent_agreement(counts),
        kappas=pair_kappas(ratings, spec),
    )
