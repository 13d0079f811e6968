"""The bundled sample corpus, ingested for real: the records a user sees first.

The samples report the same accords, refinery and visit in several articles with different
details; consolidation must give one record for each, with every source and disagreement.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import without_fact_ids
from record_shape import type_errors

from suivi.cli import cli, samples_dir
from suivi.models import Record


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("samples") / "store.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", "-q", str(samples_dir())])
    assert result.exit_code == 0, result.output
    return db


def shown(db: Path) -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = json.loads(
        CliRunner().invoke(cli, ["--db", str(db), "records"]).stdout
    )
    return loaded


@pytest.fixture(scope="module")
def records(store: Path) -> list[dict[str, Any]]:
    return shown(store)


def docs(record: dict[str, Any]) -> set[str]:
    return {Path(source["doc"]).name[:2] for source in record["sources"]}


def test_one_record_for_the_rosatom_accord(records: list[dict[str, Any]]) -> None:
    nuclear = [
        r
        for r in records
        if r["type"] == "agreement"
        and "nuclear" in r["fields"]["sectors"]
        and {"01", "05"} & docs(r)
        and str(r["fields"].get("date") or "").startswith("2025-06")
    ]
    assert len(nuclear) == 1, [r["title"] for r in nuclear]
    assert {"01", "02", "05"} <= docs(nuclear[0])


def test_one_record_for_the_senou_refinery_with_its_history(records: list[dict[str, Any]]) -> None:
    senou = [
        r
        for r in records
        if r["type"] == "project"
        and "senou" in json.dumps(r["fields"], ensure_ascii=True).lower().replace("\\u00e9", "e")
    ]
    assert len(senou) == 1, [r["title"] for r in senou]
    record = senou[0]
    assert {"03", "04", "13"} <= docs(record)
    dated = {(str(e.get("date"))[:7], e["status"]) for e in record["history"]}
    assert ("2025-06", "under_construction") in dated
    assert any(month == "2025-10" and status == "preparatory" for month, status in dated)


def test_one_visit_with_its_date_conflict(records: list[dict[str, Any]]) -> None:
    visits = [
        r
        for r in records
        if r["type"] == "event"
        and r["fields"]["event_type"] == "visit"
        and str(r["fields"].get("start") or "").startswith("2025-06")
    ]
    assert len(visits) == 1, [r["title"] for r in visits]
    visit = visits[0]
    assert {"01", "05"} <= docs(visit)
    starts = next(c for c in visit["conflicts"] if c["field"] == "start")
    assert {"2025-06-22", "2025-06-23"} <= {v["value"] for v in starts["values"]}


def test_goita_is_one_actor(records: list[dict[str, Any]]) -> None:
    goita = [
        r
        for r in records
        if r["type"] == "actor" and "goita" in r["title"].lower().replace("ï", "i")
    ]
    assert len(goita) == 1, [r["title"] for r in goita]
    assert len(docs(goita[0])) >= 8


def test_a_full_rebuild_gives_the_same_records(store: Path, records: list[dict[str, Any]]) -> None:
    result = CliRunner().invoke(cli, ["--db", str(store), "rebuild", "-q"])
    assert result.exit_code == 0, result.output
    assert "18 documents re-extracted" in result.stdout

    assert without_fact_ids(shown(store)) == without_fact_ids(records)


def test_the_senou_share_disagreement_is_shown(records: list[dict[str, Any]]) -> None:
    shares = [
        r
        for r in records
        if r["type"] == "quantity"
        and r["fields"]["unit"] == "%"
        and any(c["field"] == "value" for c in r["conflicts"])
    ]
    assert len(shares) == 1
    [conflict] = [c for c in shares[0]["conflicts"] if c["field"] == "value"]
    values = {v["value"]: {Path(d).name[:2] for d in v["sources"]} for v in conflict["values"]}
    assert values[62] >= {"01", "03"} and values[60] == {"05"}


def test_every_record_is_a_record_as_declared(records: list[dict[str, Any]]) -> None:
    # As the records command shows them: reviewed, titled, with confidence and doubts.
    assert records
    for record in records:
        assert type_errors(record, Record, record["id"]) == []
