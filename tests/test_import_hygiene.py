"""Headless code never imports Textual; the review UI never imports spaCy (so it starts fast)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import annotator

ALL_MODULES = sorted(m.name for m in pkgutil.walk_packages(annotator.__path__, prefix="annotator."))
UI_PACKAGES = ("annotator.tui", "annotator.cli", "annotator.__main__")
HEADLESS = [m for m in ALL_MODULES if not m.startswith(UI_PACKAGES)]
TUI = [m for m in ALL_MODULES if m.startswith("annotator.tui")]


def modules_loaded_after_importing(modules: list[str]) -> set[str]:
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_the_headless_core_is_all_found() -> None:
    for package in ("annotator.store", "annotator.records", "annotator.labels"):
        assert package in HEADLESS


def test_headless_modules_do_not_import_textual() -> None:
    loaded = modules_loaded_after_importing(HEADLESS)
    assert "annotator.store" in loaded  # the check really imported something
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}


def test_review_ui_and_its_commands_do_not_import_spacy() -> None:
    commands = ["annotator.cli", "annotator.cli.review", "annotator.cli.adjudicate"]
    loaded = modules_loaded_after_importing([*TUI, *commands])
    assert "annotator.cli.review" in loaded
    assert "spacy" not in loaded
