"""Inter-reviewer agreement per label field: Krippendorff's alpha, Cohen's kappa, % agreement.

Ratings come in as ``{claim_id: {reviewer: value}}``; only claims with two or more usable
values count. Alpha is computed by the `krippendorff` package at the level of measurement
the question's kind declares (nominal, ordinal; spans by overlap in `span_agreement`); its
95% interval is a bootstrap over claims with a fixed seed, so the same database gives the
same report. Cohen's kappa needs `MIN_SHARED_CLAIMS` claims both reviewers answered.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import krippendorff
import numpy as np

from annotator.audit.bootstrap import RESAMPLES, SEED, bootstrap_interval
from annotator.audit.disputes import is_number
from annotator.audit.span_agreement import as_span, span_units
from annotator.labels import LabelSchema

Level = Literal["nominal", "ordinal", "span"]
CountLevel = Literal["nominal", "ordinal"]  # the levels computed from value counts
Ratings = Mapping[str, Mapping[str, Any]]
# Below this many shared claims a pair's kappa is "too few to judge": with 5 claims one
# changed answer moves kappa by 0.3 or more.
MIN_SHARED_CLAIMS = 10


@dataclass(frozen=True)
class FieldSpec:
    """How a label field is compared: its level of measurement and its ordered values."""

    name: str
    level: Level
    # Values that count; anything else (e.g. "cant_judge") is missing. Empty for spans,
    # where a {"start", "end"} span or null ("no span") counts.
    domain: tuple[Any, ...]


@dataclass(frozen=True)
class PairKappa:
    reviewer_a: str
    reviewer_b: str
    kappa: float | None  # None when too few claims, or undefined (one value throughout)
    claims: int  # claims both reviewers answered
    too_few: bool  # fewer than MIN_SHARED_CLAIMS shared claims: no kappa is given


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
    """Each compared question at the level its kind declares (labels.KIND_LEVELS).

    A scale's non-numeric answers ("cant_judge") are left out of its domain, so they
    count as missing rather than as a point on the scale. Text questions are skipped.
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
            numeric = [c.value for c in question.choices if is_number(c.value)]
            specs.append(FieldSpec(question.name, "ordinal", tuple(sorted(numeric))))
        elif question.level == "span":
            specs.append(FieldSpec(question.name, "span", ()))
    return specs


def usable(spec: FieldSpec, value: Any) -> bool:
    if spec.level == "span":
        return value is None or as_span(value) is not None
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


def alpha_from_counts(counts: np.ndarray, level: CountLevel) -> float | None:
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


def squared_distances(level: CountLevel, marginals: np.ndarray) -> np.ndarray:
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
    counts: np.ndarray, level: CountLevel, resamples: int = RESAMPLES, seed: int = SEED
) -> tuple[float, float] | None:
    """Percentile 95% interval of alpha over claims resampled with replacement.

    A resample's coincidence matrix is a weighted sum of the units' own matrices, so all
    resamples are computed with a few matrix products instead of one alpha call each
    (tests check the result against the krippendorff package on the same resamples).
    """
    units, values = counts.shape
    per_unit = unit_coincidences(counts).reshape(units, values * values)

    def alphas(weights: np.ndarray) -> np.ndarray:
        stacked = (weights @ per_unit).reshape(len(weights), values, values)
        return alpha_from_coincidences(stacked, level)

    return bootstrap_interval(units, alphas, resamples, seed)


def alpha_from_coincidences(coincidences: np.ndarray, level: CountLevel) -> np.ndarray:
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


def pair_kappas(
    ratings: Ratings, spec: FieldSpec, article_of: Mapping[str, str] | None = None
) -> tuple[PairKappa, ...]:
    """Kappa of every pair of reviewers who share a claim (spans: exact spans as categories)."""
    reviewers = sorted({r for by_reviewer in ratings.values() for r in by_reviewer})
    result = []
    for a, b in itertools.combinations(reviewers, 2):
        pairs = [
            (category(spec, claim, by[a], article_of), category(spec, claim, by[b], article_of))
            for claim, by in ratings.items()
            if a in by and b in by and usable(spec, by[a]) and usable(spec, by[b])
        ]
        if pairs:
            too_few = len(pairs) < MIN_SHARED_CLAIMS
            kappa = None if too_few else cohen_kappa(pairs)
            result.append(PairKappa(a, b, kappa, len(pairs), too_few))
    return tuple(result)


def category(spec: FieldSpec, claim: str, value: Any, article_of: Mapping[str, str] | None) -> Any:
    """The value as a category for kappa: a span is its article and offsets."""
    span = as_span(value) if spec.level == "span" else None
    if span is None:
        return value
    return ((article_of or {}).get(claim, claim), *span)


def field_agreement(
    ratings: Ratings,
    spec: FieldSpec,
    resamples: int = RESAMPLES,
    seed: int = SEED,
    article_of: Mapping[str, str] | None = None,
) -> FieldAgreement:
    """Agreement on one field. ``article_of`` maps claims to articles: spans of two claims
    of one article are compared by overlap (without it, each claim is its own article)."""
    if spec.level == "span":
        units = span_units(ratings, article_of or {})
        return FieldAgreement(
            field=spec.name,
            level=spec.level,
            claims=len(units.claims),
            alpha=units.alpha(),
            alpha_ci=units.alpha_ci(resamples, seed),
            percent_agreement=units.percent_agreement(),
            kappas=pair_kappas(ratings, spec, article_of),
        )
    counts = value_counts(ratings, spec)
    level: CountLevel = "ordinal" if spec.level == "ordinal" else "nominal"
    return FieldAgreement(
        field=spec.name,
        level=spec.level,
        claims=counts.shape[0],
        alpha=alpha_from_counts(counts, level),
        alpha_ci=bootstrap_alpha_ci(counts, level, resamples, seed),
        percent_agreement=percent_agreement(counts),
        kappas=pair_kappas(ratings, spec),
    )
