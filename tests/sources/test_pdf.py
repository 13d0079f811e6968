"""PDF files and answers are read as PDF: their text, their bytes archived as given."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ARTICLE_FR, http_server
from pdfs import pdf_bytes

from suivi.errors import SourceError
from suivi.models import Article
from suivi.sources import ReadOptions, read_inputs

OPTIONS = ReadOptions(timeout=2.0, max_bytes=200_000, user_agent="suivi-test")

# A communiqué written for the test, on two pages.
FIRST_PAGE = """Mauritanie et Sénégal : un accord sur le gaz de Grand Tortue

Publié le 9 avril 2024

NOUAKCHOTT – Les ministres mauritanien et sénégalais de l’Énergie ont signé mardi à
Nouakchott un accord sur le partage de la production du champ gazier de Grand Tortue.
Le texte fixe à 2,3 millions de tonnes par an les livraisons de la première phase."""
SECOND_PAGE = """Les deux pays prévoient aussi la formation de 150 techniciens « d’ici la fin
de l’année », selon le communiqué conjoint publié à l’issue de la réunion."""


def read(*inputs: str, options: ReadOptions = OPTIONS) -> list[Article | SourceError]:
    return list(read_inputs(list(inputs), options))


def test_a_pdf_is_read_as_its_text_and_archived_as_given(tmp_path: Path) -> None:
    data = pdf_bytes([FIRST_PAGE, SECOND_PAGE], title="communique-final.docx")
    path = tmp_path / "communique.pdf"
    path.write_bytes(data)
    [article] = read(str(path))
    assert isinstance(article, Article)
    assert article.raw == data and article.media_type == "application/pdf"
    assert article.title == "Mauritanie et Sénégal : un accord sur le gaz de Grand Tortue"
    assert article.published == "2024-04-09"
    assert "signé mardi à\nNouakchott un accord" in article.text
    assert "formation de 150 techniciens « d’ici la fin\nde l’année »" in article.text
    assert "%PDF" not in article.text and "obj" not in article.text.split()


def test_a_pdf_of_ascii_bytes_is_read_as_pdf_whatever_its_name(tmp_path: Path) -> None:
    data = pdf_bytes([FIRST_PAGE])
    assert data.isascii()
    for name in ("communique.pdf", "communique.txt", "communique"):
        (tmp_path / name).write_bytes(data)
        [article] = read(str(tmp_path / name))
        assert isinstance(article, Article), article
        assert article.title == "Mauritanie et Sénégal : un accord sur le gaz de Grand Tortue"
        assert article.media_type == "application/pdf"


def test_a_folder_s_pdf_files_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(pdf_bytes([FIRST_PAGE]))
    (tmp_path / "b.txt").write_text(ARTICLE_FR)
    assert [item.name for item in read(str(tmp_path)) if isinstance(item, Article)] == [
        "a.pdf",
        "b.txt",
    ]


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (ARTICLE_FR.encode(), "not a PDF (its bytes do not start with %PDF-)"),
        (b"<!DOCTYPE html><html><body>Erreur 404</body></html>", "not a PDF"),
        (pdf_bytes([FIRST_PAGE])[:600], "damaged PDF (PdfStreamError: "),
        (pdf_bytes([""]), "no article text in this PDF"),
        (b"%PDF-1.4\n" + bytes(range(256)) * 4, "damaged PDF ("),
    ],
    ids=["text", "html", "truncated", "no-text", "garbage"],
)
def test_a_bad_pdf_is_one_line_and_the_next_input_is_read(
    tmp_path: Path, data: bytes, problem: str
) -> None:
    bad = tmp_path / "bad\nname.pdf"
    bad.write_bytes(data)
    good = tmp_path / "good.pdf"
    good.write_bytes(pdf_bytes([FIRST_PAGE]))
    error, article = read(str(bad), str(good))
    assert isinstance(error, SourceError)
    assert str(error).startswith(f"{tmp_path}/bad\\nname.pdf: {problem}")
    assert "\n" not in str(error)
    assert isinstance(article, Article) and article.name == "good.pdf"


def test_a_pdf_with_more_text_than_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    # Deflated, a page of one sentence said 300 times is a small file of much text.
    path.write_bytes(pdf_bytes(["Le texte se répète encore et encore.\n" * 300], compress=True))
    assert path.stat().st_size < 5_000
    [error] = read(str(path), options=ReadOptions(max_bytes=5_000))
    assert str(error) == f"{path}: too much text (over 5000 characters; set SUIVI_MAX_BYTES)"


def test_a_url_answering_pdf_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUIVI_ALLOW_PRIVATE_URLS", "1")  # the server is on 127.0.0.1
    data = pdf_bytes([FIRST_PAGE, SECOND_PAGE])
    routes = {
        "/communique": (200, "application/pdf", data),
        "/faux": (200, "application/pdf", b"<html><body>Page introuvable</body></html>"),
    }
    with http_server(routes) as base:
        article, error = read(f"{base}/communique", f"{base}/faux")
    assert isinstance(article, Article) and article.raw == data
    assert article.url == f"{base}/communique"
    assert str(error) == f"{base}/faux: not a PDF (its bytes do not start with %PDF-)"
