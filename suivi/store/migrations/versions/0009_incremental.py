"""What incremental consolidation keeps: each document's place and copies, each fact's part
and record, each record's order and links, each part's hashed keys.

The tables start empty: the next write of records after the upgrade rebuilds them all.

Revision ID: 0009
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the tables of ``suivi.store.schema.CONSOLIDATION_TABLES``."""
    op.create_table(
        "consolidation_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("threshold", sa.Float, nullable=False),
    )
    op.create_table(
        "consolidated_documents",
        sa.Column("document_id", sa.String(16), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("dispatch", sa.String(16), nullable=False, index=True),
    )
    for name in ("dispatch_runs", "dispatch_firsts"):
        op.create_table(
            name,
            sa.Column("run", sa.BigInteger, nullable=False, index=True),
            sa.Column("document_id", sa.String(16), nullable=False, index=True),
        )
    op.create_table(
        "consolidated_facts",
        sa.Column("fact_id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.String(16), nullable=False, index=True),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("part", sa.String(32), nullable=False, index=True),
        sa.Column("record_id", sa.String(32), nullable=False, index=True),
    )
    op.create_table(
        "consolidated_records",
        sa.Column("record_id", sa.String(32), primary_key=True),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("lead", sa.String(40), nullable=False),
        sa.Column("due", sa.String(10), index=True),
        sa.Column("place", sa.Text),
        sa.Column("project", sa.String(32), index=True),
    )
    op.create_table(
        "part_keys",
        sa.Column("part", sa.String(32), nullable=False, index=True),
        sa.Column("block", sa.BigInteger, nullable=False),
        sa.Column("slot", sa.BigInteger, nullable=False),
        sa.Column("role", sa.Integer, nullable=False),
    )
    op.create_index("ix_part_keys_lookup", "part_keys", ["block", "slot", "role"])
    op.create_table(
        "key_values",
        sa.Column("block", sa.BigInteger, primary_key=True),
        sa.Column("value", sa.Text, primary_key=True),
    )
    op.create_table(
        "country_actors",
        sa.Column("code", sa.String(8), primary_key=True),
        sa.Column("record_id", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    """Drop them."""
    for name in (
        "country_actors", "key_values", "part_keys", "consolidated_records",
        "consolidated_facts", "dispatch_firsts", "dispatch_runs", "consolidated_documents",
        "consolidation_state",
    ):  # fmt: skip
        op.drop_table(name)
