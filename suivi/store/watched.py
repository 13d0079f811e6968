"""The registry of watched sources: what is polled, when, with what result, and which hosts
are being left alone after failures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from suivi.errors import SuiviError
from suivi.store.follow_schema import watched_hosts, watched_sources
from suivi.store.schema import documents


@dataclass(frozen=True)
class WatchedSource:
    """One source of the registry, with the state of its host."""

    id: int
    url: str
    name: str | None
    outlet: str | None
    every_seconds: int
    kind: str | None
    added_at: datetime
    next_at: datetime
    last_fetch_at: datetime | None
    last_result: str | None
    last_status: int | None
    last_error: str | None
    last_added: int | None
    failures: int
    etag: str | None
    last_modified: str | None
    host_retry_at: datetime | None = None
    host_failures: int = 0
    host_reason: str | None = None

    @property
    def host(self) -> str:
        """What one-request-at-a-time and back-off count by: the address's host and port."""
        return host_of(self.url)

    @property
    def label(self) -> str:
        """How the source is named to a person: its name, its outlet, or its address."""
        return self.name or self.outlet or self.url


def host_of(url: str) -> str:
    """The host (and port, when given) of ``url``, lower-cased."""
    return urlsplit(url).netloc.lower()


def _aware(at: datetime | None) -> datetime | None:
    # SQLite gives back naive times: every time written here is UTC.
    return at.replace(tzinfo=UTC) if at is not None and at.tzinfo is None else at


def add_source(
    engine: Engine, url: str, name: str | None, every_seconds: int, now: datetime
) -> WatchedSource:
    """Register ``url``, due at once; an address already registered is an error."""
    try:
        with engine.begin() as connection:
            connection.execute(
                insert(watched_sources).values(
                    url=url,
                    name=name,
                    every_seconds=every_seconds,
                    added_at=now,
                    next_at=now,
                    failures=0,
                )
            )
    except IntegrityError as error:
        raise SuiviError(f"{url}: already watched") from error
    found = find_source(engine, url)
    assert found is not None
    return found


def list_sources(engine: Engine) -> list[WatchedSource]:
    """Every registered source, in the order added, each with its host's state."""
    return _select(engine)


def find_source(engine: Engine, given: str) -> WatchedSource | None:
    """A source by its number in the registry or its address."""
    return next((s for s in _select(engine) if str(s.id) == given or s.url == given), None)


def due_sources(engine: Engine, now: datetime) -> list[WatchedSource]:
    """The sources due at ``now`` whose host is not being left alone, the longest due first."""
    due = [
        s
        for s in _select(engine)
        if s.next_at <= now and (s.host_retry_at is None or s.host_retry_at <= now)
    ]
    return sorted(due, key=lambda s: (s.next_at, s.id))


def next_due(engine: Engine) -> datetime | None:
    """When the next source falls due (its host's wait included); None without sources."""
    times = [max(s.next_at, s.host_retry_at or s.next_at) for s in _select(engine)]
    return min(times) if times else None


def remove_source(engine: Engine, given: str) -> WatchedSource | None:
    """Take a source out of the registry; the removed source, or None if there was none."""
    found = find_source(engine, given)
    if found is not None:
        with engine.begin() as connection:
            connection.execute(delete(watched_sources).where(watched_sources.c.id == found.id))
    return found


@dataclass(frozen=True)
class Outcome:
    """What one poll of a source gave."""

    at: datetime
    result: str  # new, unchanged, failed
    status: int | None = None
    error: str | None = None
    added: int = 0
    outlet: str | None = None
    kind: str | None = None
    # The answer's validators, saved only when the answer was read whole.
    etag: str | None = None
    last_modified: str | None = None
    keep_validators: bool = False
    retry_at: datetime | None = None  # when the source is due again, if not its schedule


def note_poll(engine: Engine, source: WatchedSource, outcome: Outcome) -> None:
    """Keep what a poll gave, and when the source is due next."""
    values: dict[str, object] = {
        "last_fetch_at": outcome.at,
        "last_result": outcome.result,
        "last_status": outcome.status,
        "last_error": outcome.error,
        "last_added": outcome.added,
        "failures": source.failures + 1 if outcome.result == "failed" else 0,
        "next_at": outcome.retry_at or outcome.at + timedelta(seconds=source.every_seconds),
    }
    if outcome.outlet:
        values["outlet"] = outcome.outlet
    if outcome.kind:
        values["kind"] = outcome.kind
    if outcome.keep_validators:
        values["etag"] = outcome.etag
        values["last_modified"] = outcome.last_modified
    with engine.begin() as connection:
        connection.execute(
            update(watched_sources).where(watched_sources.c.id == source.id).values(**values)
        )


def host_failed(
    engine: Engine, host: str, at: datetime, reason: str, base: float, cap: float
) -> datetime:
    """Count one failure more for ``host``; it is left alone for ``base`` seconds doubled
    for each earlier failure in a row, at most ``cap``. When it may be asked again."""
    with engine.begin() as connection:
        row = connection.execute(
            select(watched_hosts.c.failures).where(watched_hosts.c.host == host)
        ).first()
        failures = (int(row.failures) if row else 0) + 1
        retry_at = at + timedelta(seconds=min(cap, base * 2 ** (failures - 1)))
        values = {"failures": failures, "retry_at": retry_at, "reason": reason}
        if row:
            connection.execute(
                update(watched_hosts).where(watched_hosts.c.host == host).values(**values)
            )
        else:
            connection.execute(insert(watched_hosts).values(host=host, **values))
    return retry_at


def host_ok(engine: Engine, host: str) -> None:
    """``host`` answered: its failures are forgotten."""
    with engine.begin() as connection:
        connection.execute(delete(watched_hosts).where(watched_hosts.c.host == host))


def known_url(engine: Engine, url: str) -> bool:
    """Whether a document read from ``url`` is stored already."""
    query = select(documents.c.id).where(documents.c.url == url).limit(1)
    with engine.connect() as connection:
        return connection.execute(query).first() is not None


def _select(engine: Engine) -> list[WatchedSource]:
    with engine.connect() as connection:
        hosts = {row.host: row for row in connection.execute(select(watched_hosts))}
        rows = connection.execute(select(watched_sources).order_by(watched_sources.c.id)).all()
    out = []
    for row in rows:
        host = hosts.get(host_of(row.url))
        out.append(
            WatchedSource(
                id=int(row.id),
                url=row.url,
                name=row.name,
                outlet=row.outlet,
                every_seconds=int(row.every_seconds),
                kind=row.kind,
                added_at=_aware(row.added_at) or row.added_at,
                next_at=_aware(row.next_at) or row.next_at,
                last_fetch_at=_aware(row.last_fetch_at),
                last_result=row.last_result,
                last_status=row.last_status,
                last_error=row.last_error,
                last_added=row.last_added,
                failures=int(row.failures or 0),
                etag=row.etag,
                last_modified=row.last_modified,
                host_retry_at=_aware(host.retry_at) if host else None,
                host_failures=int(host.failures) if host else 0,
                host_reason=host.reason if host else None,
            )
        )
    return out
