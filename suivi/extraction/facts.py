"""Keyword tables from ``patterns/facts.json``, compiled once, shared by the fact components."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from suivi.extraction.countries import country_names, country_regex, english_only_names
from suivi.extraction.dates import DateMention
from suivi.extraction.resources import load
from suivi.extraction.text import Keywords, raw_text
from suivi.folding import fold_chars, fold_key


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


# The place that opens a dispatch, before its filing date.
_DATELINE = re.compile(r"\s*[A-ZÀ-Ý][A-ZÀ-Ý'’ .-]+,\s*(?:\(?[\w ]+\)?,\s*)?")


def is_dateline_date(doc: Doc, mention: DateMention, text: str | None = None) -> bool:
    """Whether ``mention`` is the filing date of a dispatch ("ANKARA, March 13, 2025 –"):
    when the dispatch was filed, not the news."""
    text = raw_text(doc) if text is None else text
    return bool(_DATELINE.fullmatch(text[text.rfind("\n", 0, mention.start) + 1 : mention.start]))


def nearest_date(
    doc: Doc, sentence: Span, position: int, *, years: bool = True
) -> DateMention | None:
    """The date mention in ``sentence`` nearest to ``position`` (day precision preferred)."""
    best: tuple[int, DateMention] | None = None
    text = raw_text(doc)
    for mention in doc._.dates:
        if mention.start < sentence.start_char or mention.end > sentence.end_char:
            continue
        if is_dateline_date(doc, mention, text):
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
    # A state is named in its article's language ("Chad", "Turkey") while its actor carries
    # the French name: states are found by code.
    folded = fold_chars(text)
    named_states = {
        country_names().get(fold_key(m.group(0))) for m in country_regex().finditer(folded)
    }
    if doc.has_extension("language") and doc._.language == "en":
        named_states |= {code for name, code in english_only_names().items() if name in folded}
    names: list[str] = []
    for actor in doc._.actors:
        if actor["type"] not in kinds:
            continue
        short = actor["name"].split()[-1] if actor["type"] == "person" else actor["name"]
        state_named = actor["type"] == "country" and actor["country"] in named_states
        if state_named or short.casefold() in text:
            value = (
                actor["country"]
                if actor["type"] == "country" and actor["country"]
                else actor["name"]
            )
            if value not in names:
                names.append(value)
    return names
