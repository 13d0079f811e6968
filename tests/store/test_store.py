"""The SQLite store: migrations, WAL, one transaction per document."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from suivi.errors import StoreError
from suivi.models import Article
from suivi.store import add_document, counts, create, document_facts, schema_version
from suivi.store.database import MIGRATIONS

TEXT = "Le Mali et la Russie ont signé un accord sur le nucléaire civil le 23 juin 2025."


def article(text: str = TEXT) -> Article:
    return Article(source="a.txt", name="a.txt", raw=text.encode(), text=text, language="fr")


def test_new_store_is_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "store.db"
    engine = create(str(path))
    heads = sorted(p.name.split("_")[0] for p in (MIGRATIONS / "versions").glob("[0-9]*.py"))
    assert schema_version(engine) == heads[-1]
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    assert {"documents", "facts", "raw_inputs", "records", "alembic_version"} <= tables
    # Opening again does not migrate twice nor lose anything.
    add_document(engine, article())
    engine.dispose()
    again = create(str(path))
    assert counts(again)["documents"] == 1


def test_document_stored_once_with_raw_bytes_and_hashes(tmp_path: Path) -> None:
    engine = create(str(tmp_path / "s.db"))
    first = add_document(engine, article())
    second = add_document(engine, article(TEXT.upper()))
    assert first.new and not second.new and first.id == second.id
    connection = sqlite3.connect(tmp_path / "s.db")
    raw, sha = connection.execute("SELECT data, sha256 FROM raw_inputs").fetchone()
    assert raw == TEXT.encode()
    import hashlib

    assert sha == hashlib.sha256(TEXT.encode()).hexdigest()
    stored_text, text_sha = connection.execute("SELECT text, text_sha256 FROM documents").fetchone()
    assert stored_text == TEXT and text_sha == hashlib.sha256(TEXT.encode()).hexdigest()


def test_facts_point_into_the_stored_text(tmp_path: Path) -> None:
    engine = create(str(tmp_path / "s.db"))
    start = TEXT.index("accord")
    extracted = {
        "agreements": [
            {
                "title": "accord",
                "sectors": ["nuclear"],
                "evidence": {"start": start, "end": len(TEXT)},
            }
        ]
    }
    stored = add_document(engine, article(), extracted)
    assert stored.facts == 1
    [fact] = document_facts(engine, stored.id)
    assert fact["category"] == "agreements"
    assert fact["evidence"]["text"].startswith("accord sur le nucléaire civil")


def test_a_failing_document_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    engine = create(str(tmp_path / "s.db"))
    add_document(engine, article("Un premier article déjà stocké dans la base, intact."))
    before = counts(engine)
    bad = {"actors": [{"name": "Mali", "evidence": {"start": 0, "end": 10_000}}]}
    with pytest.raises(ValueError, match="evidence outside"):
        add_document(engine, article(), bad)
    assert counts(engine) == before
    connection = sqlite3.connect(tmp_path / "s.db")
    assert connection.execute("SELECT count(*) FROM raw_inputs").fetchone()[0] == 1


def test_a_folder_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        create(str(tmp_path))


def test_a_corrupt_file_is_reported_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(b"this is not a database, just some bytes" * 200)
    with pytest.raises(StoreError, match="cannot open the store"):
        create(str(path))
    assert path.read_bytes().startswith(b"this is not a database")
