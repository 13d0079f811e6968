"""Commands that follow sources and changes: source add/list/remove/check, watch, changes."""

from __future__ import annotations

import functools
import json
import re
import signal
import sys
import threading
from datetime import UTC, date, datetime
from typing import Any

import click

from suivi import settings
from suivi.cli.base import Invocation, OnFirstUse, batch_extractor, cli, fail, on_store
from suivi.errors import SuiviError, printable

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_EVERY = re.compile(r"(\d+)\s*([smhd])")
# The shortest schedule a source may have: a feed polled more often is a burden on its host.
SHORTEST = 60


def every_seconds(given: str) -> int:
    """``1h``, ``30m``, ``1h30m``, ``2d`` → seconds; a bad or too short one is an error."""
    text = given.strip().lower().replace(" ", "")
    parts = _EVERY.findall(text)
    if not parts or "".join(n + u for n, u in parts) != text:
        raise click.BadParameter(f"{given!r}: expected a duration such as 30m, 1h, 1h30m or 1d")
    seconds = sum(int(n) * _UNITS[u] for n, u in parts)
    if seconds < SHORTEST:
        raise click.BadParameter(f"{given!r}: a source is polled at most once a minute")
    return seconds


def one_line(command: Any) -> Any:
    """A command whose domain errors become one line on stderr and exit code 1."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except SuiviError as error:
            fail(str(error))
            sys.exit(1)

    return run


def _options() -> Any:
    from suivi.sources import ReadOptions

    return ReadOptions(
        timeout=float(settings.FETCH_TIMEOUT.value()),
        max_bytes=int(settings.MAX_BYTES.value()),
        user_agent=settings.USER_AGENT.value(),
    )


@cli.group()
def source() -> None:
    """The feeds and pages that `suivi watch` polls."""


@source.command("add")
@click.argument("url")
@click.option("--name", default=None, help="What to call the source (default: its outlet).")
@click.option("--every", default="1h", show_default=True, help="How often: 30m, 1h, 1d…")
@on_store
@one_line
def source_add(obj: Invocation, url: str, name: str | None, every: str) -> None:
    """Watch URL (an RSS or Atom feed, or a page) every so often."""
    from suivi.store.watched import add_source

    if not url.startswith(("http://", "https://")):
        raise SuiviError(f"{printable(url)}: only http:// and https:// URLs can be watched")
    seconds = every_seconds(every)
    added = add_source(obj.engine(), url, name, seconds, datetime.now(UTC))
    click.echo(f"source {added.id}: {printable(url)}, every {_duration(seconds)}")


@source.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per source.")
@on_store
@one_line
def source_list(obj: Invocation, as_json: bool) -> None:
    """Every watched source: schedule, last fetch, result, validators, back-off."""
    from suivi.store.watched import list_sources

    now = datetime.now(UTC)
    for item in list_sources(obj.engine(existing=True)):
        if as_json:
            click.echo(json.dumps(_as_json(item), ensure_ascii=False))
            continue
        click.echo(
            f"{item.id}  {printable(item.url)}  {printable(item.label)}  "
            f"every {_duration(item.every_seconds)}"
        )
        last = _at(item.last_fetch_at) if item.last_fetch_at else "never fetched"
        result = item.last_result or "-"
        if item.last_result == "new":
            result = f"new ({item.last_added} stored)"
        if item.last_status:
            result += f", HTTP {item.last_status}"
        click.echo(f"    last: {last}, {result}")
        if item.last_error:
            click.echo(f"    reason: {printable(item.last_error)}")
        if item.host_retry_at and item.host_retry_at > now:
            click.echo(
                f"    backing off: {item.host} left alone until {_at(item.host_retry_at)} "
                f"({item.host_failures} failure{'s' if item.host_failures != 1 else ''} in a row)"
            )
        click.echo(f"    next: {_at(max(item.next_at, item.host_retry_at or item.next_at))}")
        if item.etag or item.last_modified:
            etag, modified = item.etag or "-", item.last_modified or "-"
            click.echo(f"    validators: ETag {etag}, Last-Modified {modified}")


@source.command("remove")
@click.argument("source_id", metavar="ID_OR_URL")
@on_store
@one_line
def source_remove(obj: Invocation, source_id: str) -> None:
    """Stop watching a source (what it brought stays in the store)."""
    from suivi.store.watched import remove_source

    removed = remove_source(obj.engine(existing=True), source_id)
    if removed is None:
        raise SuiviError(f"{printable(source_id)}: no such source (see `suivi source list`)")
    click.echo(f"source {removed.id} removed: {printable(removed.url)}")


@source.command("check")
@click.argument("given", metavar="ID_OR_URL")
@on_store
@one_line
def source_check(obj: Invocation, given: str) -> None:
    """Fetch a source once and say what it would add, storing nothing."""
    from suivi.errors import SourceError
    from suivi.folding import text_identity
    from suivi.sources.reader import read_fetched
    from suivi.sources.web import fetch
    from suivi.store.documents import stored_id
    from suivi.store.watched import find_source

    engine = obj.engine()
    found = find_source(engine, given)
    url = found.url if found else given
    options = _options()
    got = fetch(
        url, timeout=options.timeout, max_bytes=options.max_bytes, user_agent=options.user_agent
    )
    new = known = failed = 0
    for item in read_fetched(url, got, options):
        if isinstance(item, SourceError):
            failed += 1
            fail(str(item))
        elif stored_id(engine, text_identity(item.text)) is not None:
            known += 1
            click.echo(f"already stored: {printable(item.title or item.source)}")
        else:
            new += 1
            click.echo(f"new: {printable(item.title or item.source)} ({printable(item.source)})")
    click.echo(f"{new} would be added, {known} already stored, {failed} failed")


@cli.command()
@click.option("--once", is_flag=True, help="Poll every due source once and stop (for cron).")
@click.option("--no-extract", is_flag=True, help="Store documents without extracting facts.")
@click.option("--quiet", "-q", is_flag=True, help="No line per fetch.")
@on_store
@one_line
def watch(obj: Invocation, once: bool, no_extract: bool, quiet: bool) -> None:
    """Poll the watched sources as they fall due and store what is new, until stopped.

    SIGTERM or SIGINT (Ctrl-C) ends the run after the document in hand; what was read is
    stored and the records brought up to date.
    """
    from suivi.pipeline.polling import Manners
    from suivi.pipeline.watch import watch as run

    engine = obj.engine()
    stop = threading.Event()

    def stopping(signum: int, _frame: Any) -> None:
        if not quiet:
            click.echo(f"{signal.Signals(signum).name}: stopping after this document", err=True)
        stop.set()

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stopping)
    extractor = None if no_extract else OnFirstUse(lambda: batch_extractor(1, None))

    def log(line: str) -> None:
        if not quiet:
            click.echo(line, err=True)
            sys.stderr.flush()

    manners = Manners(host_delay=float(settings.WATCH_HOST_DELAY.value()))
    report = run(engine, _options(), extractor, log, once=once, stop=stop, manners=manners)
    failed = sum(1 for p in report.polls if p.outcome.result == "failed")
    click.echo(f"{len(report.polls)} polls, {report.stored} stored, {failed} failed")


@cli.command()
@click.option("--since", required=True, help="First day (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per change.")
@click.option("--all", "every", is_flag=True, help="Records held back for an analyst too.")
@on_store
@one_line
def changes(obj: Invocation, since: str, as_json: bool, every: bool) -> None:
    """What changed in the records since a day, the newest first."""
    from suivi.presentation import get_language
    from suivi.store.changes import changes as logged
    from suivi.web.changes import describe

    try:
        day = date.fromisoformat(since)
    except ValueError as error:
        raise click.BadParameter(f"{since!r}: expected a date such as 2025-10-01") from error
    start = datetime(day.year, day.month, day.day, tzinfo=UTC)
    english = get_language("en")
    found = logged(obj.engine(existing=True), since=start, published=None if every else True)
    for change in found:
        if as_json:
            item = {
                "at": change.at.isoformat(timespec="seconds"),
                "record": change.record_id,
                "title": change.title,
                "kind": change.kind,
                "field": change.field,
                "old": change.old,
                "new": change.new,
                "document": change.document_id,
            }
            click.echo(json.dumps(item, ensure_ascii=False))
        else:
            click.echo(
                f"{_at(change.at)}  {change.record_id}  {change.kind:8}  "
                f"{printable(change.title)} — {printable(describe(change, english))}"
            )
    if not as_json:
        click.echo(f"{len(found)} change{'s' if len(found) != 1 else ''} since {since}")


def _as_json(item: Any) -> dict[str, Any]:
    out = {
        name: getattr(item, name)
        for name in (
            "id",
            "url",
            "name",
            "outlet",
            "kind",
            "every_seconds",
            "last_result",
            "last_status",
            "last_error",
            "last_added",
            "failures",
            "etag",
            "last_modified",
            "host_failures",
            "host_reason",
        )
    }
    for name in ("added_at", "next_at", "last_fetch_at", "host_retry_at"):
        value = getattr(item, name)
        out[name] = value.isoformat(timespec="seconds") if value else None
    return out


def _at(when: datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M:%S") + "Z"


def _duration(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
