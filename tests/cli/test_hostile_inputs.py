"""Hostile inputs on the command line: one line each, exit 1, the other inputs stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ARTICLE_EN, ARTICLE_FR, refuse_reading

from suivi.cli import cli


def test_an_unreadable_subfolder_fails_the_ingest_and_the_rest_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    locked = corpus / "locked"
    locked.mkdir(parents=True)
    (locked / "hidden.txt").write_text(ARTICLE_EN)
    (corpus / "niger.txt").write_text(ARTICLE_FR)
    refuse_reading(monkeypatch, locked)
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", "--no-extract", str(corpus)])
    assert result.exit_code == 1
    assert f"{locked}: cannot be read (permission denied)" in result.stderr
    assert "Traceback" not in result.stderr
    assert "1 stored" in result.stdout


def test_names_with_control_characters_are_escaped_on_one_line(tmp_path: Path) -> None:
    good = tmp_path / "a\nb.txt"
    good.write_text(ARTICLE_FR)
    bad = tmp_path / "c\rd\x1b.txt"
    bad.write_bytes(b"")
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", "--no-extract", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"{tmp_path}/a\\nb.txt: stored as ") for line in lines), lines
    assert f"suivi: {tmp_path}/c\\rd\\x1b.txt: empty file: no text to read" in lines
