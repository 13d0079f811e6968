"""The store's tables, in SQLAlchemy Core so SQLite and PostgreSQL share one description.

Migrations under ``migrations/versions`` create and change these tables; this module is
what the code reads and writes through.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# The original bytes of every input, archived once by their SHA-256.
raw_inputs = Table(
    "raw_inputs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("media_type", String(100), nullable=False),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
)

# One row per article: identity is the hash of its normalised text.
documents = Table(
    "documents",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("identity", String(64), nullable=False, unique=True),
    Column("source", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("outlet", Text),
    Column("language", String(2), nullable=False),
    Column("raw_sha256", String(64), ForeignKey("raw_inputs.sha256"), nullable=False),
    Column("text", Text, nullable=False),
    Column("text_sha256", String(64), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

# One row per extracted fact; evidence offsets point into documents.text.
facts = Table(
    "facts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(16), ForeignKey("documents.id"), nullable=False, index=True),
    Column("category", String(20), nullable=False, index=True),
    Column("data", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
)

# Consolidated records across documents, rewritten by consolidation. ``data`` is the whole
# record as JSON (see suivi/consolidation/README.md); the other columns are its facets.
records = Table(
    "records",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("type", String(20), nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("data", Text, nullable=False),
    Column("status", String(30), index=True),
    Column("year", Integer),
    Column("overdue", Boolean, nullable=False, default=False),
    Column("sources", Integer, nullable=False, default=0),
)

# Multi-valued facets of a record: ``sector``, ``partner`` (ISO code of a state), ``actor``.
record_tags = Table(
    "record_tags",
    metadata,
    Column("record_id", String(32), ForeignKey("records.id", ondelete="CASCADE"), primary_key=True),
    Column("facet", String(20), primary_key=True),
    Column("value", String(100), primary_key=True),
)

# The facts each record stands on.
record_facts = Table(
    "record_facts",
    metadata,
    Column("record_id", String(32), ForeignKey("records.id", ondelete="CASCADE"), primary_key=True),
    Column("fact_id", Integer, ForeignKey("facts.id", ondelete="CASCADE"), primary_key=True),
)
