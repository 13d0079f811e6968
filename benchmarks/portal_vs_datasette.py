"""The portal against Datasette on the same SQLite file: requests per second, p50 and p99.

A store of N made-up documents is built (facts written directly, no spaCy, then records
rebuilt), or taken with ``--db``. The portal and Datasette are started with uvicorn on two
local ports, and a bounded load (20 connections, a fixed number of requests or seconds)
is sent to 127.0.0.1 only, for four requests each answers in its own way: a list of 50 as
JSON, a list narrowed by two facets with their counts, a full-text search, one record's page.

Datasette runs from its own virtual environment, never from the project's:

    python -m venv /tmp/ds-venv && /tmp/ds-venv/bin/pip install 'datasette==0.65.*'

usage: python benchmarks/portal_vs_datasette.py [--docs 2000] [--db FILE] [--requests 400]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

HERE = Path(__file__).parent
# This checkout's suivi, whatever the environment has installed; the sibling script too.
sys.path[:0] = [str(HERE.parent), str(HERE)]
from consolidate_speed import synthetic  # noqa: E402  (a sibling script, not a package)

from suivi.models import Article  # noqa: E402
from suivi.pipeline import refresh  # noqa: E402
from suivi.store import add_document, create  # noqa: E402

HOST = "127.0.0.1"
PORTAL_PORT, DATASETTE_PORT = 8765, 8766
CONNECTIONS = 20
WORDS = "accord énergie"


def build(path: Path, docs: int) -> None:
    """A store of ``docs`` made-up articles and the records consolidated from their facts."""
    rng = random.Random(7)
    engine = create(str(path))
    began = time.perf_counter()
    for number in range(docs):
        text, facts = synthetic(number, rng)
        article = Article(f"{number}.txt", f"{number}.txt", text.encode(), text, language="fr")
        add_document(engine, article, facts)
    made = refresh(engine)
    print(f"store: {docs} documents, {made} records in {time.perf_counter() - began:.0f} s")
    engine.dispose()


@contextmanager
def server(command: list[str], port: int) -> Iterator[None]:
    """A server process, waited for until it answers, stopped on the way out."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(f"http://{HOST}:{port}/", timeout=2)
                break
            except httpx.TransportError:
                if process.poll() is not None:
                    raise SystemExit(
                        f"server on {port} stopped: {process.stderr.read()!r}"
                    ) from None
                time.sleep(0.3)
        else:
            raise SystemExit(f"server on {port} did not answer")
        yield
    finally:
        process.terminate()
        process.wait(10)


def portal(db: Path, source: Path) -> list[str]:
    """The portal of the checkout at ``source`` (to compare with an earlier one)."""
    code = (
        f"import sys; sys.path.insert(0, {str(source)!r}); "
        "import uvicorn; from suivi.web import create_app; "
        f"uvicorn.run(create_app({str(db)!r}), host={HOST!r}, port={PORTAL_PORT}, "
        "log_level='warning', access_log=False)"
    )
    return [sys.executable, "-c", code]


def datasette(db: Path, binary: str) -> list[str]:
    settings = ["suggest_facets", "off", "sql_time_limit_ms", "10000", "num_sql_threads", "3"]
    pairs = [("--setting", *settings[i : i + 2]) for i in range(0, len(settings), 2)]
    flags = [part for pair in pairs for part in pair]
    return [binary, "serve", str(db), "--host", HOST, "--port", str(DATASETTE_PORT), *flags]


@dataclass(frozen=True)
class Result:
    """What one request's load measured."""

    rate: float
    p50: float
    p99: float
    errors: int


async def load(urls: list[str], count: int, seconds: float) -> Result:
    """``count`` requests (at most ``seconds``) over ``CONNECTIONS`` connections, cycling
    through ``urls``."""
    limits = httpx.Limits(max_connections=CONNECTIONS, max_keepalive_connections=CONNECTIONS)
    latencies: list[float] = []
    errors = 0
    queue = iter(range(count))
    began = time.perf_counter()
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:

        async def worker() -> None:
            nonlocal errors
            for i in queue:
                if time.perf_counter() - began > seconds:
                    return
                start = time.perf_counter()
                response = await client.get(urls[i % len(urls)])
                await response.aread()
                latencies.append(time.perf_counter() - start)
                errors += response.status_code != 200

        await asyncio.gather(*(worker() for _ in range(CONNECTIONS)))
    elapsed = time.perf_counter() - began
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return Result(len(latencies) / elapsed, statistics.median(latencies), p99, errors)


def requests(db: Path) -> dict[str, tuple[list[str], list[str]]]:
    """For each request, the portal's addresses and Datasette's equivalents."""
    import sqlite3

    with sqlite3.connect(db) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM records ORDER BY id")]
    sample = random.Random(3).sample(ids, min(40, len(ids)))
    portal_base, ds_base = f"http://{HOST}:{PORTAL_PORT}", f"http://{HOST}:{DATASETTE_PORT}"
    name = db.stem
    search_sql = (
        "select r.id, r.type, r.title, r.status from records_fts f join records r "
        "on r.id = f.record_id where records_fts match :q order by rank limit 50"
    )
    return {
        "list, JSON, 50 rows": (
            [f"{portal_base}/api/records?limit=50"],
            [f"{ds_base}/{name}/records.json?_size=50&_shape=objects"],
        ),
        "two facets": (
            [f"{portal_base}/api/records?type=agreement&status=signed&limit=50"],
            [
                f"{ds_base}/{name}/records.json?type=agreement&status=signed"
                "&_facet=type&_facet=status&_size=50&_shape=objects"
            ],
        ),
        "full-text search": (
            [f"{portal_base}/api/records?q={WORDS}&limit=50"],
            [
                f"{ds_base}/{name}.json?"
                + str(httpx.QueryParams(sql=search_sql, q='"accord" "énergie"*'))
            ],
        ),
        "one record page": (
            [f"{portal_base}/records/{i}" for i in sample],
            [f"{ds_base}/{name}/records/{i}" for i in sample],
        ),
    }


def home_size() -> int:
    """The home page and its assets, uncompressed, in bytes."""
    base = f"http://{HOST}:{PORTAL_PORT}"
    page = httpx.get(f"{base}/", headers={"Accept-Encoding": "identity"}).content
    assets = sum(
        len(httpx.get(f"{base}/static/{name}").content) for name in ("suivi.css", "favicon.svg")
    )
    return len(page) + assets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--db", type=Path, help="an existing store (else one is built)")
    parser.add_argument("--requests", type=int, default=400, help="per request and server")
    parser.add_argument("--seconds", type=float, default=30, help="at most, per measure")
    parser.add_argument("--datasette", default="/tmp/ds-venv/bin/datasette")
    parser.add_argument(
        "--portal-source", type=Path, default=HERE.parent, help="the checkout whose portal runs"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "bench.db"
        if args.db is None:
            build(db, args.docs)
        cases = requests(db)
        rows = []
        with (
            server(portal(db, args.portal_source), PORTAL_PORT),
            server(datasette(db, args.datasette), DATASETTE_PORT),
        ):
            size = home_size()
            for label, (ours, theirs) in cases.items():
                mine = asyncio.run(load(ours, args.requests, args.seconds))
                other = asyncio.run(load(theirs, args.requests, args.seconds))
                rows.append((label, mine, other))
    print(
        f"\n{'request':<22}{'portal req/s':>13}{'p50':>8}{'p99':>8}"
        f"{'datasette':>11}{'p50':>8}{'p99':>8}{'ratio':>7}"
    )
    for label, mine, other in rows:
        print(
            f"{label:<22}{mine.rate:>13.1f}{mine.p50:>8.3f}{mine.p99:>8.3f}"
            f"{other.rate:>11.1f}{other.p50:>8.3f}{other.p99:>8.3f}{mine.rate / other.rate:>7.2f}"
            + (f"  errors {mine.errors}/{other.errors}" if mine.errors or other.errors else "")
        )
    print(f"\nhome page with its assets: {size / 1024:.0f} KB uncompressed (target < 150 KB)")


if __name__ == "__main__":
    main()
