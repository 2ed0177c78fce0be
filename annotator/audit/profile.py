"""Article-level sourcing profile, after the W3C Credible Web CG's credibility signals.

Signals per article: the share of claims per source type, whether anonymous sources are
cited, how many claims rest on a single anonymous source, and whether the article says
why anonymity was granted. Each claim's labels are its gold labels where reviewers
settled them, else the machine suggestion (the profile says how many of each).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from annotator.store.audit import MachineSuggestion

# A source introduced with one of these is one person ("a person familiar", "one aide").
_SINGULAR = ("a", "an", "one", "another")


@dataclass(frozen=True)
class ArticleProfile:
    article_id: str
    title: str | None  # article text: escape before showing it anywhere
    claims: int
    from_gold: int  # claims whose labels came from the reviewers rather than the machine
    source_shares: dict[str, float]  # source type -> share of the article's claims
    anonymous_claims: int
    single_anonymous_claims: int
    reason_given_claims: int  # anonymous claims whose article says why anonymity was granted

    @property
    def cites_anonymous(self) -> bool:
        return self.anonymous_claims > 0


def single_source(text: str | None) -> bool:
    words = (text or "").lower().split()
    return bool(words) and words[0] in _SINGULAR


def article_profiles(
    machine: Mapping[str, MachineSuggestion],
    gold: Mapping[str, Mapping[str, Any]],
    titles: Mapping[str, str | None],
) -> list[ArticleProfile]:
    """One profile per article that has claims, in article id order."""
    by_article: dict[str, list[MachineSuggestion]] = {}
    for suggestion in machine.values():
        by_article.setdefault(suggestion.article_id, []).append(suggestion)
    profiles = []
    for article_id in sorted(by_article):
        types: Counter[str] = Counter()
        from_gold = anonymous = single = reason = 0
        for suggestion in by_article[article_id]:
            labels = gold.get(suggestion.claim_id, {})
            from_gold += bool(labels)
            source_type = labels.get("source_type") or suggestion.source_type
            flag = labels.get("anonymous_flag")
            flag = suggestion.anonymous_flag if flag is None else flag
            given = labels.get("anonymity_reason_given")
            given = suggestion.anonymity_reason_given if given is None else given
            types[source_type] += 1
            if flag:
                anonymous += 1
                single += source_type != "unnamed_group" and single_source(suggestion.source_text)
                reason += bool(given)
        total = len(by_article[article_id])
        profiles.append(
            ArticleProfile(
                article_id=article_id,
                title=titles.get(article_id),
                claims=total,
                from_gold=from_gold,
                source_shares={t: n / total for t, n in sorted(types.items())},
                anonymous_claims=anonymous,
                single_anonymous_claims=single,
                reason_given_claims=reason,
            )
        )
    return profiles
