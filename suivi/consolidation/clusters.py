"""Grouping facts that describe the same thing: union-find over a pairwise test."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

from suivi.consolidation.blocking import Key, Keys, candidate_pairs

T = TypeVar("T")


class UnionFind:
    """Disjoint sets over ``0..n-1``; the smallest index is each set's root, so groups are
    named by their first member in the order given."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        """The root of ``item``'s set."""
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        """Join the sets of ``a`` and ``b``."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def groups_of(items: Sequence[T], sets: UnionFind) -> list[list[T]]:
    """The sets of ``items``, each in the order given, ordered by their first item."""
    groups: dict[int, list[T]] = {}
    for index, item in enumerate(items):
        groups.setdefault(sets.find(index), []).append(item)
    return [groups[root] for root in sorted(groups)]


def cluster(
    items: Sequence[T],
    same: Callable[[T, T], bool],
    keys: Keys[T] | None = None,
    sure: Callable[[T], Iterable[Hashable]] | None = None,
) -> list[list[T]]:
    """Groups of ``items`` joined wherever ``same`` holds, in the order of their first item.

    ``keys`` (optional, see ``blocking``) say which items can be compared at all, so that
    large stores do not compare every pair. Items that share a ``sure`` key (optional) are
    the same for certain: they are joined without asking ``same``.
    """
    sets = UnionFind(len(items))
    first: dict[Hashable, int] = {}
    for index, item in enumerate(items):
        for key in sure(item) if sure else ():
            if key in first:
                sets.union(first[key], index)
            else:
                first[key] = index
    for a, b in candidate_pairs(items, keys):
        if sets.find(a) != sets.find(b) and same(items[a], items[b]):
            sets.union(a, b)
    return groups_of(items, sets)


def cluster_scored(
    items: Sequence[T],
    score: Callable[[T, T], float],
    apart: Callable[[T], Hashable] | None = None,
    keys: Keys[T] | None = None,
    sure: Callable[[T], Iterable[Hashable]] | None = None,
    where: Callable[[T], str] | None = None,
    fits: Callable[[str, str], bool] | None = None,
) -> list[list[T]]:
    """Groups of ``items``, joining the most alike pairs first.

    ``score`` is 0 for items that are not the same thing, higher the more alike. Where
    ``apart`` is given, two items with the same ``apart`` key never end in one group: one
    article does not report one agreement twice, so a vague sentence that resembles two of
    its agreements cannot weld them together. ``keys`` (optional) name what two items must
    share to be compared at all; ``sure`` (optional) names what makes two items the same
    thing for certain (their score is above 0), so that they are joined without a score.
    Where ``where`` is given (an item's place, "" when it has none), two groups join only
    when every place of one ``fits`` every place of the other: a report without a place may
    join "Ruzizi II" or "Ruzizi III", but it does not weld them together.
    """
    return cluster_parts(items, score, apart, keys, sure, where, fits)[0]


def cluster_parts(
    items: Sequence[T],
    score: Callable[[T, T], float],
    apart: Callable[[T], Hashable] | None = None,
    keys: Keys[T] | None = None,
    sure: Callable[[T], Iterable[Hashable]] | None = None,
    where: Callable[[T], str] | None = None,
    fits: Callable[[str, str], bool] | None = None,
) -> tuple[list[list[T]], list[list[T]]]:
    """``cluster_scored``'s groups, and the parts of ``items`` that no pair of a score above
    0 joins: each group lies in one part, and the groups of a part depend on that part
    alone, so that a part can be clustered again without the others."""
    if apart is None and where is None:
        # Without items kept apart, the order of joining does not change the groups.
        groups = cluster(items, lambda a, b: score(a, b) > 0, keys, sure)
        return groups, groups
    if sure is not None:
        keys = _with_sure(keys, sure)
    pairs = []
    for i, j in candidate_pairs(items, keys):
        value = score(items[i], items[j])
        if value > 0:
            pairs.append((-value, i, j))
    pairs.sort()
    sets, parts = UnionFind(len(items)), UnionFind(len(items))
    held: dict[int, set[Hashable]] = {
        i: {apart(item)} if apart else set() for i, item in enumerate(items)
    }
    places: dict[int, set[str]] = {
        i: {where(item)} - {""} if where else set() for i, item in enumerate(items)
    }
    for _, i, j in pairs:
        parts.union(i, j)
        root_i, root_j = sets.find(i), sets.find(j)
        if root_i == root_j or not held[root_i].isdisjoint(held[root_j]):
            continue
        if fits and not all(fits(p, q) for p in places[root_i] for q in places[root_j]):
            continue
        sets.union(root_i, root_j)
        # The smaller set goes into the larger, which the group's root keeps.
        small, large = sorted((held.pop(root_i), held.pop(root_j)), key=len)
        large |= small
        held[sets.find(root_i)] = large
        joined = places.pop(root_i) | places.pop(root_j)
        places[sets.find(root_i)] = joined
    return groups_of(items, sets), groups_of(items, parts)


def _with_sure(keys: Keys[T] | None, sure: Callable[[T], Iterable[Hashable]]) -> Keys[T] | None:
    if keys is None:
        return None

    def both(item: T) -> Iterable[Key]:
        yield from keys(item)
        for key in sure(item):
            yield ("sure", key), True

    return both
