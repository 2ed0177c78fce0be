"""Disputes per question: tolerances, what is settled, and the counts the audit reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.audit.adjudication import adjudicate, disputes
from annotator.audit.disputes import (
    agreed_answer,
    answers_agree,
    count_disputes,
    disputed_questions,
)
from annotator.cli import main
from annotator.labels import LabelSchema, Question
from annotator.store import Store


def question(schema: LabelSchema, name: str) -> Question:
    found = schema.question(name)
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("answers", "agree"),
    [
        ([2, 3], True),  # one step apart: within the default tolerance of 1
        ([2, 3, 3], True),
        ([2, 4], False),  # two steps
        ([3, 4, 5], False),  # the extremes are two apart
        ([3, "cant_judge"], False),  # can't judge against a number
        (["cant_judge", "cant_judge"], True),
        ([4, 4], True),
    ],
)
def test_credibility_agrees_within_one_step(
    schema: LabelSchema, answers: list[object], agree: bool
) -> None:
    assert answers_agree(question(schema, "credibility"), answers) is agree


def test_without_tolerance_only_equal_answers_agree(schema: LabelSchema) -> None:
    exact = Question("rating", "scale", "A rating.", adjudicate=True)
    assert not answers_agree(exact, [2, 3])
    assert answers_agree(exact, [3, 3])
    source_type = question(schema, "source_type")
    assert not answers_agree(source_type, ["anonymous", "unnamed_person"])
    assert answers_agree(source_type, ["anonymous", "anonymous"])
    flag = question(schema, "anonymous_flag")
    assert not answers_agree(flag, [True, 1])  # a yes is not the number 1


def test_settled_answer_within_tolerance() -> None:
    assert agreed_answer([2, 3, 3]) == 3  # the most common
    assert agreed_answer([3, 2]) == 2  # a tie: the lower middle answer
    assert agreed_answer(["cant_judge", "cant_judge"]) == "cant_judge"


def test_only_answers_given_are_compared(schema: LabelSchema) -> None:
    """An unanswered question (missing, or null as the review screen saves it) disputes
    nothing; a span's null is an answer ("no source") and disputes a span."""
    assert disputed_questions(schema, [{"credibility": 3}, {"credibility": None}]) == []
    assert disputed_questions(schema, [{"source_type": "document"}, {}]) == []
    with_span = schema  # the default schema asks for the source span
    source_span = with_span.question("source_span")
    assert source_span is not None and source_span.adjudicate
    one = {"source_span": {"start": 0, "end": 9}}
    assert disputed_questions(with_span, [one, {"source_span": None}]) == ["source_span"]
    assert disputed_questions(with_span, [one, {}]) == []
    assert disputed_questions(with_span, [one, {"source_span": {"start": 0, "end": 9}}]) == []


def test_two_reviewers_one_step_apart_are_not_disputes(schema: LabelSchema) -> None:
    """The team trial: 21 shared claims, 16 of them 2 against 3 on credibility only."""
    same = {"source_type": "anonymous", "anonymous_flag": True, "claim_kind": "fact"}
    labels = {f"c{i}": [{**same, "credibility": 2}, {**same, "credibility": 3}] for i in range(16)}
    labels |= {f"d{i}": [{**same, "credibility": 4}, {**same, "credibility": 4}] for i in range(5)}
    labels["d0"][1] = {**same, "credibility": "cant_judge"}
    labels["d1"][1] = {**same, "source_type": "unnamed_person", "credibility": 4}
    labels["d2"][1] = {**same, "claim_kind": "opinion", "credibility": 4}  # not adjudicated
    counts = count_disputes(labels, schema, decided={"d1"})
    assert counts.total == 2
    assert counts.by_question == {
        "source_type": 1,
        "source_span": 0,
        "anonymous_flag": 0,
        "anonymity_reason_given": 0,
        "credibility": 1,
    }
    assert counts.adjudicated == 1


def test_the_audit_reports_disputes_per_question(db_path: Path) -> None:
    """The three-reviewer database (tests/audit/conftest.py), claim by claim:

    1. credibility 2, 2, 3: within tolerance; the rest agree       -> no dispute
    2. credibility 4, 4, 3                                         -> no dispute
    3. credibility 3, 4, 3; claim_kind differs but is not adjudicated -> no dispute
    4. source_type document, document, unnamed_group; credibility 4, 5, 3 -> both disputed
    5. source_type unnamed_group, unnamed_person, unnamed_group    -> source_type
    6. credibility cant_judge, 2, 3                                -> credibility
    """
    result = CliRunner().invoke(main, ["audit", "--db", str(db_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    disputes = json.loads(result.output)["disputes"]
    assert disputes == {
        "total": 3,
        "adjudicated": 0,
        "by_question": {
            "source_type": 2,
            "source_span": 0,
            "anonymous_flag": 0,
            "anonymity_reason_given": 0,
            "credibility": 2,
        },
    }
    text = CliRunner(env={"COLUMNS": "200"}).invoke(main, ["audit", "--db", str(db_path)]).output
    assert "Disputes: 3 claims with a disputed question (0 adjudicated)" in text
    assert (
        "source_type 2, source_span 0, anonymous_flag 0, anonymity_reason_given 0, "
        "credibility 2" in text
    )
    html = CliRunner().invoke(main, ["audit", "--db", str(db_path), "--format", "html"]).output
    assert "3 claims with a disputed question, 0 of them adjudicated" in html
    assert '<tr><td>credibility</td><td class="n">2</td></tr>' in html


def test_a_decision_is_counted_as_adjudicated(db_path: Path, schema: LabelSchema) -> None:
    with Store(db_path) as store:
        first = disputes(store, schema)[0]
        adjudicate(store, schema, first.claim.id, "editor", first.draft)
    result = CliRunner().invoke(main, ["audit", "--db", str(db_path), "--format", "json"])
    assert json.loads(result.output)["disputes"]["adjudicated"] == 1
