"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine


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


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """One real PostgreSQL server for the session (tests/postgres.py): its URL."""
    from postgres import running_server

    with running_server() as url:
        yield url


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    """A new SQLite store in the test's own folder."""
    from suivi.store import create

    return create(str(tmp_path / "store.db"))
