"""Hostile files and folders: each bad input is one clear line, the others still read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import ARTICLE_FR, http_server, refuse_reading, rss_feed

from suivi.errors import SourceError
from suivi.models import Article
from suivi.sources import ReadOptions, read_inputs

OPTIONS = ReadOptions(timeout=1.0, max_bytes=200_000, user_agent="suivi-test")


def read(*inputs: str) -> list[Article | SourceError]:
    return list(read_inputs(list(inputs), OPTIONS))


def test_jsonl_keeps_lines_holding_unicode_line_separators(tmp_path: Path) -> None:
    # json.dumps(ensure_ascii=False) writes U+2028 and U+0085 raw: they are inside a
    # string, not line ends, so the line stays whole and later line numbers stay true.
    path = tmp_path / "batch.jsonl"
    first = {"url": "https://exemple.ml/a", "text": ARTICLE_FR + "\u2028fin\u0085 du texte"}
    lines = [json.dumps(first, ensure_ascii=False), "{not json", json.dumps(first)]
    path.write_bytes("\r\n".join(lines).encode("utf-8") + b"\n")
    items = read(str(path))
    assert [type(item) for item in items] == [Article, SourceError, Article]
    assert isinstance(items[0], Article) and items[0].source == f"{path}:1"
    assert str(items[1]).startswith(f"{path}:2: not JSON")
    assert isinstance(items[2], Article) and items[2].source == f"{path}:3"


def test_one_bad_link_in_a_feed_is_one_line_and_later_entries_go_in(tmp_path: Path) -> None:
    long_html = "<p>" + " ".join(["Le Niger et la Chine ont conclu un accord pétrolier."] * 20)
    date = "Mon, 05 Feb 2024 10:00:00 +0000"
    path = tmp_path / "feed.xml"
    path.write_bytes(
        rss_feed(
            [
                ("Premier", "https://sahel.example/1", date, long_html),
                ("Cassé", "http://[::1", date, "<p>Résumé.</p>"),
                ("Dernier", "https://sahel.example/3", date, long_html),
            ]
        )
    )
    first, bad, last = read(str(path))
    assert isinstance(first, Article) and isinstance(last, Article)
    assert last.url == "https://sahel.example/3"
    assert isinstance(bad, SourceError)
    assert str(bad).startswith("http://[::1: not a valid URL")
    assert "\n" not in str(bad)


def test_an_unreadable_subfolder_is_reported_and_the_rest_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(ARTICLE_FR)
    (tmp_path / "a.txt").write_text(ARTICLE_FR)
    refuse_reading(monkeypatch, tmp_path / "locked")
    items = read(str(tmp_path))
    errors = [str(item) for item in items if isinstance(item, SourceError)]
    assert errors == [f"{tmp_path / 'locked'}: cannot be read (permission denied)"]
    assert [item.name for item in items if isinstance(item, Article)] == ["a.txt"]


def test_an_unreadable_folder_named_directly_is_reported_as_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(ARTICLE_FR)
    refuse_reading(monkeypatch, tmp_path / "locked")
    [error] = read(str(tmp_path / "locked"))
    assert str(error) == f"{tmp_path / 'locked'}: cannot be read (permission denied)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_a_folder_without_permissions_is_reported(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(ARTICLE_FR)
    locked.chmod(0)
    try:
        [error] = read(str(locked))
    finally:
        locked.chmod(0o755)
    assert str(error) == f"{locked}: cannot be read (permission denied)"


def test_a_name_with_a_newline_stays_on_one_line_in_messages(tmp_path: Path) -> None:
    path = tmp_path / "two\nlines\x1b[31m.txt"
    path.write_bytes(b"")
    [error] = read(str(path))
    assert str(error) == f"{tmp_path}/two\\nlines\\x1b[31m.txt: empty file: no text to read"
    assert error.source == str(path)


def test_a_url_answering_json_is_refused_before_its_body_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SUIVI_ALLOW_PRIVATE_URLS", "1")  # the server is on 127.0.0.1
    routes = {"/data": (200, "application/json", json.dumps({"text": ARTICLE_FR}).encode())}
    with http_server(routes) as base:
        [error] = read(f"{base}/data")
    assert str(error) == (
        f"{base}/data: not an article (content type application/json; "
        "expected a web page, plain text, a PDF or a feed)"
    )


def test_a_utf16_file_is_read_as_an_article(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_text(ARTICLE_FR, encoding="utf-16")
    [article] = read(str(path))
    assert isinstance(article, Article) and "Salifou Mody" in article.text
