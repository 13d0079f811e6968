"""JSON Lines files: one article per line, as ``{url, title, text, published}``."""

from __future__ import annotations

import json
from collections.abc import Iterator

from suivi.errors import SourceError
from suivi.models import Article
from suivi.sources.cleaning import strip_chrome
from suivi.sources.decoding import decode_bytes
from suivi.sources.metadata import iso_date, language_of, outlet_from_url, published_from_text


def read_jsonl(data: bytes, source: str) -> Iterator[Article | SourceError]:
    """Each line as an article; a bad line is reported with its number and the rest go on."""
    content = decode_bytes(data, source)
    # Only \n (and \r\n) end a line: str.splitlines() also splits on U+2028, U+0085 and
    # the like, which JSON allows raw inside strings, and would cut such a line in two.
    for number, line in enumerate(content.split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        label = f"{source}:{number}"
        try:
            yield _line_article(line, label)
        except SourceError as error:
            yield error


def _line_article(line: str, label: str) -> Article:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise SourceError(label, f"not JSON ({error.msg}, column {error.colno})") from error
    if not isinstance(item, dict):
        raise SourceError(label, "each line must be an object with url, title, text, published")
    text = item.get("text")
    if not isinstance(text, str) or len(strip_chrome(text).split()) < 5:
        raise SourceError(label, "no 'text' with an article in it")
    url = item.get("url") if isinstance(item.get("url"), str) else None
    cleaned = strip_chrome(text)
    return Article(
        source=label,
        name=url or label,
        raw=line.encode("utf-8"),
        text=cleaned,
        title=str(item["title"]).strip() if item.get("title") else None,
        published=iso_date(item.get("published")) or published_from_text(text),
        outlet=str(item["outlet"])
        if item.get("outlet")
        else (outlet_from_url(url) if url else None),
        url=url,
        language=language_of(cleaned),
        media_type="application/json",
    )
