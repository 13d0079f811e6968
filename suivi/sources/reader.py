"""From what a user names (files, folders, URLs) to articles, whatever the kind of input."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from suivi.errors import SourceError
from suivi.models import Article
from suivi.sources.feeds import looks_like_feed, read_feed
from suivi.sources.html import read_html
from suivi.sources.jsonlines import read_jsonl
from suivi.sources.pdf import PDF_HEADER, read_pdf
from suivi.sources.text import read_text
from suivi.sources.web import Fetched, fetch

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PDF_SUFFIXES = {".pdf"}
KNOWN_SUFFIXES = (
    TEXT_SUFFIXES
    | MARKDOWN_SUFFIXES
    | HTML_SUFFIXES
    | FEED_SUFFIXES
    | JSONL_SUFFIXES
    | PDF_SUFFIXES
)

# A folder's own documentation is not an article.
FOLDER_NOTES = {"readme", "manifest", "license", "licence", "changelog"}


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read: small and picklable, so batch workers can receive it."""

    timeout: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    user_agent: str = "suivi"


def read_inputs(inputs: list[str], options: ReadOptions) -> Iterator[Article | SourceError]:
    """Every article the inputs hold, or the error that stopped one input."""
    for given in inputs:
        if given.startswith(("http://", "https://")):
            yield from _guard(given, partial(_read_url, given, options))
            continue
        path = Path(given)
        if path.is_dir():
            files, unreadable = _folder_files(path)
            yield from unreadable
            if not files and not unreadable:
                yield SourceError(
                    given, "folder holds no .txt, .md, .html, .pdf, feed or .jsonl file"
                )
            for file in files:
                yield from _guard(str(file), partial(_read_file, file, options))
        elif path.exists():
            yield from _guard(given, partial(_read_file, path, options))
        elif "://" in given:
            yield SourceError(given, "only http:// and https:// URLs can be fetched")
        else:
            yield SourceError(given, "no such file or folder")


Reading = Iterator[Article | SourceError]


def _guard(source: str, read: Callable[[], Reading]) -> Reading:
    # Each input fails alone: its error is reported and the next input is read.
    try:
        yield from read()
    except SourceError as error:
        yield error
    except OSError as error:
        yield SourceError(source, f"cannot read ({error.strerror or error})")
    except Exception as error:  # a parser's own failure stays this input's
        yield SourceError(source, f"could not be read ({type(error).__name__}: {error})")


def _folder_files(folder: Path) -> tuple[list[Path], list[SourceError]]:
    """The article files below ``folder``, and one error per folder that cannot be listed."""
    unreadable: list[SourceError] = []

    def failed(error: OSError) -> None:
        reason = "permission denied" if isinstance(error, PermissionError) else error.strerror
        unreadable.append(SourceError(str(error.filename or folder), f"cannot be read ({reason})"))

    # os.walk rather than Path.rglob: rglob skips folders it cannot list without a word.
    files: list[Path] = []
    for root, folders, names in os.walk(folder, onerror=failed):
        # Hidden files and folders below the one named are skipped (.git, .DS_Store…).
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        files.extend(Path(root) / name for name in names if _is_article_file(Path(root) / name))
    return sorted(files), unreadable


def _is_article_file(path: Path) -> bool:
    return (
        not path.name.startswith(".")
        and path.is_file()
        and path.suffix.lower() in KNOWN_SUFFIXES
        and path.stem.lower() not in FOLDER_NOTES
    )


def _read_file(path: Path, options: ReadOptions) -> Iterator[Article | SourceError]:
    source = str(path)
    size = path.stat().st_size
    if size > options.max_bytes:
        raise SourceError(
            source,
            f"too large ({size} bytes; the limit is {options.max_bytes}, set SUIVI_MAX_BYTES)",
        )
    data = path.read_bytes()
    yield from _read_bytes(data, source, path.name, path.suffix.lower(), options)


def _read_url(url: str, options: ReadOptions) -> Iterator[Article | SourceError]:
    got = fetch(
        url, timeout=options.timeout, max_bytes=options.max_bytes, user_agent=options.user_agent
    )
    yield from read_fetched(url, got, options)


def read_fetched(
    url: str,
    got: Fetched,
    options: ReadOptions,
    fetch_page: Callable[[str], tuple[bytes, str]] | None = None,
    skip: Callable[[str], bool] | None = None,
) -> Iterator[Article | SourceError]:
    """The articles of what ``url`` answered: a PDF, a page, a text, or a feed's entries
    (their pages fetched with ``fetch_page``, those ``skip`` knows passed over)."""
    kind = got.content_type
    if kind == "application/pdf":
        yield read_pdf(got.data, url, url, max_chars=options.max_bytes, url=url)
    elif is_feed(got):
        yield from read_feed(got.data, url, fetch_page or _fetcher(options), skip)
    elif "html" in kind or got.data[:1024].lstrip().lower().startswith(
        (b"<!doctype html", b"<html")
    ):
        yield read_html(got.data, url, url, url=url)
    else:
        yield from _read_bytes(got.data, url, url, "", options)


def is_feed(got: Fetched) -> bool:
    """Whether an answer is an RSS or Atom feed, by its type or its first bytes."""
    kind = got.content_type
    return (
        "rss" in kind
        or "atom" in kind
        or (("xml" in kind or not kind) and looks_like_feed(got.data))
    )


def _read_bytes(
    data: bytes, source: str, name: str, suffix: str, options: ReadOptions
) -> Iterator[Article | SourceError]:
    if suffix in PDF_SUFFIXES or data[:1024].lstrip().startswith(PDF_HEADER):
        # A file that says it is a PDF is read as one whatever its name.
        yield read_pdf(data, source, name, max_chars=options.max_bytes)
    elif suffix in JSONL_SUFFIXES:
        yield from read_jsonl(data, source)
    elif suffix in FEED_SUFFIXES or (suffix not in KNOWN_SUFFIXES and looks_like_feed(data)):
        yield from read_feed(data, source, _fetcher(options))
    elif suffix in HTML_SUFFIXES or (
        suffix not in KNOWN_SUFFIXES
        and data[:1024].lstrip().lower().startswith((b"<!doctype html", b"<html"))
    ):
        yield read_html(data, source, name)
    else:
        yield read_text(data, source, name, markdown=suffix in MARKDOWN_SUFFIXES)


def _fetcher(options: ReadOptions) -> Callable[[str], tuple[bytes, str]]:
    def get(url: str) -> tuple[bytes, str]:
        got = fetch(
            url, timeout=options.timeout, max_bytes=options.max_bytes, user_agent=options.user_agent
        )
        return got.data, got.content_type

    return get
