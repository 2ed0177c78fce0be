"""The word lists detection runs on, read from the plain data files in ``lexicon/``.

One entry per line, ``#`` starts a comment. Users extend detection without touching the
installed package: a folder of files with the same names (
``ANNOTATOR_LEXICON`` for annotator's commands, or the component's ``lexicon_dir``
setting) adds its entries to the
shipped ones. A program can also pass its own ``Lexicon`` to the component.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path

from annotator.errors import AnnotatorError


def read_list(name: str, extra_dir: str | None = None) -> list[str]:
    """Entries of ``lexicon/<name>.txt`` and of ``<extra_dir>/<name>.txt`` if it exists.

    Stripped; comments and blank lines dropped.
    """
    text = resources.files("annotator.nlp.lexicon").joinpath(f"{name}.txt").read_text("utf-8")
    if extra_dir is not None:
        extra = Path(extra_dir) / f"{name}.txt"
        if extra.is_file():
            text += "\n" + extra.read_text("utf-8")
    out: list[str] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            out.append(line.strip())
    return out


@dataclass(frozen=True)
class Lexicon:
    cue_verbs: frozenset[str]
    weak_cue_verbs: frozenset[str]
    quote_cue_verbs: frozenset[str]
    multiword_cues: tuple[str, ...]
    anonymity_phrases: tuple[tuple[str, str], ...]  # (rule, phrase)
    anonymity_reasons: tuple[str, ...]
    person_nouns: frozenset[str]
    anonymous_nouns: frozenset[str]
    spokesperson_nouns: frozenset[str]
    document_nouns: frozenset[str]
    group_nouns: frozenset[str]
    org_nouns: frozenset[str]
    titles: frozenset[str]
    capitals: frozenset[str]
    # lemma -> frame ("as", "obj", a preposition, or object lemmas): "dismissed X as Y"
    stance_verbs: tuple[tuple[str, str], ...] = ()
    no_comment_cues: tuple[str, ...] = ()  # "declined to comment", "did not respond"
    title_abbreviations: tuple[str, ...] = ()  # "Sgt.": one token, no sentence break
    given_names: frozenset[str] = frozenset()  # "Marcus" in "Marcus Bell", case-sensitive
    noun_object_cues: frozenset[str] = frozenset()  # "reiterated Ankara's position"
    weak_noun_object_cues: frozenset[str] = frozenset()  # "described a landing that ..."
    directive_verbs: frozenset[str] = frozenset()  # "urged people to stay home"
    identifying_participles: frozenset[str] = frozenset()  # "a person briefed on the plans"
    relay_participles: frozenset[str] = frozenset()  # "officials cited by Reuters"
    headline_cues: frozenset[str] = frozenset()  # "Turkey Says ..." (word forms)
    headline_stance_cues: frozenset[str] = frozenset()  # "Le Pen Backs Trump" (word forms)
    statement_cues: tuple[str, ...] = ()  # "in a statement"
    generic_source_nouns: frozenset[str] = frozenset()  # "the source", "the expert"
    byline_words: frozenset[str] = frozenset()  # "by", "and", "reporting" in a byline
    gendered_titles: tuple[tuple[str, str], ...] = ()  # ("mr", "m"), ("ms", "f")
    office_modifiers: frozenset[str] = frozenset()  # "former", "shadow"
    intention_verbs: frozenset[str] = frozenset()  # "wants to", "refused to"
    relation_verbs: frozenset[str] = frozenset()  # "attacked", "endorsed", "called for"
    topic_verbs: tuple[tuple[str, str], ...] = ()  # "spoke about", "spoke out against"
    passive_report_verbs: frozenset[str] = frozenset()  # "is expected to", "is said to"
    hedge_verbs: frozenset[str] = frozenset()  # "seems to", "it appears that"
    stance_adjectives: frozenset[str] = frozenset()  # "was critical of", "is adamant that"
    report_adverbs: frozenset[str] = frozenset()  # "reportedly", "allegedly"
    non_speaker_labels: frozenset[str] = frozenset()  # "Date:", "Photo:" are no speakers
    private_events: frozenset[str] = frozenset()  # "the call", "the meeting"
    quoting_verbs: frozenset[str] = frozenset()  # "quoted as saying"
    naming_verbs: frozenset[str] = frozenset()  # "called it a disgrace"
    survey_nouns: frozenset[str] = frozenset()  # "In a Post-ABC poll, …"
    claim_nouns: frozenset[str] = frozenset()  # "the governor's claim that …"

    @cached_property
    def stance_frames(self) -> dict[str, str]:
        """Lemma -> frame of ``stance_verbs.txt``."""
        return dict(self.stance_verbs)

    @cached_property
    def weak_stance_verbs(self) -> frozenset[str]:
        """Weak verbs that also take a stance (criticize, praise)."""
        return self.weak_cue_verbs & self.stance_frames.keys()

    @cached_property
    def topic_words(self) -> dict[str, frozenset[str]]:
        """Lemma -> the prepositions of ``topic_verbs.txt`` that relate it to a topic."""
        return {lemma: frozenset(words.lower().split("|")) for lemma, words in self.topic_verbs}

    @cached_property
    def two_word_verbs(self) -> frozenset[str]:
        """Entries of ``cue_verbs.txt`` and ``relation_verbs.txt`` that are a verb and its
        particle or complement ("point out", "make clear", "take aim")."""
        return frozenset(e for e in self.cue_verbs | self.relation_verbs if " " in e)

    @cached_property
    def two_word_heads(self) -> frozenset[str]:
        """The verbs that open a two-word entry ("point", "make", "take")."""
        return frozenset(e.split()[0] for e in self.two_word_verbs)

    @cached_property
    def verb_cue_lemmas(self) -> frozenset[str]:
        """Every lemma a verb can cue with: reports, stances, intentions, relations, topics
        and passive reports."""
        return (
            frozenset(lemma.split()[0] for lemma in self.cue_verbs)  # "point out": "point"
            | self.stance_frames.keys()
            | self.intention_verbs
            | frozenset(lemma.split()[0] for lemma in self.relation_verbs)
            | self.topic_words.keys()
            | self.passive_report_verbs
        )

    @cached_property
    def gender_of_title(self) -> dict[str, str]:
        """Title -> "m" or "f"."""
        return dict(self.gendered_titles)


@cache
def load_lexicon(extra_dir: str | None) -> Lexicon:
    """The shipped lexicon plus the entries of a user's folder of lists (read once each)."""
    if extra_dir is not None and not Path(extra_dir).is_dir():
        raise AnnotatorError(
            f"{extra_dir}: lexicon folder not found; pass a folder of word-list .txt files"
        )

    def words(name: str) -> list[str]:
        return read_list(name, extra_dir)

    phrases = []
    for line in words("anonymity_phrases"):
        rule, _, phrase = line.partition("\t")
        if phrase:
            phrases.append((rule.strip(), phrase.strip()))

    lower = lambda name: frozenset(w.lower() for w in words(name))  # noqa: E731

    def pairs(name: str) -> tuple[tuple[str, str], ...]:
        """Lines of ``key<TAB>value``."""
        return tuple(
            (key.strip().lower(), value.strip())
            for key, _, value in (line.partition("\t") for line in words(name))
            if value.strip()
        )

    return Lexicon(
        cue_verbs=lower("cue_verbs"),
        weak_cue_verbs=lower("weak_cue_verbs"),
        quote_cue_verbs=lower("quote_cue_verbs"),
        multiword_cues=tuple(words("multiword_cues")),
        no_comment_cues=tuple(words("no_comment_cues")),
        title_abbreviations=tuple(words("title_abbreviations")),
        given_names=frozenset(words("given_names")),
        anonymity_phrases=tuple(phrases),
        anonymity_reasons=tuple(words("anonymity_reasons")),
        person_nouns=lower("person_nouns"),
        anonymous_nouns=lower("anonymous_nouns"),
        spokesperson_nouns=lower("spokesperson_nouns"),
        document_nouns=lower("document_nouns"),
        group_nouns=lower("group_nouns"),
        org_nouns=lower("org_nouns"),
        titles=lower("titles"),
        capitals=frozenset(words("capitals")),
        stance_verbs=pairs("stance_verbs"),
        noun_object_cues=lower("noun_object_cues"),
        weak_noun_object_cues=lower("weak_noun_object_cues"),
        directive_verbs=lower("directive_verbs"),
        identifying_participles=lower("identifying_participles"),
        relay_participles=lower("relay_participles"),
        headline_cues=lower("headline_cues"),
        headline_stance_cues=lower("headline_stance_cues"),
        statement_cues=tuple(w.lower() for w in words("statement_cues")),
        generic_source_nouns=lower("generic_source_nouns"),
        byline_words=lower("byline_words"),
        gendered_titles=pairs("gendered_titles"),
        office_modifiers=lower("office_modifiers"),
        intention_verbs=lower("intention_verbs"),
        relation_verbs=lower("relation_verbs"),
        topic_verbs=pairs("topic_verbs"),
        passive_report_verbs=lower("passive_report_verbs"),
        hedge_verbs=lower("hedge_verbs"),
        stance_adjectives=lower("stance_adjectives"),
        report_adverbs=lower("report_adverbs"),
        non_speaker_labels=lower("non_speaker_labels"),
        private_events=lower("private_events"),
        quoting_verbs=lower("quoting_verbs"),
        naming_verbs=lower("naming_verbs"),
        survey_nouns=lower("survey_nouns"),
        claim_nouns=lower("claim_nouns"),
    )
