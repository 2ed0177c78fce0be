"""annotator: pre-labels who each news claim rests on; reviewers correct it in a terminal UI."""

__version__ = "0.1.0"
