"""Blocking leaves out no pair a rule would join: records are the same as when every pair
of facts is compared (organisations, as ever, within the initial of their first word)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from unittest import mock

from hypothesis import HealthCheck, given, settings
from press import as_stored, press

from suivi.consolidation import consolidate
from suivi.consolidation.blocking import Key, candidate_pairs
from suivi.consolidation.clusters import UnionFind
from suivi.consolidation.independence import COPY_THRESHOLD, dispatch_groups, shingles
from suivi.consolidation.keys import KEYS, Blocking
from suivi.consolidation.names import STOPWORDS, latin, organisation_key, person_tokens
from suivi.models import Document, Fact

build = importlib.import_module("suivi.consolidation.build")
actors = importlib.import_module("suivi.consolidation.actors")
TODAY = date(2026, 12, 1)


def every_copy(documents: list[Document]) -> dict[str, int]:
    """dispatch_groups comparing every pair of texts."""
    prints = [shingles(doc.text) for doc in documents]
    sets = UnionFind(len(documents))
    for i, a in enumerate(prints):
        for j in range(i + 1, len(prints)):
            if len(a & prints[j]) / min(len(a), len(prints[j])) >= COPY_THRESHOLD:
                sets.union(i, j)
    roots: dict[int, int] = {}
    for index in range(len(documents)):
        roots.setdefault(sets.find(index), len(roots))
    return {doc.id: roots[sets.find(i)] for i, doc in enumerate(documents)}


def initial_blocks(_facts: list[Fact]) -> Callable[[Fact], Iterable[Key]]:
    """Actors compared within their kind, people and organisations within the initial of
    their first name or word."""

    def keys(fact: Fact) -> Iterable[Key]:
        kind = str(fact.get("type") or "")
        if kind == "person":
            tokens = person_tokens(fact.get("name") or "")
            yield (kind,), latin(tokens[0])[:1] if tokens else ""
        elif kind == "organization":
            words = organisation_key(fact.get("name") or "").split()
            words = [w for w in words if w not in STOPWORDS]
            yield (kind,), latin(words[0])[:1] if words else ""
        else:
            yield (kind,), ""

    return keys


@contextmanager
def every_pair() -> Iterator[None]:
    with (
        mock.patch.object(build, "KEYS", dict.fromkeys(KEYS, _all)),
        mock.patch.object(actors, "_actor_keys", initial_blocks),
        mock.patch.object(build, "dispatch_groups", every_copy),
    ):
        yield


def _all(_facts: list[Fact], _ctx: object) -> Blocking:
    return Blocking(None)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(press(most=8))
def test_records_are_those_of_comparing_every_pair(articles: list) -> None:
    documents, facts = as_stored(articles)
    blocked = consolidate(documents, facts, TODAY)
    with every_pair():
        assert consolidate(documents, facts, TODAY) == blocked


@settings(max_examples=150, deadline=None)
@given(press(most=10))
def test_copies_of_a_dispatch_are_those_of_comparing_every_pair(articles: list) -> None:
    documents, _ = as_stored(articles)
    assert dispatch_groups(documents) == every_copy(documents)


def test_a_key_without_a_role_meets_both_roles_and_the_two_roles_meet() -> None:
    keys = {
        0: [("b", 1)],
        1: [("b", 1, 1)],
        2: [("b", 1, 1)],
        3: [("b", 1, 2)],
        4: [("b", None, 2)],
    }
    # 1 and 2 are both probes: they meet 0 (no role) and 3 (target) but not each other;
    # 4 is a target of no slot: it meets every item of its block but the other target.
    pairs = candidate_pairs(list(keys), lambda item: keys[item])
    assert pairs == [(0, 1), (0, 2), (0, 3), (0, 4), (1, 3), (1, 4), (2, 3), (2, 4)]
