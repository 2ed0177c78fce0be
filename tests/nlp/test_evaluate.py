"""Scoring against gold files: matching, figures, span overlap, the report, the command."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SEED, SEED_GOLD

from annotator.cli import main
from annotator.errors import InputError
from annotator.nlp.evaluate import GoldLine, gold_pairs, locate, read_gold, score
from annotator.nlp.evaluate_render import render
from annotator.records import Article, ExtractedClaim, Span

TEXT = (
    "Budget Vote Delayed\n\n"
    "The vote was delayed, Senator Ana Ruiz said on Monday.\n\n"
    "Two aides, speaking on condition of anonymity, said the\n"
    "talks had collapsed. The hall was cold."
)


def span(text: str, after: int = 0) -> Span:
    start = TEXT.index(text, after)
    return Span(text, start, start + len(text))


def claim(
    seq: int, content: str, source_type: str = "unattributed", **kw: object
) -> ExtractedClaim:
    s = span(content)
    return ExtractedClaim(
        seq=seq,
        kind="statement",
        start=s.start,
        end=s.end,
        text=content,
        sentence_start=s.start,
        sentence_end=s.end,
        source_type=source_type,
        **kw,  # type: ignore[arg-type]
    )


def gold(anchor: str, source_type: str, **kw: object) -> GoldLine:
    return GoldLine(
        anchor=anchor,
        source_type=source_type,
        accept=(source_type,),
        anonymous_flag=kw.pop("flag", False),
        cue_labelled="cue" in kw,
        **kw,
    )  # type: ignore[arg-type]


GOLD = [
    gold("Budget Vote Delayed", "unattributed", source=None, cue=None),
    gold("The vote was delayed", "named_person", source="Senator Ana Ruiz", cue="said"),
    # The anchor is written on one line; the article wraps it.
    gold("said the talks had collapsed", "anonymous", flag=True, source="Two aides", cue="said"),
    gold("The hall was cold", "unattributed", source=None, cue=None),
]


def test_right_claims_score_full_marks() -> None:
    claims = [
        claim(0, "Budget Vote Delayed"),
        claim(
            1,
            "The vote was delayed",
            "named_person",
            source=span("Senator Ana Ruiz"),
            cue=span("said"),
        ),
        claim(
            2,
            "the\ntalks had collapsed",
            "anonymous",
            anonymous_flag=True,
            source=span("Two aides"),
            cue=span("said", TEXT.index("Two aides")),
        ),
        claim(3, "The hall was cold"),
    ]
    result = score(GOLD, claims, TEXT)
    assert (result.found, result.type_correct, result.flag_correct) == (4, 4, 4)
    assert (result.sourced_found, result.sourced) == (2, 2)
    assert (result.sourced_claims_inside, result.sourced_claims) == (2, 2)
    assert (result.anonymous_flagged, result.anonymous) == (1, 1)
    assert result.source_spans.f1 == 1.0
    assert result.cue_spans is not None and result.cue_spans.f1 == 1.0


def test_wrong_spans_and_a_falsely_sourced_narration_are_counted() -> None:
    claims = [
        claim(0, "Budget Vote Delayed"),
        # Source span on the wrong words, cue missing.
        claim(1, "The vote was delayed", "named_person", source=span("on Monday")),
        claim(
            2,
            "the\ntalks had collapsed",
            "unnamed_group",
            source=span("Two aides"),
            cue=span("said", TEXT.index("Two aides")),
        ),
        # Narration the machine wrongly attributes.
        claim(3, "The hall was cold", "unnamed_group", source=span("Two aides")),
    ]
    result = score(GOLD, claims, TEXT)
    assert result.type_correct == 2 and result.flag_correct == 3
    assert (result.sourced_claims_inside, result.sourced_claims) == (2, 3)
    assert result.anonymous_flagged == 0
    s = result.source_spans
    assert (s.overlapping, s.predicted, s.gold) == (1, 3, 2)
    assert result.cue_spans is not None
    cues = result.cue_spans
    assert (cues.overlapping, cues.predicted, cues.gold) == (1, 1, 2)


def test_gold_without_cue_field_does_not_score_cues() -> None:
    lines = [GoldLine("The vote was delayed", "named_person", ("named_person",), False, "Ana Ruiz")]
    claims = [claim(1, "The vote was delayed", "named_person", source=span("Senator Ana Ruiz"))]
    result = score(lines, claims, TEXT)
    assert result.cue_spans is None and result.source_spans.f1 == 1.0


def test_locate_matches_whole_words_nearest_the_anchor() -> None:
    text = "He left. The man said he would stay."
    assert locate("he", text, (20, 30)) == (22, 24)  # not inside "The", not the first "He"
    assert locate("man said", "the man\n said") == (4, 13)
    assert locate("absent", text) is None


def test_gold_pairs_need_an_article(tmp_path: Path) -> None:
    (tmp_path / "a.gold.jsonl").write_text("{}\n")
    with pytest.raises(InputError, match=r"no article a\.txt"):
        gold_pairs(tmp_path)
    (tmp_path / "a.txt").write_text("x")
    assert gold_pairs(tmp_path) == [(tmp_path / "a.gold.jsonl", tmp_path / "a.txt")]


def test_evaluate_folder_prints_totals_as_json(tmp_path: Path) -> None:
    (tmp_path / "vote.txt").write_text(TEXT, encoding="utf-8")
    lines = [
        {
            "anchor": g.anchor,
            "source_type": g.source_type,
            "accept": list(g.accept),
            "anonymous_flag": g.anonymous_flag,
            "source": g.source,
            "cue": g.cue,
        }
        for g in GOLD
    ]
    (tmp_path / "vote.gold.jsonl").write_text("\n".join(json.dumps(d) for d in lines))
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["found"] == {"n": 4, "of": 4, "rate": 1.0}
    # The real detector finds the named senator and her cue.
    assert summary["source_spans"]["overlapping"] >= 1
    assert summary["cue_spans"]["gold"] == 2


def test_evaluate_rejects_a_file_and_a_folder(tmp_path: Path) -> None:
    (tmp_path / "g.jsonl").write_text("")
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path / "g.jsonl"), str(tmp_path)])
    assert result.exit_code == 2 and "GOLD ARTICLE" in result.output


def test_results_of_several_articles_add_up() -> None:
    claims = [claim(1, "The vote was delayed", "named_person", source=span("Senator Ana Ruiz"))]
    total = score(GOLD, claims, TEXT)
    total += score(GOLD, claims, TEXT)
    assert (total.total, total.found, total.sourced, total.sourced_found) == (8, 2, 4, 2)
    assert total.source_spans.overlapping == 2 and len(total.outcomes) == 8
    assert total.cue_spans is not None and total.cue_spans.gold == 4


def test_evaluate_prints_scores() -> None:
    result = CliRunner().invoke(main, ["evaluate", SEED_GOLD, SEED])
    assert result.exit_code == 0, result.output
    assert "source_type in accept" in result.output
    assert "anonymous_flag right" in result.output


def test_render_lists_scores(extractor) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console

    text = Path(SEED).read_text(encoding="utf-8")
    ((_, claims),) = list(extractor.extract([Article(text=text)]))
    console = Console(record=True, width=120)
    console.print(render(score(read_gold(SEED_GOLD), claims, text)))
    out = console.export_text()
    assert "source_type in accept" in out and "misses" in out


def test_page_furniture_is_neither_matched_nor_counted() -> None:
    """A byline or credit claim is not news: it finds no gold line and is no sourced claim."""
    vote = claim(1, "The vote was delayed", "named_person", source=span("Senator Ana Ruiz"))
    line = gold("The vote was delayed", "named_person", source="Senator Ana Ruiz")
    assert score([line], [vote], TEXT).found == 1
    as_furniture = replace(vote, kind="boilerplate")
    result = score([line], [as_furniture], TEXT)
    assert (result.found, result.sourced_claims, result.source_spans.predicted) == (0, 0, 0)
