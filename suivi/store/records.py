"""Writing consolidated records: each with its tags, facts and search row, only where it
changed. Reading them back is store/queries.py's (its names are offered here too)."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, insert, select, text

from suivi.folding import fold_words
from suivi.models import Record, RecordBase, Source
from suivi.store.changes import log_changes
from suivi.store.queries import (
    RecordFilter,
    count_records,
    facet_counts,
    get_record,
    query_ids,
    query_records,
    query_summaries,
    record_type,
    records_by_id,
    records_for_document,
    summaries_by_id,
)
from suivi.store.schema import record_facts, record_tags, records
from suivi.store.state import bump, hold
from suivi.store.summary import summary_json

__all__ = [
    "RecordFilter",
    "count_records",
    "facet_counts",
    "get_record",
    "query_ids",
    "query_records",
    "query_summaries",
    "record_type",
    "record_year",
    "records_by_id",
    "records_for_document",
    "replace_records",
    "summaries_by_id",
]


def replace_records(
    engine: Engine,
    items: Iterable[Record],
    also: Callable[[Connection], None] | None = None,
) -> int:
    """Make ``items`` (the records JSON) the stored records, in one transaction.

    Only what changed is written: a record whose rows would be written as they are stored
    stays untouched, any other is rewritten, and a record not among ``items`` is deleted
    with its tags, facts and search row. ``also`` writes more in the same transaction.
    """
    rows = [_rows(record, engine.dialect.name) for record in items]
    with engine.begin() as connection:
        hold(connection)
        stored = {
            row.id: row.digest for row in connection.execute(select(records.c.id, records.c.digest))
        }
        fresh = [row for row in rows if stored.get(row.record["id"]) != row.record["digest"]]
        kept = len(rows) - len(fresh)
        if fresh or len(stored) > kept:
            log_changes(connection, [row.record["data"] for row in fresh])
            unchanged = {row.record["id"] for row in rows} - {row.record["id"] for row in fresh}
            _delete(connection, [i for i in stored if i not in unchanged], len(stored))
            _insert(connection, fresh)
            bump(connection)
        if also is not None:
            also(connection)
    return len(rows)


def write_records(connection: Connection, items: Iterable[Record], gone: Iterable[str]) -> int:
    """Within a transaction: write ``items`` where their rows changed and delete the records
    ``gone`` (unless written again); how many records were written or deleted."""
    rows = {row.record["id"]: row for row in (_rows(r, connection.dialect.name) for r in items)}
    stored: dict[str, str | None] = {}
    ids = sorted(set(rows) | set(gone))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        query = select(records.c.id, records.c.digest).where(records.c.id.in_(chunk))
        stored.update({row.id: row.digest for row in connection.execute(query)})
    fresh = [row for key, row in rows.items() if stored.get(key, "") != row.record["digest"]]
    removed = [key for key in stored if key not in rows or key in {r.record["id"] for r in fresh}]
    if fresh:
        log_changes(connection, [row.record["data"] for row in fresh])
    if removed:
        _delete(connection, removed, -1)
    _insert(connection, fresh)
    if fresh or removed:
        bump(connection)
    return len(fresh) + len([key for key in stored if key not in rows])


@dataclass(frozen=True)
class _Rows:
    """Every row written for one record."""

    record: dict[str, Any]
    tags: list[dict[str, Any]]
    facts: list[dict[str, Any]]
    search: dict[str, Any] | None  # SQLite's full-text row


def _rows(record: Record, dialect: str) -> _Rows:
    fields = record.get("fields") or {}
    row = {
        "id": record["id"],
        "type": record["type"],
        "title": record["title"],
        "data": json.dumps(record, ensure_ascii=False, sort_keys=True),
        "summary": summary_json(record),
        "status": record.get("status"),
        "year": record_year(record, record.get("sources") or []),
        "overdue": bool(record.get("overdue")),
        "sources": int(record.get("independent_sources") or len(record.get("sources") or [])),
        "published": bool(record.get("published", True)),
        "confidence": record.get("confidence"),
        "search": _search_text(record) if dialect == "postgresql" else None,
    }
    tags = {("sector", sector) for sector in fields.get("sectors") or []}
    tags |= {("partner", party) for party in fields.get("parties") or [] if _is_iso(party)}
    tags |= {("actor", actor) for actor in record.get("actors") or []}
    fact_ids = sorted(
        {s["fact_id"] for s in record.get("sources") or [] if s.get("fact_id") is not None}
    )
    search = None
    if dialect == "sqlite":
        search = {"id": record["id"], "title": record["title"], "body": _evidence(record)}
    out = _Rows(
        row,
        [{"record_id": record["id"], "facet": f, "value": v} for f, v in sorted(tags)],
        [{"record_id": record["id"], "fact_id": f} for f in fact_ids],
        search,
    )
    written = json.dumps([row, out.tags, out.facts, search], ensure_ascii=False, default=str)
    row["digest"] = hashlib.sha256(written.encode("utf-8")).hexdigest()
    return out


# Records deleted or rewritten are named this many at a time (SQL parameter limits).
_CHUNK = 500
_FTS_INSERT = text("INSERT INTO records_fts (record_id, title, body) VALUES (:id, :title, :body)")


def _delete(connection: Connection, ids: list[str], stored: int) -> None:
    sqlite = connection.dialect.name == "sqlite"
    if len(ids) == stored:
        # Every record goes: the tables are emptied at once.
        connection.execute(delete(record_facts))
        connection.execute(delete(record_tags))
        connection.execute(delete(records))
        if sqlite:
            connection.execute(text("DELETE FROM records_fts"))
        return
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        connection.execute(delete(record_facts).where(record_facts.c.record_id.in_(chunk)))
        connection.execute(delete(record_tags).where(record_tags.c.record_id.in_(chunk)))
        connection.execute(delete(records).where(records.c.id.in_(chunk)))
        if sqlite:
            connection.execute(
                text("DELETE FROM records_fts WHERE record_id IN :ids").bindparams(
                    bindparam("ids", expanding=True)
                ),
                {"ids": chunk},
            )


def _insert(connection: Connection, rows: list[_Rows]) -> None:
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start : start + _CHUNK]
        connection.execute(insert(records), [row.record for row in chunk])
        if tags := [tag for row in chunk for tag in row.tags]:
            connection.execute(insert(record_tags), tags)
        if facts := [fact for row in chunk for fact in row.facts]:
            connection.execute(insert(record_facts), facts)
        if searches := [row.search for row in chunk if row.search]:
            connection.execute(_FTS_INSERT, searches)


def _evidence(record: Record) -> str:
    return " ".join(
        (source.get("evidence") or {}).get("text", "") for source in record.get("sources") or []
    )


def _search_text(record: Record) -> str:
    # The title twice: a word in it weighs more than one in the evidence (as bm25 does).
    title = fold_words(str(record.get("title") or ""))
    return f"{title} {title} {fold_words(_evidence(record))}"


def _is_iso(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 2 and value.isupper()


def record_year(record: RecordBase, sources: Sequence[Source] = ()) -> int | None:
    """The year a record belongs to: its date, start or year, else its earliest source's
    (``sources``: a summary has none)."""
    fields = record.get("fields") or {}
    for key in ("date", "start", "year"):
        year = re.search(r"\b\d{4}\b", str(fields.get(key) or ""))
        if year:
            return int(year.group(0))  # "2025-06-23", 2025, and a date an analyst wrote "juin 2025"
    dates = sorted(s["published"] or "" for s in sources if s.get("published"))
    return int(dates[0][:4]) if dates else None
