"""``suivi watch``: poll every due source, store what is new, bring the records up to date,
wait for the next source to fall due; until asked to stop (SIGTERM, SIGINT), which ends
the run after the document in hand."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Engine

from suivi.pipeline.ingest import Extracting
from suivi.pipeline.polling import POLITE, Clock, Log, Manners, Polled, Poller
from suivi.pipeline.records import records_behind, refresh
from suivi.sources import ReadOptions
from suivi.store.watched import Outcome, due_sources, next_due, note_poll

# The longest the watch sleeps at once: a source added meanwhile is polled within a minute.
LONGEST_SLEEP = 60.0


class SystemClock:
    """The real time; sleeping ends early when the watch is asked to stop."""

    def __init__(self, stop: threading.Event) -> None:
        self.stop = stop

    def now(self) -> datetime:
        """The time now, in UTC."""
        return datetime.now(UTC)

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds``, or until asked to stop."""
        self.stop.wait(max(0.0, seconds))


@dataclass
class WatchReport:
    """What a watch did: every poll, and how many rounds."""

    polls: list[Polled] = field(default_factory=list)
    rounds: int = 0

    @property
    def stored(self) -> int:
        """How many documents were stored in all."""
        return sum(p.stored for p in self.polls)


def watch(
    engine: Engine,
    options: ReadOptions,
    extractor: Extracting | None,
    log: Log,
    *,
    once: bool = False,
    stop: threading.Event | None = None,
    clock: Clock | None = None,
    manners: Manners = POLITE,
    rounds: int | None = None,
) -> WatchReport:
    """Poll due sources until ``stop`` is set (``once``: one round, for cron; ``rounds``: at
    most that many). After each round that stored something, the records are brought up to
    date, so a stop never leaves them behind the facts."""
    stop = stop or threading.Event()
    clock = clock or SystemClock(stop)
    poller = Poller(engine, options, extractor, clock, stop, log, manners)
    report = WatchReport()
    if records_behind(engine):
        refresh(engine)  # an earlier run was stopped before writing its records
    while not stop.is_set():
        stored = 0
        for source in due_sources(engine, clock.now()):
            if stop.is_set():
                break
            try:
                polled = poller.poll(source)
            except Exception as error:  # one source's unforeseen failure never ends the watch
                said = f"{type(error).__name__}: {error}"
                log(f"{clock.now():%Y-%m-%dT%H:%M:%SZ} {source.url} failed: {said}")
                outcome = Outcome(clock.now(), "failed", error=said)
                note_poll(engine, source, outcome)
                polled = Polled(source, outcome)
            report.polls.append(polled)
            stored += polled.stored
        report.rounds += 1
        if stored:
            count = refresh(engine)
            log(f"{clock.now():%Y-%m-%dT%H:%M:%SZ} {stored} stored; {count} records")
        if once or (rounds is not None and report.rounds >= rounds):
            break
        due = next_due(engine)
        wait = LONGEST_SLEEP if due is None else (due - clock.now()).total_seconds()
        clock.sleep(min(max(wait, 0.0), LONGEST_SLEEP))
    return report
