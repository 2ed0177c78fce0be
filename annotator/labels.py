"""Label schemas: the questions a reviewer answers, loaded and validated from labels/*.toml.

A schema's id is the hash of its file content, stored with every annotation made under
it, so a dataset says which questions its labels answer.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from annotator.errors import SchemaError

KINDS = ("single", "scale", "yesno", "text")
# The level of measurement each kind declares, for agreement (Krippendorff's alpha): a
# "span" question ({"start", "end"} character offsets, or null) is compared by overlap.
KIND_LEVELS = {"single": "nominal", "yesno": "nominal", "scale": "ordinal", "span": "span"}
PREFILLS = ("source_type", "anonymous_flag", "anonymity_reason_given")
# Keys the review screen keeps for moving around; a schema may not take them.
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
        return None


@dataclass(frozen=True)
class LabelSchema:
    name: str
    version: str
    description: str
    questions: tuple[Question, ...]
    id: str  # first 16 hex digits of sha256 of the file content
    content: str
    path: str

    def question(self, name: str) -> Question | None:
        return next((q for q in self.questions if q.name == name), None)

    def validate_labels(self, labels: dict[str, Any]) -> None:
        """Raise SchemaError naming the first field that is not a valid answer."""
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
            )
        )
    return LabelSchema(
        name=str(data["name"]),
        version=str(data["schema_version"]),
        description=str(data.get("description", "")),
        questions=tuple(questions),
        id=hashlib.sha256(content.encode("utf-8")).hexdigest()[:16],
        content=content,
        path=str(file),
    )
