"""The change log is written with the records: a write that changes nothing logs nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine

from suivi.store import changes as change_log
from suivi.store import replace_records


def agreement(**changes: Any) -> Any:
    record: dict[str, Any] = {
        "id": "agr-1",
        "type": "agreement",
        "title": "Accord sur les mines — Mali, Russie",
        "status": "signed",
        "fields": {"sectors": ["mining"], "parties": ["ML", "RU"]},
        "sources": [{"document_id": "d1", "doc": "a.txt", "outlet": "L’Essor"}],
        "conflicts": [],
        "actors": [],
        "outlets": 1,
        "independent_sources": 1,
        "published": True,
    }
    record.update(changes)
    return record


def test_changes_are_logged_when_records_are_written(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = datetime(2025, 10, 1, 12, 0, tzinfo=UTC)
    monkeypatch.setattr(change_log, "now", lambda: day)
    replace_records(engine, [agreement()])
    replace_records(engine, [agreement()])  # the same: nothing written, nothing logged
    assert [c.kind for c in change_log.changes(engine)] == ["created"]

    day += timedelta(days=2)
    replace_records(engine, [agreement(status="in_force", published=False)])
    assert change_log.changes(engine) == []  # held back: public lists do not show it
    logged = change_log.changes(engine, published=None)
    assert [(c.kind, c.old, c.new, c.at) for c in logged] == [
        ("status", "signed", "in_force", day),
        ("created", None, "Accord sur les mines — Mali, Russie", day - timedelta(days=2)),
    ]
    since = change_log.changes(engine, since=day - timedelta(hours=1), published=None)
    assert [c.kind for c in since] == ["status"]
    assert change_log.last_changed(engine, ["agr-1", "nope"]) == {"agr-1": day}
    # Asked about many records at once (a broad filter): read a chunk at a time, merged.
    many = [f"agr-{n}" for n in range(2, 1300)] + ["agr-1"]
    assert [c.kind for c in change_log.changes(engine, record_ids=many, published=None)] == [
        "status",
        "created",
    ]
    assert len(change_log.changes(engine, record_ids=many, published=None, limit=1)) == 1

    replace_records(engine, [])  # a record gone takes its changes out of every list
    assert change_log.changes(engine, published=None) == []
