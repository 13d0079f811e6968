"""Kinds of undertaking: what a project's name says it is, in French or English, and which
kinds two outlets may use for one undertaking."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from suivi.consolidation.names import STOPWORDS
from suivi.folding import fold_words
from suivi.models import Fact


@lru_cache(maxsize=1)
def _project_heads() -> frozenset[str]:
    # The words that name an undertaking are the extraction's own lexicon (one data file).
    path = Path(__file__).parent.parent / "extraction" / "patterns" / "facts.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    heads = [h for group in table["project_heads"].values() for h in group]
    heads += table["project_place_heads"]
    return frozenset(fold_words(head).split()[0] for head in heads)


@lru_cache(maxsize=1)
def _kind_phrases() -> list[tuple[str, str]]:
    path = Path(__file__).parent / "data" / "project_kinds.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    pairs = [(fold_words(p), kind) for kind, ps in table.items() if kind[0] != "_" for p in ps]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


@lru_cache(maxsize=1)
def compatible_kinds() -> frozenset[frozenset[str]]:
    path = Path(__file__).parent / "data" / "project_kinds.json"
    pairs = json.loads(path.read_text(encoding="utf-8")).get("_compatible", [])
    return frozenset(frozenset(pair) for pair in pairs)


@lru_cache(maxsize=256)
def kind_family(kind: str) -> str:
    """The kinds an undertaking may be called by across outlets, as one name: the kinds
    joined by ``_compatible`` pairs (an English "plant" is a refinery for another outlet)."""
    family = {kind}
    grown = True
    while grown:
        joined = {k for pair in compatible_kinds() if pair & family for k in pair}
        grown = not joined <= family
        family |= joined
    return min(family)


def project_kind(fact: Fact) -> str:
    """The kind of undertaking a project's name names (raffinerie, centrale, banque…).

    The phrase of a kind that starts earliest in the name gives it, in either language
    ("centrale solaire de Kaya" and "solar plant in Kaya" are both power plants); else the
    first word of the name that names an undertaking, so that "première raffinerie d'or
    nationale" and "raffinerie d'or" are both refineries.
    """
    name = f" {fold_words(fact.get('name') or '')} "
    found = [(name.find(f" {p} "), kind) for p, kind in _kind_phrases() if f" {p} " in name]
    if found:
        return min(found, key=lambda item: item[0])[1]
    words = [w for w in name.split() if w not in STOPWORDS]
    heads = _project_heads()
    return next((w for w in words if w in heads), words[0] if words else "")
