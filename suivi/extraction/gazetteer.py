"""Known names: the actor lexicon, the gazetteer of widely known organisations, and widely
known office-holders with the state they serve."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from suivi.extraction.resources import load
from suivi.folding import fold_chars, fold_key


@lru_cache(maxsize=1)
def lexicon() -> dict[str, set[str]]:
    data = load("lexicon.json")
    return {key: {fold_chars(w) for w in words} for key, words in data.items()}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, dict[str, Any]]:
    """Folded name or alias -> organisation record."""
    return _by_name("organizations.jsonl")


@lru_cache(maxsize=1)
def known_people() -> dict[str, dict[str, Any]]:
    """Folded name or alias -> record of a widely known office-holder (heads of state and
    government, foreign and defence ministers): their state is known, whatever the sentence
    says around the name ("Poutine a reçu le président malien" gives Putin no Mali)."""
    return _by_name("people.jsonl")


def _by_name(file: str) -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = {}
    for record in load(file):
        for name in [record["name"], *record.get("aliases", [])]:
            table[fold_key(name)] = record
    return table


@lru_cache(maxsize=1)
def gazetteer_regex() -> re.Pattern[str]:
    names = sorted(
        {n for r in load("organizations.jsonl") for n in [r["name"], *r.get("aliases", [])]},
        key=len,
        reverse=True,
    )
    body = "|".join(re.escape(n).replace("\\ ", r"\s+").replace("'", "['’]") for n in names)
    # Case matters here: "UA", "BAD" and "UN" are organisations only in capitals.
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


@lru_cache(maxsize=1)
def known_people_regex() -> re.Pattern[str]:
    """Every widely known office-holder's name and alias, longest first, as written: the
    statistical model misses some of them in long texts."""
    names = sorted(
        {n for r in load("people.jsonl") for n in [r["name"], *r.get("aliases", [])]},
        key=len,
        reverse=True,
    )
    body = "|".join(re.escape(n).replace("\\ ", r"\s+") for n in names)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
