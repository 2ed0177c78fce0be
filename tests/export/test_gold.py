"""Gold labels: majority per field (ties give null) and the adjudicated fallback."""

from __future__ import annotations

from annotator.gold import Decision, gold_label, majority, tied


def test_majority_per_field_tie_gives_null() -> None:
    labels = [
        {"source_type": "anonymous", "credibility": 2},
        {"source_type": "anonymous", "credibility": 4},
        {"source_type": "named_person", "credibility": None},
    ]
    assert majority(labels) == {"credibility": None, "source_type": "anonymous"}


def test_values_of_different_types_are_different_votes() -> None:
    assert majority([{"c": 1}, {"c": "1"}, {"c": 1}]) == {"c": 1}
    assert majority([{"flag": True}, {"flag": 1}]) == {"flag": None}


def test_no_labels_no_gold() -> None:
    assert majority([]) is None
    assert gold_label("majority", [], None) is None


def test_adjudicated_wins_and_falls_back_to_majority() -> None:
    votes = [{"c": 1}, {"c": 1}]
    decision = Decision("dana", {"c": 5}, "checked the wire copy")
    assert gold_label("adjudicated", votes, decision) == {
        "method": "adjudicated",
        "labels": {"c": 5},
        "adjudicator": "dana",
        "note": "checked the wire copy",
    }
    assert gold_label("adjudicated", votes, None) == {
        "method": "majority",
        "labels": {"c": 1},
        "adjudicator": None,
        "note": None,
    }
    record = gold_label("majority", votes, decision)
    assert record is not None and record["method"] == "majority"


def test_a_tie_needs_two_answers_and_no_majority() -> None:
    assert tied([{"t": "a"}, {"t": "b"}], "t")
    assert tied([{"t": "a"}, {"t": "b"}, {"t": "a"}, {"t": "b"}], "t")
    assert not tied([{"t": "a"}, {"t": "b"}, {"t": "a"}], "t")
    assert not tied([{"t": "a"}, {"t": None}, {}], "t")  # one answer: a majority of one
    assert not tied([{}, {}], "t")  # nobody answered: nothing is tied
