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


def markdown_to_text(text: str) -> str:
    """The words a reader sees in Markdown: one paragraph per block, markup left out."""
    from markdown_it import MarkdownIt

    blocks: list[str] = []
    for token in MarkdownIt().parse(text):
        if token.type == "inline":
            parts = []
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append("\n")
            blocks.append("".join(parts))
        elif token.type in ("code_block", "fence"):
            blocks.append(token.content.rstrip("\n"))
    return "\n\n".join(block for block in blocks if block.strip())


_MD_MARKS = (
    re.compile(r"^[ \t]{0,3}(#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+[.)][ \t]+)", re.MULTILINE),
    re.compile(r"(\*\*|\*|`)(?=\S)|(?<=\S)(\*\*|\*|`)"),
    re.compile(r"(?<!\w)_{1,2}(?=\S)|(?<=\S)_{1,2}(?!\w)"),
    re.compile(r"\]\([^)\s]*\)|\["),
)


def mask_markdown(text: str) -> str:
    """Markdown's markup blanked with spaces, every offset kept where it was.

    ``suivi extract`` reports offsets into the file as given, so markup is blanked rather
    than removed (as site chrome is). Underscores inside words are left alone.
    """
    for pattern in _MD_MARKS:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def read_text(data: bytes, source: str, name: str, *, markdown: bool = False) -> Article:
    """An article from a text file's bytes."""
    decoded = decode_bytes(data, source)
    if markdown:
        decoded = markdown_to_text(decoded)
    return text_article(
        data, source, name, decoded, media_type="text/markdown" if markdown else "text/plain"
    )


def text_article(
    data: bytes,
    source: str,
    name: str,
    decoded: str,
    *,
    media_type: str,
    url: str | None = None,
    empty: str = "no article text (fewer than five words once page chrome is removed)",
) -> Article:
    """The article whose bytes are ``data`` and whose text, as read, is ``decoded``: its
    chrome removed, its metadata read from the text; ``empty`` says why too short a text
    is refused."""
    from suivi.errors import SourceError

    text = strip_chrome(decoded)
    if len(text.split()) < 5:
        raise SourceError(source, empty)
    return Article(
        source=source,
        name=name,
        raw=data,
        text=text,
        title=title_from_text(text),
        published=published_from_text(decoded),
        outlet=outlet_from_text(decoded),
        url=url,
        language=language_of(text),
        media_type=media_type,
    )
