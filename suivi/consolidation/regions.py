"""Consolidating part of a store again: which facts a new fact can meet, and how a part of
the store is keyed so that the facts it can meet are found without reading the rest.

A store consolidated once keeps, for each kind of fact, its *parts*: sets of facts no pair
of a score above 0 joins across (``clusters.cluster_parts``; for actors, the groups of
``actors.resolve`` with the lone family names that may join them). The records of a part
depend on that part alone, so a part is clustered again as a whole, never in pieces.

Each part keeps the blocking keys of its facts, hashed: a new fact's own keys find the
parts it can be compared with. Two kinds of keys name values that come near each other
(``blocking.Pair``): a part keeps only the key of each value itself (``Pair(v, v)``) and
the value, so that a new value looks up the stored values near it by the rule's own test
and finds their parts through their keys, however many values came after them. Keys that
read the places every project names are made with all the store's places.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from suivi.consolidation import actors as actor_rules
from suivi.consolidation.blocking import ANY, PROBE, TARGET, Pair, neighbours
from suivi.consolidation.build import PREFIX, Built, record_id
from suivi.consolidation.deliveries import commodities
from suivi.consolidation.keys import Blocking, _closely_alike, _worded_alike
from suivi.consolidation.matching import Context
from suivi.consolidation.names import latin, person_tokens
from suivi.models import Document, Fact, Record

# Roles of stored keys beyond blocking's: keys that pair nothing and only find parts (the
# states a fact names, projects without a place), and the pledge and delivery blocks of
# figures' records.
LOOKUP, LINK = 3, 4
# The hash of a slot that meets every slot of its block.
WILD = 0
MEETS = {ANY: (ANY, PROBE, TARGET), PROBE: (ANY, TARGET), TARGET: (ANY, PROBE),
         LOOKUP: (LOOKUP,), LINK: (LINK,)}  # fmt: skip
_MARK = "·"

Hashed = tuple[int, int, int]  # block, slot (WILD: any), role


_HASHES: dict[Hashable, int] = {}


def key_hash(value: Hashable) -> int:
    """A stable 64-bit hash of a key part (never ``WILD``)."""
    found = _HASHES.get(value)
    if found is None:
        found = _HASHES[value] = _key_hash(value)
        if len(_HASHES) > 1_000_000:
            _HASHES.clear()
    return found


def _canon(value: Any) -> Any:
    # Values equal in Python are one key however written (True and 1, 2.0 and 2).
    if isinstance(value, tuple):
        return tuple(_canon(part) for part in value)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _key_hash(value: Hashable) -> int:
    digest = hashlib.blake2b(repr(_canon(value)).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True) or 1


@dataclass
class Index:
    """What a part of the store keeps to be found again: each fact's part, each part's
    hashed keys, and the values near which other values are looked for."""

    part_of: dict[int, str] = field(default_factory=dict)
    keys: dict[str, set[Hashed]] = field(default_factory=dict)
    values: set[tuple[int, str]] = field(default_factory=set)


def part_label(category: str, part: list[Fact]) -> str:
    """A part is named after its first fact, as its first record is."""
    return record_id(category, part)


def index(built: Built, ctx: Context, places: Iterable[str] = ()) -> Index:
    """The parts of ``built`` and their keys."""
    out = Index()
    for category, parts in built.parts.items():
        facts = [f for part in parts for f in part]
        if category == "actors":
            keys = actor_keys(facts)
        else:
            keys = fact_keys(category, built.blockings[category], ctx)
        for part in parts:
            label = part_label(category, part)
            held = out.keys.setdefault(label, set())
            raw: set[tuple[Any, Any, int]] = set()
            for fact in part:
                out.part_of[fact.id] = label
                raw.update(keys(fact))
            for block, slot, role in raw:
                _store(block, slot, role, held, out.values)
    for record in built.records:
        if record["type"] == "quantity":
            label = out.part_of[built.facts_of[record["id"]][0].id]
            for block in link_blocks(record):
                out.keys[label].add((key_hash(block), WILD, LINK))
    return out


def link_blocks(record: Record, fixes: Mapping[str, Any] | None = None) -> list[Hashable]:
    """The blocks in which ``deliveries.link`` looks for a figure's pledges or deliveries."""
    fields = {**record["fields"], **(fixes or {})}
    unit = fields.get("unit")
    return [("link", unit, good) for good in sorted(commodities(fields.get("subject")))]


def _store(
    block: Any, slot: Any, role: int, held: set[Hashed], values: set[tuple[int, str]]
) -> None:
    found = _pair_in(block, slot)
    if found is not None:
        position, (a, b) = found
        if a != b:
            return  # a pair of two values is found through each value's own key
        values.add((key_hash(_value_block(block, slot, position)), a))
    held.add((key_hash(block), WILD if slot is None else key_hash(slot), role))


def _pair_in(block: Any, slot: Any) -> tuple[int, Pair] | None:
    # Where a key holds a pair of near values: -1 for its slot, else its place in the block.
    if isinstance(slot, Pair):
        return -1, slot
    if isinstance(block, tuple):
        for position, part in enumerate(block):
            if isinstance(part, Pair):
                return position, part
    return None


def _value_block(block: Any, slot: Any, position: int) -> Hashable:
    if position < 0:
        return (block, _MARK)
    return tuple(_MARK if n == position else part for n, part in enumerate(block))


def _with_pair(block: Any, slot: Any, position: int, value: str) -> tuple[Any, Any]:
    own = Pair((value, value))
    if position < 0:
        return block, own
    return tuple(own if n == position else part for n, part in enumerate(block)), slot


Keyed = Callable[[Fact], list[tuple[Any, Any, int]]]


def fact_keys(category: str, blocking: Blocking, ctx: Context) -> Keyed:
    """Each fact's blocking keys as ``(block, slot, role)``, with what makes two facts one
    for certain and the keys that only find parts."""

    def keys(fact: Fact) -> list[tuple[Any, Any, int]]:
        out = [_role(key) for key in blocking.keys(fact)]
        if blocking.sure is not None:
            out += [(("sure", key), True, ANY) for key in blocking.sure(fact)]
        for name in list(fact.get("participants") or []) + list(fact.get("parties") or []):
            if isinstance(name, str) and len(name) == 2 and name.isupper():
                out.append((("iso", name), None, LOOKUP))
        if category == "projects" and not fact.get("location"):
            out.append((("unplaced",), None, LOOKUP))
        return out

    return keys


def actor_keys(facts: list[Fact]) -> Keyed:
    """Each actor fact's blocking keys, its signature, and its family name: a lone family
    name meets every full name ending with it (``actors.resolve``)."""
    blocking = actor_rules._actor_keys(facts)

    def keys(fact: Fact) -> list[tuple[Any, Any, int]]:
        out = [_role(key) for key in blocking(fact)]
        signature = actor_rules._signature(fact)
        if signature is not None:
            out.append((("signature",), signature, ANY))
        if fact.get("type") == "person" and (tokens := person_tokens(fact.get("name") or "")):
            out.append((("family",), latin(tokens[-1]), PROBE if len(tokens) == 1 else TARGET))
        return out

    return keys


def _role(key: tuple[Any, ...]) -> tuple[Any, Any, int]:
    return key[0], key[1], key[2] if len(key) > 2 else ANY


def actor_parts(groups: list[list[Fact]]) -> list[list[Fact]]:
    """The groups of actor facts, those of a lone family name joined with every group with
    a full name ending with it (whether ``actors.resolve`` merged them or not)."""
    label: dict[int, int] = {}
    for number, group in enumerate(groups):
        for fact in group:
            label[fact.id] = number
    root = list(range(len(groups)))

    def find(n: int) -> int:
        while root[n] != n:
            root[n] = root[root[n]]
            n = root[n]
        return n

    full: dict[str, list[int]] = {}
    lone: dict[str, list[int]] = {}
    for number, group in enumerate(groups):
        for fact in group:
            if fact.get("type") == "person" and (tokens := person_tokens(fact.get("name") or "")):
                (lone if len(tokens) == 1 else full).setdefault(latin(tokens[-1]), []).append(
                    number
                )
    for family, numbers in lone.items():
        for other in numbers + full.get(family, []):
            a, b = find(numbers[0]), find(other)
            root[max(a, b)] = min(a, b)
    merged: dict[int, list[Fact]] = {}
    for number, group in enumerate(groups):
        merged.setdefault(find(number), []).extend(group)
    return [sorted(part, key=lambda f: f.order) for _, part in sorted(merged.items())]


def probe_keys(
    category: str,
    keyed: Keyed,
    facts: list[Fact],
    stored: Callable[[list[int]], dict[int, list[str]]],
    places: Iterable[str] = (),
) -> set[tuple[int, int | None, int]]:
    """The hashed keys by which the parts ``facts`` can meet are found: each fact's own keys,
    a pair of values turned into the key of each value, and a value's key into those of the
    stored values near it (``stored`` gives them by value block). A slot None finds its
    whole block."""
    # Keys that only find parts are looked up by what changed, never by a new fact.
    raw = [key for fact in facts for key in keyed(fact) if key[2] < LOOKUP]
    wanted: dict[int, tuple[Hashable, str]] = {}
    for block, slot, _ in raw:
        found = _pair_in(block, slot)
        if found is not None:
            vb = _value_block(block, slot, found[0])
            wanted[key_hash(vb)] = (vb, found[1][0])
    known = stored(sorted(wanted)) if wanted else {}
    out: set[tuple[int, int | None, int]] = set()
    for block, slot, role in raw:
        found = _pair_in(block, slot)
        variants = [(block, slot)]
        if found is not None:
            position, (a, b) = found
            values = {a, b}
            if a == b:
                vb = _value_block(block, slot, position)
                values |= set(_near(category, vb, a, known.get(key_hash(vb), [])))
            variants = [_with_pair(block, slot, position, value) for value in sorted(values)]
        for key_block, key_slot in variants:
            hashed_slot = None if key_slot is None else key_hash(key_slot)
            out.add((key_hash(key_block), hashed_slot, role))
    if category == "projects":
        out |= _places_within(facts, places)
    return out


def _near(category: str, vb: Any, value: str, stored: list[str]) -> list[str]:
    # The stored values the rule's own test finds near ``value``, as ``neighbours`` would.
    if category == "actors":
        kind = vb[0][0] if isinstance(vb[0], tuple) else None
        if kind == "person":
            near = neighbours(
                [value, *stored], actor_rules._family_keys, actor_rules.same_family_name
            )
            return near.get(value, [])
        cutoff = actor_rules.ORGANISATION_SIMILARITY
        return [other for other in stored if fuzz.ratio(value, other) >= cutoff]
    if vb[0] == "worded":
        return [other for other in stored if _worded_alike(value, other)]
    if vb[0] == "alike":
        return [other for other in stored if _closely_alike(value, other)]
    return []


def _places_within(facts: list[Fact], places: Iterable[str]) -> set[tuple[int, int | None, int]]:
    # A project at a place meets those at the places that hold it ("Koulikoro" and
    # "Koulikoro Nord"), whose keys were made before that place was known.
    from suivi.consolidation.project_kinds import project_kind
    from suivi.folding import fold_words

    known = list(places)
    out: set[tuple[int, int | None, int]] = set()
    for fact in facts:
        place, kind = fold_words(fact.get("location") or ""), project_kind(fact)
        if not place or not kind:
            continue
        for other in known:
            if place in other and place != other:
                out.add((key_hash(("within", kind)), key_hash(other), TARGET))
    return out


_NOWHERE = Document("", "", None, None, -1, "")


def place_facts(places: Iterable[str]) -> list[Fact]:
    """One fact for each place the store's projects name, so that a project's keys are made
    with every place (they name no kind of project, so they meet nothing)."""
    return [
        Fact(-1 - n, "projects", {"location": place}, _NOWHERE, 0, 0)
        for n, place in enumerate(sorted(places))
    ]


def lead(fact: Fact) -> tuple[int, int, int]:
    """Where a fact stands in ingestion order."""
    return fact.order


def due_date(record: Record) -> str | None:
    """The last day of a record's planned date, while what it plans is not done."""
    from suivi.consolidation.dates import last_day
    from suivi.vocab import DONE

    end = last_day(record.get("planned")) if record.get("planned") else None
    if end is None or record.get("status") in DONE:
        return None
    return end.isoformat()


__all__ = ["LINK", "LOOKUP", "MEETS", "PREFIX", "WILD", "Index", "index", "key_hash"]
