"""States named as nouns, from babel's everyday country names (French and English)."""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry
from babel import Locale

from suivi.extraction.resources import load
from suivi.folding import fold_chars, fold_key


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Folded country name -> ISO 3166-1 alpha-2 code, for French and English names."""
    data = load("countries.json")
    never = {fold_key(n) for n in data["never"]}
    names: dict[str, str] = {}
    for locale in ("fr", "en"):
        for code, name in Locale(locale).territories.items():
            if (
                len(code) != 2
                or not code.isalpha()
                or pycountry.countries.get(alpha_2=code) is None
            ):
                continue
            key = fold_key(name)
            if key not in never:
                names.setdefault(key, code)
    for name, code in data["aliases"].items():
        names[fold_key(name)] = code
    return names


@lru_cache(maxsize=1)
def canonical_names() -> dict[str, str]:
    """ISO code -> the everyday French name (used to name a state)."""
    return {code: name for code, name in Locale("fr").territories.items() if len(code) == 2}


@lru_cache(maxsize=1)
def country_regex() -> re.Pattern[str]:
    """One expression for every country name, longest first, on folded text."""
    names = sorted(country_names(), key=len, reverse=True)
    body = "|".join(re.escape(n).replace("\\ ", r"[\s-]+").replace("'", "['’]") for n in names)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])")


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Folded demonym ("malien", "russe") -> ISO code. Babel has no demonyms: a data file."""
    return {fold_chars(k): v for k, v in load("countries.json")["demonyms"].items()}


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Folded capital ("moscou") -> ISO code, to tell a person's country from a dateline or role."""
    return {fold_chars(k): v for k, v in load("countries.json")["capitals"].items()}


def code_of(name: str) -> str | None:
    """The ISO code of a country name, or None."""
    return country_names().get(fold_key(name))
