"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def extractor() -> Iterator[object]:
    """One extractor (the French model loaded once) for the whole test session."""
    from suivi.extraction import Extractor

    yield Extractor()
