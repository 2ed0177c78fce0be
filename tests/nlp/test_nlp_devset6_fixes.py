"""Rules for the constructions devset6 missed; every sentence here is new."""

from collections.abc import Callable

from annotator.nlp.pipeline import ExtractedClaim, load_model

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


def test_opening_quote_of_a_paragraph_is_not_a_sentence_of_its_own() -> None:
    nlp = load_model()
    nlp.add_pipe("paragraph_boundaries", before="parser")
    doc = nlp('Vote Count Ends\n\n"The count is final," the clerk said.')
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


def test_noun_objects_of_describe_document_cite_and_dispute(claim: Claim) -> None:
    c = claim("Commuters described a morning of cancelled trains and packed platforms.", "packed")
    assert c.source_type == "unnamed_group" and c.cue is not None
    c = claim("The audit documents 44 missed inspections at the plant.", "missed inspections")
    assert c.source_type == "document"
    c = claim("Shoppers cited rising food prices above all else.", "food prices")
    assert c.source_type == "unnamed_group"
    c = claim("The mayor's chief of staff, Dana Price, disputed that account.", "that account")
    assert c.source_type == "named_person"


def test_describing_a_person_or_an_event_without_a_reporter_is_not_a_report(claim: Claim) -> None:
    # Near misses: the object is a person; the subject cannot report.
    c = claim("Witnesses described him to the sketch artist.", "sketch artist")
    assert c.cue is None or c.cue.text != "described"
    c = claim("The storm documented nothing but damage.", "damage")
    assert c.source_type == "unattributed"


def test_occupations_in_apposition_make_a_person(claim: Claim) -> None:
    # The model tags this name ORG; an occupation only people have wins.
    c = claim(
        "Rufus Okonkwo-Vale, a retired plumber in Fresno, California, who had about $12,000 "
        "on the platform, said he learned of the suit online.",
        "learned of the suit",
    )
    assert c.source_type == "named_person"
    c = claim("Tobias Wrenfield, a retired welder in Gary, said the plant was unsafe.", "unsafe")
    assert c.source_type == "named_person"
    c = claim(
        "The turnout was 41 percent, according to the county clerk, Marisol Vance.", "turnout"
    )
    assert c.source_type == "named_person"
    c = claim("In a statement, the historical society said the fair would go on.", "fair")
    assert c.source_type == "named_organization"
    c = claim("The mayor won 53 percent, according to unofficial results.", "53 percent")
    assert c.source_type == "document"


def test_attribution_after_content_parsed_as_a_coordinated_verb(claim: Claim) -> None:
    text = (
        "The number of flights cancelled at the airport has risen to 140, including 12 "
        "that were diverted, the state Department of Transportation said in a statement."
    )
    c = claim(text, "risen to 140")
    assert c.source_type == "named_organization"
    assert c.source is not None and "Department of Transportation" in c.source.text


def test_a_report_joined_by_and_leaves_the_first_clause_to_the_writer(claims_of) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of("Bus fares rose by 4 percent and the drivers' union said it would strike.")
    first = next(c for c in claims if "Bus fares rose" in c.text)
    assert first.source_type == "unattributed" and "strike" not in first.text
    union = next(c for c in claims if "would strike" in c.text)
    assert union.source is not None and union.source.text == "the drivers' union"
    # Near misses: a shared subject, and content before the report, keep one claim.
    claims = claims_of("The ministry pointed to the delay and argued that the deal was sound.")
    assert len(claims) == 1 and claims[0].source_type == "named_organization"
    claims = claims_of(
        "The team adjusted for income, but the data cannot prove that diet caused it, the "
        "authors wrote."
    )
    assert len(claims) == 1 and claims[0].cue is not None
