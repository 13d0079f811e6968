"""PDF files and UTF-16 texts through `suivi ingest`: stored whole, or one line and exit 1."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner, Result
from helpers import ARTICLE_FR
from pdfs import pdf_bytes

from suivi.cli import cli

# A short dispatch written for the test.
DISPATCH = """Tchad et Émirats : un prêt pour la route de Mongo

N’DJAMENA – Le Tchad et les Émirats arabes unis ont signé jeudi une convention de prêt de
120 millions de dollars pour le bitumage de la route reliant N’Djamena à Mongo, a annoncé
le ministère des Infrastructures. Les travaux doivent commencer en septembre."""


def _ingest(db: Path, *inputs: Path) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), "ingest", "--no-extract", *map(str, inputs)])


def test_a_pdf_is_stored_with_its_bytes_and_a_fake_one_is_one_line(tmp_path: Path) -> None:
    data = pdf_bytes([DISPATCH], compress=True)
    good = tmp_path / "pret.pdf"
    good.write_bytes(data)
    fake = tmp_path / "faux.pdf"
    fake.write_text(ARTICLE_FR)
    db = tmp_path / "s.db"
    result = _ingest(db, good, fake)
    assert result.exit_code == 1
    assert "1 stored" in result.stdout
    errors = [line for line in result.stderr.splitlines() if "stored as" not in line]
    assert errors == [f"suivi: {fake}: not a PDF (its bytes do not start with %PDF-)"]
    connection = sqlite3.connect(db)
    raw, sha, kind = connection.execute(
        "SELECT data, sha256, media_type FROM raw_inputs"
    ).fetchone()
    assert raw == data and sha == hashlib.sha256(data).hexdigest()
    assert kind == "application/pdf"
    text, title = connection.execute("SELECT text, title FROM documents").fetchone()
    assert title == "Tchad et Émirats : un prêt pour la route de Mongo"
    assert "convention de prêt de\n120 millions de dollars" in text
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_repaired_pdf_prints_one_line_only(tmp_path: Path) -> None:
    # pypdf logs how it repairs a wrong cross-reference offset; run as a real process, with
    # no logging set up, that would reach the terminal under the input's line.
    path = tmp_path / "repare.pdf"
    path.write_bytes(re.sub(rb"startxref\n\d+", b"startxref\n9", pdf_bytes([DISPATCH])))
    db = tmp_path / "s.db"
    done = subprocess.run(
        [sys.executable, "-m", "suivi", "--db", str(db), "ingest", "--no-extract", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert [line.split(": stored as ")[0] for line in done.stderr.splitlines()] == [str(path)]


def test_utf16_texts_with_a_bom_are_stored_decoded(tmp_path: Path) -> None:
    little = tmp_path / "le.txt"
    little.write_bytes(DISPATCH.encode("utf-16"))
    big = tmp_path / "be.txt"
    big.write_bytes(b"\xfe\xff" + ARTICLE_FR.encode("utf-16-be"))
    db = tmp_path / "s.db"
    result = _ingest(db, little, big)
    assert result.exit_code == 0, result.stderr
    connection = sqlite3.connect(db)
    texts = [row[0] for row in connection.execute("SELECT text FROM documents")]
    assert any("Émirats arabes unis ont signé jeudi" in text for text in texts)
    assert any("ministre nigérien de la Défense" in text for text in texts)


def test_extract_sends_pdf_files_to_ingest(tmp_path: Path) -> None:
    named = tmp_path / "pret.pdf"
    named.write_bytes(pdf_bytes([DISPATCH]))
    renamed = tmp_path / "pret\n.txt"
    renamed.write_bytes(pdf_bytes([DISPATCH]))
    result = CliRunner().invoke(cli, ["extract", str(named), str(renamed)])
    assert result.exit_code == 1
    why = (
        "extract reads plain-text files, whose offsets it reports; "
        "use `suivi ingest` for pages, feeds, PDF and JSON Lines"
    )
    assert result.stderr.splitlines() == [
        f"suivi: {named}: {why}",
        f"suivi: {tmp_path}/pret\\n.txt: {why}",
    ]
