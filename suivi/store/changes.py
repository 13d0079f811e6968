"""Each record's change log: written with the records, by diffing the stored version of
each record rewritten against the new one; read back by date, by record or by filter."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select

from suivi.consolidation.changes import record_changes
from suivi.models import Record
from suivi.store.follow_schema import record_changes as changes_table
from suivi.store.schema import records

# Records read back or changes written this many at a time (SQL parameter limits).
_CHUNK = 500

# When a change happened; tests set their own clock.
Now = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


now: Now = _utc_now


def log_changes(connection: Connection, written: Sequence[str]) -> int:
    """Log what changed in each record of ``written`` (the records' JSON) against its stored
    version, inside the transaction that writes them, before the stored rows are replaced;
    how many changes."""
    at = now()
    rows: list[dict[str, Any]] = []
    new: list[Record] = [json.loads(data) for data in written]
    ids = [str(record["id"]) for record in new]
    stored: dict[str, Any] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        query = select(records.c.id, records.c.data).where(records.c.id.in_(chunk))
        stored.update({row.id: row.data for row in connection.execute(query)})
    for record in new:
        old = stored.get(str(record["id"]))
        for change in record_changes(json.loads(old) if old else None, record):
            rows.append(
                {
                    "record_id": change.record_id,
                    "at": at,
                    "kind": change.kind,
                    "field": change.field,
                    "old": _json(change.old),
                    "new": _json(change.new),
                    "document_id": change.document_id,
                }
            )
    for start in range(0, len(rows), _CHUNK):
        connection.execute(insert(changes_table), rows[start : start + _CHUNK])
    return len(rows)


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class LoggedChange:
    """One change as read back, with its record's French title and type."""

    id: int
    record_id: str
    at: datetime
    kind: str
    field: str | None
    old: Any
    new: Any
    document_id: str | None
    title: str
    type: str
    published: bool


def changes(
    engine: Engine,
    *,
    since: datetime | None = None,
    record_ids: Iterable[str] | None = None,
    published: bool | None = True,
    limit: int | None = None,
) -> list[LoggedChange]:
    """Changes of records still stored, newest first: since a time, of some records, of
    published records only (the default) or of all (``published=None``)."""
    query = select(
        changes_table,
        records.c.title,
        records.c.type,
        records.c.published,
    ).join(records, records.c.id == changes_table.c.record_id)
    if since is not None:
        query = query.where(changes_table.c.at >= since)
    if published is not None:
        query = query.where(records.c.published == published)
    if limit is not None:
        query = query.limit(limit)
    order = (changes_table.c.at.desc(), changes_table.c.id.desc())
    if record_ids is None:
        queries = [query.order_by(*order)]
    else:
        # Many records are asked about a chunk at a time, each chunk's newest changes merged.
        ids = list(record_ids)
        queries = [
            query.where(changes_table.c.record_id.in_(ids[start : start + _CHUNK])).order_by(*order)
            for start in range(0, len(ids), _CHUNK)
        ]
    out: list[LoggedChange] = []
    with engine.connect() as connection:
        for chunk in queries:
            out.extend(_logged(row) for row in connection.execute(chunk))
    out.sort(key=lambda change: (change.at, change.id), reverse=True)
    return out if limit is None else out[:limit]


def _logged(row: Any) -> LoggedChange:
    return LoggedChange(
        row.id,
        row.record_id,
        _aware(row.at),
        row.kind,
        row.field,
        json.loads(row.old) if row.old is not None else None,
        json.loads(row.new) if row.new is not None else None,
        row.document_id,
        row.title,
        row.type,
        bool(row.published),
    )


def last_changed(engine: Engine, record_ids: Sequence[str]) -> dict[str, datetime]:
    """When each record last changed (records never logged are left out)."""
    out: dict[str, datetime] = {}
    with engine.connect() as connection:
        for start in range(0, len(record_ids), _CHUNK):
            chunk = list(record_ids[start : start + _CHUNK])
            query = (
                select(changes_table.c.record_id, func.max(changes_table.c.at))
                .where(changes_table.c.record_id.in_(chunk))
                .group_by(changes_table.c.record_id)
            )
            out.update({ident: _aware(at) for ident, at in connection.execute(query)})
    return out


def _aware(at: datetime) -> datetime:
    # SQLite gives back naive times: every time written here is UTC.
    return at if at.tzinfo else at.replace(tzinfo=UTC)
