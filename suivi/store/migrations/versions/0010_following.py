"""Following: the sources watched, their hosts' health, and each record's change log.

Revision ID: 0010
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the sources registry, the hosts' back-off and the change log."""
    op.create_table(
        "watched_sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("url", sa.Text, nullable=False, unique=True),
        sa.Column("name", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("every_seconds", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(10)),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_fetch_at", sa.DateTime(timezone=True)),
        sa.Column("last_result", sa.String(20)),
        sa.Column("last_status", sa.Integer),
        sa.Column("last_error", sa.Text),
        sa.Column("last_added", sa.Integer),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
    )
    op.create_table(
        "watched_hosts",
        sa.Column("host", sa.String(300), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("retry_at", sa.DateTime(timezone=True)),
        sa.Column("reason", sa.Text),
    )
    op.create_table(
        "record_changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("record_id", sa.String(32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("field", sa.String(50)),
        sa.Column("old", sa.Text),
        sa.Column("new", sa.Text),
        sa.Column("document_id", sa.String(16)),
    )
    op.create_index("ix_record_changes_record_at", "record_changes", ["record_id", "at"])
    op.create_index("ix_record_changes_at", "record_changes", ["at"])
    # A feed's entries already stored are known by their address, without fetching them.
    op.create_index("ix_documents_url", "documents", ["url"])


def downgrade() -> None:
    """Drop the three tables and the index."""
    op.drop_index("ix_documents_url", "documents")
    op.drop_table("record_changes")
    op.drop_table("watched_hosts")
    op.drop_table("watched_sources")
