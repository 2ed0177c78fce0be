"""Every detection rule is declared once (annotator/nlp/rules.py), fires on its example,
stays quiet on its near miss, and has its row in docs/detection.md."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.nlp import rules
from annotator.nlp.lexicon import load_lexicon
from annotator.records import ExtractedClaim

ROOT = Path(__file__).resolve().parents[2]
ClaimsOf = Callable[[str], list[ExtractedClaim]]


def fired(claims: list[ExtractedClaim]) -> set[str]:
    """The rules behind the claims' evidence and behind the relations found in them."""
    return {e.rule for c in claims for e in c.evidence} | {
        r.rule for c in claims for r in c.relations
    }


@pytest.mark.parametrize("rule", rules.RULES.values(), ids=lambda r: r.id)
def test_every_rule_fires_on_its_example(rule: rules.Rule, claims_of: ClaimsOf) -> None:
    assert rule.example, f"{rule.id} has no example"
    assert rule.id in fired(claims_of(rule.example))


@pytest.mark.parametrize(
    "rule", [r for r in rules.RULES.values() if r.near_miss], ids=lambda r: r.id
)
def test_no_rule_fires_on_its_near_miss(rule: rules.Rule, claims_of: ClaimsOf) -> None:
    assert rule.near_miss is not None
    assert rule.id not in fired(claims_of(rule.near_miss))


@pytest.mark.parametrize("rule", rules.RULES.values(), ids=lambda r: r.id)
def test_every_rule_says_why_in_one_line(rule: rules.Rule) -> None:
    for variant in (None, *rule.variants):
        why = rule.why if variant is None else rule.variants[variant].why
        assert why.strip() and "\n" not in why and len(why) <= 120, (rule.id, variant)
    assert rule.stage in rules.STAGES
    assert rule.confidence is None or 0 < rule.confidence < 1


def test_the_docs_table_is_the_registry() -> None:
    """docs/detection.md holds `python -m annotator.nlp.rules` between its markers."""
    docs = (ROOT / "docs" / "detection.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- rules:start -->\n(.*?)<!-- rules:end -->", docs, re.S)
    assert found is not None, "docs/detection.md lacks the rules:start/rules:end markers"
    assert found.group(1) == rules.markdown_table(), (
        "the rule table in docs/detection.md is stale: regenerate it with "
        "python -m annotator.nlp.rules"
    )


def test_code_names_rules_only_through_the_registry() -> None:
    """A rule id written as a string in the engine would escape the registry."""
    pattern = re.compile(r"[\"'](?:cue|source|type|resolve|anon|relay|kind)\.[a-z_]+[\"']")
    engine = ROOT / "annotator" / "nlp"
    for path in engine.rglob("*.py"):
        if path.name == "rules.py":
            continue
        literals = pattern.findall(path.read_text(encoding="utf-8"))
        assert not literals, f"{path.relative_to(ROOT)} names rules as strings: {literals}"


def test_every_shipped_anonymity_phrase_has_a_declared_rule() -> None:
    for name, phrase in load_lexicon(None).anonymity_phrases:
        assert f"anon.{name}" in rules.RULES, f"{phrase!r} names the undeclared rule {name}"


def test_a_users_own_anonymity_rule_gets_a_generic_reason() -> None:
    declared = rules.rule("anon.masked_voice")
    assert declared.why == "identity withheld" and declared.confidence is not None
    with pytest.raises(KeyError, match="not declared"):
        rules.rule("cue.mind_reading")
