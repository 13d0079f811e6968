"""The commands that follow sources: source add/list/remove/check, watch (stopped by SIGTERM
mid-poll, losing nothing) and changes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import select
from watch_site import Site, serving

from suivi.cli import cli
from suivi.store import create
from suivi.store.schema import documents
from suivi.store.watched import find_source

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def local(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUIVI_ALLOW_PRIVATE_URLS", "1")
    monkeypatch.setenv("SUIVI_WATCH_HOST_DELAY", "0")


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def test_sources_are_added_listed_checked_and_removed(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with serving(Site(slugs=["kayes-forage", "gao-pont"])) as site:
        feed = site.base + "/feed.xml"
        added = run(db, "source", "add", feed, "--name", "Courrier", "--every", "30m")
        assert added.exit_code == 0, added.stdout
        assert added.stdout == f"source 1: {feed}, every 30m\n"
        again = run(db, "source", "add", feed)
        assert again.exit_code == 1
        assert f"{feed}: already watched" in again.stderr
        bad = run(db, "source", "add", site.base + "/x", "--every", "10s")
        assert bad.exit_code == 2 and "at most once a minute" in bad.stderr

        checked = run(db, "source", "check", "1")
        assert checked.exit_code == 0, checked.stderr
        assert "new: Gao : la Turquie relance le chantier du pont sur le Niger" in checked.stdout
        assert checked.stdout.endswith("2 would be added, 0 already stored, 0 failed\n")
        with create(str(db)).connect() as connection:
            assert connection.execute(select(documents.c.id)).all() == []  # nothing stored

        watched = run(db, "watch", "--once", "--no-extract")
        assert watched.exit_code == 0, watched.stderr
        assert watched.stdout == "1 polls, 2 stored, 0 failed\n"
        # One line per fetch: robots.txt, two pages, the feed with what it added.
        lines = watched.stderr.splitlines()
        assert sum(" GET " in line for line in lines) == 4
        assert any(f"GET {feed} 200: 2 new, 0 known (" in line for line in lines)

        listed = run(db, "source", "list")
        text = listed.stdout
        assert f"1  {feed}  Courrier  every 30m" in text
        assert "new (2 stored), HTTP 200" in text and 'ETag "' in text
        as_json = json.loads(run(db, "source", "list", "--json").stdout)
        assert as_json["outlet"] == "Le Courrier du Fleuve" and as_json["kind"] == "feed"

        site.mode = "error"
        failed = run(db, "watch", "--once", "--no-extract")
        assert "0 polls" in failed.stdout  # not due for 30 minutes

    removed = run(db, "source", "remove", feed)
    assert removed.stdout == f"source 1 removed: {feed}\n"
    assert run(db, "source", "list").stdout == ""
    missing = run(db, "source", "remove", "7")
    assert missing.exit_code == 1 and "7: no such source" in missing.stderr


def test_a_failing_source_is_reported_with_its_reason(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with serving(Site(slugs=["kayes-forage"], mode="error")) as site:
        run(db, "source", "add", site.base + "/feed.xml")
        watched = run(db, "watch", "--once", "--no-extract")
    assert watched.stdout == "1 polls, 0 stored, 1 failed\n"
    listed = run(db, "source", "list").stdout
    assert "failed, HTTP 500" in listed
    assert "reason: the server answered HTTP 500" in listed
    assert f"backing off: {site.base.removeprefix('http://')} left alone until" in listed
    assert "(1 failure in a row)" in listed


def test_sigterm_mid_poll_loses_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    slugs = ["kayes-forage", "sikasso-coton", "gao-pont", "mopti-riz"]
    env = {**os.environ, "SUIVI_ALLOW_PRIVATE_URLS": "1", "SUIVI_WATCH_HOST_DELAY": "0"}
    command = [sys.executable, "-m", "suivi", "--db", str(db)]
    with serving(Site(slugs=slugs, page_delay=0.4)) as site:
        subprocess.run(
            [*command, "source", "add", site.base + "/feed.xml"], cwd=ROOT, env=env, check=True
        )
        watching = subprocess.Popen(
            [*command, "watch", "--no-extract"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert site.asked_page.wait(30), "the watch never fetched a page"
            watching.send_signal(signal.SIGTERM)
            out, err = watching.communicate(timeout=30)
        finally:
            if watching.poll() is None:
                watching.kill()
        assert watching.returncode == 0, err
        assert "SIGTERM: stopping after this document" in err
        assert out.startswith("1 polls, ")
        engine = create(str(db))
        with engine.connect() as connection:
            first = connection.execute(select(documents.c.url)).scalars().all()
        # The page being read when the signal came was stored; the rest waits.
        assert 1 <= len(first) < len(slugs)
        source = find_source(engine, site.base + "/feed.xml")
        assert source is not None and source.etag is None  # the feed is read again next time

        again = subprocess.run(
            [*command, "watch", "--once", "--no-extract"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    assert f"{len(slugs) - len(first)} stored" in again.stdout
    with engine.connect() as connection:
        urls = connection.execute(select(documents.c.url)).scalars().all()
    assert sorted(urls) == sorted(f"{site.base}/articles/{slug}.html" for slug in slugs)
