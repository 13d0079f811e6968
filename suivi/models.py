"""The types that cross layers: an article read from a source, and what extraction is given."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One article read from a source, before it is stored.

    ``source`` is the input as given (path or URL), ``name`` the document's short name (the
    file's base name, or the URL). ``raw`` holds the original bytes as received (archived
    with their SHA-256); ``text`` is the normalised text without site chrome, the text every
    evidence offset points into.
    """

    source: str
    name: str
    raw: bytes
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    media_type: str = "text/plain"
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ExtractionInput:
    """A text to extract facts from, with what is already known about it."""

    doc: str
    text: str
    published: str | None = None
    language: str | None = None
