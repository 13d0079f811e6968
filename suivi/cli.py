"""The ``suivi`` command: a thin layer that turns domain errors into one-line messages."""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from suivi import settings
from suivi.errors import SuiviError
from suivi.web.commands import serve, user

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from suivi.pipeline.ingest import IngestReport


def _fail(message: str) -> None:
    # One line, whatever the message holds (driver errors span several).
    click.echo(f"suivi: {' '.join(message.split())}", err=True)


def samples_dir() -> Path:
    """The bundled sample corpus."""
    return Path(str(files("suivi") / "samples"))


class Invocation:
    """What every command shares: where the store is, opened on first use."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._engine: Engine | None = None

    def engine(self, *, existing: bool = False) -> Engine:
        """The store's engine, migrated to the current schema.

        With ``existing``, a store that does not exist yet is an error rather than created:
        commands that only read should not leave empty stores behind a mistyped --db.
        """
        if self._engine is None:
            from suivi.store import create

            self._engine = create(self.db, existing=existing)
        return self._engine


@click.group()
@click.version_option(package_name="suivi")
@click.option(
    "--db",
    metavar="PATH_OR_URL",
    default=None,
    help=f"{settings.DB.help} Default: ${settings.DB.env}, else {settings.DB.default}.",
)
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """suivi: follow intergovernmental cooperation commitments from the news."""
    ctx.obj = Invocation(settings.DB.value(db))


def _db_after(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    # `suivi stats --db X` means what `suivi --db X stats` means.
    if value:
        ctx.find_object(Invocation).db = value  # type: ignore[union-attr]


def db_option(command: Any) -> Any:
    """``--db`` also accepted after the command's name."""
    return click.option(
        "--db",
        metavar="PATH_OR_URL",
        default=None,
        expose_value=False,
        is_eager=True,
        callback=_db_after,
        help="The store (as the main --db).",
    )(command)


def batch_options(command: Any) -> Any:
    """The options that spread extraction over processes or a Dask cluster."""
    command = click.option(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="A Dask scheduler (tcp://host:8786) whose workers extract; needs suivi[cluster].",
    )(command)
    return click.option(
        "--workers",
        type=click.IntRange(1, 64),
        default=1,
        show_default=True,
        help="Processes that extract in parallel (each loads the French model: ~1.3 GB).",
    )(command)


def _batch_extractor(workers: int, scheduler: str | None) -> Any:
    # In one process the model loaded here is used; otherwise each worker loads its own
    # and this process holds none.
    from suivi.pipeline.batch import BatchOptions, ParallelExtractor

    options = BatchOptions(workers=workers, scheduler=scheduler)
    return _extractor() if options.in_process else ParallelExtractor(options)


class _OnFirstUse:
    """An extractor made when first asked to extract: a run whose inputs are all missing,
    bad or already stored never loads the French model."""

    def __init__(self, make: Any) -> None:
        self._make = make
        self._made: Any = None

    def extract_many(self, inputs: Any) -> Any:
        if self._made is None:
            self._made = self._make()
        return self._made.extract_many(inputs)


def _batch_size(workers: int) -> int:
    from suivi.pipeline.ingest import BATCH_SIZE

    return BATCH_SIZE * max(workers, 1)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no line per document.")
@click.option(
    "--no-extract", is_flag=True, help="Store the documents without extracting facts (faster)."
)
@batch_options
@db_option
@click.pass_obj
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
    report = _run_ingest(
        obj, list(inputs), quiet=quiet, extract=not no_extract, workers=workers, scheduler=scheduler
    )
    if not report.ok:
        sys.exit(1)


def _run_ingest(
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
        extractor = _OnFirstUse(lambda: _batch_extractor(workers, scheduler)) if extract else None
    except SuiviError as error:
        _fail(str(error))
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
                _fail(message)
            elif not quiet:
                click.echo(message, err=True)
            if progress is not None and task is not None:
                progress.update(task, advance=1, description=message[:70])

        report = run(engine, inputs, options, extractor, notify, _batch_size(workers))
    facts = sum(count for _, _, count in report.stored)
    summary = (
        f"{len(report.stored)} stored ({facts} fact{'s' if facts != 1 else ''}), "
        f"{len(report.known)} already stored, {len(report.failed)} failed"
    )
    if report.records is not None:
        summary += f"; {report.records} records"
    click.echo(summary)
    return report


@lru_cache(maxsize=1)
def _extractor() -> Any:
    """The extractor, its model loaded once per process."""
    from suivi.extraction import Extractor

    return Extractor()


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
                raise SuiviError(f"{path}: no such file")
            if path.suffix.lower() in NOT_PLAIN_TEXT:
                raise SuiviError(
                    f"{path}: extract reads plain-text files, whose offsets it reports; "
                    "use `suivi ingest` for pages, feeds and JSON Lines"
                )
            text = decode_bytes(path.read_bytes(), str(path))
        except SuiviError as error:
            _fail(str(error))
            failed = True
            continue
        except OSError as error:
            _fail(f"{path}: cannot read ({error.strerror})")
            failed = True
            continue
        if path.suffix.lower() in (".md", ".markdown"):
            text = mask_markdown(text)
        inputs.append(extraction_input(path.name, mask_chrome(text)))
    if inputs:
        for result in _batch_extractor(workers, scheduler).extract_many(inputs):
            click.echo(json.dumps(result, ensure_ascii=False))
    if failed:
        sys.exit(1)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the counts as a JSON object.")
@db_option
@click.pass_obj
def stats(obj: Invocation, as_json: bool) -> None:
    """How many documents, facts and records the store holds."""
    from suivi.store import counts

    figures = counts(obj.engine(existing=True))
    if as_json:
        click.echo(json.dumps(figures))
    else:
        for name, value in figures.items():
            click.echo(f"{name}: {value}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per document.")
@db_option
@click.pass_obj
def documents(obj: Invocation, as_json: bool) -> None:
    """List the stored documents: title, date, outlet, language, id."""
    from suivi.store import list_documents

    rows = list_documents(obj.engine(existing=True))
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    _print_documents(rows)


def _print_documents(rows: list[dict[str, Any]]) -> None:
    # A table for a person at a terminal; tab-separated lines for a pipe or a file.
    columns = ("title", "published", "outlet", "language", "id")
    if not sys.stdout.isatty():
        click.echo("\t".join(columns))
        for row in rows:
            cells = [row["title"] or row["name"], *(row[c] or "" for c in columns[1:])]
            click.echo("\t".join(" ".join(str(cell).split()) for cell in cells))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=70)
    for name in ("date", "outlet", "language"):
        table.add_column(name, no_wrap=True, overflow="ellipsis", max_width=24)
    table.add_column("id", no_wrap=True, min_width=16)
    for row in rows:
        table.add_row(
            row["title"] or row["name"],
            row["published"] or "—",
            row["outlet"] or "—",
            row["language"],
            row["id"],
        )
    Console().print(table)


# Inputs whose text is not the file as it is: ``extract`` could not report offsets into them.
NOT_PLAIN_TEXT = {".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".jsonl", ".ndjson"}

RECORD_TYPES = ("agreement", "project", "event", "quantity", "actor")


@cli.command()
@click.option("--type", "kind", type=click.Choice(RECORD_TYPES), help="Only records of this type.")
@click.option(
    "--format", "fmt", type=click.Choice(("json", "csv")), default="json", show_default=True
)
@db_option
@click.pass_obj
def records(obj: Invocation, kind: str | None, fmt: str) -> None:
    """Print the consolidated records: one per real agreement, project, event, figure, actor.

    Each record lists every source with its evidence sentence, and every field on which the
    sources disagree under ``conflicts``. Values an analyst reviewed are shown as reviewed.
    """
    from suivi.export import to_csv, to_json
    from suivi.review import reviewed_records
    from suivi.store import RecordFilter, query_records

    engine = obj.engine(existing=True)
    found = reviewed_records(engine, query_records(engine, RecordFilter(type=kind)))
    click.echo(to_csv(found) if fmt == "csv" else to_json(found), nl=fmt == "json")


@cli.command()
@click.option("--quiet", "-q", is_flag=True, help="No line per document.")
@click.option(
    "--keep-facts", is_flag=True, help="Recompute records from the stored facts, no re-extraction."
)
@batch_options
@db_option
@click.pass_obj
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
            _batch_extractor(workers, scheduler),
            lambda m: None if quiet else click.echo(m, err=True),
            _batch_size(workers),
        )
        click.echo(f"{done} documents re-extracted")
    click.echo(f"{refresh(engine)} records")


@cli.command()
@click.option("--quiet", "-q", is_flag=True, help="No line per document.")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address the portal listens on."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--no-serve", is_flag=True, help="Stop after ingesting; do not start the portal.")
@db_option
@click.pass_context
def demo(ctx: click.Context, quiet: bool, host: str, port: int, no_serve: bool) -> None:
    """Ingest the bundled sample corpus, show what was stored, then start the portal.

    Articles already stored are not added again, so running it twice is harmless.
    """
    from suivi.store import counts, list_documents

    obj: Invocation = ctx.obj
    report = _run_ingest(obj, [str(samples_dir())], quiet=quiet, extract=True)
    _print_documents(list_documents(obj.engine()))
    click.echo(json.dumps(counts(obj.engine())))
    click.echo(f"store: {obj.db}")
    if not report.ok:
        sys.exit(1)
    if not no_serve:
        ctx.invoke(serve, host=host, port=port, db=obj.db)


cli.add_command(serve)
cli.add_command(user)


def main() -> None:
    """Entry point of the ``suivi`` command: domain errors become one line, exit 1."""
    try:
        cli(standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.UsageError as error:
        error.show()
        sys.exit(error.exit_code)
    except click.ClickException as error:
        _fail(error.format_message())
        sys.exit(error.exit_code)
    except click.exceptions.Abort:
        _fail("interrupted")
        sys.exit(130)
    except SuiviError as error:
        _fail(str(error))
        sys.exit(1)
