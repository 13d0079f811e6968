"""The documentation keeps up with the code: every command has help and a README entry."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest

from suivi.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_and_a_readme_entry(name: str) -> None:
    command = cli.commands[name]
    assert isinstance(command, click.Command)
    assert command.help and len(command.help) > 20
    assert f"### `suivi {name}" in README


def test_quick_start_is_two_commands_that_exist() -> None:
    block = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line for line in block.strip().splitlines() if line.strip()]
    assert commands == ["./quickstart.sh", ".venv/bin/python -m pytest"]
    assert (ROOT / "quickstart.sh").stat().st_mode & 0o111
    assert ".venv/bin/python -m pytest" in (ROOT / ".ci" / "run").read_text()


def test_ruff_is_clean() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "suivi", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_clean() -> None:
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
