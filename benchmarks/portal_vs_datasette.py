"""The portal against Datasette on the same SQLite file: requests per second, p50 and p99.

A store of N made-up documents (``corpus.py``: facts written directly, no spaCy, then
records rebuilt) is built once and kept for the next runs (``--store``), or taken as it is
with ``--db``. The portal and Datasette are started with uvicorn on two local ports, and a
bounded load (20 connections, a fixed number of requests or seconds) is sent to 127.0.0.1
only, for four requests each answers in its own way: a list of 50 as JSON, a list narrowed
by two facets with their counts, a full-text search, one record's page. Both servers get
the same warm-up; the measures alternate between them, round after round, and the table
gives each one's medians, with the portal's req/s and p99 as a multiple of Datasette's.

Datasette runs from its own virtual environment, never from the project's:

    python3.11 -m venv /tmp/ds-venv && /tmp/ds-venv/bin/pip install 'datasette==0.65.*'

usage: python benchmarks/portal_vs_datasette.py [--docs 10000] [--store FILE | --db FILE]
       [--requests 400] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import httpx

HERE = Path(__file__).parent
# This checkout's suivi, whatever the environment has installed; the sibling script too.
sys.path[:0] = [str(HERE.parent), str(HERE)]
from corpus import articles  # noqa: E402  (a sibling script, not a package)

from suivi.pipeline import refresh  # noqa: E402
from suivi.store import add_document, counts, create  # noqa: E402

HOST = "127.0.0.1"
PORTAL_PORT, DATASETTE_PORT = 8765, 8766
CONNECTIONS = 20
# Two words that most agreements of the made-up press carry: a search with many matches.
WORDS = "accord coopération"


def build(path: Path, docs: int) -> None:
    """A store of ``docs`` made-up articles and the records consolidated from their facts;
    a store already at ``path`` with as many documents is kept as it is (migrated)."""
    engine = create(str(path))
    stored = counts(engine)
    if stored["documents"] == docs and stored["records"]:
        print(f"store: {path}, kept ({docs} documents, {stored['records']} records)")
        engine.dispose()
        return
    if stored["documents"]:
        raise SystemExit(f"{path}: holds {stored['documents']} documents, not {docs}")
    began = time.perf_counter()
    for article, facts in articles(docs):
        add_document(engine, article, facts)
    made = refresh(engine)
    print(f"store: {docs} documents, {made} records in {time.perf_counter() - began:.0f} s")
    engine.dispose()


@contextmanager
def server(command: list[str], port: int, env: dict[str, str] | None = None) -> Iterator[int]:
    """A server process, waited for until it answers, stopped on the way out."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )
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
        yield process.pid
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
    elapsed: float
    # The server's own CPU time per request (all its threads), in milliseconds: what the
    # request costs whatever else the machine is doing.
    cpu: float = 0.0


def cpu_seconds(pid: int) -> float:
    """CPU time a process has used so far (user and system, every thread)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measured(pid: int, urls: list[str], count: int, seconds: float) -> Result:
    """``load``, with the server's CPU time per request."""
    before = cpu_seconds(pid)
    result = asyncio.run(load(urls, count, seconds))
    used = cpu_seconds(pid) - before
    served = max(1, round(result.rate * result.elapsed))
    return replace(result, cpu=1000 * used / served)


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, target: bytes) -> int:
    # One GET on a kept-alive connection; the body is read to its end and not decoded.
    # Written on asyncio's streams rather than with an HTTP client library: the load must
    # cost much less than what it measures on the same two cores.
    writer.write(
        b"GET %s HTTP/1.1\r\nHost: %s\r\nAccept-Encoding: gzip\r\n\r\n" % (target, HOST.encode())
    )
    status = int((await reader.readline()).split()[1])
    length, chunked = -1, False
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding":
            chunked = b"chunked" in value.lower()
    if chunked:
        while size := int((await reader.readline()).split(b";")[0], 16):
            await reader.readexactly(size + 2)
        await reader.readline()
    elif length >= 0:
        await reader.readexactly(length)
    else:
        await reader.read()  # the server closes the connection at the body's end
        writer.close()
    return status


async def load(urls: list[str], count: int, seconds: float) -> Result:
    """``count`` requests (at most ``seconds``) over ``CONNECTIONS`` connections, cycling
    through ``urls``."""
    targets = [httpx.URL(url).raw_path for url in urls]
    port = httpx.URL(urls[0]).port or 80
    latencies: list[float] = []
    errors = 0
    queue = iter(range(count))
    began = time.perf_counter()

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            for i in queue:
                if time.perf_counter() - began > seconds:
                    return
                if writer.is_closing():
                    reader, writer = await asyncio.open_connection(HOST, port)
                start = time.perf_counter()
                status = await _get(reader, writer, targets[i % len(targets)])
                latencies.append(time.perf_counter() - start)
                errors += status != 200
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(CONNECTIONS)))
    elapsed = time.perf_counter() - began
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return Result(len(latencies) / elapsed, statistics.median(latencies), p99, errors, elapsed)


def requests(db: Path) -> dict[str, tuple[list[str], list[str]]]:
    """For each request, the portal's addresses and Datasette's equivalents."""
    import sqlite3

    with sqlite3.connect(db) as connection:
        ids = [
            row[0]
            for row in connection.execute("SELECT id FROM records WHERE published ORDER BY id")
        ]
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
                + str(
                    httpx.QueryParams(
                        sql=search_sql, q=" ".join(f'"{word}"*' for word in WORDS.split())
                    )
                )
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


def _median(results: list[Result]) -> Result:
    return Result(
        statistics.median(r.rate for r in results),
        statistics.median(r.p50 for r in results),
        statistics.median(r.p99 for r in results),
        sum(r.errors for r in results),
        sum(r.elapsed for r in results),
        statistics.median(r.cpu for r in results),
    )


def measure(
    cases: dict[str, tuple[list[str], list[str]]],
    pids: tuple[int, int],
    count: int,
    seconds: float,
    rounds: int,
) -> list[tuple[str, Result, Result]]:
    """Every case on both servers, warmed up alike, alternating which goes first."""
    for ours, theirs in cases.values():
        for urls in (ours, theirs):
            asyncio.run(load(urls, 2 * CONNECTIONS, seconds))
    rows = []
    for label, (ours, theirs) in cases.items():
        mine: list[Result] = []
        other: list[Result] = []
        for number in range(rounds):
            order = [(pids[0], ours, mine), (pids[1], theirs, other)]
            for pid, urls, into in order if number % 2 == 0 else order[::-1]:
                into.append(measured(pid, urls, count, seconds))
        rows.append((label, _median(mine), _median(other)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--store", type=Path, help="built here if absent, else reused")
    parser.add_argument("--db", type=Path, help="an existing store, taken as it is")
    parser.add_argument("--requests", type=int, default=400, help="per request and server")
    parser.add_argument("--seconds", type=float, default=30, help="at most, per measure")
    parser.add_argument("--rounds", type=int, default=3, help="measures of each, alternated")
    parser.add_argument("--datasette", default="/tmp/ds-venv/bin/datasette")
    parser.add_argument(
        "--keep-nothing",
        action="store_true",
        help="the portal builds every answer (SUIVI_ANSWER_CACHE_MB=0): the cost of building",
    )
    parser.add_argument(
        "--portal-source", type=Path, default=HERE.parent, help="the checkout whose portal runs"
    )
    args = parser.parse_args()
    db = args.db or args.store or Path(tempfile.gettempdir()) / f"suivi-bench-{args.docs}.db"
    if args.db is None:
        build(db, args.docs)
    cases = requests(db)
    with (
        server(
            portal(db, args.portal_source),
            PORTAL_PORT,
            {"SUIVI_ANSWER_CACHE_MB": "0"} if args.keep_nothing else None,
        ) as ours,
        server(datasette(db, args.datasette), DATASETTE_PORT) as theirs,
    ):
        size = home_size()
        rows = measure(cases, (ours, theirs), args.requests, args.seconds, args.rounds)
    print(
        f"\n{'':<22}{'portal':>29}{'datasette':>29}{'portal ÷ datasette':>26}"
        f"\n{'request':<22}{'req/s':>7}{'p50':>7}{'p99':>7}{'cpu ms':>8}"
        f"{'req/s':>7}{'p50':>7}{'p99':>7}{'cpu ms':>8}{'req/s':>8}{'p99':>7}{'cpu':>7}"
    )
    for label, mine, other in rows:
        print(
            f"{label:<22}{mine.rate:>7.1f}{mine.p50:>7.3f}{mine.p99:>7.3f}{mine.cpu:>8.2f}"
            f"{other.rate:>7.1f}{other.p50:>7.3f}{other.p99:>7.3f}{other.cpu:>8.2f}"
            f"{mine.rate / other.rate:>8.2f}{mine.p99 / other.p99:>7.2f}"
            f"{mine.cpu / other.cpu:>7.2f}"
            + (f"  errors {mine.errors}/{other.errors}" if mine.errors or other.errors else "")
        )
    print(
        f"\n{args.rounds} alternated rounds of {args.requests} requests at {CONNECTIONS} "
        "connections, medians (p50, p99 in seconds; cpu: the server's CPU time per request)"
        + ("; the portal keeping no answer" if args.keep_nothing else "")
        + "\ntarget: req/s ≥ 2 × Datasette's, p99 ≤ 0.5 × Datasette's"
    )
    print(f"home page with its assets: {size / 1024:.0f} KB uncompressed (target < 150 KB)")


if __name__ == "__main__":
    main()
