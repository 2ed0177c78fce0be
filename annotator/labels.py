"""Label schemas: the questions a reviewer answers, loaded and validated from labels/*.toml.

A schema's id is the hash of its file content, stored with every annotation made under
it, so a dataset says which questions its labels answer. Besides questions, a schema may
declare constraints between answers ("source_type anonymous implies anonymous_flag
true"), which the review screen applies as the reviewer types and `import-labels`
enforces, and `required` questions, without which a claim is not rated.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from annotator.errors import SchemaError

KINDS = ("single", "scale", "yesno", "text", "span")
# The level of measurement each kind declares, for agreement (Krippendorff's alpha): a
# "span" question ({"start", "end"} character offsets, or null) is compared by overlap.
KIND_LEVELS = {"single": "nominal", "yesno": "nominal", "scale": "ordinal", "span": "span"}
PREFILLS = (
    "source_type",
    "anonymous_flag",
    "anonymity_reason_given",
    "source_span",
    "cue_span",
)
# Keys the review screen keeps for moving around, for the article list (l), for unfolding
# the context (i) and for the span editor; a schema may not take them.
NAVIGATION_KEYS = frozenset(
    {
        "j",
        "k",
        "f",
        "g",
        "q",
        "/",
        "?",
        "enter",
        "space",
        "up",
        "down",
        "left",
        "right",
        "escape",
        "tab",
        "ctrl+z",
        "ctrl+c",
        "ctrl+q",
        "home",
        "end",
        "shift+tab",
        "shift+left",
        "shift+right",
        "backspace",
        "delete",
        "i",
        "l",
    }
)
# A key may be written as the character or as Textual's key name.
_KEY_ALIASES = {" ": "space", "question_mark": "?", "slash": "/"}


@dataclass(frozen=True)
class Choice:
    """One answer of a single-choice or scale question."""

    value: str | int
    key: str
    description: str


@dataclass(frozen=True)
class Question:
    name: str
    kind: str
    description: str
    choices: tuple[Choice, ...] = ()
    key: str | None = None  # toggle key of a yes/no question, opening key of a text one
    prefill: str | None = None
    ask_if: dict[str, Any] = field(default_factory=dict)
    advances: bool = False
    # Whether a disagreement on this question sends the claim to adjudication.
    adjudicate: bool = False
    # Scale only: the largest difference between two numeric answers that still agree.
    tolerance: float = 0
    required: bool = False  # a claim is not rated until this question is answered

    @property
    def level(self) -> str | None:
        """Level of measurement for agreement; None for a question that is not compared."""
        return KIND_LEVELS.get(self.kind)

    def choice_for_key(self, key: str) -> Choice | None:
        return next((c for c in self.choices if c.key == key), None)

    def is_asked(self, labels: dict[str, Any]) -> bool:
        """Whether this question applies, given the other answers so far."""
        return all(labels.get(name) == value for name, value in self.ask_if.items())

    def check(self, value: Any) -> str | None:
        """Why `value` is not a valid answer, or None when it is."""
        if value is None:
            return None
        if self.kind in ("single", "scale"):
            allowed = [c.value for c in self.choices]
            if value not in allowed or isinstance(value, bool):
                return f"{value!r} is not one of {', '.join(map(repr, allowed))}"
        elif self.kind == "yesno" and not isinstance(value, bool):
            return f"{value!r} is not true or false"
        elif self.kind == "text" and not isinstance(value, str):
            return f"{value!r} is not text"
        elif self.kind == "span":
            return span_problem(value)
        return None


def span_problem(value: Any) -> str | None:
    """Why `value` is not a span `{"start": int, "end": int}` with 0 <= start < end."""
    if not isinstance(value, dict) or set(value) != {"start", "end"}:
        return f'{value!r} is not a span {{"start": int, "end": int}} or null'
    start, end = value["start"], value["end"]
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (start, end)):
        return f"{value!r}: start and end must be whole numbers (character offsets)"
    if not 0 <= start < end:
        return f"start {start} must be at least 0 and below end {end}"
    return None


def same_answer(one: Any, other: Any) -> bool:
    """Equal answers of equal types (True == 1 in Python, not here)."""
    return bool(one == other) and type(one) is type(other)


def _answer_text(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@dataclass(frozen=True)
class Constraint:
    """When every answer in `when` is given, the answers in `then` must hold too.

    A `then` value of None means "no answer": no span, for a span question.
    """

    when: dict[str, Any]
    then: dict[str, Any]

    def applies(self, labels: dict[str, Any]) -> bool:
        return all(same_answer(labels.get(name), value) for name, value in self.when.items())

    def broken_by(self, labels: dict[str, Any]) -> list[str]:
        """The fields of `labels` that contradict this rule (fields not given do not)."""
        if not self.applies(labels):
            return []
        return [
            name
            for name, value in self.then.items()
            if name in labels and not same_answer(labels[name], value)
        ]

    @property
    def text(self) -> str:
        """The rule in words: "source_type = anonymous implies anonymous_flag = true"."""

        def clause(answers: dict[str, Any]) -> str:
            return " and ".join(
                f"no {name}" if value is None else f"{name} = {_answer_text(value)}"
                for name, value in answers.items()
            )

        return f"{clause(self.when)} implies {clause(self.then)}"

    @property
    def refusal(self) -> str:
        """Why an answer this rule fixes cannot be changed, and what to do instead."""
        return f"{self.text}; change {', '.join(self.when)} first"


@dataclass(frozen=True)
class LabelSchema:
    name: str
    version: str
    description: str
    questions: tuple[Question, ...]
    id: str  # first 16 hex digits of sha256 of the file content
    content: str
    path: str
    constraints: tuple[Constraint, ...] = ()

    def question(self, name: str) -> Question | None:
        return next((q for q in self.questions if q.name == name), None)

    @property
    def span_fields(self) -> frozenset[str]:
        """Questions answered with a span, for which null is an answer ("no span")."""
        return frozenset(q.name for q in self.questions if q.kind == "span")

    def validate_labels(self, labels: dict[str, Any], article_length: int | None = None) -> None:
        """Raise SchemaError naming the first field that is not a valid answer, or the
        first constraint the labels break. Spans must end inside the article when its
        length is given."""
        for name, value in labels.items():
            question = self.question(name)
            if question is None:
                known = ", ".join(q.name for q in self.questions)
                raise SchemaError(
                    f"unknown label field {name!r} (schema {self.name!r} has {known})"
                )
            problem = question.check(value)
            if problem:
                raise SchemaError(f"label {name!r}: {problem}")
            past_end = (
                question.kind == "span"
                and value is not None
                and article_length is not None
                and value["end"] > article_length
            )
            if past_end:
                raise SchemaError(
                    f"label {name!r}: end {value['end']} is past the end of the article "
                    f"({article_length} characters)"
                )
        for rule in self.constraints:
            broken = rule.broken_by(labels)
            if broken:
                raise SchemaError(f"label {broken[0]!r} breaks the rule: {rule.text}")

    def implied(self, values: dict[str, Any], changed: str | None = None) -> dict[str, Any]:
        """`values` with what the constraints whose condition holds imply set.

        Raises SchemaError, naming the rule, when the answer to `changed` (the one just
        given) contradicts such a rule. Rules may imply one another: this runs until
        nothing changes.
        """
        result = dict(values)
        for _ in range(len(self.constraints) + 1):
            moved = False
            for rule in self.constraints:
                if not rule.applies(result):
                    continue
                for name, value in rule.then.items():
                    if same_answer(result.get(name), value):
                        continue
                    if name == changed:
                        raise SchemaError(rule.refusal)
                    result[name] = value
                    moved = True
            if not moved:
                break
        return result

    def held_by(self, labels: dict[str, Any]) -> dict[str, Constraint]:
        """Answers a rule whose condition holds fixes, by question name."""
        return {
            name: rule for rule in self.constraints if rule.applies(labels) for name in rule.then
        }

    def missing_required(self, labels: dict[str, Any]) -> list[Question]:
        """Required questions that are asked but have no answer in `labels`."""
        return [
            q
            for q in self.questions
            if q.required and q.is_asked(labels) and labels.get(q.name) is None
        ]

    @property
    def required_fields(self) -> tuple[str, ...]:
        return tuple(q.name for q in self.questions if q.required)


def default_schema_path() -> Path:
    """labels/default.toml of a source checkout, else the copy packaged in the wheel."""
    checkout = Path(__file__).resolve().parent.parent / "labels" / "default.toml"
    if checkout.is_file():
        return checkout
    return Path(str(resources.files("annotator") / "labels_data" / "default.toml"))


def load_schema(path: str | Path | None = None) -> LabelSchema:
    """Load and validate a label schema; errors name the file, the field and the fix."""
    file = Path(path) if path is not None else default_schema_path()
    try:
        content = file.read_text(encoding="utf-8")
    except OSError as error:
        raise SchemaError(f"{file}: cannot read label schema ({error.strerror})") from error
    except UnicodeDecodeError as error:
        raise SchemaError(f"{file}: label schema is not UTF-8 text") from error
    try:
        data = tomllib.loads(content)
    except tomllib.TOMLDecodeError as error:
        raise SchemaError(f"{file}: not valid TOML ({error}); fix the syntax") from error
    return _parse(data, file, content)


def _fail(file: Path, where: str, problem: str) -> SchemaError:
    return SchemaError(f"{file}: {where}: {problem}")


def _normalise_key(key: Any, file: Path, where: str) -> str:
    if not isinstance(key, str) or not key:
        raise _fail(file, where, '`key` must be a non-empty string such as "p" or "1"')
    return _KEY_ALIASES.get(key, key)


def _adjudicate(raw: dict[str, Any], kind: str, file: Path, where: str) -> bool:
    """Compared questions are adjudicated unless the schema says otherwise; text never is."""
    value = raw.get("adjudicate", kind != "text")
    if not isinstance(value, bool):
        raise _fail(file, where, "`adjudicate` must be true or false")
    if value and kind == "text":
        raise _fail(file, where, "a text question cannot be adjudicated; drop `adjudicate`")
    return value


def _tolerance(raw: dict[str, Any], kind: str, file: Path, where: str) -> float:
    value = raw.get("tolerance", 0)
    if "tolerance" in raw and kind != "scale":
        raise _fail(file, where, "`tolerance` applies to scale questions only")
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise _fail(
            file,
            where,
            "`tolerance` must be a number >= 0: how far apart two answers may be and agree",
        )
    return value


def _parse(data: dict[str, Any], file: Path, content: str) -> LabelSchema:
    for required in ("name", "schema_version"):
        if required not in data:
            raise _fail(file, required, "missing; add it at the top of the file")
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise _fail(file, "questions", "no [[questions]] declared; add at least one")
    keys_taken: dict[str, str] = {}
    questions: list[Question] = []

    def take(key: str, owner: str, where: str) -> None:
        if key in NAVIGATION_KEYS:
            raise _fail(file, where, f"key {key!r} is a navigation key; choose another key")
        if key in keys_taken:
            raise _fail(file, where, f"key {key!r} is already used by {keys_taken[key]}")
        keys_taken[key] = owner

    for index, raw in enumerate(raw_questions):
        name = raw.get("name") if isinstance(raw, dict) else None
        where = f"questions[{index}]" + (f" ({name})" if name else "")
        if not isinstance(name, str) or not name.isidentifier():
            raise _fail(file, where, '`name` must be an identifier such as "credibility"')
        if any(q.name == name for q in questions):
            raise _fail(file, where, f"question {name!r} is declared twice")
        kind = raw.get("kind")
        if kind not in KINDS:
            raise _fail(file, where, f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
        description = raw.get("description")
        if not isinstance(description, str) or not description.strip():
            raise _fail(file, where, "`description` is missing; say what the question asks")
        prefill = raw.get("prefill")
        if prefill is not None and prefill not in PREFILLS:
            raise _fail(
                file, where, f"unknown prefill {prefill!r}; use one of {', '.join(PREFILLS)}"
            )
        choices: list[Choice] = []
        key: str | None = None
        if kind in ("single", "scale"):
            raw_values = raw.get("values")
            if not isinstance(raw_values, list) or not raw_values:
                raise _fail(file, where, f"a {kind} question needs `values`")
            for v_index, raw_value in enumerate(raw_values):
                v_where = f"{where}.values[{v_index}]"
                if not isinstance(raw_value, dict) or "value" not in raw_value:
                    raise _fail(file, v_where, "each value needs `value`, `key` and `description`")
                value_key = _normalise_key(raw_value.get("key"), file, v_where)
                take(value_key, f"{name}={raw_value['value']}", v_where)
                choices.append(
                    Choice(
                        value=raw_value["value"],
                        key=value_key,
                        description=str(raw_value.get("description", "")),
                    )
                )
        else:
            key = _normalise_key(raw.get("key"), file, where)
            take(key, name, where)
        ask_if = raw.get("ask_if", {})
        if not isinstance(ask_if, dict):
            raise _fail(file, where, "`ask_if` must be a table such as { anonymous_flag = true }")
        if raw.get("required") and ask_if:
            raise _fail(file, where, "a `required` question is always asked; drop its `ask_if`")
        for other in ask_if:
            if not any(q.name == other for q in questions):
                raise _fail(file, where, f"`ask_if` names {other!r}, which is not declared above")
        questions.append(
            Question(
                name=name,
                kind=kind,
                description=description.strip(),
                choices=tuple(choices),
                key=key,
                prefill=prefill,
                ask_if=dict(ask_if),
                advances=bool(raw.get("advances", False)),
                adjudicate=_adjudicate(raw, kind, file, where),
                tolerance=_tolerance(raw, kind, file, where),
                required=bool(raw.get("required", False)),
            )
        )
    constraints = tuple(
        _constraint(raw, index, questions, file)
        for index, raw in enumerate(data.get("constraints", []))
    )
    return LabelSchema(
        name=str(data["name"]),
        version=str(data["schema_version"]),
        description=str(data.get("description", "")),
        questions=tuple(questions),
        id=hashlib.sha256(content.encode("utf-8")).hexdigest()[:16],
        content=content,
        path=str(file),
        constraints=constraints,
    )


def _constraint(raw: Any, index: int, questions: list[Question], file: Path) -> Constraint:
    """One `[[constraints]]` table: `when` and `then` answers, `unset` questions (no answer)."""
    where = f"constraints[{index}]"
    if not isinstance(raw, dict):
        raise _fail(file, where, "each constraint is a table with `when` and `then` or `unset`")
    when, then, unset = raw.get("when"), raw.get("then", {}), raw.get("unset", [])
    if not isinstance(when, dict) or not when:
        raise _fail(file, where, '`when` must be a table such as { source_type = "anonymous" }')
    if not isinstance(then, dict) or not isinstance(unset, list) or not (then or unset):
        raise _fail(
            file, where, "give `then` (a table of answers) or `unset` (a list of questions)"
        )
    by_name = {q.name: q for q in questions}
    for part, answers in (("when", when), ("then", then)):
        for name, value in answers.items():
            question = by_name.get(name)
            if question is None:
                raise _fail(file, f"{where}.{part}", f"{name!r} is not a declared question")
            problem = question.check(value)
            if problem:
                raise _fail(file, f"{where}.{part}", f"{name}: {problem}")
    for name in unset:
        if name not in by_name:
            raise _fail(file, f"{where}.unset", f"{name!r} is not a declared question")
    return Constraint(dict(when), {**then, **dict.fromkeys(unset)})
