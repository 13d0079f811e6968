"""The portal on one small real store, shared by the tests of a module: each module runs on
SQLite, then on PostgreSQL (the same store built on a real server, tests/postgres.py)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from postgres import STORES, new_database
from test_web_fixtures import Store, build_store

from suivi.web import create_app


@pytest.fixture(scope="module", params=STORES)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The store of test_web_fixtures, built once for a module's tests on each database."""
    if request.param == "postgresql":
        return build_store(new_database(request.getfixturevalue("postgres_server")))
    return build_store(tmp_path_factory.mktemp("web") / "s.db")


@pytest.fixture
def client(store: Store) -> TestClient:
    """A reader of the portal on ``store``, with no cookie yet."""
    return TestClient(create_app(store.engine))
