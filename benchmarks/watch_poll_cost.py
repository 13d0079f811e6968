"""What one poll of ``suivi watch`` costs as the store grows.

For each size a synthetic store is written (``benchmarks/corpus.py``) and its records built;
then one watched feed on 127.0.0.1 gains one new article at a time (its page fetched and
stored, without extraction), ``--rounds`` times (5 at most: the site has six articles),
then is polled unchanged (a 304) ``--rounds`` times. Each poll is timed on its own (wall
seconds, median), and so is bringing the records up to date after each new article
(``suivi.pipeline.refresh``, which ``watch`` runs after a round that stored something).
"×" is the growth from the previous size, per doubling.

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
from suivi.pipeline.polling import Manners, Poller  # noqa: E402
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


def measure(size: int, rounds: int, folder: Path) -> dict[str, float]:
    engine = create(str(folder / f"watch-{size}.db"))
    for article, facts in articles(size):
        add_document(engine, article, facts)
    refresh(engine)
    slugs = list(ARTICLES)
    unchanged: list[float] = []
    added: list[float] = []
    records: list[float] = []
    with serving(Site(slugs=slugs[:1])) as site:
        clock = Clock()
        url = site.base + "/feed.xml"
        add_source(engine, url, None, 60, clock.now())
        poller = Poller(
            engine,
            ReadOptions(),
            None,
            clock,
            threading.Event(),
            lambda _line: None,
            Manners(host_delay=0),
        )
        poller.poll(_source(engine, url))  # the first article, and the validators
        refresh(engine)
        for slug in slugs[1 : rounds + 1]:
            site.slugs.append(slug)
            began = time.perf_counter()
            polled = poller.poll(_source(engine, url))
            added.append(time.perf_counter() - began)
            assert polled.stored == 1, polled.failed
            began = time.perf_counter()
            refresh(engine)
            records.append(time.perf_counter() - began)
        with engine.connect() as connection:
            # What the writes above left in SQLite's log is not charged to the next poll.
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        for _ in range(rounds):
            began = time.perf_counter()
            polled = poller.poll(_source(engine, url))
            unchanged.append(time.perf_counter() - began)
            assert polled.outcome.status == 304
    return {
        "304": statistics.median(unchanged),
        "one new": statistics.median(added),
        "records": statistics.median(records),
    }


def _source(engine: Engine, url: str) -> WatchedSource:
    found = find_source(engine, url)
    assert found is not None
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    os.environ["SUIVI_ALLOW_PRIVATE_URLS"] = "1"  # the feed is served on 127.0.0.1
    sizes = [int(s) for s in args.sizes.split(",")]
    keys = ("304", "one new", "records")
    print(f"{'docs':>7} " + " ".join(f"{k + ' s':>10} {'×/doubling':>10}" for k in keys))
    before: tuple[int, dict[str, float]] | None = None
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            got = measure(size, args.rounds, Path(folder))
            cells = []
            for key in keys:
                growth = ""
                if before:
                    doublings = math.log2(size / before[0])
                    growth = f"{(got[key] / max(before[1][key], 1e-9)) ** (1 / doublings):.2f}"
                cells.append(f"{got[key]:>10.4f} {growth:>10}")
            print(f"{size:>7} " + " ".join(cells), flush=True)
            before = (size, got)


if __name__ == "__main__":
    main()
