"""Commands that read articles: ingest, extract, rebuild."""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import click

from suivi import settings
from suivi.cli.base import (
    Invocation,
    OnFirstUse,
    batch_extractor,
    batch_options,
    batch_size,
    cli,
    fail,
    into_store,
)
from suivi.errors import SourceError, SuiviError, printable

if TYPE_CHECKING:
    from suivi.pipeline.ingest import IngestReport

# Pages, feeds and JSON Lines: their stored text, not the file, is what offsets point into.
NOT_PLAIN_TEXT = {
    ".html",
    ".htm",
    ".xhtml",
    ".xml",
    ".rss",
    ".atom",
    ".jsonl",
    ".ndjson",
    ".pdf",
}


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no line per document.")
@click.option(
    "--no-extract", is_flag=True, help="Store the documents without extracting facts (faster)."
)
@into_store
def ingest(
    obj: Invocation,
    inputs: tuple[str, ...],
    quiet: bool,
    no_extract: bool,
    workers: int,
    scheduler: str | None,
) -> None:
    """Store each article of INPUTS once: files, folders, http(s) URLs, RSS/Atom feeds, .jsonl.

    An input already stored adds nothing. A bad input is reported on one line and the
    others still go in; the exit code is 1 if any input failed.
    """
    report = run_ingest(
        obj, list(inputs), quiet=quiet, extract=not no_extract, workers=workers, scheduler=scheduler
    )
    if not report.ok:
        sys.exit(1)


def run_ingest(
    obj: Invocation,
    inputs: list[str],
    *,
    quiet: bool,
    extract: bool,
    workers: int = 1,
    scheduler: str | None = None,
) -> IngestReport:
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from suivi.pipeline.ingest import ingest as run
    from suivi.sources import ReadOptions

    options = ReadOptions(
        timeout=float(settings.FETCH_TIMEOUT.value()),
        max_bytes=int(settings.MAX_BYTES.value()),
        user_agent=settings.USER_AGENT.value(),
    )
    try:
        engine = obj.engine()
        extractor = OnFirstUse(lambda: batch_extractor(workers, scheduler)) if extract else None
    except SuiviError as error:
        fail(str(error))
        sys.exit(1)
    console = Console(stderr=True)
    show_bar = console.is_terminal and not quiet
    bar = (
        Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console
        )
        if show_bar
        else nullcontext()
    )
    with bar as progress:
        task = progress.add_task("ingesting", total=None) if progress else None

        def notify(kind: str, message: str) -> None:
            if kind == "failed":
                fail(message)
            elif not quiet:
                click.echo(message, err=True)
            if progress is not None and task is not None:
                progress.update(task, advance=1, description=message[:70])

        report = run(engine, inputs, options, extractor, notify, batch_size(workers))
    facts = sum(count for _, _, count in report.stored)
    summary = (
        f"{len(report.stored)} stored ({facts} fact{'s' if facts != 1 else ''}), "
        f"{len(report.known)} already stored, {len(report.failed)} failed"
    )
    if report.records is not None:
        summary += f"; {report.records} records"
    click.echo(summary)
    return report


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@batch_options
def extract(files: tuple[Path, ...], workers: int, scheduler: str | None) -> None:
    """Print the facts found in each FILE as JSON Lines, without touching the store.

    Evidence offsets point into each file's text as decoded, so they can be checked
    against the file itself.
    """
    from suivi.models import ExtractionInput
    from suivi.sources.cleaning import mask_chrome
    from suivi.sources.decoding import decode_bytes
    from suivi.sources.metadata import extraction_input
    from suivi.sources.text import mask_markdown

    inputs: list[ExtractionInput] = []
    failed = False
    for path in files:
        try:
            if not path.is_file():
                raise SourceError(str(path), "no such file")
            data = path.read_bytes()
            if path.suffix.lower() in NOT_PLAIN_TEXT or data[:1024].lstrip().startswith(b"%PDF-"):
                raise SourceError(
                    str(path),
                    "extract reads plain-text files, whose offsets it reports; "
                    "use `suivi ingest` for pages, feeds, PDF and JSON Lines",
                )
            text = decode_bytes(data, str(path))
        except SuiviError as error:
            fail(str(error))
            failed = True
            continue
        except OSError as error:
            fail(f"{printable(str(path))}: cannot read ({error.strerror})")
            failed = True
            continue
        if path.suffix.lower() in (".md", ".markdown"):
            text = mask_markdown(text)
        inputs.append(extraction_input(path.name, mask_chrome(text)))
    if inputs:
        for result in batch_extractor(workers, scheduler).extract_many(inputs):
            click.echo(json.dumps(result, ensure_ascii=False))
    if failed:
        sys.exit(1)


@cli.command()
@click.option("--quiet", "-q", is_flag=True, help="No line per document.")
@click.option(
    "--keep-facts", is_flag=True, help="Recompute records from the stored facts, no re-extraction."
)
@into_store
def rebuild(
    obj: Invocation, quiet: bool, keep_facts: bool, workers: int, scheduler: str | None
) -> None:
    """Re-extract every stored document and recompute every record from scratch.

    Documents are replayed in the order they were ingested, so record ids stay the same.
    """
    from suivi.pipeline import reextract, refresh

    engine = obj.engine(existing=True)
    if not keep_facts:
        done = reextract(
            engine,
            batch_extractor(workers, scheduler),
            lambda m: None if quiet else click.echo(m, err=True),
            batch_size(workers),
        )
        click.echo(f"{done} documents re-extracted")
    click.echo(f"{refresh(engine)} records")
