"""Numbers and dates written the way a reader of each language expects, with Babel."""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import UnknownCurrencyError, format_decimal, get_currency_name

# The regional conventions a bare language code stands for; other codes are read by Babel.
_REGIONS = {"fr": "fr_FR", "en": "en_GB"}


@cache
def babel_locale(lang: str) -> Locale:
    """Babel's locale for a catalogue's language; French for a code it does not know."""
    try:
        return Locale.parse(_REGIONS.get(lang, lang))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(_REGIONS["fr"])


def right_to_left(lang: str) -> bool:
    """Whether the language is written right to left (Arabic, Hebrew…)."""
    return bool(babel_locale(lang).character_order == "right-to-left")


def number(value: Any, lang: str) -> str:
    """``25000`` → ``25 000`` in French, ``25,000`` in English; anything else as text."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    return str(format_decimal(value, locale=babel_locale(lang)))


def parse_date(value: Any) -> date | None:
    """An ISO date at any precision (``2025``, ``2025-06``, ``2025-06-23``) as its first day."""
    if not isinstance(value, str) or len(value) < 4 or not value[:4].isdigit():
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and parts[1] else 1
        day = int(parts[2]) if len(parts) > 2 and parts[2] else 1
        return date(year, month, day)
    except ValueError:
        return None


def month(day: date, lang: str) -> str:
    """A month's short name: ``juin``, ``Jun``."""
    return str(format_date(day, "MMM", locale=babel_locale(lang)))


def when(value: Any, lang: str) -> str:
    """An ISO date at its own precision: ``23 juin 2025``, ``juin 2025``, ``2025``."""
    # A page writes the same few dates many times (one per source): each written once.
    return _when_text(value, lang) if isinstance(value, str) else _when(value, lang)


@lru_cache(maxsize=8192)
def _when_text(value: str, lang: str) -> str:
    return _when(value, lang)


def _when(value: Any, lang: str) -> str:
    parsed = parse_date(value)
    if parsed is None:
        return "" if value is None else str(value)
    precision = len(str(value)[:10].split("-"))
    if precision == 1:
        return str(parsed.year)
    pattern = "MMMM y" if precision == 2 else "d MMMM y"
    return str(format_date(parsed, pattern, locale=babel_locale(lang)))


@cache
def country(code: str, lang: str) -> str:
    """The name of a state from its ISO code (``ML`` → ``Mali``); anything else as given."""
    if len(code) == 2 and code.isupper():
        name = babel_locale(lang).territories.get(code)
        if name:
            return str(name)
    return code


def currency(code: str, lang: str) -> str:
    """A currency's name from Babel's data (``yens japonais``); the code if it has none."""
    if len(code) != 3 or not code.isupper():
        return code
    try:
        name = str(get_currency_name(code, count=2, locale=babel_locale(lang)))
    except (UnknownCurrencyError, ValueError):
        return code
    return code if name == code else name
