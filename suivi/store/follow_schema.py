"""The tables of following: the sources watched, their hosts' health, and what changed in
each record. Kept apart from ``schema.py``, described the same way (SQLAlchemy Core)."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, String, Table, Text

from suivi.store.schema import metadata

# One row per feed or page that ``suivi watch`` polls.
watched_sources = Table(
    "watched_sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False, unique=True),
    Column("name", Text),
    # Read from what the source answered (a feed's title, a page's site name).
    Column("outlet", Text),
    Column("every_seconds", Integer, nullable=False),
    # ``feed`` or ``page``, once it has answered: a page is fetched only if robots.txt allows.
    Column("kind", String(10)),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("next_at", DateTime(timezone=True), nullable=False),
    Column("last_fetch_at", DateTime(timezone=True)),
    # ``new``, ``unchanged`` (a 304, or nothing new in the answer), ``failed``.
    Column("last_result", String(20)),
    Column("last_status", Integer),
    Column("last_error", Text),
    Column("last_added", Integer),
    Column("failures", Integer, nullable=False, default=0),
    # The validators of the last complete answer, sent back as a conditional GET.
    Column("etag", Text),
    Column("last_modified", Text),
)

# A host that failed (unreachable, too slow, 5xx): not asked again before ``retry_at``, the
# wait doubling with each failure in a row.
watched_hosts = Table(
    "watched_hosts",
    metadata,
    Column("host", String(300), primary_key=True),
    Column("failures", Integer, nullable=False, default=0),
    Column("retry_at", DateTime(timezone=True)),
    Column("reason", Text),
)

# What changed in a record, one row per change, written when records are written.
# ``kind``: created, source, field, status, conflict, late; ``old``/``new`` are JSON.
record_changes = Table(
    "record_changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("record_id", String(32), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("field", String(50)),
    Column("old", Text),
    Column("new", Text),
    # For a new source: the document that reports the record.
    Column("document_id", String(16)),
    Index("ix_record_changes_record_at", "record_id", "at"),
    Index("ix_record_changes_at", "at"),
)
