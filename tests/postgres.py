"""A real PostgreSQL server for the tests that run on it: started once (initdb + pg_ctl) in a
temporary folder, on a free port of 127.0.0.1, and a new database on it for each store.
CI installs PostgreSQL; elsewhere those tests are skipped when it is absent.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text

# A store fixture's parameters: each test using it runs on SQLite, then on PostgreSQL.
STORES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _binaries() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.path.dirname(found[-1]) if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root: CI runs as root, so the server runs as "postgres".
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def running_server() -> Iterator[str]:
    """A PostgreSQL server in a temporary folder, on a free port of 127.0.0.1: its URL.
    Skips the test (fails it under CI) when PostgreSQL is not installed."""
    binaries = _binaries()
    if binaries is None:
        if os.environ.get("CI"):
            pytest.fail(
                "PostgreSQL is not installed: .ci/run installs the Debian package postgresql"
            )
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    folder = tempfile.mkdtemp(prefix="suivi-pg-", dir="/tmp")
    data = os.path.join(folder, "data")
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    port = _free_port()
    subprocess.run(
        _as_server_user(
            [f"{binaries}/initdb", "-D", data, "--auth=trust", "-U", "postgres", "-E", "UTF8"]
        ),
        check=True,
        capture_output=True,
    )
    subprocess.run(
        _as_server_user(
            [
                f"{binaries}/pg_ctl",
                "-D",
                data,
                "-l",
                os.path.join(folder, "log"),
                "-w",
                "-o",
                f"-p {port} -k {folder} -c listen_addresses=127.0.0.1",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_server_user([f"{binaries}/pg_ctl", "-D", data, "-m", "fast", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


def new_database(server: str) -> str:
    """A new empty database on ``server`` (a URL of its ``postgres`` database): its URL."""
    name = f"suivi_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server.rsplit("/", 1)[0] + f"/{name}"
