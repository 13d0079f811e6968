"""Lists read in their own order from an index, and a record's summary without its evidence.

A page of records then costs its own rows, not the store: the page's ids come from the top
of an index in the lists' order, and each row's summary is read without stepping through
the record's whole JSON. SQLite keeps a row's columns in the order they were added, and
``summary`` came after ``data`` (up to hundreds of kilobytes): ``data`` is moved to the end.
PostgreSQL keeps large values apart already (TOAST), so only the indexes are created there.

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# The lists' order (overdue first, then most sources, then title), published records apart;
# and the same within each type, for a list narrowed to one type.
ORDER = "ix_records_order"
TYPE_ORDER = "ix_records_type_order"
# Facet counts by type, status and year read this index alone, never the records' rows.
FACETS = "ix_records_facets"


def upgrade() -> None:
    """Create the indexes; on SQLite, move ``data`` after every other column."""
    if op.get_bind().dialect.name == "sqlite":
        # Column by column, never by dropping the table: dropping it would delete the
        # record's tags and facts through their foreign keys.
        op.execute("ALTER TABLE records ADD COLUMN data_last TEXT NOT NULL DEFAULT ''")
        op.execute("UPDATE records SET data_last = data")
        op.execute("ALTER TABLE records DROP COLUMN data")
        op.execute("ALTER TABLE records RENAME COLUMN data_last TO data")
    op.execute(
        f"CREATE INDEX {ORDER} ON records (published, overdue DESC, sources DESC, title, id)"
    )
    op.execute(
        f"CREATE INDEX {TYPE_ORDER} ON records "
        "(published, type, overdue DESC, sources DESC, title, id)"
    )
    op.execute(f"CREATE INDEX {FACETS} ON records (published, type, status, year)")


def downgrade() -> None:
    """Drop the indexes (the column order stays)."""
    op.execute(f"DROP INDEX IF EXISTS {ORDER}")
    op.execute(f"DROP INDEX IF EXISTS {TYPE_ORDER}")
    op.execute(f"DROP INDEX IF EXISTS {FACETS}")
