"""The spaCy pipeline: fr_core_news_md without the pipes suivi does not read, plus ours."""

from __future__ import annotations

import spacy
from spacy.language import Language

from suivi.extraction import factories

MODEL = "fr_core_news_md"
#: Pipes of the model nothing of ours reads (lemmas are never used: text is folded instead).
UNUSED_PIPES = ("lemmatizer",)


def build(model: str = MODEL, *, components: tuple[str, ...] = factories.COMPONENTS) -> Language:
    """Load ``model`` once and add suivi's components after its own."""
    nlp = spacy.load(model, exclude=list(UNUSED_PIPES))
    for name in components:
        nlp.add_pipe(name)
    return nlp


def add_components(nlp: Language, components: tuple[str, ...] = factories.COMPONENTS) -> Language:
    """Add suivi's components to an existing pipeline (tests use a blank ``fr`` one)."""
    for name in components:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp
