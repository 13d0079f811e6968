"""PostgreSQL's own text search: a folded search text per record, indexed in French.

Accents and case are folded by suivi before storing (the same fold as the query's), so no
database extension is needed; PostgreSQL stems the words with its French configuration.
SQLite keeps its FTS5 table and leaves the column empty.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

INDEX = "ix_records_search"


def upgrade() -> None:
    """Add ``records.search``; on PostgreSQL, a GIN index over its French text vector."""
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("search", sa.Text, nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"CREATE INDEX {INDEX} ON records "
            "USING GIN (to_tsvector('french', coalesce(search, '')))"
        )


def downgrade() -> None:
    """Drop the index and the column."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {INDEX}")
    with op.batch_alter_table("records") as batch:
        batch.drop_column("search")
