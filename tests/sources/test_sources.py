"""Reading every kind of input into articles; every bad input reported on its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import ARTICLE_EN, ARTICLE_FR, ARTICLE_FR_CHROME, HTML_PAGE, http_server, rss_feed

from suivi.errors import SourceError
from suivi.models import Article
from suivi.sources import ReadOptions, read_inputs

OPTIONS = ReadOptions(timeout=1.0, max_bytes=200_000, user_agent="suivi-test")
LONG_HTML = "<p>" + " ".join(["Le Niger et la Chine ont conclu un accord pétrolier."] * 20) + "</p>"


def read(*inputs: str, options: ReadOptions = OPTIONS) -> list[Article | SourceError]:
    return list(read_inputs(list(inputs), options))


def only_article(items: list[Article | SourceError]) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_text_file_metadata(tmp_path: Path) -> None:
    path = tmp_path / "niger.txt"
    path.write_text(ARTICLE_FR, encoding="utf-8")
    got = only_article(read(str(path)))
    assert got.title == "Niger et Turquie : un accord sur la formation des pilotes"
    assert got.published == "2024-03-14"
    assert got.language == "fr"
    assert got.name == "niger.txt"
    assert got.raw == path.read_bytes()


def test_english_text_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "ghana.txt"
    path.write_text(ARTICLE_EN, encoding="utf-8")
    assert only_article(read(str(path))).language == "en"


def test_chrome_is_kept_out_of_the_stored_text(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(ARTICLE_FR_CHROME, encoding="utf-8")
    got = only_article(read(str(path)))
    assert "Partager" not in got.text and "cookies" not in got.text
    assert got.published == "2025-02-03"


def test_markdown_markup_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "tribune.md"
    path.write_text(
        "# Une tribune\n\nPar **Awa Traoré**, *envoyée* _spéciale_\n\n> Une citation du ministre.\n\n"
        "- premier point\n- second `code` point\n\n"
        "Le Sahel a besoin de [routes](https://x.y) et d’écoles.\n"
    )
    got = only_article(read(str(path)))
    assert got.title == "Une tribune"
    assert got.text == (
        "Une tribune\n\nPar Awa Traoré, envoyée spéciale\n\nUne citation du ministre.\n\n"
        "premier point\n\nsecond code point\n\nLe Sahel a besoin de routes et d’écoles."
    )


def test_html_page_main_text_and_meta(tmp_path: Path) -> None:
    path = tmp_path / "faso.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    got = only_article(read(str(path)))
    assert got.published == "2023-10-13"
    assert got.title == "Burkina Faso : un mémorandum nucléaire avec Rosatom"
    assert got.outlet == "Le Journal du Faso"
    assert "mémorandum d’entente" in got.text
    assert "alert(" not in got.text and "Politique" not in got.text


def test_html_without_article_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text(
        "<html><body><nav><a href='/'>Accueil</a><a href='/b'>Blog</a></nav></body></html>"
    )
    [error] = read(str(path))
    assert isinstance(error, SourceError)
    assert str(error).startswith(f"{path}: HTML page with no article")


def test_folder_is_read_recursively_and_skips_its_notes(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(ARTICLE_FR)
    (tmp_path / "two.md").write_text(ARTICLE_EN)
    (tmp_path / "README.md").write_text("# Notes on this folder, not an article at all")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text(ARTICLE_FR)
    names = sorted(item.name for item in read(str(tmp_path)) if isinstance(item, Article))
    assert names == ["one.txt", "two.md"]
    # A folder named through "..": only what lies below it counts as hidden.
    relative = tmp_path / "a" / ".." / "a"
    assert [i.name for i in read(str(relative)) if isinstance(i, Article)] == ["one.txt"]


def test_jsonl_lines_and_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    good = {
        "url": "https://exemple.ml/a",
        "title": "Titre A",
        "text": ARTICLE_FR,
        "published": "2024-03-14",
    }
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"title": "sans texte"}) + "\n")
    items = read(str(path))
    assert isinstance(items[0], Article)
    assert items[0].url == "https://exemple.ml/a" and items[0].outlet == "exemple.ml"
    assert items[0].published == "2024-03-14"
    assert [str(e).split(": ")[0] for e in items[1:]] == [f"{path}:2", f"{path}:3"]


def test_feed_file_with_full_entries(tmp_path: Path) -> None:
    path = tmp_path / "flux.xml"
    path.write_bytes(
        rss_feed(
            [
                (
                    "Accord pétrolier",
                    "https://sahel.example/a",
                    "Mon, 05 Feb 2024 10:00:00 +0000",
                    LONG_HTML,
                ),
                (
                    "Autre",
                    "https://sahel.example/b",
                    "Tue, 06 Feb 2024 10:00:00 +0000",
                    LONG_HTML.replace("pétrolier", "minier"),
                ),
            ]
        )
    )
    items = read(str(path))
    assert [type(i) for i in items] == [Article, Article]
    first = items[0]
    assert isinstance(first, Article)
    assert first.published == "2024-02-05" and first.outlet == "Sahel Info"
    assert first.url == "https://sahel.example/a" and first.title == "Accord pétrolier"


def test_atom_feed_file(tmp_path: Path) -> None:
    path = tmp_path / "flux.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Sahel Atom</title>'
        '<link href="https://atom.example/"/><updated>2024-03-02T10:00:00Z</updated>'
        '<entry><title>Accord minier</title><link href="https://atom.example/a"/>'
        "<id>urn:a</id><published>2024-03-01T08:00:00Z</published><updated>2024-03-01T08:00:00Z</updated>"
        f'<content type="html"><![CDATA[{LONG_HTML}]]></content></entry></feed>',
        encoding="utf-8",
    )
    got = only_article(read(str(path)))
    assert got.title == "Accord minier" and got.published == "2024-03-01"
    assert got.outlet == "Sahel Atom" and "accord pétrolier" in got.text


def test_a_parser_failure_is_one_line_for_that_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import suivi.sources.reader as reader

    def broken(*_args: object, **_kwargs: object) -> Article:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(reader, "read_html", broken)
    (tmp_path / "a.html").write_text(HTML_PAGE)
    (tmp_path / "b.txt").write_text(ARTICLE_FR)
    first, second = read(str(tmp_path))
    assert isinstance(first, SourceError)
    assert str(first) == f"{tmp_path / 'a.html'}: could not be read (RuntimeError: parser exploded)"
    assert isinstance(second, Article)


def test_malformed_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text('<?xml version="1.0"?><rss><channel><title>x</title><item><title>')
    [error] = read(str(path))
    assert isinstance(error, SourceError)
    assert str(error).startswith(f"{path}: malformed feed: not well-formed XML")


def test_urls_pages_feeds_and_their_failures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUIVI_ALLOW_PRIVATE_URLS", "1")  # the server is on 127.0.0.1
    teaser_feed = rss_feed(
        [("Court", "{base}/article", "Mon, 05 Feb 2024 10:00:00 +0000", "<p>Résumé.</p>")]
    )
    routes = {
        "/page": (200, "text/html; charset=utf-8", HTML_PAGE.encode()),
        "/article": (
            200,
            "text/html",
            f"<html><body><article>{LONG_HTML}</article></body></html>".encode(),
        ),
        "/big": (200, "text/plain", b"x " * 150_000),
        "/gone": (404, "text/html", b"no"),
        "/slow": (200, "text/html", HTML_PAGE.encode()),
    }
    with http_server(routes, delay_paths={"/slow"}) as base:
        routes["/feed"] = (
            200,
            "application/rss+xml",
            teaser_feed.replace(b"{base}", base.encode()),
        )
        items = read(
            f"{base}/page",
            f"{base}/feed",
            f"{base}/big",
            f"{base}/gone",
            f"{base}/slow",
            "http://127.0.0.1:9/closed",
        )
    page, entry, *errors = items
    assert (
        isinstance(page, Article) and page.url == f"{base}/page" and page.published == "2023-10-13"
    )
    assert (
        isinstance(entry, Article)
        and "accord pétrolier" in entry.text
        and entry.published == "2024-02-05"
    )
    messages = [str(e) for e in errors]
    assert all(isinstance(e, SourceError) for e in errors)
    assert messages[0].startswith(f"{base}/big: too large")
    assert messages[1] == f"{base}/gone: the server answered HTTP 404"
    assert messages[2].startswith(f"{base}/slow: no answer within 1 s")
    assert messages[3].startswith("http://127.0.0.1:9/closed: unreachable")


def test_oversized_and_missing_files(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("mot " * 100_000)
    items = read(str(big), str(tmp_path / "absent.txt"), "ftp://exemple.ml/x")
    messages = [str(e) for e in items]
    assert messages[0].startswith(f"{big}: too large")
    assert messages[1] == f"{tmp_path / 'absent.txt'}: no such file or folder"
    assert "only http://" in messages[2]


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary\x00" * 10])
def test_empty_and_binary_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [error] = read(str(path))
    assert isinstance(error, SourceError) and str(error).startswith(f"{path}: ")
