"""The store's version: a number every write increases, read by the portal for its ETags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, insert, update

from suivi.store.schema import store_state


@dataclass(frozen=True)
class Version:
    """How many writes the store has seen (as a number that only grows), and the last one's time."""

    number: int
    changed_at: datetime


def bump(connection: Connection) -> None:
    """Count one write more, inside the writer's own transaction."""
    now = datetime.now(UTC)
    done = connection.execute(
        update(store_state)
        .where(store_state.c.id == 1)
        .values(version=store_state.c.version + 1, changed_at=now)
    )
    if not done.rowcount:
        connection.execute(insert(store_state).values(id=1, version=1, changed_at=now))


def hold(connection: Connection) -> None:
    """Take the store's write lock first thing in a transaction whose reads decide what it
    writes, so that no other writer comes in between (a write that changes nothing)."""
    connection.execute(
        update(store_state).where(store_state.c.id == 1).values(version=store_state.c.version)
    )


_READ = "SELECT version, changed_at FROM store_state WHERE id = 1"


def store_version(engine: Engine) -> Version:
    """The store's current version (0 before its first write).

    Read on every page and API request, before anything else: through the driver's own
    cursor, without SQLAlchemy's statement and result machinery (a third of the cost)."""
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute(_READ)
        row = cursor.fetchone()
        cursor.close()
    finally:
        connection.close()
    if row is None:
        return Version(0, datetime(1970, 1, 1, tzinfo=UTC))
    changed = row[1] if isinstance(row[1], datetime) else datetime.fromisoformat(str(row[1]))
    # SQLite gives the time as written (UTC, without its zone); PostgreSQL in the session's
    # zone, which may be any: always said in UTC.
    changed = changed.astimezone(UTC) if changed.tzinfo else changed.replace(tzinfo=UTC)
    return Version(int(row[0]), changed)
