"""Who a reporting verb's source is: its subject, or the word a broken parse left where
the subject should be. Each finder returns the source's head token and its rule id."""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp import rules
from annotator.nlp.context import DocContext
from annotator.nlp.grammar import (
    CLOSING_QUOTES,
    CONTENT_DEPS,
    NO_VIEW_SUBJECTS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE,
)
from annotator.nlp.lexicon import Lexicon
from annotator.nlp.phrases import dateline_end

Found = tuple[Token | None, str]
NOT_FOUND: Found = (None, "")


def subject(ctx: DocContext, verb: Token) -> Found:
    """The subject of a cue verb, or of the first of coordinated verbs, or a name left
    dangling before it."""
    # Several subjects come from a broken parse ("said co - author Dr. X"): the fullest wins,
    # one before the verb first ("Merkel Says Johnson 'Has No Plan'": Johnson is content's).
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or _perfect_read_as_passive(verb)
    if len(subjects) > 1:
        # '"The fact that he tried," Huckabee said': a subject inside the quotation is
        # the content's, misattached to the verb.
        subjects = [c for c in subjects if ctx.quoted[c.i] < 0] or subjects
    elif subjects and ctx.quoted[subjects[0].i] >= 0 and ctx.quoted[verb.i] < 0:
        # '"Is the mayor running?" asked Mr. Keller': the quoted verb is no speaker; the
        # words after the verb are (quote_inverted_subject).
        subjects = []
    if subjects:
        best = max(subjects, key=lambda c: (c.i < verb.i, c.right_edge.i - c.left_edge.i, c.i))
        return _after_dateline(best, verb), rules.SOURCE_SUBJECT.id
    head = verb
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
        for child in head.children:
            if child.dep_ == "nsubj":
                return child, rules.SOURCE_SHARED_SUBJECT.id
    name = dangling_name(ctx, verb)
    return (name, rules.SOURCE_DANGLING_NAME.id) if name is not None else NOT_FOUND


def _after_dateline(subj: Token, verb: Token) -> Token:
    """ "CLEVELAND, July 19 (UPI) — Michael Mukasey told …": the parse may make the
    dateline's place the subject and the name after the dash its apposition."""
    after = dateline_end(subj.doc, subj.left_edge.i, verb.i)
    if after is None or subj.i >= after:
        return subj
    return next((c for c in subj.children if c.dep_ == "appos" and after <= c.i < verb.i), subj)


def _perfect_read_as_passive(verb: Token) -> list[Token]:
    """ "he's said the same thing", "he's said he'll fight": the model reads "'s" as "is"
    and makes a passive; with an object, or a clause with a subject of its own after a
    subject that is no dummy "it", the verb is active and "'s" is "has", so the passive
    subject is the subject."""
    if not any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children):
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if any(c.dep_ == "dobj" for c in verb.children):
        return subjects
    if any(s.lower_ in ("it", "there") for s in subjects):
        return []  # "it's said he was rich": a true passive
    clause = any(
        c.dep_ == "ccomp" and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
        for c in verb.children
    )
    return subjects if clause else []


def can_hold_view(ctx: DocContext, token: Token) -> bool:
    """Whether a subject can hold a view: one that can report (can_report), or a name the
    model tagged as a common word ("Sanders" read as the plural of "sander")."""
    return can_report(token, ctx.lex) or mistagged_name(ctx, token)


def mistagged_name(ctx: DocContext, token: Token) -> bool:
    """A capitalised word the model tagged ADJ or VERB ("Okonjo told"): a name when it is
    not the sentence's first word, or the article uses it as a name elsewhere."""
    return token.text[:1].isupper() and (not token.is_sent_start or ctx.named_elsewhere(token))


def content_speaker(ctx: DocContext, verb: Token) -> Found:
    """ "He said that the count was late but noted that …", "… the bridge was safe, claiming
    that …": the model may hang a speaker's further speech act on the clause they reported.
    The reporting verb's subject, when the verb has no subject of its own and the clause's
    own subject is none that could speak for itself (no subject, a personal pronoun, or a
    noun that reports nothing: "Schilling had shared it and added" is Schilling's)."""
    if verb.dep_ == "advcl":
        if verb.tag_ != "VBG" or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "mark", "aux") for c in verb.children
        ):
            return NOT_FOUND
    elif verb.dep_ != "conj" or any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children
    ):
        return NOT_FOUND
    clause = verb.head
    reporter = clause.head
    if (
        clause.dep_ != "ccomp"
        or reporter.i > clause.i
        or reporter.lemma_.lower() not in ctx.lex.cue_verbs
    ):
        return NOT_FOUND
    speaker = next((c for c in reporter.children if c.dep_ == "nsubj"), None)
    own = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if speaker is None or (
        own is not None
        and own.lower_ not in PERSON_PRONOUNS | PLURAL_PRONOUNS
        and can_report(own, ctx.lex)
    ):
        return NOT_FOUND
    return speaker, rules.SOURCE_SHARED_SUBJECT.id


def controller_subject(ctx: DocContext, verb: Token) -> Found:
    """ "Sanders is choosing not to respond", "she continued to insist that …", "Clinton
    seemed to confirm …": a verb in an infinitive complement reports for the subject of
    the verb it completes."""
    completes = verb.dep_ == "xcomp" or _continued(verb)
    if not completes or verb.head.pos_ not in ("VERB", "AUX", "ADJ"):
        return NOT_FOUND
    subj, _ = subject(ctx, verb.head)
    if subj is None and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
        subj, _ = subject(ctx, verb.head.head)  # "is inclined to believe", "was quick to say"
        if subj is not None and subj.lower_ == "it":
            return NOT_FOUND  # "it is hard to say", "it's important to remember": no one
    if subj is not None and subj.lower_ == "it" and verb.head.lemma_ == "be":
        return NOT_FOUND  # "it is the best to see", "it is early to say"
    return (subj, rules.SOURCE_CONTROLLER.id) if subj is not None else NOT_FOUND


def _continued(verb: Token) -> bool:
    """ "She went on to explain how …": the model reads the infinitive after "went on" as a
    purpose; it is what the subject did next."""
    head = verb.head
    return (
        verb.dep_ == "advcl"
        and head.lemma_.lower() == "go"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children)
    )


def agent_subject(ctx: DocContext, verb: Token) -> Found:
    """ "News of the move was first reported by the Miami Herald", "Trump was attacked by
    Clinton", "As reported by the Journal, …": the agent of a passive verb is its source."""
    # "As reported by …", "When asked by a reporter whether …", "Asked by the host if …":
    # a bare participle opening a clause is passive too.
    fronted = verb.tag_ == "VBN" and (
        any(c.dep_ == "mark" for c in verb.children)
        or (verb.dep_ == "advcl" and not any(c.dep_.startswith("nsubj") for c in verb.children))
    )
    if not fronted and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return NOT_FOUND  # "As reported by the Journal, …" is passive without an auxiliary
    for agent in verb.children:
        if agent.dep_ == "agent":
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj, rules.SOURCE_AGENT.id
    return NOT_FOUND


def participle_subject(ctx: DocContext, verb: Token) -> Found:
    """ "The coach was less complimentary, saying his side had been too passive": a
    participle with no subject of its own reports for the subject of the clause it hangs on.
    So does one on the document that clause puts out ("Trump issued a statement saying …")."""
    if verb.tag_ != "VBG" or verb.head.i == verb.i:
        return NOT_FOUND
    if any(c.dep_ in ("mark", "aux") for c in verb.children):
        return NOT_FOUND  # "while saying", "is saying": not a bare participial adjunct
    clause = verb.head
    if verb.dep_ == "acl" and clause.dep_ == "dobj" and is_document(ctx.lex, clause):
        clause = clause.head
    elif verb.dep_ == "pcomp" and clause.dep_ == "prep" and clause.lower_ in _GERUND_PREPS:
        # "landed in hot water by saying that …", "made a point of saying …": the gerund
        # reports for the subject of the clause the preposition hangs on.
        clause = clause.head
        # Up to the verb: "made a point of saying", "was magnanimous in declaring", "ended
        # the meeting on Friday by announcing" (the model may hang the phrase on a noun).
        while clause.pos_ in ("NOUN", "PROPN", "ADJ") and clause.dep_ in _PHRASE_DEPS:
            clause = clause.head
    elif verb.dep_ not in ("advcl", "conj"):
        return NOT_FOUND
    if verb.dep_ == "conj" and clause.tag_ == "VBG" and clause.dep_ == "advcl":
        clause = clause.head  # "…, criticizing the pipeline and calling for a ban"
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (subj, rules.SOURCE_PARTICIPLE.id) if subj is not None else NOT_FOUND


# Prepositions before a reporting gerund that leave the report to the clause's subject
# ("by saying", "after saying"); "instead of saying" and "without saying" report nothing.
_GERUND_PREPS = frozenset({"by", "after", "before", "of", "in", "upon", "while", "when"})
# Roles of the words between such a preposition and its clause's verb.
_PHRASE_DEPS = frozenset({"dobj", "attr", "acomp", "pobj", "npadvmod"})


def is_source_noun(lex: Lexicon, noun: Token) -> bool:
    """Whether ``noun`` is a common noun for people, a body or a document ("analysts",
    "the ministry", "the poll"), by its lemma or its form."""
    lemma, low = noun.lemma_.lower(), noun.lower_
    return any(
        w in words
        for w in (lemma, low)
        for words in (
            lex.person_nouns,
            lex.group_nouns,
            lex.org_nouns,
            lex.anonymous_nouns,
            lex.document_nouns,
            lex.spokesperson_nouns,
        )
    )


def can_report(src: Token, lex: Lexicon) -> bool:
    """Whether a subject can hold a view or report a finding: a name, a pronoun, or a noun
    for people, bodies or documents ("the study found"; "the corner found" cannot)."""
    if src.lower_ in NO_VIEW_SUBJECTS:
        return False  # "Nobody expected the depot to open": the writer's narration
    if src.pos_ in ("PROPN", "PRON") or src.ent_type_ or src.lower_ in RELATIVE:
        return True
    part_of = next((c for c in src.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in part_of.children if c.dep_ == "pobj"), None) if part_of else None
    if whole is not None and can_report(whole, lex):
        return True  # "a majority of voters", "the average of polls": the whole reports
    return is_source_noun(lex, src)


def is_document(lex: Lexicon, noun: Token) -> bool:
    """Whether ``noun`` names a document, poll or recording ("the poll", "a video")."""
    nouns = lex.document_nouns
    return noun.lemma_.lower() in nouns or noun.lower_ in nouns


def inverted_subject(ctx: DocContext, verb: Token) -> Found:
    """'"It's a quiet street," said a man walking his dog': after a quotation, the model may
    make the inverted subject the subject of the clause that describes it."""
    doc = verb.doc
    if not any(c.dep_ in CONTENT_DEPS and c.i < verb.i for c in verb.children):
        return NOT_FOUND
    if verb.i + 1 >= len(doc):
        return NOT_FOUND
    for clause in verb.children:
        if clause.i <= verb.i or clause.dep_ not in CONTENT_DEPS | {"advcl"}:
            continue
        subj = next(
            (
                c
                for c in clause.children
                if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1 and c.pos_ in ("NOUN", "PROPN")
            ),
            None,
        )
        if subj is None:
            continue
        # A name right after the verb is the speaker whatever the parse made of the rest
        # ("said Ilse Brandvold, the group's researcher"); a common noun only before a
        # participle ("said a man walking his dog", not "says inflation is easing").
        described = clause.tag_ in ("VBG", "VBN") and not any(
            c.dep_ in ("aux", "auxpass", "mark") for c in clause.children
        )
        # Right after a quotation, the noun after the verb is the speaker: '"…," said the
        # woman, who did not want to be named'.
        after_quote = verb.i > 0 and doc[verb.i - 1].text in CLOSING_QUOTES
        if described or after_quote or subj.pos_ == "PROPN" or subj.ent_type_ == "PERSON":
            return subj, rules.SOURCE_INVERTED.id
    return NOT_FOUND


# Where the words after an inverted verb stop being its subject.
_AFTER_SUBJECT = frozenset({",", "(", ".", ";", ":", "?", "!"})
# Entity types that never speak: "on Super Tuesday said" is no subject.
_NO_SPEAKER_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL"})


def quote_inverted_subject(ctx: DocContext, verb: Token) -> Found:
    """'"…," tweeted another', '"…," said Oversight ranking Democrat Elijah Cummings':
    right after a quotation that ends in a comma, the words after the verb up to the next
    comma, parenthesis, preposition or the sentence's end are its subject, whatever the
    model made of them (an object, a clause). Their last noun or pronoun is the head; never
    a date or time ('"…," said Tuesday'), nor after "tell" (the addressee follows)."""
    doc = verb.doc
    first = verb.i + 1
    mark = verb.i - 1
    while mark > 0 and doc[mark].is_space:
        mark -= 1  # the space a two-character mark ('' …'') leaves after it
    if (
        mark < 1
        or doc[mark].text not in CLOSING_QUOTES
        or doc[mark - 1].text not in (",", "?", "!")
        or verb.lemma_.lower() == "tell"
    ):
        return NOT_FOUND
    end = ctx.sentence_end(verb)
    head: Token | None = None
    for i in range(first, min(end, first + 8)):
        tok = doc[i]
        if tok.text in _AFTER_SUBJECT or tok.pos_ in ("ADP", "SCONJ", "AUX"):
            break
        if tok.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return NOT_FOUND  # a clause of its own: "…," said police were searching
        if tok.pos_ in ("NOUN", "PROPN", "PRON"):
            head = tok
    else:
        if end > first + 8:
            return NOT_FOUND
    if head is None or head.ent_type_ in _NO_SPEAKER_ENTITIES or ctx.quoted[head.i] >= 0:
        return NOT_FOUND
    return head, rules.SOURCE_INVERTED.id


def apposed_clause_subject(ctx: DocContext, verb: Token) -> Found:
    """ "Smith, asked about the delay, said ...", "The policy, last updated in 2022, says
    ...": the model may make the participle between commas a clause with the source as its
    subject, leaving the reporting verb without one."""
    doc = verb.doc
    if not any(c.dep_ in CONTENT_DEPS and c.i > verb.i for c in verb.children):
        return NOT_FOUND
    for clause in verb.children:
        if clause.dep_ not in CONTENT_DEPS | {"advcl"} or clause.i > verb.i:
            continue
        end = clause.right_edge.i + 1
        if (
            end >= verb.i
            or doc[end].text != ","
            or any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children)
        ):
            continue
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
            continue
        last = max(t.i for t in subj.subtree if not t.is_punct)
        if last + 1 < clause.i and doc[last + 1].text == ",":
            return subj, rules.SOURCE_APPOSED_CLAUSE.id
    return NOT_FOUND


def absorbed_subject(ctx: DocContext, verb: Token) -> Found:
    """ "Activists clamoring to block Trump say …", "Alarmed by the unrest, Senator Harry
    Reid, the minority leader, said …": the model may hang the subject on a reduced
    clause, or on the phrase before it, and leave a finite reporting verb with none. The
    subject of a bare participle clause before the verb, else the name that an apposition
    closed by a comma right before the verb describes."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children
    ):
        return NOT_FOUND
    for clause in verb.children:
        if (
            clause.i < verb.i
            and clause.dep_ in ("csubj", "advcl", "ccomp")
            and clause.tag_ in ("VBG", "VBN")
            and not any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children)
        ):
            subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                return subj, rules.SOURCE_ABSORBED.id
    doc = verb.doc
    i = verb.i - 1
    while i > 0 and doc[i].head.i == verb.i and doc[i].dep_ in ("aux", "neg", "advmod"):
        i -= 1
    if i < 1 or ctx.quoted[i - 1] >= 0:
        return NOT_FOUND
    if doc[i].text != ",":
        noun = _apposed_before(doc[i], verb)
        return NOT_FOUND if noun is None else (noun, rules.SOURCE_ABSORBED.id)
    noun = doc[i - 1]
    while noun.dep_ == "appos" and noun.head.i < noun.i and noun.pos_ != "PROPN":
        noun = noun.head  # "Reid, the minority leader," and "Lazar, 44,": the name
    if (
        noun.pos_ not in ("NOUN", "PROPN")
        or noun.ent_type_ in _NO_SPEAKER_ENTITIES
        or noun.dep_ in ("nsubj", "nsubjpass")  # another verb's subject
        or noun.right_edge.i not in (i - 1, i)  # the phrase must end at the comma
    ):
        return NOT_FOUND
    return noun, rules.SOURCE_ABSORBED.id


def _apposed_before(last: Token, verb: Token) -> Token | None:
    """ "Although talks go on, a White House official who spoke anonymously said …": the
    model may make the subject an apposition to the last noun of the opening clause. That
    apposition, when it follows a comma and its phrase ends right before the verb."""
    doc = verb.doc
    noun = last
    while noun.head.i != noun.i and noun.head.i != verb.i:
        if (
            noun.dep_ == "appos"
            and noun.pos_ in ("NOUN", "PROPN")
            and noun.right_edge.i == last.i
            and doc[noun.left_edge.i - 1].text == ","
        ):
            return noun
        noun = noun.head
    return None


# Tried in order (content_speaker and subject need a verb without a subject of its own).
SUBJECT_FINDERS = (
    content_speaker,
    subject,
    controller_subject,
    agent_subject,
    participle_subject,
    inverted_subject,
    apposed_clause_subject,
    absorbed_subject,
    quote_inverted_subject,
)


def dangling_name(ctx: DocContext, verb: Token) -> Token | None:
    """ "Ledgerly declined to comment" with "Ledgerly" parsed as an adverb: a name that
    opens the sentence right before the verb (and its auxiliaries), used as a name
    elsewhere in the article."""
    doc = verb.doc
    first = ctx.sentence_start(verb)
    i = verb.i - 1
    while i >= first and doc[i].dep_ in ("aux", "neg", "auxpass"):
        i -= 1
    if (
        i < first
        or doc[i].head.i != verb.i
        or doc[i].dep_ in ("nsubjpass", "csubjpass")  # "Rubio was asked": passive, not a name
        or not doc[i].text[:1].isupper()
    ):
        return None
    start = first
    while start < i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if start != i or doc[i].ent_type_ in ("DATE", "TIME"):
        return None
    return doc[i] if doc[i].pos_ == "PROPN" or ctx.named_elsewhere(doc[i]) else None


def fronted_name(ctx: DocContext, subj: Token, verb: Token) -> Token | None:
    """ "Ledgerly, the payments start-up valued at $6 billion, said": the model may make the
    long apposition the subject and leave the name dangling before it. The name, when the
    sentence opens with a proper name, a comma, and a determined noun phrase closed by a
    comma before the verb (not "Vantor, the company said, would be sold")."""
    doc = subj.doc
    comma = subj.left_edge.i - 1
    start = ctx.sentence_start(subj)
    while start < comma and (doc[start].is_punct or doc[start].is_space):
        start += 1  # an opening quotation mark or dash
    before_verb = verb.i - 1
    while before_verb > subj.i and doc[before_verb].dep_ in ("aux", "advmod", "neg"):
        before_verb -= 1
    if (
        comma <= start
        or comma - start > 5
        or doc[comma].text != ","
        or doc[before_verb].text != ","
        or subj.pos_ != "NOUN"
        or doc[comma + 1].dep_ not in ("det", "poss")
    ):
        return None
    name = doc[start:comma]
    if any(t.ent_type_ in ("DATE", "TIME") or not t.text[:1].isupper() for t in name):
        return None
    # The model may tag a name that opens a sentence ADV; if the article uses the word
    # as a name elsewhere, it is one ("Separately, the company, ..., said" is not).
    if not all(t.pos_ == "PROPN" or t.ent_type_ or ctx.named_elsewhere(t) for t in name):
        return None
    return name[-1]
