"""Review by analysts: accounts, sign-in sessions, and reviews kept as versions.

Reviews are keyed by record id and field, or by a fact's document, category and evidence
span, never by foreign keys to records or facts: consolidation rewrites those tables and
re-extraction renumbers facts, and a review must outlive both.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create users, sessions and reviews."""
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("target", sa.String(10), nullable=False),
        sa.Column("record_id", sa.String(32)),
        sa.Column("document_id", sa.String(16)),
        sa.Column("category", sa.String(20)),
        sa.Column("evidence_start", sa.Integer),
        sa.Column("evidence_end", sa.Integer),
        sa.Column("fact_id", sa.Integer),
        sa.Column("field", sa.String(50), nullable=False, server_default=""),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("extracted", sa.Text),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_reviews_record", "reviews", ["record_id", "field"])
    op.create_index("ix_reviews_document", "reviews", ["document_id"])


def downgrade() -> None:
    """Drop the review tables."""
    op.drop_index("ix_reviews_document", "reviews")
    op.drop_index("ix_reviews_record", "reviews")
    for table in ("reviews", "sessions", "users"):
        op.drop_table(table)
