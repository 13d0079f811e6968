"""The API against its own OpenAPI description: schemathesis generates requests and checks
every answer (no server error, status and body as described). Bounded to run in seconds."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from test_web_fixtures import build_store

from suivi.web import create_app

# The schema is loaded when the tests are collected, so the store is made then; the folder
# goes away with the test process.
_FOLDER = tempfile.TemporaryDirectory(prefix="suivi-schema-")
_STORE = build_store(Path(_FOLDER.name) / "s.db")
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(_STORE.engine))


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_answers_as_described(case: schemathesis.Case) -> None:
    case.call_and_validate()
