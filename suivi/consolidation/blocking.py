"""Which pairs of facts are compared at all: blocking keys, so that a large store is not
compared pair by pair.

Each item gives keys ``(block, slot)``. Two items are compared when they share a key; an
item whose slot is ``None`` is compared with every item of its block (a fact without the
date its block is cut by). A key may name a role (``PROBE`` or ``TARGET``): then it pairs
items of the other role, or of none, only. Keys only ever leave out pairs the rules would
score 0, so the records are the same as comparing every pair.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import chain, combinations, product
from typing import Any, TypeVar

from suivi.consolidation.dates import last_day, parse

T = TypeVar("T")
# A key is ``(block, slot)`` or ``(block, slot, role)``. Items meet in a key whatever their
# roles, except that two PROBE items or two TARGET items do not: a one-sided key pairs, say,
# undated reports with dated ones without pairing the dated ones with each other.
ANY, PROBE, TARGET = 0, 1, 2
Key = tuple[Hashable, Hashable | None] | tuple[Hashable, Hashable | None, int]
Keys = Callable[[T], Iterable[Key]]

_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def candidate_pairs(items: Sequence[T], keys: Keys[T] | None) -> list[tuple[int, int]]:
    """Every pair ``(i, j)``, ``i < j``, that shares a key, in order (all pairs without keys)."""
    if keys is None:
        return [(i, j) for i in range(len(items)) for j in range(i + 1, len(items))]
    slots: dict[Hashable, dict[Hashable, list[tuple[int, int]]]] = {}
    wild: dict[Hashable, list[tuple[int, int]]] = {}
    members: dict[Hashable, dict[tuple[int, int], None]] = {}
    for index, item in enumerate(items):
        for key in dict.fromkeys(keys(item)):
            block, slot = key[0], key[1]
            held = (index, key[2] if len(key) > 2 else ANY)
            members.setdefault(block, {})[held] = None
            if slot is None:
                wild.setdefault(block, []).append(held)
            else:
                slots.setdefault(block, {}).setdefault(slot, []).append(held)
    pairs: set[tuple[int, int]] = set()
    for groups in slots.values():
        for group in groups.values():
            _meet(group, pairs)
    for block, loose in wild.items():
        for i, role in loose:
            pairs.update(
                (min(i, j), max(i, j))
                for j, other in members[block]
                if j != i and (ANY in (role, other) or role != other)
            )
    return sorted(pairs)


def _meet(group: list[tuple[int, int]], pairs: set[tuple[int, int]]) -> None:
    # Every pair of the group whose roles meet.
    by_role: list[list[int]] = [[], [], []]
    for index, role in group:
        by_role[role].append(index)
    anyone, probes, targets = (sorted(set(found)) for found in by_role)
    pairs.update(combinations(anyone, 2))
    for i, j in chain(product(anyone, probes + targets), product(probes, targets)):
        if i != j:
            pairs.add((min(i, j), max(i, j)))


def day_span(value: str | None) -> tuple[int, int] | None:
    """The first and last day (ordinals) an ISO date can mean; None when it is not one."""
    if not value or not _ISO.fullmatch(str(value)):
        return None
    first, last = parse(value), last_day(value)
    if first is None or last is None:
        return None
    return first.toordinal(), last.toordinal()


def windows(value: str | None, reach: int, width: int) -> list[int] | None:
    """Numbers of the ``width``-day windows a date may fall in, so that two dates at most
    ``reach`` days apart (``reach < width``) share one; None when the date is not ISO."""
    span = day_span(value)
    if span is None:
        return None
    return list(range(span[0] // width, (span[1] + reach) // width + 1))


# Two figures are "close" within 0.5 % (matching.VALUE_TOLERANCE): logarithms 0.00502 apart.
_LOG_WIDTH = math.log(1.01)
_LOG_REACH = 0.0051


def magnitudes(value: object) -> list[Hashable]:
    """Slots of a figure such that any two figures within 0.5 % of each other share one."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return []
    if not math.isfinite(number):
        return []
    out: list[Hashable] = ["zero"] if abs(number) < 1e-6 else []
    if number:
        low = math.log(abs(number))
        sign = number > 0
        first, last = math.floor(low / _LOG_WIDTH), math.floor((low + _LOG_REACH) / _LOG_WIDTH)
        out += [(sign, b) for b in range(first, last + 1)]
    return out


def neighbours(
    values: Iterable[str],
    keys: Callable[[str], Iterable[Hashable]],
    same: Callable[[str, str], bool],
) -> dict[str, list[str]]:
    """For each distinct value, the values ``same`` holds for (itself included if so),
    looked for among the values that share a key with it only.

    Facts whose values are near then share the key ``pair(value, other)``: a block for each
    pair of near values, however many facts carry them.
    """
    index: dict[Hashable, list[str]] = {}
    distinct = sorted(set(values))
    for value in distinct:
        for key in dict.fromkeys(keys(value)):
            index.setdefault(key, []).append(value)
    near: dict[str, dict[str, None]] = {v: {v: None} if same(v, v) else {} for v in distinct}
    for group in index.values():
        for position, a in enumerate(group):
            for b in group[position + 1 :]:
                if b not in near[a] and same(a, b):
                    near[a][b] = None
                    near[b][a] = None
    return {value: list(found) for value, found in near.items()}


class Pair(tuple[Any, ...]):
    """Two near values as one key part: a plain tuple to every comparison and hash, marked
    so that a store of keys can tell it apart (``Pair(v, v)`` stands for the value ``v``
    itself, whatever values come near it later)."""

    __slots__ = ()


def pair(a: str, b: str) -> tuple[str, str]:
    """Two values as one key, whichever comes first."""
    return Pair((a, b) if a <= b else (b, a))


def deletions(word: str, most: int) -> set[str]:
    """``word`` with up to ``most`` characters deleted: two words within that many
    insertions and deletions of each other share one (their longest common subsequence)."""
    found, frontier = {word}, {word}
    for _ in range(most):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found
