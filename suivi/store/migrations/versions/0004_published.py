"""Records held back: whether a record is published, and how sure it is.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``published`` and ``confidence`` to records (existing records stay published)."""
    with op.batch_alter_table("records") as batch:
        batch.add_column(
            sa.Column("published", sa.Boolean, nullable=False, server_default=sa.true())
        )
        batch.add_column(sa.Column("confidence", sa.Float, nullable=True))
        batch.create_index("ix_records_published", ["published"])


def downgrade() -> None:
    """Drop the two columns."""
    with op.batch_alter_table("records") as batch:
        batch.drop_index("ix_records_published")
        batch.drop_column("confidence")
        batch.drop_column("published")
