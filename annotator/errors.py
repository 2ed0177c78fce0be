"""One exception hierarchy: every error a user can cause carries a one-line, actionable message."""

from __future__ import annotations

from annotator.safe_text import clean


class AnnotatorError(Exception):
    """Base of every error annotator reports to a user (one line, no traceback)."""


class InputError(AnnotatorError):
    """An input file (or one line of it) cannot be read as an article."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = f"{path}:{line}" if line is not None else path
        # One inert line, whatever the file name or a CSV header holds.
        super().__init__(clean(f"{where}: {problem}", one_line=True))

    @classmethod
    def at(cls, origin: str, problem: str) -> InputError:
        """An error located at an article's origin: `path`, or `path:line` for JSONL/CSV."""
        path, _, line = origin.rpartition(":")
        if path and line.isdigit():
            return cls(path, problem, int(line))
        return cls(origin, problem)


class ModelError(AnnotatorError):
    """No usable spaCy model could be loaded."""


class StoreError(AnnotatorError):
    """The database cannot be opened, migrated or written."""


class SchemaError(AnnotatorError):
    """A label schema file is invalid."""


class ExportError(AnnotatorError):
    """An export cannot be written as asked (format, destination, options)."""


class MergeError(AnnotatorError):
    """Databases cannot be merged as asked."""


class ReportError(AnnotatorError):
    """An audit or export report cannot be written."""
