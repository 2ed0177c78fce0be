"""How far a source's noun phrase reaches, and who relayed it ("cited by Bloomberg")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from annotator.nlp.grammar import DASHES, SOURCE_DROP
from annotator.nlp.lexicon import Lexicon


def subtree_range(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def is_dash(token: Token) -> bool:
    """A dash between words: "—", "–", "--", or a hyphen standing alone (" - ")."""
    if token.text in DASHES:
        return True
    return (
        token.text == "-"
        and bool(token.whitespace_)
        and token.i > 0
        and bool(token.doc[token.i - 1].whitespace_)
    )


def dateline_end(doc: Doc, start: int, end: int) -> int | None:
    """Where a dateline opening tokens [start, end) ends, after its dash: it opens with a
    place in capitals ("CLEVELAND, July 19 (UPI) —", "WASHINGTON --")."""
    first = doc[start]
    if not (first.is_upper and first.is_alpha and len(first) > 2):
        return None
    return next((i + 1 for i in range(start + 1, end) if is_dash(doc[i])), None)


def source_span(head: Token, lex: Lexicon, keep_acl: bool = False) -> tuple[int, int]:
    """The noun phrase of ``head``: its subtree minus clauses and parentheticals, kept
    contiguous around the head and trimmed of punctuation. ``keep_acl`` keeps the head's
    participle ("a poll released Tuesday by Pew"): it identifies a document."""
    excluded: set[int] = set()
    kept: set[int] = set()
    for tok in head.subtree:
        if tok.i == head.i or tok.i in excluded or tok.i in kept:
            continue
        if tok.dep_ == "acl" and tok.lemma_.lower() in lex.identifying_participles:
            continue  # "a person briefed on the plans" says who the source is
        if keep_acl and tok.dep_ == "acl" and tok.head.i == head.i and tok.tag_ == "VBN":
            kept.update(range(tok.left_edge.i, tok.right_edge.i + 1))
            continue
        if (
            tok.dep_ in SOURCE_DROP
            or (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"))
            or (
                # An age ("Kelsey Brandt, 31,") describes the source, it does not name it.
                tok.dep_ == "appos" and tok.head.i == head.i and is_age(tok)
            )
        ):
            lo, hi = subtree_range(tok)
            excluded.update(range(lo, hi))
    lo, hi = subtree_range(head)
    start = head.i
    while start - 1 >= lo and start - 1 not in excluded:
        start -= 1
    end = head.i + 1
    while end < hi and end not in excluded:
        end += 1
    doc = head.doc
    # A dateline the parse hung on the source ends at its dash ("WASHINGTON -- President
    # Obama", "FLINT, Mich., Oct. 4 (UPI) — Bill Clinton").
    start = dateline_end(doc, start, head.i) or start
    # A parenthesis inside the span ends it: "expert (based in ...)".
    for i in range(head.i + 1, end):
        if doc[i].text in ("(", "[", "—", "–"):
            end = i
            break
    while start < head.i and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    # A word the tokenizer split at a hyphen ("co-author Dr. X"): take it whole.
    while (
        start > 0
        and not doc[start - 1].whitespace_
        and (doc[start - 1].text == "-" or (doc[start - 1].is_alpha and doc[start].text == "-"))
    ):
        start -= 1
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def is_age(tok: Token) -> bool:
    """'31' or 'both 70' in apposition: a number and at most determiners."""
    words = [t for t in tok.subtree if not t.is_punct]
    return tok.like_num and all(t.i == tok.i or t.dep_ in ("det", "advmod") for t in words)


def relayed(head: Token, lex: Lexicon) -> tuple[int, int] | None:
    """'officials cited by Bloomberg' -> the tokens of 'Bloomberg'; the participle may hang
    on a noun inside the phrase ("two people close to the fund cited by Reuters")."""
    for child in head.subtree:
        if child.dep_ == "acl" and child.lemma_.lower() in lex.relay_participles:
            for agent in child.children:
                if agent.dep_ == "agent" or agent.lower_ == "by":
                    for obj in agent.children:
                        if obj.dep_ == "pobj":
                            return source_span(obj, lex)
    return None


def by_agent(verb: Token, lex: Lexicon) -> tuple[int, int] | None:
    """The noun phrase of a 'by' phrase on ``verb`` ("quoted ... by the newspaper")."""
    for child in verb.children:
        if child.dep_ in ("agent", "prep") and child.lower_ == "by":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return source_span(obj, lex)
    return None
