"""Reading brat standoff corpora: both layouts, spans in pieces, relations, bad lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.nlp.brat import Attribution, brat_articles, is_brat_folder, read_ann

DATA = Path(__file__).parent / "data"
BRAT = DATA / "brat"


def at(text: str, words: str, nth: int = 1) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth):
        start = text.index(words, start + 1)
    return start, start + len(words)


def test_split_layout_pairs_each_text_with_its_first_annotator_file() -> None:
    articles = brat_articles(BRAT / "split")
    assert [(a.name, a.text_path.name, a.ann_path.name) for a in articles] == [
        # harbour_c3d4.ann is a second annotator's; harbour_night_e5f6.ann is another text's.
        ("harbour", "harbour.txt", "harbour_a1b2.ann"),
        ("harbour_night", "harbour_night.txt", "harbour_night_e5f6.ann"),
    ]


def test_flat_layout_pairs_name_txt_with_name_ann() -> None:
    articles = brat_articles(BRAT / "flat")
    assert [(a.name, a.ann_path.name) for a in articles] == [("ferry", "ferry.ann")]


def test_brat_folders_are_told_from_gold_folders(tmp_path: Path) -> None:
    assert is_brat_folder(BRAT / "split") and is_brat_folder(BRAT / "flat")
    assert not is_brat_folder(DATA / "devset4")  # X.gold.jsonl + X.txt
    assert not is_brat_folder(tmp_path)


def test_relations_with_pieces_no_source_and_a_repeated_role() -> None:
    text = (BRAT / "split" / "text" / "harbour.txt").read_text(encoding="utf-8")
    first, second, third = read_ann(BRAT / "split" / "attributions" / "harbour_a1b2.ann", text)
    # E1 comes before the T lines it names; its content is one span in two pieces.
    assert first == Attribution(
        "E1",
        source=(at(text, "the captain"),),
        cue=(at(text, "said"),),
        content=(at(text, '"The nets are empty,"'), at(text, '"and the quota is gone."')),
    )
    # No source; the covered text runs over a line break, onto the next line of the file.
    assert second.source is None
    assert second.cue == (at(text, "was reported"),)
    assert second.content == (at(text, "the dock\nclosed early"),)
    # Content2 (brat's name for a second Content argument) joins the content.
    assert third.content == (
        at(text, '"Repairs start soon,"'),
        at(text, '"They will take a year."'),
    )


def test_spans_outside_relations_are_not_attributions() -> None:
    text = (BRAT / "flat" / "ferry.txt").read_text(encoding="utf-8")
    relations = read_ann(BRAT / "flat" / "ferry.ann", text)
    assert [r.relation for r in relations] == ["E1", "E2", "E3"]
    headline = at(text, "Ferry Service To Resume")  # a Discuss span in no relation
    assert all(headline not in (r.content or ()) for r in relations)


TEXT = "The mayor said the pier will reopen.\n"


@pytest.mark.parametrize(
    ("lines", "line", "problem"),
    [
        (["T1\tSource 0 9\tThe mayor", "a stray note"], 2, "not a brat annotation line"),
        (["T1\tSource 0 x\tThe mayor"], 1, "a T line needs"),
        (["T1\tSource 0 9"], 1, "a T line needs"),
        (["T1\tSource 30 90\tpier"], 1, "lie outside the text"),
        (["T1\tSource 4 9\tThe mayor"], 1, "is this the annotation of this text?"),
        (["T1\tCue 10 14\tsaid", "E1\tAttribution:T1 Source:T7"], 2, "names T7"),
        (["T1\tCue 10 14\tsaid", "E1\tAttribution:T1 Source"], 2, "is not Role:T<n>"),
    ],
)
def test_a_malformed_line_is_one_error_naming_file_and_line(
    tmp_path: Path, lines: list[str], line: int, problem: str
) -> None:
    ann = tmp_path / "pier.ann"
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_ann(ann, TEXT)
    message = str(caught.value)
    assert message.startswith(f"{ann}:{line}: ") and problem in message
    assert "\n" not in message


def test_a_text_without_annotations_is_named(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "pier.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "pier_walk_a1b2.ann").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match=r"pier\.txt: no attributions/pier_\*\.ann"):
        brat_articles(tmp_path)
