"""Consolidation's tests read and write a real store: each runs on SQLite, then on
PostgreSQL (a new database on the session's server, tests/postgres.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from postgres import STORES, new_database
from sqlalchemy import Engine

from suivi.store import create


@pytest.fixture(params=STORES)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A new store: a SQLite file in the test's folder, or a new PostgreSQL database."""
    if request.param == "postgresql":
        target = new_database(request.getfixturevalue("postgres_server"))
    else:
        target = str(tmp_path / "store.db")
    engine = create(target)
    yield engine
    engine.dispose()
