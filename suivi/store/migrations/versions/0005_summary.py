"""Lists read a record's summary; a store version every write increases.

Revision ID: 0005
Revises: 0004
"""

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from suivi.store.summary import summary_json

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``records.summary`` (filled from each record's data) and ``store_state``."""
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("summary", sa.Text, nullable=True))
    state = op.create_table(
        "store_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.bulk_insert(state, [{"id": 1, "version": 1, "changed_at": datetime.now(UTC)}])
    connection = op.get_bind()
    records = sa.table("records", sa.column("id"), sa.column("data"), sa.column("summary"))
    for row in connection.execute(sa.select(records.c.id, records.c.data)).all():
        connection.execute(
            records.update()
            .where(records.c.id == row.id)
            .values(summary=summary_json(json.loads(row.data)))
        )


def downgrade() -> None:
    """Drop the summary column and the state table."""
    op.drop_table("store_state")
    with op.batch_alter_table("records") as batch:
        batch.drop_column("summary")
