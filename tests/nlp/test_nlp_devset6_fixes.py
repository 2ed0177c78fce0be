"""Rules for the constructions devset6 missed; every sentence here is new."""

from collections.abc import Callable

from annotator.nlp.pipeline import ExtractedClaim

Claim = Callable[[str, str], ExtractedClaim]


def test_quotation_with_a_trailing_phrase_after_the_attribution(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(
        "Priya Nandakumar won the seat.\n\n"
        '"We did this door by door," Nandakumar told volunteers at a crowded community '
        'center on Elm Road, her voice breaking. "Now the work starts."\n\n'
        '"It was close. Too close," he said, to laughter.'
    )
    first = next(c for c in claims if "door by door" in c.text)
    assert first.kind == "quote" and first.source_type == "named_person"
    assert first.cue is not None and first.cue.text.startswith("told")
    follow = next(c for c in claims if "Now the work starts" in c.text)
    assert follow.source_type == "named_person"  # the next quotation continues her
    last = next(c for c in claims if "Too close" in c.text)
    assert last.kind == "quote" and last.cue is not None and last.cue.text == "said"


def test_a_trailing_clause_with_its_own_verb_is_the_writers(claims_of) -> None:  # type: ignore[no-untyped-def]
    # Near miss: after the attribution, a finite clause makes the sentence the writer's.
    claims = claims_of('"We will appeal," Ruiz said, and the hearing ended at noon.')
    assert not any(c.kind == "quote" for c in claims)


def test_opening_quote_of_a_paragraph_is_not_a_sentence_of_its_own(extractor) -> None:  # type: ignore[no-untyped-def]
    doc = extractor.nlp('Vote Count Ends\n\n"The count is final," the clerk said.')
    starts = [t.text for t in doc if t.is_sent_start]
    assert '"' in starts and "The" not in starts


def test_speaker_after_a_quotation_when_the_parse_breaks(claims_of) -> None:  # type: ignore[no-untyped-def]
    # The pinned model parses "Okonjo told supporters" here as one noun phrase.
    claims = claims_of(
        'Okonjo wins\n\n"This city wants a place where a bus driver can live," Okonjo told '
        "supporters."
    )
    c = next(c for c in claims if "bus driver" in c.text)
    assert c.source is not None and c.source.text == "Okonjo"
    assert c.cue is not None and c.cue.text == "told supporters"
    assert any(e.rule == "source.after_quote" for e in c.evidence)
    # Near miss: no comma before the closing mark, so the quotation is a title, not speech.
    claims = claims_of('Okonjo wins\n\nShe sang "This Land" Okonjo told supporters.')
    assert not any(e.rule == "source.after_quote" for c in claims for e in c.evidence)
