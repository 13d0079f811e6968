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
def english_only_names() -> dict[str, str]:
    """Folded English names that are states only in an English text ("Chad" is a given
    name in French) -> ISO code."""
    english = {fold_key(name): code for code, name in Locale("en").territories.items()}
    return {
        fold_key(name): english[fold_key(name)]
        for name in load("countries.json")["names_only_english"]
        if fold_key(name) in english
    }


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


# "russo-malienne", "sino-africaine": a body shared by two sides belongs to neither state.
_JOINT = re.compile(
    r"\b(?:russo|sino|franco|turco|italo|anglo|germano|nippo|irano|americano|belgo|indo|arabo)"
    r"(?:[\s-]|$)"
)


def country_in_name(name: str) -> str | None:
    """The one state an organisation's own name names: "Assemblée nationale du Sénégal",
    "Ethiopian Electric Power Corporation", "SOREM-Mali SA", "Fonds d'Abou Dhabi". None when
    it names none or two, or joins two sides ("Commission russo-malienne", "Forum
    Russie-Afrique"): such a body belongs to neither state."""
    folded = fold_key(name)
    if _JOINT.search(folded):
        return None
    for left, right in re.findall(r"([A-ZÀ-Ý][\w]+)-([A-ZÀ-Ý][\w]+)", name):
        sides = {fold_key(left), fold_key(right)}
        if sides & (set(country_names()) | _CONTINENTS) and not (left.isupper() or right.isupper()):
            return None
    spaced = " ".join(re.split(r"[\s'’-]+", folded))
    codes = {country_names()[m.group(0)] for m in country_regex().finditer(spaced)}
    for word in spaced.split():
        for table in (demonyms(), capitals()):
            if word in table:
                codes.add(table[word])
    for capital, code in capitals().items():
        if " " in capital and f" {capital} " in f" {spaced} ":
            codes.add(code)
    return codes.pop() if len(codes) == 1 else None


_CONTINENTS = frozenset({"afrique", "africa", "europe", "asie", "asia", "amerique", "america"})
