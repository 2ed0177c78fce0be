"""The closed sets detection reads besides its lexicon.

These stay in code, not in lexicon files, because they are not vocabulary a user would
extend: the parser's own dependency and entity labels, English function words (pronouns,
determiners, quantifiers, question words: closed classes of the grammar), and typography.
Open-class words (verbs, nouns, titles, phrases) live in ``lexicon/``.
"""

from __future__ import annotations

# ---------------------------------------------------------------- the parser's labels
# Clause complements of a reporting verb: what was said.
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
# Entity labels of bodies and places (the model tags many organisations GPE or NORP).
ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})

# ---------------------------------------------------------------- function words
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
PLURAL_PRONOUNS = frozenset({"they", "them", "we", "us"})
PLURAL_DEMONSTRATIVES = frozenset({"those", "these"})  # "those surveyed say"
ORG_PRONOUNS = frozenset({"it"})
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
POSSESSIVE_GENDER = {"his": "m", "hers": "f", "himself": "m", "herself": "f"}
# Subjects that can hold a stance (besides names, person/group/organisation nouns).
STANCE_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "who"})
RELATIVE = frozenset({"who", "that", "which", "whom"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
QUANTIFIERS = frozenset(
    {"one", "two", "three", "four", "some", "many", "several", "most", "both", "all", "none"}
    | {"each", "few", "either", "neither", "any"}
)
SINGLE_QUANTIFIERS = frozenset({"one", "each", "either", "neither"})
# Nouns of a share of a group ("60 percent of voters", "a majority of Republicans"): the
# source is counted people, typed by the group after "of".
SHARES = frozenset(
    {"percent", "%", "majority", "minority", "plurality", "half", "third", "quarter"}
    | {"fraction", "proportion", "share", "handful", "dozens", "hundreds", "thousands"}
)
# Subjects that never name a source: "this shows", "there are reports".
NON_SOURCE_SUBJECTS = frozenset(
    {"this", "that", "which", "what", "there", "these", "those", "it's"}
)
# Subjects that hold no view of their own: "Nobody expected the depot to open".
NO_VIEW_SUBJECTS = frozenset(
    {"nobody", "everyone", "everybody", "anyone", "anybody", "none", "few"}
)
# Words that open an indirect question ("asked whether ...", "wondered how ...").
INTERROGATIVE = frozenset({"whether", "if", "why", "how", "what", "when", "where", "who", "which"})
# First words of a direct question.
QUESTION_OPENERS = frozenset(
    {"what", "who", "why", "how", "when", "where", "which", "whose"}
    | {"do", "does", "did", "is", "are", "was", "were", "can", "will", "would", "should"}
    | {"has", "have", "had"}
)
# Subordinators of time: a clause they open is narration, not fronted content.
TEMPORAL_SUBORDINATORS = frozenset({"when", "after", "before", "while"})

# ---------------------------------------------------------------- typography
CLOSING_QUOTES = frozenset({'"', "”", "’", "'"})
# Dashes between words (em, en, the horizontal bar of pull-quote credits, and two hyphens).
DASHES = frozenset({"—", "–", "―", "--"})
BULLETS = ("•", "·", "*", "-", "–", "—", "▪")
