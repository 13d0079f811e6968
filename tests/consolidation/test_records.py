"""Records as a whole: stable ids, rebuilds, the records command, reviews and search."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from builders import (
    A3,
    TODAY,
    article,
    article_id,
    by_type,
    docs_of,
    load_visit_articles,
    person,
    state,
)
from click.testing import CliRunner
from helpers import without_fact_ids
from sqlalchemy import Engine, delete, insert, select

from suivi.cli import cli
from suivi.pipeline import refresh
from suivi.store import RecordFilter, create, query_records
from suivi.store.documents import fact_rows
from suivi.store.schema import documents, facts


def test_ids_are_stable_when_articles_arrive_and_after_a_rebuild(engine: Engine) -> None:
    load_visit_articles(engine)
    refresh(engine, TODAY)
    before = {r["title"]: r["id"] for r in query_records(engine)}
    article(
        engine,
        "a3.txt",
        A3,
        {"actors": [person(A3, "Goita"), state(A3, "Mali", "ML")]},
        published="2025-07-03",
    )
    refresh(engine, TODAY)
    after = {r["title"]: r["id"] for r in query_records(engine)}
    assert all(after[title] == rid for title, rid in before.items())
    snapshot = query_records(engine)
    # Rebuild: every fact deleted and written again from the same extraction output.
    with engine.begin() as connection:
        rows = connection.execute(select(facts)).all()
        connection.execute(delete(facts))
        connection.execute(
            insert(facts),
            [
                {
                    "document_id": r.document_id,
                    "category": r.category,
                    "data": r.data,
                    "evidence_start": r.evidence_start,
                    "evidence_end": r.evidence_end,
                }
                for r in rows
            ],
        )
    refresh(engine, TODAY)
    rebuilt = query_records(engine)

    assert without_fact_ids(rebuilt) == without_fact_ids(snapshot)


def test_records_command_json_csv_and_rebuild(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    engine = create(str(db))
    load_visit_articles(engine)
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "rebuild", "--keep-facts"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["--db", str(db), "records", "--type", "event"])
    [visit] = json.loads(result.stdout)
    assert visit["type"] == "event" and {"id", "title", "sources", "conflicts", "fields"} <= set(
        visit
    )
    assert all("doc" in source for source in visit["sources"])
    result = runner.invoke(
        cli, ["--db", str(db), "records", "--format", "csv", "--type", "agreement"]
    )
    lines = result.stdout.splitlines()
    assert lines[0].startswith("id,type,title,status")
    assert len(lines) == 2 and "a1.txt | a2.txt" in lines[1] and "date" in lines[1]
    assert "a2.txt: Le 24 juin, Bamako et Moscou ont conclu" in lines[1]  # the evidence column
    assert (
        runner.invoke(cli, ["--db", str(db), "stats", "--json"])
        .stdout.strip()
        .endswith(f'"records": {len(query_records(engine))}}}')
    )


def test_fact_rows_refuse_evidence_outside(engine: Engine) -> None:
    with pytest.raises(ValueError):
        list(fact_rows("x", {"actors": [{"name": "Mali", "evidence": {"start": 5, "end": 2}}]}, 10))
    with engine.connect() as connection:
        assert connection.execute(select(documents)).all() == []


def test_reviewed_facts_shape_the_records(engine: Engine) -> None:
    from suivi.models import Decision, FactKey
    from suivi.review import add_decision
    from suivi.store.accounts import add_user

    load_visit_articles(engine)
    analyst = add_user(engine, "awa", "un mot de passe solide")
    with engine.connect() as connection:
        rows = connection.execute(
            select(facts).where(facts.c.category.in_(["agreements", "events"]))
        ).all()
    by_doc = {(r.category, r.document_id): r for r in rows}
    a1, a2 = (article_id(engine, name) for name in ("a1.txt", "a2.txt"))
    visit = by_doc[("events", a2)]
    key = FactKey(a2, "events", visit.evidence_start, visit.evidence_end)
    reason = "the second article misdates the visit"
    add_decision(engine, analyst, Decision(key, "", "reject", reason=reason, fact_id=visit.id))
    accord = by_doc[("agreements", a1)]
    key = FactKey(a1, "agreements", accord.evidence_start, accord.evidence_end)
    reason = "the official communiqué says the 24th"
    add_decision(
        engine, analyst, Decision(key, "date", "correct", "2025-06-24", "2025-06-23", reason)
    )
    refresh(engine, TODAY)
    [event] = by_type(engine, "event")
    assert docs_of(event) == {"a1.txt"} and event["conflicts"] == []
    [agreement] = by_type(engine, "agreement")
    assert docs_of(agreement) == {"a1.txt", "a2.txt"}
    assert agreement["fields"]["date"] == "2025-06-24"
    assert not [c for c in agreement["conflicts"] if c["field"] == "date"]
    # The extracted value is still stored as it was.
    with engine.connect() as connection:
        stored = connection.execute(
            select(facts.c.data).where(facts.c.id == accord.id)
        ).scalar_one()
    assert json.loads(stored)["date"] == "2025-06-23"


def test_search_puts_title_matches_first(engine: Engine) -> None:
    from suivi.store import replace_records

    def record(rid: str, title: str, evidence: str, sources: int) -> dict[str, Any]:
        return {
            "id": rid,
            "type": "agreement",
            "title": title,
            "fields": {"sectors": ["trade"]},
            "sources": [],
            "independent_sources": sources,
            "conflicts": [],
        }

    busy = record("agr-1", "Accord commercial", "", 5)
    busy["sources"] = [
        {
            "doc": "x.txt",
            "fact_id": None,
            "evidence": {"text": "Il évoque aussi le nucléaire civil."},
        }
    ]
    replace_records(engine, [busy, record("agr-2", "Accord nucléaire civil", "", 1)])
    assert [r["id"] for r in query_records(engine)] == ["agr-1", "agr-2"]  # most sources first
    assert [r["id"] for r in query_records(engine, RecordFilter(q="nucleaire"))] == [
        "agr-2",
        "agr-1",
    ]
