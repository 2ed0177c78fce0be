"""Krippendorff's alpha for span labels, with character overlap as the difference.

A span answer is ``{"start": int, "end": int}`` (character offsets into the article) or
null ("no span"). The difference of two answers on one article is 1 minus their overlap
(Jaccard: shared characters over the characters either covers), so "a senior official"
against "a senior Turkish official" differs by 0.32, not by 1 as an exact match would;
null against a span differs by 1, null against null by 0, and spans of two articles by 1.

Alpha is Krippendorff's general form, 1 - (n - 1) * D_o / D_e, where D_o sums each claim's
pairs of answers divided by (its answers - 1), and D_e sums every ordered pair of all
answers. Spans on different articles never overlap, so D_e needs the overlaps within one
article only: per article a matrix K[u, v] of summed overlaps between claims u and v.
The bootstrap weights claims, and D_e of a resample is a quadratic form in its weights.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from annotator.audit.bootstrap import RESAMPLES, SEED, bootstrap_interval

Span = tuple[int, int]


def as_span(value: Any) -> Span | None:
    """(start, end) of a span label, or None when `value` is not a valid span."""
    if not isinstance(value, Mapping):
        return None
    start, end = value.get("start"), value.get("end")
    if type(start) is not int or type(end) is not int:  # bool is an int, but not an offset
        return None
    return (start, end) if 0 <= start < end else None


def overlap(one: Span, other: Span) -> float:
    """Shared characters over the characters either span covers (1.0 for equal spans)."""
    shared = max(0, min(one[1], other[1]) - max(one[0], other[0]))
    return shared / ((one[1] - one[0]) + (other[1] - other[0]) - shared)


def difference(one: Span | None, other: Span | None) -> float:
    """The difference of two answers on one article."""
    if one is None or other is None:
        return 0.0 if one is other else 1.0
    return 1.0 - overlap(one, other)


@dataclass(frozen=True)
class SpanUnits:
    """The claims with two or more span answers, ready for alpha and its bootstrap."""

    claims: tuple[str, ...]
    answers: tuple[tuple[Span | None, ...], ...]  # per claim
    articles: tuple[str, ...]  # per claim

    @cached_property
    def _per_unit(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Answers, null answers and summed within-claim differences / (answers - 1)."""
        counts = np.array([len(a) for a in self.answers], dtype=float)
        nulls = np.array([sum(x is None for x in a) for a in self.answers], dtype=float)
        observed = np.array(
            [
                sum(difference(x, y) for i, x in enumerate(a) for j, y in enumerate(a) if i != j)
                / (len(a) - 1)
                for a in self.answers
            ]
        )
        return counts, nulls, observed

    @cached_property
    def _blocks(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per article: its claims' indices, and K[u, v] = summed overlaps of their spans."""
        by_article: dict[str, list[int]] = {}
        for index, article in enumerate(self.articles):
            by_article.setdefault(article, []).append(index)
        blocks = []
        for indices in by_article.values():
            spans = [[x for x in self.answers[i] if x is not None] for i in indices]
            matrix = np.array(
                [
                    [sum(overlap(x, y) for x in one for y in other) for other in spans]
                    for one in spans
                ]
            )
            blocks.append((np.array(indices), matrix))
        return blocks

    def _alphas(self, weights: np.ndarray) -> np.ndarray:
        """Alpha for each row of claim weights (1 each for the data itself); NaN if undefined."""
        counts, nulls, observed = self._per_unit
        values = weights @ counts
        null = weights @ nulls
        spans = values - null
        shared = np.zeros(len(weights))
        for indices, matrix in self._blocks:
            part = weights[:, indices]
            shared += ((part @ matrix) * part).sum(axis=1)
        expected = 2 * null * spans + spans**2 - shared
        with np.errstate(divide="ignore", invalid="ignore"):
            result: np.ndarray = 1 - (values - 1) * (weights @ observed) / expected
        return result

    def alpha(self) -> float | None:
        if not self.claims:
            return None
        value = float(self._alphas(np.ones((1, len(self.claims))))[0])
        return value if np.isfinite(value) else None

    def alpha_ci(self, resamples: int = RESAMPLES, seed: int = SEED) -> tuple[float, float] | None:
        return bootstrap_interval(len(self.claims), self._alphas, resamples, seed)

    def percent_agreement(self) -> float | None:
        """Share of pairs of answers on the same claim that are the very same span (or null)."""
        equal = pairs = 0
        for answers in self.answers:
            for i, one in enumerate(answers):
                for other in answers[i + 1 :]:
                    pairs += 1
                    equal += one == other
        return equal / pairs if pairs else None


def span_units(
    ratings: Mapping[str, Mapping[str, Any]], article_of: Mapping[str, str]
) -> SpanUnits:
    """Claims with two or more valid span answers (null counts: it says "no span")."""
    claims, answers, articles = [], [], []
    for claim, by_reviewer in ratings.items():
        given = [as_span(v) for v in by_reviewer.values() if v is None or as_span(v) is not None]
        if len(given) >= 2:
            claims.append(claim)
            answers.append(tuple(given))
            articles.append(article_of.get(claim, claim))
    return SpanUnits(tuple(claims), tuple(answers), tuple(articles))
