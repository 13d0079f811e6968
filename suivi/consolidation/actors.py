"""Entity resolution: one actor per real person, organisation or state across documents."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rapidfuzz import fuzz

from suivi.consolidation.clusters import cluster
from suivi.consolidation.names import acronym, is_acronym, organisation_key, person_tokens
from suivi.folding import fold_words
from suivi.models import Fact

# Two spellings of one family name ("Goïta"/"Goita" fold alike; "Keulika"/"Keoulika" do not)
# still match at this similarity; two first names must be closer than "Amadou"/"Modibo".
FAMILY_SIMILARITY = 90
GIVEN_SIMILARITY = 80
ORGANISATION_SIMILARITY = 92


def _given_names_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    first_a, first_b = a[0], b[0]
    if first_a == first_b:
        return True
    if len(first_a) == 1 or len(first_b) == 1:
        return first_a[0] == first_b[0]
    return fuzz.ratio(first_a, first_b) >= GIVEN_SIMILARITY


def _countries_agree(a: Fact, b: Fact) -> bool:
    ca, cb = a.get("country"), b.get("country")
    return not (ca and cb and ca != cb)


def same_person(a: Fact, b: Fact) -> bool:
    """Whether two person facts name one person (full names only; lone family names apart)."""
    ta, tb = person_tokens(a.get("name") or ""), person_tokens(b.get("name") or "")
    if not ta or not tb or not _countries_agree(a, b):
        return False
    if ta == tb:
        return True
    if len(ta) < 2 or len(tb) < 2:
        return False
    family = fuzz.ratio(ta[-1], tb[-1])
    return family >= FAMILY_SIMILARITY and _given_names_agree(ta, tb)


def same_organisation(a: Fact, b: Fact) -> bool:
    """Whether two organisation facts name one organisation."""
    name_a, name_b = a.get("name") or "", b.get("name") or ""
    ka, kb = organisation_key(name_a), organisation_key(name_b)
    if not ka or not kb or not _countries_agree(a, b):
        return False
    if ka == kb:
        return True
    if is_acronym(name_a) != is_acronym(name_b):
        short, long = (ka, name_b) if is_acronym(name_a) else (kb, name_a)
        return short.replace(" ", "") == acronym(long)
    return fuzz.ratio(ka, kb) >= ORGANISATION_SIMILARITY


def _actor_block(fact: Fact) -> tuple[str, str]:
    # People are compared only within the first letter of their family name: names that
    # match fuzzily still share it, and a large store is not compared pair by pair.
    kind = str(fact.get("type") or "")
    if kind == "person":
        tokens = person_tokens(fact.get("name") or "")
        return kind, tokens[-1][:1] if tokens else ""
    return kind, ""


def _same_actor(a: Fact, b: Fact) -> bool:
    kind = a.get("type")
    if kind != b.get("type"):
        return False
    if kind == "country":
        ca, cb = a.get("country"), b.get("country")
        return (
            ca == cb
            if ca and cb
            else fold_words(a.get("name") or "") == fold_words(b.get("name") or "")
        )
    if kind == "person":
        return same_person(a, b)
    return same_organisation(a, b)


def resolve(actor_facts: Iterable[Fact]) -> list[list[Fact]]:
    """Actor facts grouped by the real actor they name, in order of first mention.

    A lone family name ("Goïta") joins the one person of that family name the store knows
    by full name; where two such people exist ("Amadou Keïta", "Modibo Keïta") it stays
    apart, since nothing says which one is meant.
    """
    facts = list(actor_facts)
    groups = cluster(facts, _same_actor, _actor_block)
    full: dict[str, list[int]] = {}
    for index, group in enumerate(groups):
        tokens = _group_tokens(group)
        if group[0].get("type") == "person" and len(tokens) >= 2:
            full.setdefault(tokens[-1], []).append(index)
    merged: dict[int, int] = {}
    for index, group in enumerate(groups):
        tokens = _group_tokens(group)
        if group[0].get("type") != "person" or len(tokens) != 1:
            continue
        owners = [
            owner
            for owner in full.get(tokens[0], [])
            if all(_countries_agree(f, g) for f in group for g in groups[owner])
        ]
        if len(owners) == 1:
            merged[index] = owners[0]
    out: dict[int, list[Fact]] = {}
    for index, group in enumerate(groups):
        out.setdefault(merged.get(index, index), []).extend(group)
    return [
        sorted(out[key], key=lambda fact: fact.order)
        for key in sorted(out, key=lambda k: min(f.order for f in out[k]))
    ]


def _group_tokens(group: list[Fact]) -> tuple[str, ...]:
    return max((person_tokens(f.get("name") or "") for f in group), key=len)


def canonical_name(group: list[Fact]) -> str:
    """The name a group is shown under: its fullest spelling, accents kept, most used first."""
    names = Counter(f.get("name") for f in group if f.get("name"))
    if not names:
        return ""

    def rank(name: str) -> tuple[int, int, int, int]:
        accents = sum(1 for c in name if ord(c) > 127)
        kind = group[0].get("type")
        length = len(person_tokens(name)) if kind == "person" else len(name.split())
        return (int(not is_acronym(name)), length, names[name], accents)

    return max(names, key=rank)
