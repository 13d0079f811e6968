"""What every command shares: the group, the store it opens, options, one-line errors."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from suivi import settings

if TYPE_CHECKING:
    from sqlalchemy import Engine


def fail(message: str) -> None:
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


def on_store(command: Any) -> Any:
    """A command on the store: given the ``Invocation`` first, ``--db`` also after its name."""
    return db_option(click.pass_obj(command))


def into_store(command: Any) -> Any:
    """A command that extracts into the store: the batch options, then the store's."""
    return batch_options(on_store(command))


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


def batch_extractor(workers: int, scheduler: str | None) -> Any:
    # In one process the model loaded here is used; otherwise each worker loads its own
    # and this process holds none.
    from suivi.pipeline.batch import BatchOptions, ParallelExtractor

    options = BatchOptions(workers=workers, scheduler=scheduler)
    return extractor() if options.in_process else ParallelExtractor(options)


class OnFirstUse:
    """An extractor made when first asked to extract: a run whose inputs are all missing,
    bad or already stored never loads the French model."""

    def __init__(self, make: Any) -> None:
        self._make = make
        self._made: Any = None

    def extract_many(self, inputs: Any) -> Any:
        if self._made is None:
            self._made = self._make()
        return self._made.extract_many(inputs)


def batch_size(workers: int) -> int:
    from suivi.pipeline.ingest import BATCH_SIZE

    return BATCH_SIZE * max(workers, 1)


@lru_cache(maxsize=1)
def extractor() -> Any:
    """The extractor, its model loaded once per process."""
    from suivi.extraction import Extractor

    return Extractor()
