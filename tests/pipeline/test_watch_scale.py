"""A poll costs what it adds, not what the store holds: on a store of 10 000 documents, the
same statements as on an empty one, none reading the documents table through."""

from __future__ import annotations

import hashlib
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, insert, text
from watch_site import Site, serving

from suivi.pipeline.polling import Manners, Poller
from suivi.sources import ReadOptions
from suivi.store import create
from suivi.store.schema import documents, raw_inputs
from suivi.store.watched import add_source, due_sources

START = datetime(2025, 10, 6, 8, 0, tzinfo=UTC)
OPTIONS = ReadOptions(timeout=2.0, max_bytes=1_000_000, user_agent="suivi-test")


class Clock:
    def __init__(self) -> None:
        self.at = START

    def now(self) -> datetime:
        return self.at

    def sleep(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)


def fill(engine: Engine, count: int) -> None:
    """``count`` stored documents, written at once (no extraction: their number is the point)."""
    raws, docs = [], []
    for n in range(count):
        body = f"Dépêche numéro {n} : le comité mixte s’est réuni à Bamako.".encode()
        sha = hashlib.sha256(body).hexdigest()
        raws.append({"sha256": sha, "media_type": "text/plain", "size": len(body), "data": body})
        docs.append(
            {
                "id": f"d{n:015d}",
                "identity": sha,
                "source": f"archive/{n}.txt",
                "name": f"{n}.txt",
                "url": f"https://archives.example.org/{n}.html",
                "title": f"Dépêche {n}",
                "published": "2024-01-01",
                "outlet": "Archives",
                "language": "fr",
                "raw_sha256": sha,
                "text": body.decode(),
                "text_sha256": sha,
                "ingested_at": START,
            }
        )
    with engine.begin() as connection:
        connection.execute(insert(raw_inputs), raws)
        connection.execute(insert(documents), docs)


def polls(engine: Engine, site: Site) -> list[list[str]]:
    """The statements of three polls: the first (two new articles), an unchanged feed (304),
    and one new article."""
    clock = Clock()
    add_source(engine, site.base + "/feed.xml", None, 3600, clock.now())
    poller = Poller(
        engine, OPTIONS, None, clock, threading.Event(), lambda _l: None, Manners(host_delay=0)
    )
    said: list[str] = []

    def heard(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        said.append(statement)

    event.listen(engine, "before_cursor_execute", heard)
    out = []
    try:
        for added in ([], [], ["gao-pont"]):
            site.slugs.extend(added)
            said.clear()
            for source in due_sources(engine, clock.now()):
                poller.poll(source)
            out.append(list(said))
            clock.sleep(3600)
    finally:
        event.remove(engine, "before_cursor_execute", heard)
    return out


@pytest.fixture(autouse=True)
def local(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUIVI_ALLOW_PRIVATE_URLS", "1")


def test_a_poll_costs_the_same_on_a_store_of_ten_thousand_documents(tmp_path: Path) -> None:
    small = create(str(tmp_path / "small.db"))
    large = create(str(tmp_path / "large.db"))
    fill(large, 10_000)
    with serving(Site(slugs=["kayes-forage", "sikasso-coton"])) as one:
        on_small = polls(small, one)
    with serving(Site(slugs=["kayes-forage", "sikasso-coton"])) as other:
        on_large = polls(large, other)
    assert [len(p) for p in on_small] == [len(p) for p in on_large]
    assert len(on_large[1]) < len(on_large[0])  # a 304 writes the outcome, nothing else
    with large.connect() as connection:
        for statement in {s for p in on_large for s in p if "FROM documents" in s}:
            plan = connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, tuple("x" for _ in range(statement.count("?")))
            ).all()
            scans = [row[-1] for row in plan if str(row[-1]).startswith("SCAN documents")]
            assert not scans, (statement, plan)
    with large.connect() as connection:
        stored = connection.execute(text("SELECT count(*) FROM documents")).scalar_one()
    assert stored == 10_003
