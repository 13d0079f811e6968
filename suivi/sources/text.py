"""Plain-text and Markdown articles."""

from __future__ import annotations

import re

from suivi.models import Article
from suivi.sources.cleaning import strip_chrome
from suivi.sources.decoding import decode_bytes
from suivi.sources.metadata import (
    language_of,
    outlet_from_text,
    published_from_text,
    title_from_text,
)

_MD_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")


def markdown_to_text(text: str) -> str:
    """Markdown's markup removed, so offsets count the words a reader sees."""
    text = _MD_HEADING.sub("", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return _MD_LINK.sub(r"\1", text)


def read_text(data: bytes, source: str, name: str, *, markdown: bool = False) -> Article:
    """An article from a text file's bytes."""
    from suivi.errors import SourceError

    decoded = decode_bytes(data, source)
    if markdown:
        decoded = markdown_to_text(decoded)
    text = strip_chrome(decoded)
    if len(text.split()) < 5:
        raise SourceError(
            source, "no article text (fewer than five words once page chrome is removed)"
        )
    return Article(
        source=source,
        name=name,
        raw=data,
        text=text,
        title=title_from_text(text),
        published=published_from_text(decoded),
        outlet=outlet_from_text(decoded),
        language=language_of(text),
        media_type="text/markdown" if markdown else "text/plain",
    )
