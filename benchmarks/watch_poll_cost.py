"""What one poll of ``suivi watch`` costs as the store grows.

For each size a synthetic store is written (``benchmarks/corpus.py``) and its records built;
then one watched feed on 127.0.0.1 gains one new article at a time (its page fetched and
stored, without extraction), ``--rounds`` times (5 at most: the site has six articles),
then is polled unchanged (a 304) ``--rounds`` times. Each poll is timed on its own (wall
seconds, median), and so is bringing the records up to date after each new article
(``suivi.pipeline.refresh``, which ``watch`` runs after a round that stored something).
Every measure is taken store after store, round after round, so the sizes are compared side
by side; "×" is the growth from the first size, per doubling.

usage: python benchmarks/watch_poll_cost.py [--sizes 1000,4000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

# The checkout this script lives in, before any installed copy of suivi; the tests' local
# news site.
ROOT = Path(__file__).parent.parent
sys.path[:0] = [str(Path(__file__).parent), str(ROOT), str(ROOT / "tests")]

from corpus import articles  # noqa: E402
from watch_site import ARTICLES, Site, serving  # noqa: E402

from suivi.pipeline import refresh  # noqa: E402
from suivi.pipeline.polling import Manners, Polled, Poller  # noqa: E402
from suivi.sources import ReadOptions  # noqa: E402
from suivi.store import add_document, create  # noqa: E402
from suivi.store.watched import WatchedSource, add_source, find_source  # noqa: E402


class Clock:
    def __init__(self) -> None:
        self.at = datetime(2025, 10, 6, tzinfo=UTC)

    def now(self) -> datetime:
        return self.at

    def sleep(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)


@dataclass
class Watched:
    """One store with its watched feed and its poller."""

    size: int
    engine: Engine
    site: Site
    poller: Poller
    url: str
    timings: dict[str, list[float]] = field(default_factory=dict)

    def timed(self, key: str, began: float) -> None:
        self.timings.setdefault(key, []).append(time.perf_counter() - began)

    def poll(self) -> Polled:
        return self.poller.poll(_source(self.engine, self.url))


def prepare(size: int, folder: Path, stack: ExitStack, records: bool) -> Watched:
    """A store of ``size`` synthetic articles (records built if they are timed), watching one
    local feed."""
    engine = create(str(folder / f"watch-{size}.db"))
    for article, facts in articles(size):
        add_document(engine, article, facts)
    if records:
        refresh(engine)
    site = stack.enter_context(serving(Site(slugs=list(ARTICLES)[:1])))
    clock = Clock()
    url = site.base + "/feed.xml"
    add_source(engine, url, None, 60, clock.now())
    poller = Poller(
        engine, ReadOptions(), None, clock, threading.Event(), lambda _l: None, Manners(0)
    )
    watched = Watched(size, engine, site, poller, url)
    watched.poll()  # the first article, and the validators
    if records:
        refresh(engine)
    return watched


def measure(stores: list[Watched], rounds: int, records: bool) -> None:
    """Each measure taken store after store, round after round: side by side."""
    for slug in list(ARTICLES)[1 : rounds + 1]:
        for store in stores:
            store.site.slugs.append(slug)
            began = time.perf_counter()
            polled = store.poll()
            store.timed("one new", began)
            assert polled.stored == 1, polled.failed
            if records:
                began = time.perf_counter()
                refresh(store.engine)
                store.timed("records", began)
    for store in stores:
        with store.engine.connect() as connection:
            # What the writes above left in SQLite's log is not charged to the next poll.
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    for _ in range(rounds):
        for store in stores:
            began = time.perf_counter()
            polled = store.poll()
            store.timed("304", began)
            assert polled.outcome.status == 304


def _source(engine: Engine, url: str) -> WatchedSource:
    found = find_source(engine, url)
    assert found is not None
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--no-records", action="store_true", help="Do not time bringing the records up to date."
    )
    args = parser.parse_args()
    os.environ["SUIVI_ALLOW_PRIVATE_URLS"] = "1"  # the feeds are served on 127.0.0.1
    sizes = [int(s) for s in args.sizes.split(",")]
    keys = ["304", "one new"] + ([] if args.no_records else ["records"])
    with tempfile.TemporaryDirectory() as folder, ExitStack() as stack:
        stores = [prepare(size, Path(folder), stack, not args.no_records) for size in sizes]
        measure(stores, args.rounds, not args.no_records)
    print(f"{'docs':>7} " + " ".join(f"{k + ' s':>10} {'×/doubling':>10}" for k in keys))
    first = stores[0]
    for store in stores:
        cells = []
        for key in keys:
            got = statistics.median(store.timings[key])
            growth = ""
            if store is not first:
                doublings = math.log2(store.size / first.size)
                was = statistics.median(first.timings[key])
                growth = f"{(got / max(was, 1e-9)) ** (1 / doublings):.2f}"
            cells.append(f"{got:>10.4f} {growth:>10}")
        print(f"{store.size:>7} " + " ".join(cells), flush=True)


if __name__ == "__main__":
    main()
