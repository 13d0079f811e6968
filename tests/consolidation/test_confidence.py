"""Held back when in doubt: a record's confidence and doubts, and who may see it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from builders import TODAY, article, by_type, fact
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from suivi.cli import cli
from suivi.consolidation.confidence import assess
from suivi.models import Decision
from suivi.pipeline import apply_review, refresh
from suivi.store import RecordFilter, create, query_records
from suivi.store.accounts import add_user
from suivi.web import create_app

NAMED = "Le 4 mars 2025, le Niger et la Turquie ont signé un accord de coopération militaire."
ASIDE = "Reste à examiner les détails des accords, estime un diplomate."


def agreement(**fields: object) -> dict[str, object]:
    return {"type": "agreement", "fields": fields, "independent_sources": 1}


def test_a_generic_mention_is_doubted_a_named_signed_agreement_is_not() -> None:
    confidence, doubts = assess(agreement(name=None, parties=[], date=None))
    assert doubts == ["unnamed", "no_party", "no_date"] and confidence < 0.3
    confidence, doubts = assess(
        agreement(name="accord de coopération militaire", parties=["NE", "TR"], date="2025-03-04")
    )
    assert doubts == [] and confidence >= 0.6
    # Every further independent source makes a record surer.
    twice = {**agreement(name=None, parties=[], date=None), "independent_sources": 3}
    assert assess(twice)[0] > 0.5


@pytest.mark.parametrize(
    ("record", "doubt"),
    [
        ({"type": "quantity", "fields": {"subject": "%", "kind": "share"}}, "no_subject"),
        ({"type": "quantity", "fields": {"subject": "blé", "kind": None}}, "no_kind"),
        ({"type": "event", "fields": {"start": None, "place": "Niamey"}}, "no_start"),
        ({"type": "event", "fields": {"start": "2025-03", "place": "Niamey"}}, "vague_start"),
        ({"type": "actor", "fields": {"name": "Yadran. Cette"}}, "broken_name"),
        ({"type": "project", "fields": {"name": "centrale de"}}, "bare_name"),
    ],
)
def test_each_kind_of_record_has_its_doubts(record: dict[str, object], doubt: str) -> None:
    assert doubt in assess(record)[1]


def load(engine: Engine) -> None:
    text = f"{NAMED} {ASIDE}"
    article(
        engine,
        "n.txt",
        text,
        {
            "agreements": [
                fact(
                    text,
                    NAMED,
                    title="accord de coopération militaire",
                    sectors=["security"],
                    parties=["NE", "TR"],
                    date="2025-03-04",
                    status="signed",
                ),
                fact(text, ASIDE, title="accords", sectors=["diplomacy"], parties=[]),
            ]
        },
        published="2025-03-05",
    )


def test_a_record_in_doubt_is_held_back_until_an_analyst_confirms_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUIVI_PUBLISH_THRESHOLD", "0.3")
    engine = create(str(tmp_path / "s.db"))
    load(engine)
    refresh(engine, TODAY)
    public = {r["title"] for r in by_type(engine, "agreement")}
    assert public == {"Accord de coopération militaire — Niger, Turquie, 4 mars 2025"}
    [held] = query_records(engine, RecordFilter(published=False))
    assert held["doubts"] == ["unnamed", "no_party", "no_date"]
    # The records command lists it, marked, with its doubts.
    out = CliRunner().invoke(cli, ["--db", str(tmp_path / "s.db"), "records"]).output
    listed = {r["id"]: r for r in json.loads(out)}
    assert listed[held["id"]]["published"] is False
    # The public neither lists it nor reaches it; a signed-in analyst finds it in the queue.
    reader = TestClient(create_app(engine))
    assert held["id"] not in reader.get("/api/records").text
    assert reader.get(f"/records/{held['id']}").status_code == 404
    assert reader.get(f"/api/records/{held['id']}").status_code == 404
    assert reader.get("/review/queue").status_code == 401
    analyst = add_user(engine, "awa", "un mot de passe solide")
    # Confirmed by an analyst, it is published whatever its doubts.
    apply_review(engine, analyst, Decision(held["id"], "", "confirm", reason="vérifié"))
    assert query_records(engine, RecordFilter(published=False)) == []
    assert held["id"] in reader.get("/api/records").text


def test_the_threshold_is_a_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUIVI_PUBLISH_THRESHOLD", "0")
    engine = create(str(tmp_path / "s.db"))
    load(engine)
    refresh(engine, TODAY)
    assert len(by_type(engine, "agreement")) == 2
