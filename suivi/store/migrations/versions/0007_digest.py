"""Records are rewritten only where they changed: each keeps a digest of what was written.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``records.digest`` (empty: the next write of records rewrites each one once)."""
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("digest", sa.String(64), nullable=True))


def downgrade() -> None:
    """Drop the digest column."""
    with op.batch_alter_table("records") as batch:
        batch.drop_column("digest")
