"""Lists read in their own order from an index, and a record's summary without its evidence.

A page of records then costs its own rows, not the store: the page's ids come from the top
of an index in the lists' order, and each row's summary is read without stepping through
the record's whole JSON. SQLite keeps a row's columns in the order they were added, and
``summary`` came after ``data`` (up to hundreds of kilobytes): ``data`` is moved to the end.
PostgreSQL keeps large values apart already (TOAST), so only the indexes are created there;
its full-text search moves to a French configuration of suivi's own that folds accents with
the ``unaccent`` extension before stemming (``suivi_french``), and its index is made again
with it. Where the extension cannot be created (a role without the right), the configuration
is the plain French one, and accents are folded by suivi alone, as before.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
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


SEARCH = "ix_records_search"
CONFIG = "suivi_french"


def _french_search() -> None:
    # The configuration first, with accents folded if the extension can be had; then the
    # search index over it, in place of the one over the plain French configuration.
    bind = op.get_bind()
    unaccent = True
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    except sa.exc.DBAPIError:
        unaccent = False
    op.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = french)")
    if unaccent:
        op.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR hword, hword_part, word "
            "WITH unaccent, french_stem"
        )
    op.execute(f"DROP INDEX IF EXISTS {SEARCH}")
    op.execute(
        f"CREATE INDEX {SEARCH} ON records "
        f"USING GIN (to_tsvector('{CONFIG}'::regconfig, coalesce(search, '')))"
    )


def upgrade() -> None:
    """Create the indexes; on SQLite, move ``data`` after every other column; on
    PostgreSQL, search through ``suivi_french``."""
    if op.get_bind().dialect.name == "postgresql":
        _french_search()
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
    """Drop the indexes (the column order stays); on PostgreSQL, search through the plain
    French configuration again."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {SEARCH}")
        op.execute(
            f"CREATE INDEX {SEARCH} ON records "
            "USING GIN (to_tsvector('french', coalesce(search, '')))"
        )
        op.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")
    op.execute(f"DROP INDEX IF EXISTS {ORDER}")
    op.execute(f"DROP INDEX IF EXISTS {TYPE_ORDER}")
    op.execute(f"DROP INDEX IF EXISTS {FACETS}")
