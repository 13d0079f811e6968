"""One poll of one watched source: a conditional GET, its new articles read and stored, the
outcome kept in the registry. Politeness is here: one request at a time per host, spaced,
robots.txt for pages, and a host that fails left alone for longer each time."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from sqlalchemy import Engine

from suivi.errors import SourceError
from suivi.models import Article
from suivi.pipeline.ingest import Extracting, ingest
from suivi.sources import ReadOptions
from suivi.sources.reader import is_feed, read_fetched
from suivi.sources.robots import Robots
from suivi.sources.web import Fetched, StatusError, fetch, host_trouble
from suivi.store.watched import (
    Outcome,
    WatchedSource,
    host_failed,
    host_of,
    host_ok,
    known_url,
    note_poll,
)


class Clock(Protocol):
    """What the watch reads the time from and waits with: a test gives its own."""

    def now(self) -> datetime:
        """The time now, aware (UTC)."""
        ...

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` (or less, when asked to stop)."""
        ...


@dataclass(frozen=True)
class Manners:
    """How politely sources are polled."""

    host_delay: float = 1.0  # seconds between two requests to one host
    backoff: float = 60.0  # seconds a failing host is left alone after its first failure
    backoff_cap: float = 6 * 3600.0  # the longest it is left alone
    batch_size: int = 8  # articles extracted together


# The manners of a watch unless told otherwise.
POLITE = Manners()

Log = Callable[[str], None]


@dataclass
class Polled:
    """What one poll did, for the round's summary."""

    source: WatchedSource
    outcome: Outcome
    stored: int = 0
    known: int = 0
    failed: list[str] = field(default_factory=list)


class Poller:
    """Polls sources one at a time: never two requests at once, to any host."""

    def __init__(
        self,
        engine: Engine,
        options: ReadOptions,
        extractor: Extracting | None,
        clock: Clock,
        stop: threading.Event,
        log: Log,
        manners: Manners = POLITE,
    ) -> None:
        self.engine = engine
        self.options = options
        self.extractor = extractor
        self.clock = clock
        self.stop = stop
        self.log = log
        self.manners = manners
        self._last_request: dict[str, float] = {}
        self.robots = Robots(self._plain_get, now=lambda: self.clock.now().timestamp())

    def poll(self, source: WatchedSource) -> Polled:
        """Fetch ``source`` (conditionally), store what is new, keep the outcome."""
        at = self.clock.now()
        began = time.monotonic()
        try:
            # A page is fetched only if robots.txt allows it; a feed was subscribed to. A
            # source not yet read is asked for once to learn which it is.
            kind = source.kind
            if kind == "page":
                self._allowed(source.url)
            got = self._get(source.url, _validators(source), say=False)
            if not got.unchanged and not is_feed(got) and kind != "page":
                kind = "page"  # remembered, so that robots.txt is asked first next time
                self._allowed(source.url)
        except SourceError as error:
            return self._failed(source, at, error, began, kind)
        host_ok(self.engine, source.host)
        if got.unchanged:
            outcome = Outcome(at, "unchanged", 304)
            note_poll(self.engine, source, outcome)
            self._said(source.url, "304 not modified", began)
            return Polled(source, outcome)
        polled = self._read(source, at, got)
        told = f"{got.status}: {polled.stored} new, {polled.known} known"
        if polled.failed:
            told += f", {len(polled.failed)} failed ({polled.failed[0]})"
        if not polled.outcome.keep_validators:
            told += "; read whole again at the next poll"
        self._said(source.url, told, began)
        return polled

    def _read(self, source: WatchedSource, at: datetime, got: Fetched) -> Polled:
        kind = "feed" if is_feed(got) else "page"
        trouble: list[SourceError] = []
        interrupted = unreadable = False
        outlets: list[str] = []

        def articles() -> Iterator[Article | SourceError]:
            nonlocal interrupted, unreadable
            stream = read_fetched(
                source.url,
                got,
                self.options,
                fetch_page=self._page,
                skip=lambda link: known_url(self.engine, link),
            )
            while True:
                if self.stop.is_set():
                    # The document in hand is stored; the rest waits for the next poll.
                    interrupted = True
                    return
                try:
                    item = next(stream)
                except StopIteration:
                    return
                except SourceError as error:  # the answer as a whole could not be read
                    unreadable = True
                    yield error
                    return
                if isinstance(item, SourceError) and host_trouble(item):
                    trouble.append(item)
                elif isinstance(item, Article) and item.outlet:
                    outlets.append(item.outlet)
                yield item

        failed: list[str] = []
        report = ingest(
            self.engine,
            [],
            self.options,
            self.extractor,
            lambda kind, message: failed.append(message) if kind == "failed" else None,
            self.manners.batch_size,
            consolidate=False,
            read=articles(),
        )
        complete = not interrupted and not trouble
        result = "new" if report.stored else "failed" if unreadable else "unchanged"
        outcome = Outcome(
            at,
            result,
            got.status,
            error="; ".join(failed[:3]) or None,
            added=len(report.stored),
            outlet=outlets[0] if outlets else None,
            kind=kind,
            etag=got.etag,
            last_modified=got.last_modified,
            # Validators kept only for an answer read whole: otherwise the next poll would
            # get a 304 and never read the entries left behind.
            keep_validators=complete,
            # Stopped mid-way: due again at once (the next run); else on its schedule.
            retry_at=at if interrupted else None,
        )
        note_poll(self.engine, source, outcome)
        return Polled(source, outcome, len(report.stored), len(report.known), failed)

    def _failed(
        self,
        source: WatchedSource,
        at: datetime,
        error: SourceError,
        began: float,
        kind: str | None = None,
    ) -> Polled:
        retry_at = None
        status = getattr(error, "status", None)
        told = f"failed: {error.problem}"
        if host_trouble(error):
            m = self.manners
            retry_at = host_failed(
                self.engine, source.host, at, error.problem, m.backoff, m.backoff_cap
            )
            told += f"; {source.host} left alone until {retry_at:%Y-%m-%dT%H:%M:%SZ}"
        outcome = Outcome(at, "failed", status, error=error.problem, kind=kind, retry_at=retry_at)
        note_poll(self.engine, source, outcome)
        self._said(source.url, told, began)
        return Polled(source, outcome, failed=[str(error)])

    def _page(self, url: str) -> tuple[bytes, str]:
        """An entry's page, if robots.txt allows it: the feed reader's fetcher."""
        self._allowed(url)
        got = self._get(url, {})
        return got.data, got.content_type

    def _allowed(self, url: str) -> None:
        if not self.robots.allowed(url):
            raise SourceError(url, "refused by the site's robots.txt")

    def _plain_get(self, url: str) -> Fetched:
        return self._get(url, {})

    def _get(self, url: str, headers: dict[str, str], say: bool = True) -> Fetched:
        """One request, after the host's spacing; one log line, whatever its end (a
        source's own request is told by its poll, with what it added)."""
        host = host_of(url)
        last = self._last_request.get(host)
        if last is not None:
            wait = last + self.manners.host_delay - self.clock.now().timestamp()
            if wait > 0:
                self.clock.sleep(wait)
        began = time.monotonic()
        try:
            got = fetch(
                url,
                timeout=self.options.timeout,
                max_bytes=self.options.max_bytes,
                user_agent=self.options.user_agent,
                headers=headers,
            )
        except SourceError as error:
            if say:
                told = str(error.status) if isinstance(error, StatusError) else "failed"
                self._said(url, f"{told}: {error.problem}", began)
            raise
        finally:
            self._last_request[host] = self.clock.now().timestamp()
        if say:
            self._said(url, f"{got.status} {len(got.data)} bytes", began)
        return got

    def _said(self, url: str, what: str, began: float) -> None:
        stamp = self.clock.now().strftime("%Y-%m-%dT%H:%M:%SZ")
        self.log(f"{stamp} GET {url} {what} ({time.monotonic() - began:.2f} s)")


def _validators(source: WatchedSource) -> dict[str, str]:
    headers = {}
    if source.etag:
        headers["If-None-Match"] = source.etag
    if source.last_modified:
        headers["If-Modified-Since"] = source.last_modified
    return headers
