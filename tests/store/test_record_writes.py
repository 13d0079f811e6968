"""Writing records rewrites only those that changed, and keeps their side tables in step."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from suivi.models import Article
from suivi.store import add_document, create, replace_records
from suivi.store.state import store_version

TEXT = (
    "Le Mali et la Russie ont signé un accord sur le nucléaire civil le 23 juin 2025. "
    "La centrale solaire de Sanankoroba sera construite."
)
TABLES = {
    "records": "SELECT rowid, id, title, data, digest FROM records",
    "record_tags": "SELECT record_id, facet, value FROM record_tags",
    "record_facts": "SELECT record_id, fact_id FROM record_facts",
    "records_fts": "SELECT rowid, record_id, title, body FROM records_fts",
}


def _store(path: Path) -> tuple[Any, list[int]]:
    engine = create(str(path))
    cut = TEXT.index(" La centrale")
    extracted = {
        "agreements": [{"title": "accord", "evidence": {"start": 0, "end": cut}}],
        "projects": [{"name": "centrale", "evidence": {"start": cut + 1, "end": len(TEXT)}}],
    }
    add_document(engine, Article("a.txt", "a.txt", TEXT.encode(), TEXT, language="fr"), extracted)
    with sqlite3.connect(path) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM facts ORDER BY id")]
    return engine, ids


def _record(record_id: str, title: str, fact_id: int, sectors: list[str]) -> dict[str, Any]:
    return {
        "id": record_id,
        "type": "agreement",
        "title": title,
        "fields": {"sectors": sectors, "parties": ["ML", "RU"]},
        "status": "signed",
        "sources": [{"doc": "a.txt", "fact_id": fact_id, "evidence": {"text": title}}],
        "actors": ["act-1"],
        "published": True,
    }


def _rows(path: Path) -> dict[str, set[tuple[Any, ...]]]:
    with sqlite3.connect(path) as connection:
        return {name: set(connection.execute(query)) for name, query in TABLES.items()}


def test_writing_the_same_records_again_touches_nothing(tmp_path: Path) -> None:
    engine, facts = _store(tmp_path / "s.db")
    items = [_record("agr-1", "Accord nucléaire", facts[0], ["nuclear"])]
    items.append(_record("agr-2", "Centrale solaire", facts[1], ["energy"]))
    replace_records(engine, items)
    before, version = _rows(tmp_path / "s.db"), store_version(engine).number
    assert replace_records(engine, items) == 2
    assert _rows(tmp_path / "s.db") == before  # the same rows, under the same rowids
    assert store_version(engine).number == version


def test_only_changed_records_are_rewritten_and_vanished_ones_leave_no_row(tmp_path: Path) -> None:
    engine, facts = _store(tmp_path / "s.db")
    kept = _record("agr-1", "Accord nucléaire", facts[0], ["nuclear"])
    replace_records(engine, [kept, _record("agr-2", "Centrale", facts[1], ["energy"])])
    version = store_version(engine).number
    kept_row = next(r for r in _rows(tmp_path / "s.db")["records"] if r[1] == "agr-1")
    changed = _record("agr-1b", "Centrale solaire de Sanankoroba", facts[1], ["energy", "mining"])
    replace_records(engine, [kept, changed])
    rows = _rows(tmp_path / "s.db")
    assert kept_row in rows["records"]  # untouched: same rowid, same digest
    assert {r[1] for r in rows["records"]} == {"agr-1", "agr-1b"}
    assert not any("agr-2" in row for table in rows.values() for row in table)
    assert ("agr-1b", "sector", "mining") in rows["record_tags"]
    assert ("agr-1b", facts[1]) in rows["record_facts"]
    assert store_version(engine).number == version + 1
    # The same rows as a store that was given these records at once.
    fresh, _ = _store(tmp_path / "fresh.db")
    replace_records(fresh, [kept, changed])
    assert _content(rows) == _content(_rows(tmp_path / "fresh.db"))


def _content(rows: dict[str, set[tuple[Any, ...]]]) -> dict[str, set[tuple[Any, ...]]]:
    # Rows without the rowids SQLite gave them.
    return {t: {r[1:] if t in ("records", "records_fts") else r for r in rows[t]} for t in rows}


def test_writing_no_record_empties_every_record_table(tmp_path: Path) -> None:
    engine, facts = _store(tmp_path / "s.db")
    replace_records(engine, [_record("agr-1", "Accord", facts[0], ["nuclear"])])
    replace_records(engine, [])
    assert all(not rows for rows in _rows(tmp_path / "s.db").values())


def test_a_records_year_is_read_from_any_written_date() -> None:
    from suivi.store.records import record_year

    def year(**fields: object) -> int | None:
        return record_year({"fields": fields})  # type: ignore[typeddict-item]

    assert year(date="2025-06-23") == 2025
    assert year(start="juin 2025") == 2025  # as an analyst may correct it
    assert year(year=2024) == 2024
    assert year(date="bientôt") is None
