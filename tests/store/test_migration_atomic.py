"""An upgrade of the schema is written whole or not at all: one that stops half-way (killed,
or failing) leaves no half schema for the next run to trip on."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from suivi.store import create, database, schema_version

FAILING = '''"""A migration that creates a table, then fails.

Revision ID: 9999
Revises: {previous}
"""

import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{previous}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_made", sa.Column("id", sa.Integer, primary_key=True))
    raise RuntimeError("stopped half-way")


def downgrade() -> None:
    op.drop_table("half_made")
'''


def tables(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM sqlite_master")]


def test_an_upgrade_stopped_half_way_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    migrations = tmp_path / "migrations"
    shutil.copytree(database.MIGRATIONS, migrations)
    previous = database.newest_revision()
    (migrations / "versions" / "9999_failing.py").write_text(
        FAILING.format(previous=previous), encoding="utf-8"
    )
    monkeypatch.setattr(database, "MIGRATIONS", migrations)
    path = tmp_path / "s.db"
    with pytest.raises(RuntimeError, match="stopped half-way"):
        create(str(path))
    # Not one table of the whole upgrade was kept: the next run starts clean.
    assert [t for t in tables(path) if not t.startswith("sqlite_")] == []
    monkeypatch.undo()  # the migrations as shipped
    engine = create(str(path))
    assert schema_version(engine) == previous
    assert "watched_sources" in tables(path)
