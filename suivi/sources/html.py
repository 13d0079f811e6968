"""HTML pages: the article's main text, recovered with trafilatura."""

from __future__ import annotations

from typing import Any

from suivi.errors import SourceError
from suivi.models import Article
from suivi.sources.cleaning import strip_chrome
from suivi.sources.decoding import decode_bytes
from suivi.sources.metadata import iso_date, language_of, outlet_from_url, published_from_text

# Fewer words than this is a page without an article (a menu, an error page, a login form).
MIN_WORDS = 30


def html_to_text(html: str, url: str | None = None) -> dict[str, Any]:
    """Main text and metadata of an HTML page (comments, menus and scripts left out)."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        favor_precision=True,
    )
    if document is None:
        return {}
    return dict(document.as_dict()) if hasattr(document, "as_dict") else dict(document)


def read_html(data: bytes, source: str, name: str, url: str | None = None) -> Article:
    """An article from an HTML page's bytes."""
    page = decode_bytes(data, source)
    found = html_to_text(page, url)
    text = strip_chrome(found.get("text") or "")
    if len(text.split()) < MIN_WORDS:
        raise SourceError(source, "HTML page with no article text (only menus or too short)")
    title = found.get("title")
    return Article(
        source=source,
        name=name,
        raw=data,
        text=text,
        title=title.strip() if isinstance(title, str) and title.strip() else None,
        published=iso_date(found.get("date")) or published_from_text(text),
        outlet=found.get("sitename") or (outlet_from_url(url) if url else found.get("hostname")),
        url=url or found.get("url"),
        language=language_of(text),
        media_type="text/html",
    )
