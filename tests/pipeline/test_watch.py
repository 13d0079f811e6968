"""suivi watch against local sites whose feeds change between polls: each new article stored
once, an unchanged feed costs a 304, a failing host is backed off and reported, and the
schedule is kept by a clock the test controls."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select
from watch_site import Site, serving

from suivi.pipeline.polling import Manners
from suivi.pipeline.watch import WatchReport, watch
from suivi.sources import ReadOptions
from suivi.store.schema import documents
from suivi.store.watched import add_source, find_source, list_sources

START = datetime(2025, 10, 6, 8, 0, tzinfo=UTC)
HOUR = 3600
# No spacing between requests (the sites answer at once), a minute's back-off doubling.
MANNERS = Manners(host_delay=0.0, backoff=60.0, backoff_cap=3600.0)
OPTIONS = ReadOptions(timeout=2.0, max_bytes=1_000_000, user_agent="suivi-test")


class Clock:
    """Time as the test says: sleeping moves it on at once."""

    def __init__(self, now: datetime) -> None:
        self.at = now
        self.slept: list[float] = []

    def now(self) -> datetime:
        return self.at

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.at += timedelta(seconds=seconds)

    def move(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)


@pytest.fixture(autouse=True)
def local(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUIVI_ALLOW_PRIVATE_URLS", "1")  # the sites are on 127.0.0.1


def poll(engine: Engine, clock: Clock) -> WatchReport:
    return watch(engine, OPTIONS, None, lambda _line: None, once=True, clock=clock, manners=MANNERS)


def stored_urls(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return sorted(connection.execute(select(documents.c.url)).scalars())


@pytest.fixture
def sites() -> Iterator[dict[str, Site]]:
    with ExitStack() as stack:
        yield {
            name: stack.enter_context(serving(Site(slugs=slugs)))
            for name, slugs in (
                ("fleuve", ["kayes-forage", "sikasso-coton"]),
                ("panne", ["mopti-riz"]),
                ("lent", ["segou-solaire"]),
                ("moved", ["tombouctou-manuscrits"]),
            )
        }


def test_watch_stores_new_articles_once_and_backs_off_a_failing_host(
    engine: Engine, sites: dict[str, Site]
) -> None:
    fleuve, panne, lent, moved = (sites[k] for k in ("fleuve", "panne", "lent", "moved"))
    panne.mode = "error"
    lent.mode = "slow"
    clock = Clock(START)
    for site, path in ((fleuve, "/feed.xml"), (panne, "/feed.xml"), (lent, "/feed.xml")):
        add_source(engine, site.base + path, None, HOUR, clock.now())
    add_source(engine, moved.base + "/old-feed.xml", "Ségou Info", HOUR, clock.now())

    first = poll(engine, clock)
    results = {p.source.url: p.outcome.result for p in first.polls}
    assert results == {
        fleuve.base + "/feed.xml": "new",
        panne.base + "/feed.xml": "failed",
        lent.base + "/feed.xml": "failed",
        moved.base + "/old-feed.xml": "new",  # followed to /feed.xml
    }
    assert stored_urls(engine) == sorted(
        [
            f"{fleuve.base}/articles/kayes-forage.html",
            f"{fleuve.base}/articles/sikasso-coton.html",
            f"{moved.base}/articles/tombouctou-manuscrits.html",
        ]
    )
    failing = find_source(engine, panne.base + "/feed.xml")
    assert failing is not None
    assert failing.last_error == "the server answered HTTP 500" and failing.last_status == 500
    assert failing.host_retry_at == START + timedelta(seconds=60)
    slow = find_source(engine, lent.base + "/feed.xml")
    assert slow is not None and slow.last_error is not None
    assert "no answer within 2 s" in slow.last_error

    # Half a minute on: nothing is due, and the failing hosts are left alone.
    clock.move(30)
    assert poll(engine, clock).polls == []

    # Two minutes on, still failing: the hosts are asked again, and left alone twice as long.
    clock.move(90)
    again = poll(engine, clock)
    assert {p.source.url for p in again.polls} == {
        panne.base + "/feed.xml",
        lent.base + "/feed.xml",
    }
    failing = find_source(engine, panne.base + "/feed.xml")
    assert failing is not None and failing.host_failures == 2
    assert failing.host_retry_at == clock.now() + timedelta(seconds=120)
    assert len(panne.paths("/feed.xml")) == 2

    # An hour on, one new article: an unchanged feed costs a 304; a new entry's page alone
    # is fetched; the hosts that came back are read.
    fleuve.slugs.append("gao-pont")
    panne.mode = lent.mode = "ok"
    clock.move(HOUR)
    pages_before = [p for p, _e, _s in fleuve.requests if p.startswith("/articles/")]
    third = poll(engine, clock)
    added = {p.source.url: p.stored for p in third.polls}
    assert added[fleuve.base + "/feed.xml"] == 1
    assert added[moved.base + "/old-feed.xml"] == 0
    assert added[panne.base + "/feed.xml"] == 1 and added[lent.base + "/feed.xml"] == 1
    pages_after = [p for p, _e, _s in fleuve.requests if p.startswith("/articles/")]
    assert pages_after[len(pages_before) :] == ["/articles/gao-pont.html"]
    assert moved.requests[-1] == ("/feed.xml", moved.requests[-1][1], 304)
    assert moved.requests[-1][1] is not None  # asked with If-None-Match

    # Another hour, nothing new anywhere: every feed answers 304 and nothing is fetched else.
    clock.move(HOUR)
    counts = {name: len(site.requests) for name, site in sites.items()}
    fourth = poll(engine, clock)
    assert {p.outcome.status for p in fourth.polls} == {304}
    # The moved feed costs its redirect too.
    extra = {"fleuve": 1, "panne": 1, "lent": 1, "moved": 2}
    assert all(len(site.requests) == counts[name] + extra[name] for name, site in sites.items())
    assert all(site.requests[-1][2] == 304 for site in sites.values())

    # Every article is stored once.
    urls = stored_urls(engine)
    assert len(urls) == len(set(urls)) == 6
    listed = {s.url: s for s in list_sources(engine)}
    assert listed[panne.base + "/feed.xml"].last_error is None
    assert listed[panne.base + "/feed.xml"].host_failures == 0
    assert listed[fleuve.base + "/feed.xml"].outlet == "Le Courrier du Fleuve"
    assert listed[fleuve.base + "/feed.xml"].etag is not None


def test_robots_txt_keeps_pages_it_forbids_unfetched(engine: Engine) -> None:
    with serving(Site(slugs=["kayes-forage", "mopti-riz"])) as site:
        site.robots = "User-agent: suivi\nDisallow: /articles/mopti\n"
        clock = Clock(START)
        add_source(engine, site.base + "/feed.xml", None, HOUR, clock.now())
        report = poll(engine, clock)
        assert report.polls[0].stored == 1
        assert "refused by the site's robots.txt" in report.polls[0].failed[0]
        assert site.paths("/articles/mopti-riz.html") == []
        assert site.paths("/articles/kayes-forage.html") == ["/articles/kayes-forage.html"]
    assert stored_urls(engine) == [f"{site.base}/articles/kayes-forage.html"]


def test_a_day_of_polling_follows_the_schedule(engine: Engine) -> None:
    # A day on a clock the test moves: a feed polled every 15 minutes gains an article every
    # six hours; each poll costs one request when nothing changed, and the watch sleeps
    # until the next source is due.
    with serving(Site(slugs=["kayes-forage"])) as site:
        clock = Clock(START)
        add_source(engine, site.base + "/feed.xml", None, 15 * 60, clock.now())
        later = ["sikasso-coton", "gao-pont", "mopti-riz", "segou-solaire"]
        stop = threading.Event()

        def log(line: str) -> None:
            hours = (clock.now() - START).total_seconds() / HOUR
            if later and hours >= 3 + 6 * (4 - len(later)):
                site.slugs.append(later.pop(0))  # appears after this poll
            if clock.now() >= START + timedelta(days=1):
                stop.set()

        report = watch(engine, OPTIONS, None, log, stop=stop, clock=clock, manners=MANNERS)
    feed_polls = report.polls
    assert len(feed_polls) == 24 * 4 + 1
    assert all(s <= 60 for s in clock.slept)  # never sleeps past a new source's minute
    statuses = [p.outcome.status for p in feed_polls]
    assert statuses.count(200) == 5 and statuses.count(304) == 24 * 4 + 1 - 5
    assert len(stored_urls(engine)) == 5
    page_requests = [p for p, _e, _s in site.requests if p.startswith("/articles/")]
    assert len(page_requests) == 5  # each article's page fetched once
    assert len(site.requests) == len(page_requests) + len(feed_polls) + 1  # + robots.txt


def test_a_watched_page_that_robots_txt_forbids_is_not_fetched_again(engine: Engine) -> None:
    with serving(Site(slugs=["kayes-forage"])) as site:
        site.robots = "User-agent: *\nDisallow: /articles/\n"
        clock = Clock(START)
        page = site.base + "/articles/kayes-forage.html"
        add_source(engine, page, None, HOUR, clock.now())
        first = poll(engine, clock)
        assert first.polls[0].outcome.result == "failed"
        clock.move(HOUR)
        poll(engine, clock)
        # Read once to learn it is a page, then robots.txt is asked before it.
        assert site.paths("/articles/kayes-forage.html") == ["/articles/kayes-forage.html"]
    source = find_source(engine, page)
    assert source is not None and source.kind == "page"
    assert source.last_error == "refused by the site's robots.txt"
    assert stored_urls(engine) == []


def test_an_unforeseen_failure_of_one_source_does_not_end_the_watch(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from suivi.pipeline import polling

    read = polling.read_fetched

    def broken(url: str, *args: object, **kwargs: object) -> object:
        if "broken" in url:
            raise RuntimeError("a reader's own bug")
        return read(url, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(polling, "read_fetched", broken)
    with serving(Site(slugs=["kayes-forage"])) as site:
        clock = Clock(START)
        add_source(engine, site.base + "/feed.xml?broken", None, HOUR, clock.now())
        add_source(engine, site.base + "/feed.xml", None, HOUR, clock.now())
        lines: list[str] = []
        report = watch(engine, OPTIONS, None, lines.append, once=True, clock=clock, manners=MANNERS)
    assert [p.outcome.result for p in report.polls] == ["failed", "new"]
    broken_source = find_source(engine, site.base + "/feed.xml?broken")
    assert broken_source is not None
    assert broken_source.last_error == "RuntimeError: a reader's own bug"
    assert any("failed: RuntimeError: a reader's own bug" in line for line in lines)


def test_an_entry_whose_page_fails_is_read_at_the_next_poll(engine: Engine) -> None:
    with serving(Site(slugs=["kayes-forage", "sikasso-coton"], broken={"sikasso-coton"})) as site:
        clock = Clock(START)
        feed = site.base + "/feed.xml"
        add_source(engine, feed, None, HOUR, clock.now())
        first = poll(engine, clock).polls[0]
        assert (first.stored, len(first.failed)) == (1, 1)
        assert "the server answered HTTP 500" in first.failed[0]
        source = find_source(engine, feed)
        assert source is not None and source.etag is None  # not kept: read whole next time
        assert source.next_at == START + timedelta(hours=1)  # on its schedule, not at once
        clock.move(30)
        assert poll(engine, clock).polls == []
        site.broken.clear()
        clock.move(HOUR)
        second = poll(engine, clock).polls[0]
        assert (second.outcome.status, second.stored, second.failed) == (200, 1, [])
        assert site.paths("/articles/kayes-forage.html") == ["/articles/kayes-forage.html"]
        source = find_source(engine, feed)
        assert source is not None and source.etag is not None
    assert len(stored_urls(engine)) == 2
