"""Find attributions (source, cue, content) in one sentence of a parsed Doc.

Rules work on the dependency parse: a reporting verb and its subject (shared across
coordinated verbs, or the antecedent of a relative pronoun), "according to X", and
"X was quoted as saying". Cues inside quotations and cues nested in the content of
another cue are left out by the caller: the outermost source owns the claim.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

import numpy
from spacy.attrs import IS_SPACE
from spacy.tokens import Doc, Token

from annotator.nlp.lexicon import Lexicon
from annotator.nlp.sourcing import RELATIVE, named_elsewhere, sentence_start
from annotator.records import Evidence

# Verbs that report with a plain noun object too ("reiterated Ankara's position").
NP_CONTENT_VERBS = frozenset(
    {
        "say",
        "reiterate",
        "confirm",
        "deny",
        "acknowledge",
        "announce",
        "reveal",
        "disclose",
        "admit",
        "concede",
        "allege",
        "predict",
        "estimate",
        "forecast",
        "report",  # "reported a 22% drop in sales"
        "dispute",  # "disputed that account"
    }
)
# Weak verbs whose noun object is what was reported ("described a landing that felt
# routine", "documents 61 pushbacks", "cited rents"), not a person described.
NP_REPORT_VERBS = frozenset(
    {"describe", "document", "cite"}
    # "They expect the first cut in March", "analysts predict a rebound": a forecast.
    | {"expect", "predict", "forecast", "estimate"}
)
# Verbs whose infinitive complement is what was said ("urged people to stay home").
DIRECTIVE_VERBS = frozenset(
    {"urge", "warn", "caution", "advise", "vow", "pledge", "promise", "threaten", "call"}
    | {"claim", "recommend"}  # "claimed to have captured", "recommended paying"
)
CONTENT_DEPS = frozenset({"ccomp", "parataxis"})
# Children of a cue verb that belong to the attribution frame, not the content.
FRAME_DEPS = frozenset(
    {
        "aux",
        "auxpass",
        "neg",
        "advmod",
        "npadvmod",
        "prep",
        "dative",
        "punct",
        "cc",
        "prt",
        "agent",
        "mark",
        "nsubj",
        "nsubjpass",
    }
)
# Children left out of a source span: they say what the source did, not who it is.
SOURCE_DROP = frozenset({"relcl", "acl", "advcl", "parataxis"})
IDENTIFYING_ACL = frozenset(
    {"brief", "familiar", "involve", "know", "close", "connect", "interview", "survey", "poll"}
)
# Participles whose "by" agent passed the source on: "cited by Reuters", "a memo seen by
# The Information", "fans interviewed by local television".
RELAY_ACL = frozenset({"cite", "quote", "see", "obtain", "review", "interview"})
# Words that open an indirect question ("asked whether ...", "wondered how ...").
INTERROGATIVE = frozenset({"whether", "if", "why", "how", "what", "when", "where", "who", "which"})
BAD_SUBJECTS = frozenset({"this", "that", "which", "what", "there", "these", "those", "it's"})


@dataclass
class Attribution:
    """One attribution in a sentence: token indices into the Doc."""

    cue_start: int
    cue_end: int  # exclusive
    src_head: int
    src_start: int
    src_end: int  # exclusive
    cue_rule: str
    source_rule: str
    confidence: float
    verb: int | None = None  # the cue verb, when the cue is a verb
    content: list[tuple[int, int]] = field(default_factory=list)  # token ranges
    frame: set[int] = field(default_factory=set)  # tokens of source + cue + light modifiers
    relayed: tuple[int, int] | None = None
    after_content: bool = False
    citing: int | None = None  # head of "citing X": X is the source, the subject relays it
    evidence: list[Evidence] = field(default_factory=list)

    def in_content(self, i: int) -> bool:
        return any(lo <= i < hi for lo, hi in self.content)


def _subtree_range(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def source_span(head: Token, keep_acl: bool = False) -> tuple[int, int]:
    """The noun phrase of ``head``: its subtree minus clauses and parentheticals, kept
    contiguous around the head and trimmed of punctuation. ``keep_acl`` keeps the head's
    participle ("a poll released Tuesday by Pew"): it identifies a document."""
    excluded: set[int] = set()
    kept: set[int] = set()
    for tok in head.subtree:
        if tok.i == head.i or tok.i in excluded or tok.i in kept:
            continue
        if tok.dep_ == "acl" and tok.lemma_.lower() in IDENTIFYING_ACL:
            continue  # "a person briefed on the plans" says who the source is
        if keep_acl and tok.dep_ == "acl" and tok.head.i == head.i and tok.tag_ == "VBN":
            kept.update(range(tok.left_edge.i, tok.right_edge.i + 1))
            continue
        if (
            tok.dep_ in SOURCE_DROP
            or (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"))
            or (
                # An age ("Kelsey Brandt, 31,") describes the source, it does not name it.
                tok.dep_ == "appos" and tok.head.i == head.i and _is_age(tok)
            )
        ):
            lo, hi = _subtree_range(tok)
            excluded.update(range(lo, hi))
    lo, hi = _subtree_range(head)
    start = head.i
    while start - 1 >= lo and start - 1 not in excluded:
        start -= 1
    end = head.i + 1
    while end < hi and end not in excluded:
        end += 1
    doc = head.doc
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


def _is_age(tok: Token) -> bool:
    """'31' or 'both 70' in apposition: a number and at most determiners."""
    words = [t for t in tok.subtree if not t.is_punct]
    return tok.like_num and all(t.i == tok.i or t.dep_ in ("det", "advmod") for t in words)


def _relayed(head: Token) -> tuple[int, int] | None:
    """'officials cited by Bloomberg' -> the tokens of 'Bloomberg'; the participle may hang
    on a noun inside the phrase ("two people close to the fund cited by Reuters")."""
    for child in head.subtree:
        if child.dep_ == "acl" and child.lemma_.lower() in RELAY_ACL:
            for agent in child.children:
                if agent.dep_ == "agent" or agent.lower_ == "by":
                    for obj in agent.children:
                        if obj.dep_ == "pobj":
                            return source_span(obj)
    return None


def _by_agent(verb: Token) -> tuple[int, int] | None:
    """The noun phrase of a 'by' phrase on ``verb`` ("quoted ... by the newspaper")."""
    for child in verb.children:
        if child.dep_ in ("agent", "prep") and child.lower_ == "by":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return source_span(obj)
    return None


def _citing(verb: Token) -> int | None:
    """'Bloomberg reported, citing two officials': the head of 'two officials'."""
    # Children and grandchildren only: a walk over the whole subtree is quadratic in a
    # sentence with hundreds of verbs (text with no full stops).
    near = [c for child in verb.children for c in (child, *child.children)]
    for child in near:
        if child.lower_ == "citing":
            obj = next((c for c in child.children if c.dep_ in ("dobj", "pobj")), None)
            if obj is not None:
                return obj.i
    return None


def _subject(verb: Token) -> tuple[Token | None, str]:
    """The subject of a cue verb and the rule that found it."""
    # Several subjects come from a broken parse ("said co - author Dr. X"): the fullest wins.
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        best = max(subjects, key=lambda c: (c.right_edge.i - c.left_edge.i, c.i))
        return best, "source.subject"
    head = verb
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
        for child in head.children:
            if child.dep_ == "nsubj":
                return child, "source.shared_subject"
    name = _dangling_name(verb)
    return (name, "source.dangling_name") if name is not None else (None, "")


CLOSING_QUOTES = frozenset({'"', "”", "’", "'"})


def _mistagged_name(token: Token) -> bool:
    """A capitalised word the model tagged ADJ or VERB ("Okonjo told"): a name when it is
    not the sentence's first word, or the article uses it as a name elsewhere."""
    return token.text[:1].isupper() and (not token.is_sent_start or named_elsewhere(token))


def _after_quote(
    verb: Token, lex: Lexicon, quoted: list[int], claimed_verbs: set[int]
) -> Attribution | None:
    """'"…," Okonjo told supporters.': the words between a quotation's closing mark (after
    a comma) and a speech verb are its source, whatever the parse; the quotation is the
    content."""
    doc = verb.doc
    lemma = verb.lemma_.lower()
    if lemma not in lex.cue_verbs or lemma in lex.weak_cue_verbs or quoted[verb.i] >= 0:
        return None
    first = max(sentence_start(verb), verb.i - 8)  # at most six words of source between
    k = verb.i - 1
    while k >= first and doc[k].text not in CLOSING_QUOTES:
        k -= 1
    if k < first:
        return None
    words = doc[k + 1 : verb.i]
    if (
        k - 2 < sentence_start(verb)
        or doc[k - 1].text not in (",", "?", "!")
        or quoted[k - 2] < 0
        or not 1 <= len(words) <= 6
        or any(t.is_punct or t.pos_ in ("VERB", "AUX", "ADP") for t in words)
        or not (words[0].text[:1].isupper() or words[0].lower_ in ("the", "a", "an"))
    ):
        return None
    head = words[-1]
    qi = quoted[k - 2]
    lo = k - 2
    while lo > 0 and quoted[lo - 1] == qi:
        lo -= 1
    claimed_verbs.add(verb.i)
    cue_end = verb.i + 1
    if lemma == "tell" and cue_end < len(doc) and doc[cue_end].pos_ == "NOUN":
        cue_end += 1  # "told supporters": the audience joins the cue
    return Attribution(
        cue_start=verb.i,
        cue_end=cue_end,
        src_head=head.i,
        src_start=words[0].i,
        src_end=head.i + 1,
        cue_rule="cue.verb",
        source_rule="source.after_quote",
        confidence=0.75,
        verb=verb.i,
        content=[(lo, k - 1)],
        frame=set(range(k - 1, cue_end)),
        after_content=True,
    )


def _colon_quote(verb: Token, quoted: list[int]) -> list[tuple[int, int]]:
    """'telling the crowd: "This one means …"': a quotation opened right after a colon that
    ends the verb's clause is what was said (the model may hang the clause on the quote)."""
    doc = verb.doc
    colon = verb.right_edge.i + 1
    if colon + 1 >= len(doc) or doc[colon].text != ":" or quoted[colon + 1] < 0:
        return []
    qi = quoted[colon + 1]
    end = colon + 1
    while end < len(doc) and quoted[end] == qi:
        end += 1
    return [(colon + 1, end)]


def _fronted_clause(child: Token, verb: Token) -> bool:
    """A clause before the verb that the model made an adverbial ("Shelling hit the depot
    overnight, officials said"): no subordinator, and a comma between it and the verb."""
    if child.dep_ != "advcl" or child.i > verb.i or child.pos_ not in ("VERB", "AUX"):
        return False
    if any(
        c.dep_ == "mark" or c.lower_ in ("when", "after", "before", "while") for c in child.children
    ):
        return False
    end = child.right_edge.i + 1
    return end < verb.i and verb.doc[end].text == ","


def _can_report(src: Token, lex: Lexicon) -> bool:
    """Whether a subject can hold a view or report a finding: a name, a pronoun, or a noun
    for people, bodies or documents ("the study found"; "the corner found" cannot)."""
    if src.lower_ in ("nobody", "everyone", "everybody", "anyone", "anybody", "none", "few"):
        return False  # "Nobody expected the depot to open": the writer's narration
    if src.pos_ in ("PROPN", "PRON") or src.ent_type_ or src.lower_ in RELATIVE:
        return True
    lemma, low = src.lemma_.lower(), src.lower_
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


def _participle_subject(verb: Token) -> tuple[Token | None, str]:
    """ "The coach was less complimentary, saying his side had been too passive": a
    participle with no subject of its own reports for the subject of the clause it hangs on."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj") or verb.head is verb:
        return None, ""
    if any(c.dep_ in ("mark", "aux") for c in verb.children):
        return None, ""  # "while saying", "is saying": not a bare participial adjunct
    subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (subj, "source.participle") if subj is not None else (None, "")


def _inverted_subject(verb: Token) -> tuple[Token | None, str]:
    """'"It's a quiet street," said a man walking his dog': after a quotation, the model may
    make the inverted subject the subject of the clause that describes it."""
    doc = verb.doc
    if not any(c.dep_ in CONTENT_DEPS and c.i < verb.i for c in verb.children):
        return None, ""
    if verb.i + 1 >= len(doc):
        return None, ""
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
        if described or subj.pos_ == "PROPN" or subj.ent_type_ == "PERSON":
            return subj, "source.inverted"
    return None, ""


def _apposed_clause_subject(verb: Token) -> tuple[Token | None, str]:
    """ "Smith, asked about the delay, said ...", "The policy, last updated in 2022, says
    ...": the model may make the participle between commas a clause with the source as its
    subject, leaving the reporting verb without one."""
    doc = verb.doc
    if not any(c.dep_ in CONTENT_DEPS and c.i > verb.i for c in verb.children):
        return None, ""
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
            return subj, "source.apposed_clause"
    return None, ""


def _dangling_name(verb: Token) -> Token | None:
    """ "Ledgerly declined to comment" with "Ledgerly" parsed as an adverb: a name that
    opens the sentence right before the verb (and its auxiliaries), used as a name
    elsewhere in the article."""
    doc = verb.doc
    i = verb.i - 1
    while i >= sentence_start(verb) and doc[i].dep_ in ("aux", "neg", "auxpass"):
        i -= 1
    if i < sentence_start(verb) or doc[i].head.i != verb.i or not doc[i].text[:1].isupper():
        return None
    start = sentence_start(verb)
    while start < i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if start != i or doc[i].ent_type_ in ("DATE", "TIME"):
        return None
    return doc[i] if doc[i].pos_ == "PROPN" or named_elsewhere(doc[i]) else None


def _fronted_name(subj: Token, verb: Token) -> Token | None:
    """ "Ledgerly, the payments start-up valued at $6 billion, said": the model may make the
    long apposition the subject and leave the name dangling before it. The name, when the
    sentence opens with a proper name, a comma, and a determined noun phrase closed by a
    comma before the verb (not "Vantor, the company said, would be sold")."""
    doc = subj.doc
    comma = subj.left_edge.i - 1
    start = sentence_start(subj)
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
    if not all(t.pos_ == "PROPN" or t.ent_type_ or named_elsewhere(t) for t in name):
        return None
    return name[-1]


def _indirect_question(doc: Doc, content: list[tuple[int, int]]) -> bool:
    """Whether a clause complement opens with 'whether', 'if', 'how' ... (a reported
    question), not 'that' ("asked that his name not be used" is a request)."""
    for lo, hi in content:
        first = next((doc[i] for i in range(lo, hi) if not doc[i].is_punct), None)
        if first is not None and first.lower_ in INTERROGATIVE:
            return True
    return False


# Per-doc lookups the component builds once and removes when it ends (DOC_CACHE_KEYS), so
# that per-verb questions stay constant-time on very long paragraphs and sentences.
_BREAKS_KEY = "annotator_line_breaks"
_QUOTED_KEY = "annotator_quoted_prefix"
DOC_CACHE_KEYS = (_BREAKS_KEY, _QUOTED_KEY)


def _paragraph_of(tok: Token) -> tuple[int, int]:
    """Token range of the paragraph around ``tok`` (paragraphs end at line breaks)."""
    doc = tok.doc
    breaks: list[int] | None = doc.user_data.get(_BREAKS_KEY)
    if breaks is None:
        spaces = numpy.flatnonzero(doc.to_array(IS_SPACE))  # an array pass, few Tokens
        breaks = [int(i) for i in spaces if "\n" in doc[int(i)].text]
        doc.user_data[_BREAKS_KEY] = breaks
    k = bisect_left(breaks, tok.i)
    lo = breaks[k - 1] + 1 if k > 0 else 0
    hi = breaks[k] if k < len(breaks) else len(doc)
    return lo, hi


def _has_quote(doc: Doc, lo: int, hi: int, quoted: list[int]) -> bool:
    """Whether any token in [lo, hi) is inside a quotation (prefix sums, built once)."""
    cached = doc.user_data.get(_QUOTED_KEY)
    if cached is None or cached[0] != id(quoted):
        prefix = [0]
        for q in quoted:
            prefix.append(prefix[-1] + (q >= 0))
        cached = (id(quoted), prefix)
        doc.user_data[_QUOTED_KEY] = cached
    prefix = cached[1]
    lo, hi = max(lo, 0), min(hi, len(quoted))
    return hi > lo and prefix[hi] - prefix[lo] > 0


_FRAMES: dict[int, dict[str, str]] = {}
# Subjects that can hold a stance (besides names, person/group/organisation nouns).
_STANCE_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "who"})


def stance_frames_of(lex: Lexicon) -> dict[str, str]:
    """Lemma -> frame of ``stance_verbs.txt``, built once per lexicon."""
    frames = _FRAMES.get(id(lex))
    if frames is None:
        frames = _FRAMES[id(lex)] = dict(lex.stance_verbs)
    return frames


def _stance_content(verb: Token, src: Token, frame: str, lex: Lexicon) -> tuple[int, int] | None:
    """The object and complement of "dismissed the pledge as a gimmick", "raised concerns",
    when the frame of ``stance_verbs.txt`` is there and a person or body holds the stance."""
    low, lemma = src.lower_, src.lemma_.lower()
    frame, _, who = frame.partition("\t")
    if who == "person" and not (
        src.ent_type_ == "PERSON" or low in ("he", "she", "i") or lemma in lex.person_nouns
    ):
        return None  # "she recalls the storms" is memory; "the carmaker recalled 900 cars" is not
    if not (
        src.pos_ == "PROPN"
        or src.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or low in _STANCE_PRONOUNS
        or any(
            w in words
            for w in (lemma, low)
            for words in (lex.person_nouns, lex.group_nouns, lex.org_nouns, lex.anonymous_nouns)
        )
    ):
        return None
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    parts: list[Token] = []
    if frame == "obj" or "|" in frame:
        if dobj is None or (frame != "obj" and dobj.lemma_.lower() not in frame.split("|")):
            return None
        if frame == "obj" and (
            any(c.dep_ == "nummod" for c in dobj.children)
            or dobj.ent_type_ in ("PERSON", "CARDINAL")
            or dobj.lemma_.lower() in lex.person_nouns
            or dobj.lower_ in lex.group_nouns
        ):
            return None  # "welcomed 300 new members", "praised the firefighters": no stance
        parts.append(dobj)
    else:
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == frame), None)
        # The model hangs an adjective on "as" as pobj, pcomp or amod ("as stubborn").
        if prep is None or not any(
            c.dep_ in ("pobj", "pcomp", "amod", "acomp") for c in prep.children
        ):
            return None
        parts.extend(p for p in (dobj, prep) if p is not None)
    lo = min(p.left_edge.i for p in parts)
    hi = max(p.right_edge.i for p in parts) + 1
    return lo, hi


def _venue_clause(verb: Token) -> list[tuple[int, int]]:
    """The "that"-clause of "said in a briefing that ...", "argued at trial that ...": the
    parser hangs it on the noun as a relative clause, but it is what was said."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for clause in pobj.children:
                if clause.dep_ not in ("relcl", "acl", "ccomp"):
                    continue
                # "speculated for months that …": "that" as a subordinator, never a relative
                # pronoun, marks a complement after any preposition.
                complement = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
                if prep.lower_ not in ("in", "at", "during", "on") and not complement:
                    continue
                lo, hi = _subtree_range(clause)
                # "a briefing that councils had ..." has a subject of its own; "an
                # interview that aired Tuesday" is a true relative clause.
                if verb.doc[lo].lower_ == "that" and any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.i != lo for c in clause.children
                ):
                    return [(lo, hi)]
    return []


def verb_attribution(
    verb: Token, lex: Lexicon, quoted: list[int], claimed_verbs: set[int]
) -> Attribution | None:
    """The attribution a reporting verb makes, or None when it makes none."""
    doc = verb.doc
    lemma = verb.lemma_.lower()
    if verb.dep_ in ("amod", "compound", "acomp", "aux", "auxpass", "nmod"):
        # '"...," Okonjo told supporters' parsed as a noun phrase ("Okonjo told" modifying
        # "supporters"): the order around the closing quotation mark still says who spoke.
        return _after_quote(verb, lex, quoted, claimed_verbs)
    cue_start, cue_end = verb.i, verb.i + 1
    cue_rule = "cue.verb"
    base = verb
    subj: Token | None
    # "X was quoted as saying ..."
    if lemma == "say" and verb.tag_ == "VBG" and verb.head.lower_ == "as":
        base = verb.head.head
        subj = next((c for c in base.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subj is None or base.lemma_.lower() not in ("quote", "cite", "report"):
            return None
        cue_start, cue_end = base.i, verb.i + 1
        cue_rule, source_rule = "cue.quoted_as_saying", "source.subject"
    else:
        subj, source_rule = _subject(verb)
        if subj is None:
            subj, source_rule = _participle_subject(verb)
        if subj is None:
            subj, source_rule = _inverted_subject(verb)
        if subj is None:
            subj, source_rule = _apposed_clause_subject(verb)
    if subj is None:
        return None
    relayed: tuple[int, int] | None = None
    if cue_rule == "cue.quoted_as_saying":
        # "X was quoted as saying by the newspaper", "quoted by Interfax as saying": the
        # agent of the quoting relays the source.
        relayed = _by_agent(base) or _by_agent(verb)
    if subj.lower_ not in RELATIVE and (
        subj.lower_ in BAD_SUBJECTS
        or (
            subj.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X")
            and source_rule != "source.dangling_name"
            and not _mistagged_name(subj)
        )
    ):
        return None
    src: Token | None
    if subj.lower_ in RELATIVE:
        if base.dep_ == "relcl":
            src = base.head
        else:
            # "allies, who warned": the nearest noun before the relative pronoun.
            src = next(
                (
                    doc[i]
                    for i in range(subj.i - 1, sentence_start(verb) - 1, -1)
                    if doc[i].pos_ in ("NOUN", "PROPN")
                ),
                None,
            )
            if src is None:
                return None
        source_rule = "source.relative"
    else:
        if base.dep_ == "relcl":
            return None  # "... which the US says are ...": embedded in the writer's sentence
        src = _fronted_name(subj, verb) or subj
        if src is not subj:
            source_rule = "source.fronted_name"
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "officials did not say how much ...": nothing is attributed
    weak = lemma in lex.weak_cue_verbs
    if weak and source_rule == "source.participle":
        return None  # "cut its forecast, blaming higher costs": a reason, not a report
    if weak and not _can_report(src, lex):
        return None  # "the corner found Ortega unmarked", "the storm showed its force"
    content: list[tuple[int, int]] = []
    for child in verb.children:
        if source_rule == "source.inverted" and child.i > verb.i:
            continue  # what follows an inverted "said a man ..." describes the man
        if source_rule == "source.apposed_clause" and child.i < verb.i:
            continue  # "Smith, asked about the delay, said": the clause describes Smith
        if child.dep_ in CONTENT_DEPS or (child.dep_ == "xcomp" and lemma in DIRECTIVE_VERBS):
            content.append(_subtree_range(child))
        elif _fronted_clause(child, verb):
            content.append(_subtree_range(child))  # "Shelling hit the depot, officials said"
        elif child.dep_ == "prep" and child.lower_ == "against" and lemma in DIRECTIVE_VERBS:
            content.append(_subtree_range(child))  # "warned against travel to the region"
    if base is not verb and not content:
        # '"...," X was quoted as saying': the quotation hangs on "quoted", before it.
        for child in base.children:
            if child.dep_ in CONTENT_DEPS and child.i < base.i:
                content.append(_subtree_range(child))
    after_content = base is not verb and any(hi <= subj.i for _, hi in content)
    vlo, vhi = _subtree_range(verb if base is verb else base)
    # A quotation in the clause or right next to it (the model may split "“Why?” | she asked").
    # Never across a paragraph: the next paragraph's quotation is someone else's.
    lo_limit, hi_limit = _paragraph_of(verb)
    quote_near = _has_quote(doc, max(vlo - 2, lo_limit), min(vhi + 2, hi_limit), quoted)
    # The clause without the commas the parser may hang on it.
    tlo, thi = vlo, vhi
    while tlo < verb.i and doc[tlo].is_punct:
        tlo += 1
    while thi - 1 > verb.i and doc[thi - 1].is_punct:
        thi -= 1
    before = doc[tlo - 1].text if tlo > 0 else ""
    after = doc[thi].text if thi < len(doc) else ""
    if (
        not content
        and source_rule != "source.participle"
        and (
            verb.dep_ in ("parataxis", "ccomp", "advcl")
            # "X has risen to 23, the department said" parsed as coordinated verbs.
            or (
                verb.dep_ == "conj"
                and not any(c.dep_ == "cc" and c.i < verb.i for c in verb.head.children)
            )
        )
        and not any(c.dep_ == "mark" for c in verb.children)
        and (
            (verb.head.i < tlo and before in (",", "”", '"', "—", "–"))
            # "The move, analysts say, could ...": a parenthetical attribution.
            or (verb.head.i >= thi and before in (",", "—", "–") and after in (",", "—", "–"))
        )
    ):
        # "X is Y, he said" parsed with 'said' hanging off the content's verb.
        hlo, hhi = _subtree_range(verb.head)
        content.extend([(hlo, vlo), (vhi, hhi)])
        after_content = True
    if not content:
        content.extend(_venue_clause(verb))
    if not content:
        content.extend(_colon_quote(verb, quoted))
    frames = stance_frames_of(lex)
    if lemma in frames:
        stance = None if content else _stance_content(verb, src, frames[lemma], lex)
        if stance is not None:
            content.append(stance)
            quote_near = True  # the stance is the report: quote-only verbs need no quotation
        elif lemma not in lex.cue_verbs:
            return None  # "remembers the winter", "the storm dismissed": no stance reported
    if lemma in lex.quote_cue_verbs:
        if not quote_near and not _indirect_question(doc, content):
            return None  # "asks Turkey to delay": a request, not a report
    elif weak:
        if lemma in NP_REPORT_VERBS or lemma in ("call", "dub", "label"):
            if not quote_near and not content:
                # "Passengers described a landing that felt routine", "the report documents
                # 61 pushbacks", "voters cited rents": a noun object is what they reported.
                dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
                if (
                    lemma not in NP_REPORT_VERBS
                    or dobj is None
                    or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
                    or dobj.pos_ in ("PRON", "PROPN")
                    or dobj.ent_type_ == "PERSON"
                ):
                    return None
                content.append(_subtree_range(dobj))
        elif not content:
            return None  # "a view shows a “Triumph” system": a quote alone is not enough
    elif not content and not quote_near:
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if dobj is None or lemma not in NP_CONTENT_VERBS or source_rule == "source.participle":
            return None  # "left the room, saying nothing" reports nothing
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
            return None  # "will report results on Aug. 6": a plan, not a report
        content.append(_subtree_range(dobj))

    src_start, src_end = source_span(src)
    if source_rule == "source.fronted_name":
        src_end = source_span(subj)[1]  # the name with its apposition
    # The frame is the whole source phrase, clauses included ("one resident, who asked ...").
    frame = set(range(src.left_edge.i, src.right_edge.i + 1))
    frame.update(range(src_start, src_end))
    frame.update(range(cue_start, cue_end))
    frame_children = list(verb.children) + (list(base.children) if base is not verb else [])
    for child in frame_children:
        if child.dep_ in FRAME_DEPS or (lemma == "tell" and child.dep_ == "dobj"):
            if child.i == src.i:
                continue
            lo, hi = _subtree_range(child)
            frame.update(range(lo, hi))
    # "told reporters": the addressee is part of the cue.
    if lemma == "tell":
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None and obj.i == verb.i + 1 and obj.pos_ in ("NOUN",):
            cue_end = obj.i + 1
            cue_rule = "cue.told"
    citing = _citing(verb)
    claimed_verbs.add(verb.i)
    conf = 0.6 if weak else 0.9
    if after_content:
        conf -= 0.05
    return Attribution(
        cue_start=cue_start,
        cue_end=cue_end,
        src_head=src.i,
        src_start=src_start,
        src_end=src_end,
        cue_rule="cue.weak_verb" if weak and cue_rule == "cue.verb" else cue_rule,
        source_rule=source_rule,
        confidence=conf,
        verb=verb.i,
        content=content,
        frame=frame,
        relayed=relayed or _relayed(src),
        after_content=after_content,
        citing=citing,
    )


def no_comment(doc: Doc, start: int, end: int, sent_end: int) -> Attribution | None:
    """ "X declined to comment on ...", "X did not respond to a request for comment": X is
    the source of the claim, the refusal phrase over tokens [start, end) its cue."""
    verb = next(
        (
            doc[i]
            for i in range(start, end)
            if doc[i].head.i == i or not start <= doc[i].head.i < end
        ),
        None,
    )
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        subj, _ = _subject(verb)
    if subj is None or subj.lower_ in BAD_SUBJECTS or subj.lower_ in RELATIVE:
        return None  # "a man, who declined to give his name": anonymity, not a claim
    if subj.pos_ not in ("NOUN", "PROPN", "PRON") and subj != _dangling_name(verb):
        return None
    rest = [(end, sent_end)] if any(t.is_alpha for t in doc[end:sent_end]) else []
    return _phrase_attribution(
        subj, verb, start, end, "cue.no_comment", 0.5, rest or [(start, end)]
    )


def _phrase_attribution(
    subj: Token,
    verb: Token,
    start: int,
    end: int,
    cue_rule: str,
    confidence: float,
    content: list[tuple[int, int]],
) -> Attribution:
    """An attribution whose cue is a phrase over tokens [start, end) and whose source is the
    subject of the verb it belongs to ("declined to comment", "in a statement")."""
    src_start, src_end = source_span(subj)
    return Attribution(
        cue_start=start,
        cue_end=end,
        src_head=subj.i,
        src_start=src_start,
        src_end=src_end,
        cue_rule=cue_rule,
        source_rule="source.subject",
        confidence=confidence,
        verb=verb.i,
        content=content,
        frame=set(range(src_start, src_end)) | set(range(start, end)),
        relayed=_relayed(subj),
    )


def according_to(
    doc: Doc, start: int, end: int, sent_start: int, sent_end: int
) -> Attribution | None:
    """'according to X' over tokens [start, end): X is the source, the rest the content."""
    to = doc[end - 1]
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        obj = next(
            (
                doc[i]
                for i in range(end, min(end + 8, sent_end))
                if doc[i].pos_ in ("NOUN", "PROPN")
            ),
            None,
        )
    if obj is None:
        return None
    src_start, src_end = source_span(obj)
    acc = doc[start]
    plo, phi = _subtree_range(acc)
    plo, phi = min(plo, start), max(phi, src_end)
    content = [(sent_start, plo), (phi, sent_end)]
    return Attribution(
        cue_start=start,
        cue_end=end,
        src_head=obj.i,
        src_start=src_start,
        src_end=src_end,
        cue_rule="cue.according_to",
        source_rule="source.according_to",
        confidence=0.9,
        verb=None,
        content=content,
        frame=set(range(plo, phi)),
        relayed=_relayed(obj),
    )


def statement_cue(doc: Doc, start: int, end: int) -> Attribution | None:
    """'In a statement, the ministry urged ...': the subject of the verb the phrase modifies."""
    prep = doc[start]
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or prep.dep_ != "prep":
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in BAD_SUBJECTS or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    src_start, src_end = source_span(subj)
    lo, hi = _subtree_range(verb)
    content = [(lo, src_start), (src_end, hi)] if lo < src_start else [(src_end, hi)]
    return _phrase_attribution(subj, verb, start, end, "cue.statement", 0.8, content)
