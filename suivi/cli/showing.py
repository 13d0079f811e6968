"""Commands that show what the store holds: stats, documents, records."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import click

from suivi.cli.base import Invocation, cli, on_store
from suivi.vocab import RECORD_TYPES


def _shown(json_help: str) -> Callable[[Any], click.Command]:
    # A command that shows what the store holds: for a person, or as JSON with --json.
    def command(function: Any) -> click.Command:
        as_json = click.option("--json", "as_json", is_flag=True, help=json_help)
        return cli.command()(as_json(on_store(function)))

    return command


@_shown("Print the counts as a JSON object.")
def stats(obj: Invocation, as_json: bool) -> None:
    """How many documents, facts and records the store holds."""
    from suivi.store import counts

    figures = counts(obj.engine(existing=True))
    if as_json:
        click.echo(json.dumps(figures))
    else:
        for name, value in figures.items():
            click.echo(f"{name}: {value}")


@_shown("Print one JSON object per document.")
def documents(obj: Invocation, as_json: bool) -> None:
    """List the stored documents: title, date, outlet, language, id."""
    from suivi.store import list_documents

    rows = list_documents(obj.engine(existing=True))
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    print_documents(rows)


def print_documents(rows: list[dict[str, Any]]) -> None:
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


@cli.command()
@click.option(
    "--type", "kind", type=click.Choice(tuple(RECORD_TYPES)), help="Only records of this type."
)
@click.option(
    "--format", "fmt", type=click.Choice(("json", "csv")), default="json", show_default=True
)
@on_store
def records(obj: Invocation, kind: str | None, fmt: str) -> None:
    """Print the consolidated records: one per real agreement, project, event, figure, actor.

    Each record lists every source with its evidence sentence, and every field on which the
    sources disagree under ``conflicts``. Values an analyst reviewed are shown as reviewed.
    Records held back for an analyst are listed too, with ``published: false``, their
    ``confidence`` and their ``doubts``.
    """
    from suivi.export import to_csv, to_json
    from suivi.pipeline import ensure_current
    from suivi.review import reviewed_records
    from suivi.store import RecordFilter, query_records

    engine = obj.engine(existing=True)
    ensure_current(engine)  # a stopped ingest may have left the records behind the facts
    every = RecordFilter(type=kind, published=None)
    found = reviewed_records(engine, query_records(engine, every))
    click.echo(to_csv(found) if fmt == "csv" else to_json(found), nl=fmt == "json")
