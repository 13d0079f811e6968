"""RSS and Atom feeds: one article per entry, from its own content or its page."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any
from xml.sax import SAXException

import feedparser

from suivi.errors import SourceError
from suivi.models import Article
from suivi.sources.cleaning import strip_chrome
from suivi.sources.html import html_to_text
from suivi.sources.metadata import iso_date, language_of, outlet_from_url

# An entry whose own content has this many words is an article already: no need to fetch.
FULL_ENTRY_WORDS = 80

Fetch = Callable[[str], tuple[bytes, str]]


def looks_like_feed(data: bytes) -> bool:
    """Whether ``data`` starts like an RSS or Atom document."""
    head = data[:1024].lstrip().lower()
    return (
        head.startswith(b"<?xml")
        and (b"<rss" in data[:4096].lower() or b"<feed" in data[:4096].lower())
    ) or head.startswith((b"<rss", b"<feed"))


def parse_feed(data: bytes, source: str) -> Any:
    """The parsed feed, or :class:`SourceError` when it is not a well-formed feed."""
    parsed = feedparser.parse(data)
    problem = getattr(parsed, "bozo_exception", None)
    # feedparser reads on past broken XML; a truncated feed would give half-read entries,
    # so a feed that is not well-formed is refused whole. Encoding notices are harmless.
    if parsed.bozo and isinstance(problem, SAXException):
        raise SourceError(source, f"malformed feed: not well-formed XML ({problem})")
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        detail = f" ({reason})" if reason else ""
        raise SourceError(source, f"malformed or empty feed: no entries{detail}")
    return parsed


def _entry_html(entry: Any) -> str:
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    return str(entry.get("summary") or "")


def _entry_published(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return time.strftime("%Y-%m-%d", parsed)
    return iso_date(entry.get("published"))


def read_feed(
    data: bytes, source: str, fetch: Fetch, skip: Callable[[str], bool] | None = None
) -> Iterator[Article | SourceError]:
    """Each entry of the feed as an article; an entry that fails is reported, not fatal.

    An entry whose link ``skip`` says is known already is passed over, its page not fetched.
    """
    parsed = parse_feed(data, source)
    outlet = parsed.feed.get("title") or outlet_from_url(parsed.feed.get("link") or source)
    for number, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        if link and skip is not None and skip(link):
            continue
        label = link or f"{source}#entry-{number}"
        try:
            yield _entry_article(entry, label, link, outlet, fetch)
        except SourceError as error:
            yield error
        except Exception as error:  # a parser's failure on one entry spares the next ones
            yield SourceError(label, f"could not be read ({type(error).__name__}: {error})")


def _entry_article(
    entry: Any, label: str, link: str | None, outlet: str | None, fetch: Fetch
) -> Article:
    own = _entry_html(entry)
    found = html_to_text(f"<html><body><article>{own}</article></body></html>") if own else {}
    text = strip_chrome(found.get("text") or "")
    raw = own.encode("utf-8")
    media_type = "text/html"
    if len(text.split()) < FULL_ENTRY_WORDS and link:
        # The entry is a teaser: the article is on its page.
        raw, _kind = fetch(link)
        page = html_to_text(raw.decode("utf-8", errors="replace"), link)
        text = strip_chrome(page.get("text") or "")
    if len(text.split()) < 5:
        raise SourceError(label, "feed entry with no article text")
    return Article(
        source=label,
        name=link or label,
        raw=raw,
        text=text,
        title=(entry.get("title") or "").strip() or None,
        published=_entry_published(entry),
        outlet=outlet,
        url=link,
        language=language_of(text),
        media_type=media_type,
    )
