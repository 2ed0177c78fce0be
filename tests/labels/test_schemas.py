"""Label schemas: the default loads, every bad schema fails with one line naming the problem."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.errors import SchemaError
from annotator.labels import NAVIGATION_KEYS, load_schema

BAD = Path(__file__).parent / "bad"

# Each bad schema file and what its one-line error must say.
EXPECTED_ERRORS = {
    "not_toml.toml": r"not valid TOML",
    "duplicate_key.toml": (
        r"questions\[0\] \(stance\)\.values\[1\]: key 's' is already used by stance=for"
    ),
    "unknown_kind.toml": r"unknown kind 'slider'; use one of single, scale, yesno, text, span",
    "constraint_unknown_question.toml": (
        r"constraints\[0\]\.then: 'flag' is not a declared question"
    ),
    "constraint_bad_value.toml": r"constraints\[0\]\.when: stance: 'maybe' is not one of",
    "required_with_ask_if.toml": r"a `required` question is always asked; drop its `ask_if`",
    "navigation_key.toml": r"key 'j' is a navigation key; choose another key",
    "no_questions.toml": r"questions: no \[\[questions\]\] declared",
    "missing_description.toml": r"`description` is missing",
    "tolerance_not_scale.toml": r"questions\[0\] \(stance\): `tolerance` applies to scale",
    "negative_tolerance.toml": r"`tolerance` must be a number >= 0",
    "adjudicated_text.toml": r"a text question cannot be adjudicated",
}


def test_every_bad_schema_file_has_an_expected_error() -> None:
    assert sorted(p.name for p in BAD.glob("*.toml")) == sorted(EXPECTED_ERRORS)


@pytest.mark.parametrize("name", sorted(EXPECTED_ERRORS))
def test_bad_schema_fails_with_one_line_naming_file_and_field(name: str) -> None:
    with pytest.raises(SchemaError) as caught:
        load_schema(BAD / name)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(BAD / name))
    assert re.search(EXPECTED_ERRORS[name], message), message


def test_default_schema_asks_the_documented_questions() -> None:
    schema = load_schema()
    assert [q.name for q in schema.questions] == [
        "source_type",
        "source_span",
        "cue_span",
        "anonymous_flag",
        "anonymity_reason_given",
        "credibility",
        "claim_kind",
        "note",
    ]
    source_type = schema.question("source_type")
    assert source_type is not None
    assert {c.value for c in source_type.choices} == {
        "named_person",
        "named_organization",
        "document",
        "anonymous",
        "unnamed_person",
        "unnamed_group",
        "unattributed",
    }
    credibility = schema.question("credibility")
    assert credibility is not None and credibility.advances
    assert [c.key for c in credibility.choices] == ["1", "2", "3", "4", "5", "0"]
    # Every value and question explains itself (help and docs are built from these).
    for question in schema.questions:
        assert question.description
        assert all(c.description for c in question.choices)
        keys = [c.key for c in question.choices] + ([question.key] if question.key else [])
        assert not set(keys) & NAVIGATION_KEYS


def test_default_schema_declares_what_is_adjudicated() -> None:
    """source_type, the source span and the anonymity questions always; credibility beyond
    one step; the cue span and the claim kind never (a split there is settled by
    majority); text never."""
    schema = load_schema()
    adjudicated = {q.name: (q.adjudicate, q.tolerance) for q in schema.questions}
    assert adjudicated == {
        "source_type": (True, 0),
        "source_span": (True, 0),
        "cue_span": (False, 0),
        "anonymous_flag": (True, 0),
        "anonymity_reason_given": (True, 0),
        "credibility": (True, 1),
        "claim_kind": (False, 0),
        "note": (False, 0),
    }
    assert [q.level for q in schema.questions] == [
        "nominal",
        "span",
        "span",
        "nominal",
        "nominal",
        "ordinal",
        "nominal",
        None,
    ]


def test_reason_is_asked_only_for_anonymous_sources() -> None:
    reason = load_schema().question("anonymity_reason_given")
    assert reason is not None
    assert reason.is_asked({"anonymous_flag": True})
    assert not reason.is_asked({"anonymous_flag": False})


def test_schema_id_changes_with_content(tmp_path: Path) -> None:
    default = load_schema()
    edited = tmp_path / "edited.toml"
    edited.write_text(default.content.replace('schema_version = "2"', 'schema_version = "3"'))
    assert load_schema(edited).id != default.id
    assert load_schema(edited).version == "3"


def test_labels_are_validated_field_by_field() -> None:
    schema = load_schema()
    schema.validate_labels({"source_type": "anonymous", "credibility": "cant_judge"})
    with pytest.raises(SchemaError, match=r"label 'credibility': 7 is not one of"):
        schema.validate_labels({"credibility": 7})
    with pytest.raises(SchemaError, match=r"label 'anonymous_flag': 'yes' is not true or false"):
        schema.validate_labels({"anonymous_flag": "yes"})
    with pytest.raises(SchemaError, match=r"unknown label field 'stance'"):
        schema.validate_labels({"stance": "for"})


def test_spans_are_character_offsets_inside_the_article() -> None:
    schema = load_schema()
    schema.validate_labels({"source_span": {"start": 0, "end": 4}, "cue_span": None}, 10)
    for bad, message in (
        (
            {"start": 4, "end": 4},
            r"label 'source_span': start 4 must be at least 0 and below end 4",
        ),
        ({"start": 0}, r"label 'source_span': .* is not a span"),
        ({"start": "0", "end": 3}, r"label 'source_span': .* whole numbers"),
        ({"start": True, "end": 3}, r"label 'source_span': .* whole numbers"),
        ({"start": 2, "end": 11}, r"label 'source_span': end 11 is past the end of the article"),
    ):
        with pytest.raises(SchemaError, match=message):
            schema.validate_labels({"source_span": bad}, 10)


def test_default_constraints_tie_the_flag_and_span_to_the_source_type() -> None:
    schema = load_schema()
    assert [rule.text for rule in schema.constraints] == [
        "source_type = anonymous implies anonymous_flag = true",
        "source_type = unattributed implies anonymous_flag = false and no source_span",
    ]
    schema.validate_labels({"source_type": "anonymous", "anonymous_flag": True})
    schema.validate_labels({"source_type": "anonymous"})  # a field not given breaks nothing
    with pytest.raises(SchemaError, match=r"label 'anonymous_flag' breaks the rule: source_type"):
        schema.validate_labels({"source_type": "anonymous", "anonymous_flag": False})
    with pytest.raises(SchemaError, match=r"label 'source_span' breaks the rule"):
        schema.validate_labels(
            {"source_type": "unattributed", "source_span": {"start": 0, "end": 2}}
        )
    # 1 is not true: answers are compared with their types.
    with pytest.raises(SchemaError):
        schema.validate_labels({"source_type": "anonymous", "anonymous_flag": 1})


def test_credibility_is_required() -> None:
    schema = load_schema()
    assert schema.required_fields == ("credibility",)
    assert [q.name for q in schema.missing_required({"credibility": None})] == ["credibility"]
    assert schema.missing_required({"credibility": "cant_judge"}) == []
