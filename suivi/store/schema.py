"""The store's tables, in SQLAlchemy Core so SQLite and PostgreSQL share one description.

Migrations under ``migrations/versions`` create and change these tables; this module is
what the code reads and writes through.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    text,
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
    Column("status", String(30), index=True),
    Column("year", Integer),
    Column("overdue", Boolean, nullable=False, default=False),
    Column("sources", Integer, nullable=False, default=0),
    # Held back for an analyst when false; confidence is consolidation's, from 0 to 1.
    Column("published", Boolean, nullable=False, default=True, index=True),
    Column("confidence", Float),
    # PostgreSQL: title and evidence folded, searched through to_tsvector('french', …).
    Column("search", Text),
    # What a list shows of the record: ``data`` without its sources' evidence, conflicts and
    # history (see store/summary.py); lists and the dashboard never decode the whole record.
    Column("summary", Text),
    # SHA-256 of every row written for the record (here, and its tags, facts and search
    # row): a record rewritten only when this changes.
    Column("digest", String(64)),
    # Last (migration 0008): SQLite reads a row's columns in order, so every column above
    # is read without stepping through this one, hundreds of kilobytes for some records.
    Column("data", Text, nullable=False),
    # A page of a list is read from the top of this index, in the lists' order.
    Index(
        "ix_records_order",
        "published",
        text("overdue DESC"),
        text("sources DESC"),
        "title",
        "id",
    ),
    # The same order within one type, for a list narrowed to a type.
    Index(
        "ix_records_type_order",
        "published",
        "type",
        text("overdue DESC"),
        text("sources DESC"),
        "title",
        "id",
    ),
    # Facet counts by type, status and year read this index, not the rows.
    Index("ix_records_facets", "published", "type", "status", "year"),
)

# One row: a number every write to documents, facts, records or reviews increases, and when.
# Pages and API answers are tagged with it, so a browser revalidates for the cost of a read.
store_state = Table(
    "store_state",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version", Integer, nullable=False),
    Column("changed_at", DateTime(timezone=True), nullable=False),
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

# Analysts, their sessions and their reviews. Consolidation rewrites the record tables; it
# never touches these, and reviews are keyed by record id or by evidence span, never by a
# foreign key to a record or a fact.
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

# What incremental consolidation keeps (see suivi/consolidation/regions.py), written in the
# same transaction as the records. A row of ``consolidation_state`` says it is complete:
# a full rebuild writes it, anything that changes facts behind its back removes it.
consolidation_state = Table(
    "consolidation_state",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("threshold", Float, nullable=False),
)

# Documents consolidated: their place in ingestion order and their copies' group (the id
# of the group's first document).
consolidated_documents = Table(
    "consolidated_documents",
    metadata,
    Column("document_id", String(16), primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("dispatch", String(16), nullable=False, index=True),
)

# Each document's runs of five words (hashed), and those of its rarest runs that a copy
# shorter than it shares one of.
dispatch_runs = Table(
    "dispatch_runs",
    metadata,
    Column("run", BigInteger, nullable=False, index=True),
    Column("document_id", String(16), nullable=False, index=True),
)
dispatch_firsts = Table(
    "dispatch_firsts",
    metadata,
    Column("run", BigInteger, nullable=False, index=True),
    Column("document_id", String(16), nullable=False, index=True),
)

# Each fact consolidated: the part it was clustered in and the record it supports.
consolidated_facts = Table(
    "consolidated_facts",
    metadata,
    Column("fact_id", Integer, primary_key=True),
    Column("document_id", String(16), nullable=False, index=True),
    Column("category", String(20), nullable=False),
    Column("part", String(32), nullable=False, index=True),
    Column("record_id", String(32), nullable=False, index=True),
)

# Each record consolidated: its first fact's place (``lead``), the last day of what it
# plans while not done (``due``), a project's folded place, the project a figure is of.
consolidated_records = Table(
    "consolidated_records",
    metadata,
    Column("record_id", String(32), primary_key=True),
    Column("category", String(20), nullable=False),
    Column("lead", String(40), nullable=False),
    Column("due", String(10), index=True),
    Column("place", Text),
    Column("project", String(32), index=True),
)

# The hashed blocking keys of each part, and the values near which new values are sought.
part_keys = Table(
    "part_keys",
    metadata,
    Column("part", String(32), nullable=False, index=True),
    Column("block", BigInteger, nullable=False),
    Column("slot", BigInteger, nullable=False),
    Column("role", Integer, nullable=False),
    Index("ix_part_keys_lookup", "block", "slot", "role"),
)
key_values = Table(
    "key_values",
    metadata,
    Column("block", BigInteger, primary_key=True),
    Column("value", Text, primary_key=True),
)

# The actor record of each state, by its ISO code.
country_actors = Table(
    "country_actors",
    metadata,
    Column("code", String(8), primary_key=True),
    Column("record_id", String(32), nullable=False),
)

CONSOLIDATION_TABLES = (
    consolidation_state, consolidated_documents, dispatch_runs, dispatch_firsts,
    consolidated_facts, consolidated_records, part_keys, key_values, country_actors,
)  # fmt: skip
