"""After anonymity: an account of a private meeting or call that the article sources once,
at its start, to anonymous people ("…, according to five people with knowledge of the
call") goes on resting on them in the sentences that follow, across paragraphs, until
the account ends.

The account opens where an anonymous source's own phrase names the event ("people with
knowledge of the call", "people in the room"). Inside it, what a participant is reported to
have said ("He told them the plan was a disaster") is still the anonymous people's report:
the outermost source owns the claim, and the participant's words become a relation of it.
A participant is someone the account has named, or a pronoun. The account ends at the
first sentence in the present or future tense (the writer's own comment, or a new source
who "says"), at a source who is no participant ("Kelsey Marchetti, a fire ecologist,
said"), at a refusal to comment (the reporter's own inquiry), at a headline, or after a few
paragraphs.
"""

from __future__ import annotations

from spacy.tokens import Doc

from annotator.nlp import rules
from annotator.nlp.context import DocContext, Draft, Unit

# How many paragraphs after its opening an account may run on.
MAX_ACCOUNT_PARAGRAPHS = 6
_PRESENT_OR_FUTURE = frozenset({"VBZ", "VBP", "MD"})
_PARTICIPANTS = frozenset({"named_person", "unnamed_person", "unnamed_group"})


def continue_accounts(ctx: DocContext) -> None:
    """Give the sentences of every anonymously sourced account of a private event the
    account's source."""
    opener: Draft | None = None
    for draft in ctx.drafts:
        if opener is not None and _ends(ctx, draft, opener):
            opener = None
        if opener is None:
            opener = draft if _opens_account(ctx, draft) else None
            continue
        if draft.kind not in ("statement", "quote") or draft.continues is not None:
            continue
        if draft.attribution is not None:
            if draft.mention is None or draft.mention.info.anonymous:
                continue  # the account's own sources again, or other unnamed ones
        elif draft.mention is not None or draft.unsourced is not None:
            continue
        assert opener.mention is not None
        draft.attribution = None  # a participant's words: a relation of the claim now
        draft.mention = opener.mention
        draft.continues = opener
        draft.continuation = rules.RESOLVE_ACCOUNT
        draft.reason_given = opener.reason_given
        draft.confidence = min(rules.RESOLVE_ACCOUNT.conf(), opener.mention.info.confidence)


def _opens_account(ctx: DocContext, draft: Draft) -> bool:
    """An anonymous source whose own phrase names a private event ("people with knowledge
    of the call", "people who were in the room")."""
    m, a = draft.mention, draft.attribution
    if m is None or not m.info.anonymous or a is None:
        return False
    head = ctx.doc[a.src_head]
    phrase = ctx.doc[head.left_edge.i : head.right_edge.i + 1]
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in ctx.lex.private_events for t in phrase)


def _ends(ctx: DocContext, draft: Draft, opener: Draft) -> bool:
    doc = ctx.doc
    if draft.kind == "headline" or draft.para - opener.para > MAX_ACCOUNT_PARAGRAPHS:
        return True
    a = draft.attribution
    if a is not None:
        if draft.mention is not None and draft.mention.info.anonymous:
            return False  # the account's sources again, or others kept unnamed
        if a.cue_rule == rules.CUE_NO_COMMENT.id:
            return True  # "Ferreira did not respond to a request for comment": the reporter's
        cue = doc[a.verb] if a.verb is not None else doc[a.cue_start]
        return cue.tag_ in _PRESENT_OR_FUTURE or not _participant(ctx, draft, opener)
    unit = _unit_at(ctx, draft.start)
    return unit is not None and _present_or_future(doc, unit)


def _participant(ctx: DocContext, draft: Draft, opener: Draft) -> bool:
    """Whether a draft's source took part in the event: a pronoun, or a person whose last
    name the account has used since it opened."""
    m = draft.mention
    if m is None:
        return False
    head = ctx.doc[m.head]
    if m.info.pronoun is not None:
        return m.info.source_type in _PARTICIPANTS
    # A name the account has used (whatever the model's tag: it types "Trump" ORG); not a
    # body or a document described by a noun ("The White House said in a statement …").
    told = ctx.text[opener.sent_start : draft.start]
    named = head.pos_ == "PROPN" or head.ent_type_ == "PERSON"
    return named and f" {head.text}" in told


def _unit_at(ctx: DocContext, char: int) -> Unit | None:
    token = ctx.doc.char_span(char, char + 1, alignment_mode="expand")
    if token is None:
        return None
    ui = ctx.unit_of[token.start]
    return ctx.units[ui] if ui >= 0 else None


def _present_or_future(doc: Doc, unit: Unit) -> bool:
    """Whether the unit's main verb, or its auxiliary, is in the present or future tense."""
    root = unit.root(doc)
    tags = {root.tag_} | {c.tag_ for c in root.children if c.dep_ in ("aux", "auxpass")}
    return bool(tags & _PRESENT_OR_FUTURE)
