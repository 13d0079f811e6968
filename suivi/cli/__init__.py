"""The ``suivi`` command: a thin layer that turns domain errors into one-line messages."""

from __future__ import annotations

import sys

import click

from suivi.cli import demo, reading, showing, watching  # noqa: F401  (each registers its commands)
from suivi.cli.base import Invocation, cli, fail, samples_dir
from suivi.cli.portal import serve, user
from suivi.errors import SuiviError

cli.add_command(serve)
cli.add_command(user)

__all__ = ["Invocation", "cli", "main", "samples_dir"]


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
        fail(error.format_message())
        sys.exit(error.exit_code)
    except click.exceptions.Abort:
        fail("interrupted")
        sys.exit(130)
    except SuiviError as error:
        fail(str(error))
        sys.exit(1)
