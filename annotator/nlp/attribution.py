"""The `source_attribution` spaCy component: claims, their sources, cues and evidence.

Per article (one Doc) it runs the detection stages in order, each a module that reads and
extends one :class:`~annotator.nlp.context.DocContext`:

1. structure (structure.py): paragraphs, sentence units, quotations;
2. cues (cues.py, with cue_verbs.py, subjects.py, cue_phrases.py): the attributions of
   every unit, the outermost kept;
3. claims (claims.py): units and quotations become claims, each owned by an attribution
   or by the writer;
4. sources (sources.py) and 5. resolution (resolution.py): every attributed claim gets a
   typed source mention, linked to earlier mentions of the same source;
6. anonymity (anonymity.py): anonymity cues flag every claim of the source they describe,
   and an anonymously sourced account of a private event goes on resting on its sources
   (accounts.py);
7. output (output.py): claim records with evidence.

Every rule is declared in rules.py. Results: ``doc.spans["claims"|"sources"|"cues"]`` and
``doc._.claims`` (a list of :class:`annotator.records.ExtractedClaim`).
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import ORTH
from spacy.tokens import Doc

from annotator.nlp import boundaries  # noqa: F401  (registers "paragraph_boundaries" too)
from annotator.nlp.context import DocContext, Matchers
from annotator.nlp.lexicon import Lexicon, load_lexicon
from annotator.nlp.stages.accounts import continue_accounts
from annotator.nlp.stages.anonymity import find_anonymity
from annotator.nlp.stages.claims import find_claims
from annotator.nlp.stages.cues import find_cues
from annotator.nlp.stages.output import CLAIMS_KEY, claim_from_dict, claims_from_doc, write_claims
from annotator.nlp.stages.resolution import resolve
from annotator.nlp.stages.structure import find_structure

VERSION = "0.1.0"

__all__ = ["CLAIMS_KEY", "VERSION", "SourceAttribution", "claim_from_dict", "claims_from_doc"]

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", getter=claims_from_doc)


class SourceAttribution:
    """Finds claims, their sources and cues; writes doc.spans and doc._.claims."""

    def __init__(
        self,
        nlp: Language,
        name: str = "source_attribution",
        lexicon: Lexicon | None = None,
        write_spans: bool = True,
    ) -> None:
        self.name = name
        # The Extractor reads doc._.claims only; skipping span groups saves serialising
        # them back from worker processes.
        self.write_spans = write_spans
        self.lex = lex = lexicon or load_lexicon(None)
        # Sentence splitting happens in the parser, after tokenisation: an abbreviated title
        # the tokenizer cuts at its period ("Sgt." + ".") ends a sentence mid-name.
        tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer, or the Extractor's wrapper of it
        for abbreviation in lex.title_abbreviations:
            if abbreviation not in tokenizer.rules:
                tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
        _split_horizontal_bar(getattr(tokenizer, "tokenizer", tokenizer))
        multi = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase in (*lex.multiword_cues, *lex.statement_cues):
            multi.add(phrase, [nlp.make_doc(phrase)])
        no_comment = PhraseMatcher(nlp.vocab, attr="LOWER")
        no_comment.add("no_comment", [nlp.make_doc(p) for p in lex.no_comment_cues])
        anon = PhraseMatcher(nlp.vocab, attr="LOWER")
        for rule, phrase in lex.anonymity_phrases:
            anon.add(rule, [nlp.make_doc(phrase)])
        reasons = PhraseMatcher(nlp.vocab, attr="LOWER")
        reasons.add("reason", [nlp.make_doc(p) for p in lex.anonymity_reasons])
        # Sorted, for a binary search per token (numpy.isin sorts both sides every call).
        given_name_orths = numpy.unique(
            numpy.array([nlp.vocab.strings.add(name) for name in lex.given_names], dtype="uint64")
        )
        report_adverb_lowers = numpy.unique(
            numpy.array([nlp.vocab.strings.add(w) for w in lex.report_adverbs], dtype="uint64")
        )
        self.matchers = Matchers(
            multi, no_comment, anon, reasons, given_name_orths, report_adverb_lowers
        )

    def __call__(self, doc: Doc) -> Doc:
        ctx = DocContext(doc, self.lex, self.matchers)
        find_structure(ctx)
        find_cues(ctx)
        find_claims(ctx)
        resolve(ctx)
        find_anonymity(ctx)
        continue_accounts(ctx)
        write_claims(ctx, self.write_spans)
        return doc


@Language.factory("source_attribution", default_config={"write_spans": True, "lexicon_dir": None})
def make_source_attribution(
    nlp: Language, name: str, write_spans: bool = True, lexicon_dir: str | None = None
) -> SourceAttribution:
    """`lexicon_dir`: a folder of word lists whose entries extend the shipped lexicon."""
    return SourceAttribution(nlp, name, write_spans=write_spans, lexicon=load_lexicon(lexicon_dir))


def _split_horizontal_bar(tokenizer: Any) -> None:
    """A pull quote's credit may open with a horizontal bar ("―", U+2015). spaCy's English
    rules split off an em dash but leave the bar glued to a closing quote mark ('.”―') or
    a name ('―Ana'), so the credit goes unseen: split it off both ends of a word."""
    prefix = getattr(tokenizer.prefix_search, "__self__", None)  # a compiled regex's search
    if prefix is not None and "―" not in prefix.pattern:
        tokenizer.prefix_search = re.compile(f"^―|{prefix.pattern}").search
    suffix = getattr(tokenizer.suffix_search, "__self__", None)
    if suffix is not None and "―" not in suffix.pattern:
        tokenizer.suffix_search = re.compile(f"―$|{suffix.pattern}").search
