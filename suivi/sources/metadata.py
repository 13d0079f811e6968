"""Metadata read from the text itself: title, publication date, outlet, language."""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlparse

import dateparser

from suivi.models import ExtractionInput
from suivi.sources.language import detect_language
from suivi.sources.published import find_published

_TITLE_MAX = 250
_DOMAIN_SUFFIX = re.compile(r"\s[-–|]\s([\w.-]+\.[a-z]{2,})\s*$", re.IGNORECASE)


def title_from_text(text: str) -> str | None:
    """The first line that reads as a title (short, not a date line)."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if not line:
            continue
        if len(line) > _TITLE_MAX:
            return None
        if line.lower().startswith(("publié", "mis à jour", "published")):
            continue
        return _DOMAIN_SUFFIX.sub("", line).strip() or None
    return None


def outlet_from_text(text: str) -> str | None:
    """An outlet named on the title line as ``… - site.com``."""
    for line in text.splitlines()[:3]:
        match = _DOMAIN_SUFFIX.search(line.strip())
        if match:
            return match.group(1).lower()
    return None


def outlet_from_url(url: str) -> str | None:
    """The domain of ``url``, without ``www.``."""
    host = urlparse(url).hostname
    return host.removeprefix("www.") if host else None


def iso_date(value: object) -> str | None:
    """An ISO date (``YYYY-MM-DD``) from a datetime, a date, or a date string in any format."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", text):
        return text
    parsed = dateparser.parse(
        text, languages=["fr", "en"], settings={"PREFER_DAY_OF_MONTH": "first"}
    )
    return parsed.date().isoformat() if parsed else None


def published_from_text(text: str) -> str | None:
    """The publication date the text states in its header, if any."""
    return find_published(text)


def language_of(text: str) -> str:
    """``fr`` or ``en``."""
    return detect_language(text)


def extraction_input(
    doc: str, text: str, published: str | None = None, language: str | None = None
) -> ExtractionInput:
    """What extraction is given: the metadata already known, else what ``text`` itself states."""
    return ExtractionInput(
        doc, text, published or published_from_text(text), language or language_of(text)
    )
