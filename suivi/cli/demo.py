"""``suivi demo``: the bundled samples ingested, shown, then served."""

from __future__ import annotations

import json
import sys

import click

from suivi.cli.base import Invocation, cli, db_option, samples_dir
from suivi.cli.portal import serve
from suivi.cli.reading import run_ingest
from suivi.cli.showing import print_documents


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
    report = run_ingest(obj, [str(samples_dir())], quiet=quiet, extract=True)
    print_documents(list_documents(obj.engine()))
    click.echo(json.dumps(counts(obj.engine())))
    click.echo(f"store: {obj.db}")
    if not report.ok:
        sys.exit(1)
    if not no_serve:
        ctx.invoke(serve, host=host, port=port, db=obj.db)
