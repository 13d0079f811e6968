"""The store's version: a number every write increases, read by the portal for its ETags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, insert, select, update

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


def store_version(engine: Engine) -> Version:
    """The store's current version (0 before its first write)."""
    query = select(store_state.c.version, store_state.c.changed_at).where(store_state.c.id == 1)
    with engine.connect() as connection:
        row = connection.execute(query).first()
    if row is None:
        return Version(0, datetime(1970, 1, 1, tzinfo=UTC))
    changed = row.changed_at if row.changed_at.tzinfo else row.changed_at.replace(tzinfo=UTC)
    return Version(int(row.version), changed)
