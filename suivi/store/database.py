"""Opening the store: the engine, SQLite's settings, and migrations to the current schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from suivi.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"


def database_url(target: str) -> str:
    """A SQLAlchemy URL for ``target``: a URL as given, or a SQLite file path."""
    if "://" in target:
        return target
    path = Path(target).expanduser()
    return f"sqlite:///{path}"


def _sqlite_settings(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the portal read while an ingest writes; foreign keys are off by default.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def newest_revision() -> str:
    """The newest migration: revisions are numbered in order, as their file names say."""
    return max(path.name.split("_")[0] for path in (MIGRATIONS / "versions").glob("[0-9]*.py"))


def create(target: str, *, existing: bool = False) -> Engine:
    """An engine on ``target``, its schema migrated to the newest version.

    With ``existing``, a SQLite file that is not there yet is an error, not a new store.
    """
    url = database_url(target)
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if path.exists() and path.is_dir():
            raise StoreError(f"{path}: is a folder, not a database file (use --db FILE)")
        if existing and not path.exists():
            raise StoreError(f"{path}: no store here yet (ingest articles first, or check --db)")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(
                f"{path.parent}: cannot create the store's folder ({error.strerror})"
            ) from error
    # SQLite connections are cheap to keep: enough for every thread of a busy portal, so
    # that none is opened (and set up) again for each request.
    options = {"pool_size": 20, "max_overflow": 20} if url.startswith("sqlite:///") else {}
    try:
        engine = create_engine(url, **options)
    except (SQLAlchemyError, ImportError) as error:
        raise StoreError(f"{target}: not a usable database URL ({error})") from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_settings)
    migrate(engine, target)
    return engine


def migrate(engine: Engine, target: str) -> None:
    """Bring the schema to the newest version; a no-op when it is already there.

    Alembic (slow to import) is loaded only when there is something to upgrade.
    """
    try:
        if schema_version(engine) == newest_revision():
            return
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        migrator = _transactional_sqlite(engine) if engine.dialect.name == "sqlite" else engine
        try:
            with migrator.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        finally:
            if migrator is not engine:
                migrator.dispose()
    except SQLAlchemyError as error:
        original = getattr(error, "orig", None)
        message = str(original) if original is not None else str(error)
        raise StoreError(f"{target}: cannot open the store ({message})") from error


def _transactional_sqlite(engine: Engine) -> Engine:
    """An engine on the same SQLite file whose transactions hold DDL too.

    Python's sqlite3 module opens a transaction before INSERT or UPDATE but not before
    CREATE TABLE, so a migration killed half-way would leave half a schema behind (and the
    next run fail on "table already exists"). Here every transaction starts with an explicit
    BEGIN, so the whole upgrade is written or none of it.
    """
    migrator = create_engine(engine.url, poolclass=NullPool)

    def connected(dbapi_connection: Any, record: Any) -> None:
        _sqlite_settings(dbapi_connection, record)
        dbapi_connection.isolation_level = None  # no implicit transactions: ours only

    event.listen(migrator, "connect", connected)
    event.listen(migrator, "begin", lambda connection: connection.exec_driver_sql("BEGIN"))
    return migrator


def schema_version(engine: Engine) -> str | None:
    """The schema version recorded in the store (None for a new store)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(found) if found is not None else None
