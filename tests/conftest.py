"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def extractor() -> Iterator[object]:
    """One extractor (the French model loaded once) for the whole test session."""
    from suivi.extraction import Extractor

    yield Extractor()


@pytest.fixture(scope="session")
def blank() -> object:
    """A blank French pipeline (a sentencizer, no model) with suivi's components."""
    import spacy

    from suivi.extraction import factories
    from suivi.extraction.pipeline import add_components

    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    return add_components(nlp, factories.COMPONENTS)
