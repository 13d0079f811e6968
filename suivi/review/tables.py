"""The review tables, as created by migration 0003.

They have their own MetaData: consolidation rewrites the store's record tables, and nothing
here may be dropped or recreated with them.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, MetaData, String, Table, Text

metadata = MetaData()

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# ``id`` is the SHA-256 of the cookie's token: a copy of the store does not give sessions away.
sessions = Table(
    "sessions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

# One row per review: a new version, never an update. ``target`` is ``record`` (keyed by
# record_id + field) or ``fact`` (keyed by document_id, category and evidence span; fact_id
# is kept for reference only, since re-extraction renumbers facts). ``value`` and
# ``extracted`` are JSON: what the field shows after the review, and what consolidation
# or extraction had said.
reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("target", String(10), nullable=False),
    Column("record_id", String(32)),
    Column("document_id", String(16)),
    Column("category", String(20)),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("fact_id", Integer),
    Column("field", String(50), nullable=False, default=""),
    Column("action", String(10), nullable=False),
    Column("value", Text),
    Column("extracted", Text),
    Column("reason", Text, nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
