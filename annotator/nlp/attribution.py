"""The `source_attribution` spaCy component (first cut: one unattributed claim per sentence)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from annotator.records import Evidence, ExtractedClaim, Span

VERSION = "0.1.0"
_KEY = "annotator_claims"


def claims_from_doc(doc: Doc) -> list[ExtractedClaim]:
    """The claims the component stored on ``doc`` (kept as plain dicts so docs pickle)."""
    return [claim_from_dict(d) for d in doc.user_data.get(_KEY, [])]


def claim_from_dict(d: dict[str, Any]) -> ExtractedClaim:
    d = dict(d)
    for name in ("source", "cue", "resolved_to", "relayed_by"):
        if d.get(name) is not None:
            d[name] = Span(**d[name])
    d["evidence"] = [Evidence(**e) for e in d.get("evidence", [])]
    return ExtractedClaim(**d)


if not Doc.has_extension("claims"):
    Doc.set_extension("claims", getter=claims_from_doc)


class SourceAttribution:
    """Finds claims, their sources and cues; writes doc.spans and doc._.claims."""

    def __init__(self, nlp: Language, name: str = "source_attribution") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        claims = []
        for seq, sent in enumerate(s for s in doc.sents if s.text.strip()):
            claims.append(
                ExtractedClaim(
                    seq=seq,
                    kind="statement",
                    start=sent.start_char,
                    end=sent.end_char,
                    text=sent.text,
                    sentence_start=sent.start_char,
                    sentence_end=sent.end_char,
                )
            )
        doc.user_data[_KEY] = [asdict(c) for c in claims]
        return doc


@Language.factory("source_attribution")
def make_source_attribution(nlp: Language, name: str) -> SourceAttribution:
    return SourceAttribution(nlp, name)
