"""Entity resolution: one actor per real person, organisation or state across documents."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable

from rapidfuzz import fuzz, process

from suivi.consolidation.blocking import (
    PROBE,
    TARGET,
    Key,
    Keys,
    candidate_pairs,
    deletions,
    neighbours,
    pair,
)
from suivi.consolidation.clusters import UnionFind, groups_of
from suivi.consolidation.names import (
    STOPWORDS,
    acronym,
    is_acronym,
    latin,
    organisation_key,
    person_tokens,
    same_family_name,
    same_given_name,
    sound,
    without_legal_suffix,
)
from suivi.folding import fold_words
from suivi.models import Fact

ORGANISATION_SIMILARITY = 92


def _countries_agree(a: Fact, b: Fact) -> bool:
    ca, cb = a.get("country"), b.get("country")
    return not (ca and cb and ca != cb)


def same_person(a: Fact, b: Fact) -> bool:
    """Whether two person facts name one person (full names only; lone family names apart).

    Spellings and transliterations of one name match ("Vladimir Poutine", "Vladimir Putin",
    "Владимир Путин"). Two namesakes of different countries stay apart, unless their given
    names are written alike too: then the countries disagree, not the people.
    """
    ta, tb = person_tokens(a.get("name") or ""), person_tokens(b.get("name") or "")
    if not ta or not tb:
        return False
    if tuple(map(latin, ta)) == tuple(map(latin, tb)):
        return True
    if len(ta) < 2 or len(tb) < 2:
        return False
    if _one_names_the_other_in_full(a, b, ta, tb):
        return True
    if not (same_family_name(ta[-1], tb[-1]) and same_given_name(ta[0], tb[0])):
        return False
    return _countries_agree(a, b) or latin(ta[-1]) == latin(tb[-1])


def _prefix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return len(short) < len(long) and tuple(long[: len(short)]) == tuple(short)


def _one_names_the_other_in_full(
    a: Fact, b: Fact, ta: tuple[str, ...], tb: tuple[str, ...]
) -> bool:
    # Within one article, a shorter name that begins a longer one is the same actor named
    # again ("Mahamat Idriss Déby Itno", then "Mahamat Idriss Déby"; "Fonds d'Abou Dhabi
    # pour le développement", then "Fonds d'Abou Dhabi"); across articles it may be another.
    if a.document.id != b.document.id or min(len(ta), len(tb)) < 2:
        return False
    return _prefix(ta, tb) or _prefix(tb, ta)


def same_organisation(a: Fact, b: Fact) -> bool:
    """Whether two organisation facts name one organisation."""
    name_a, name_b = a.get("name") or "", b.get("name") or ""
    ka, kb = organisation_key(name_a), organisation_key(name_b)
    if not ka or not kb or not _countries_agree(a, b):
        return False
    if a.get("known_as") and a.get("known_as") == b.get("known_as"):
        return True  # a widely known body, in any language
    if ka == kb or _one_names_the_other_in_full(a, b, tuple(ka.split()), tuple(kb.split())):
        return True
    bare_a, bare_b = without_legal_suffix(name_a), without_legal_suffix(name_b)
    if is_acronym(bare_a) != is_acronym(bare_b):
        # "NNPC Ltd" and "Nigerian National Petroleum Company Limited"
        short, long = (bare_a, bare_b) if is_acronym(bare_a) else (bare_b, bare_a)
        return fold_words(short).replace(" ", "") == acronym(without_legal_suffix(long))
    return fuzz.ratio(ka, kb) >= ORGANISATION_SIMILARITY


def _actor_keys(facts: list[Fact]) -> Keys[Fact]:
    # Actors are compared only within blocks, so that a large store is not compared pair
    # by pair. People block on the initial of their first name, which every match keeps
    # (same_given_name requires it; a lone family name matches only itself), and on a pair
    # of alike family names (same_family_name); organisations on the initial of their first
    # word (an acronym starts with the initial of its long form's first word; spellings of
    # one name that are 92 % alike share it too), then on a pair of alike names or on their
    # acronym.
    initial = {id(f): _initial(f) for f in facts}
    families = {
        latin(tokens[-1])
        for f in facts
        if f.get("type") == "person" and (tokens := person_tokens(f.get("name") or ""))
    }
    family_near = neighbours(families, _family_keys, same_family_name)
    names: dict[tuple[object, str], set[str]] = {}
    for f in facts:
        if f.get("type") not in ("person", "country") and (key := _org_key(f)):
            names.setdefault((f.get("type"), initial[id(f)]), set()).add(key)
    name_near = {block: _alike_names(found) for block, found in names.items()}

    def keys(fact: Fact) -> Iterable[Key]:
        kind = fact.get("type")
        if kind == "person":
            tokens = person_tokens(fact.get("name") or "")
            if tokens:
                family = latin(tokens[-1])
                for other in family_near[family]:
                    yield (kind, initial[id(fact)]), pair(family, other)
        elif kind == "country":
            # One state by its code when both have one, else by its name as written.
            if fact.get("country"):
                yield (kind, "code"), fact.get("country")
            yield (kind, "name"), fold_words(fact.get("name") or "")
        elif key := _org_key(fact):
            if fact.get("known_as"):
                yield (kind, "known"), str(fact.get("known_as"))
            block = (kind, initial[id(fact)])
            for other in name_near[block][key]:
                yield (*block, "alike"), pair(key, other)
            bare = without_legal_suffix(fact.get("name") or "")
            if is_acronym(bare):
                yield (*block, "acronym"), fold_words(bare).replace(" ", ""), PROBE
            elif acronym(bare):
                yield (*block, "acronym"), acronym(bare), TARGET

    return keys


def _initial(fact: Fact) -> str:
    if fact.get("type") == "person":
        tokens = person_tokens(fact.get("name") or "")
        return latin(tokens[0])[:1] if tokens else ""
    if fact.get("type") != "organization":
        return ""  # an actor of another kind is compared with every one of its kind
    words = [w for w in organisation_key(fact.get("name") or "").split() if w not in STOPWORDS]
    return latin(words[0])[:1] if words else ""


def _org_key(fact: Fact) -> str:
    return organisation_key(fact.get("name") or "")


def _family_keys(family: str) -> Iterable[Hashable]:
    # Names 90 % alike are at most 2/9 of their length apart in insertions and deletions;
    # names alike in sound share their sound.
    yield "sound", sound(family)
    for variant in deletions(family, 2 * len(family) // 9):
        yield "spelling", variant


def _alike_names(names: set[str]) -> dict[str, list[str]]:
    # Each organisation name with the names at least ORGANISATION_SIMILARITY alike.
    choices = sorted(names)
    return {
        name: [
            found
            for found, _, _ in process.extract(
                name, choices, scorer=fuzz.ratio, score_cutoff=ORGANISATION_SIMILARITY, limit=None
            )
        ]
        for name in choices
    }


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


def _signature(fact: Fact) -> tuple[object, ...] | None:
    # Facts of one kind, name and country are one actor whatever their documents; None
    # where the name folds to nothing a rule can match on.
    kind, name = fact.get("type"), fact.get("name") or ""
    if kind == "person" and not person_tokens(name):
        return None
    if kind not in ("person", "country") and not organisation_key(name):
        return None
    return kind, fold_words(name), fact.get("country")


def _connected(facts: list[Fact]) -> list[list[Fact]]:
    """What ``clusters.cluster`` over ``_same_actor`` gives, with far fewer comparisons.

    A name told by a thousand articles is compared once: the rules read only the kind, the
    name and the country, except the one that joins a name to its longer form within one
    article, which is run on each article's own actors.
    """
    sets = UnionFind(len(facts))
    first: dict[tuple[object, ...], int] = {}
    shown: list[int] = []
    by_document: dict[str, list[int]] = {}
    for index, fact in enumerate(facts):
        by_document.setdefault(fact.document.id, []).append(index)
        signature = _signature(fact)
        if signature is not None and signature in first:
            sets.union(first[signature], index)
            continue
        if signature is not None:
            first[signature] = index
        shown.append(index)
    distinct = [facts[i] for i in shown]
    pairs = [(shown[a], shown[b]) for a, b in candidate_pairs(distinct, _actor_keys(distinct))]
    for members in by_document.values():
        pairs += [(a, b) for n, a in enumerate(members) for b in members[n + 1 :]]
    for a, b in pairs:
        if sets.find(a) != sets.find(b) and _same_actor(facts[a], facts[b]):
            sets.union(a, b)
    return groups_of(facts, sets)


def resolve(actor_facts: Iterable[Fact]) -> list[list[Fact]]:
    """Actor facts grouped by the real actor they name, in order of first mention.

    A lone family name ("Goïta") joins the one person of that family name the store knows
    by full name; where two such people exist ("Amadou Keïta", "Modibo Keïta") it stays
    apart, since nothing says which one is meant.
    """
    facts = list(actor_facts)
    groups = _connected(facts)
    full: dict[str, list[int]] = {}
    for index, group in enumerate(groups):
        tokens = _group_tokens(group)
        if group[0].get("type") == "person" and len(tokens) >= 2:
            full.setdefault(latin(tokens[-1]), []).append(index)
    merged: dict[int, int] = {}
    for index, group in enumerate(groups):
        tokens = _group_tokens(group)
        if group[0].get("type") != "person" or len(tokens) != 1:
            continue
        owners = [
            owner
            for owner in full.get(latin(tokens[0]), [])
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

    def rank(name: str) -> tuple[int, int, int, int, int]:
        # The portal reads French: a name in Latin letters before one in another script.
        latin_script = int(all(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in name))
        accents = sum(1 for c in name if ord(c) > 127)
        kind = group[0].get("type")
        length = len(person_tokens(name)) if kind == "person" else len(name.split())
        return (latin_script, int(not is_acronym(name)), length, names[name], accents)

    return max(names, key=rank)
