"""Consolidated records: their facets, the facts behind them, and a full-text index.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Give records their facets and sources."""
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("status", sa.String(30)))
        batch.add_column(sa.Column("year", sa.Integer))
        batch.add_column(
            sa.Column("overdue", sa.Boolean, nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("sources", sa.Integer, nullable=False, server_default="0"))
    op.create_index("ix_records_status", "records", ["status"])
    op.create_table(
        "record_tags",
        sa.Column(
            "record_id",
            sa.String(32),
            sa.ForeignKey("records.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("facet", sa.String(20), nullable=False),
        sa.Column("value", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("record_id", "facet", "value"),
    )
    op.create_index("ix_record_tags_facet_value", "record_tags", ["facet", "value"])
    op.create_table(
        "record_facts",
        sa.Column(
            "record_id",
            sa.String(32),
            sa.ForeignKey("records.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "fact_id", sa.Integer, sa.ForeignKey("facts.id", ondelete="CASCADE"), nullable=False
        ),
        sa.PrimaryKeyConstraint("record_id", "fact_id"),
    )
    op.create_index("ix_record_facts_fact_id", "record_facts", ["fact_id"])
    if op.get_bind().dialect.name == "sqlite":
        # Full-text search over records (title and evidence sentences), French accents folded.
        op.execute(
            "CREATE VIRTUAL TABLE records_fts USING fts5("
            "record_id UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')"
        )


def downgrade() -> None:
    """Back to bare records."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE records_fts")
    op.drop_table("record_facts")
    op.drop_table("record_tags")
    op.drop_index("ix_records_status", "records")
    with op.batch_alter_table("records") as batch:
        for column in ("sources", "overdue", "year", "status"):
            batch.drop_column(column)
