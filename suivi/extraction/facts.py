"""Keyword tables from ``patterns/facts.json``, compiled once, shared by the fact components."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from suivi.extraction.dates import DateMention
from suivi.extraction.resources import load
from suivi.extraction.text import Keywords, raw_text


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    """The parsed facts.json."""
    return dict(load("facts.json"))


@lru_cache(maxsize=1)
def sectors() -> Keywords:
    """Sector keywords: label is the sector."""
    return Keywords(table()["sectors"])


@cache
def keywords(name: str) -> Keywords:
    """A keyword table of facts.json by name (its values are label -> patterns)."""
    value = table()[name]
    if isinstance(value, list):
        value = {name: value}
    return Keywords(value)


def status_words() -> Keywords:
    """Agreement status words: signed, ratified, in_force, announced."""
    return _status_words()


@lru_cache(maxsize=1)
def _status_words() -> Keywords:
    data = table()
    return Keywords({key: data[key] for key in ("ratified", "in_force", "signed", "announced")})


def nearest_date(
    doc: Doc, sentence: Span, position: int, *, years: bool = True
) -> DateMention | None:
    """The date mention in ``sentence`` nearest to ``position`` (day precision preferred)."""
    best: tuple[int, DateMention] | None = None
    for mention in doc._.dates:
        if mention.start < sentence.start_char or mention.end > sentence.end_char:
            continue
        if not years and len(mention.value) == 4:
            continue
        distance = min(abs(mention.start - position), abs(position - mention.end))
        distance -= 40 * (len(mention.value) >= 7)  # a day or a month says more than a year
        if best is None or distance < best[0]:
            best = (distance, mention)
    return best[1] if best else None


def actors_in(doc: Doc, start: int, end: int, kinds: tuple[str, ...]) -> list[str]:
    """Names (states by ISO code) of the actors whose names occur in ``doc.text[start:end]``."""
    text = raw_text(doc)[start:end].casefold()
    names: list[str] = []
    for actor in doc._.actors:
        if actor["type"] not in kinds:
            continue
        short = actor["name"].split()[-1] if actor["type"] == "person" else actor["name"]
        if short.casefold() in text:
            value = (
                actor["country"]
                if actor["type"] == "country" and actor["country"]
                else actor["name"]
            )
            if value not in names:
                names.append(value)
    return names
