"""Copies of one dispatch: near-identical texts count as one source."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable

from suivi.consolidation.clusters import UnionFind
from suivi.folding import fold_words
from suivi.models import Document

# Share of five-word runs two texts must have in common to be one dispatch reprinted.
COPY_THRESHOLD = 0.6
SHINGLE = 5


def shingles(text: str) -> frozenset[str]:
    """The text's runs of five folded words."""
    words = fold_words(text).split()
    return frozenset(
        " ".join(words[i : i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 1))
    )


def dispatch_groups(documents: list[Document]) -> dict[str, int]:
    """For each document id, the number of its group of near-identical copies.

    Two texts are compared only when the rarer runs of the shorter one meet the other: if
    they share ``COPY_THRESHOLD`` of the shorter text's runs, one of them is among its
    rarest ``1 - COPY_THRESHOLD`` (prefix filtering). Exact, unlike MinHash, and linear
    while a text has runs of its own, however many runs all texts share (a dateline,
    boilerplate).
    """
    prints = [shingles(doc.text) for doc in documents]
    frequency: Counter[str] = Counter(run for runs in prints for run in runs)
    holders: dict[str, list[int]] = {}
    for index, runs in enumerate(prints):
        for run in runs:
            holders.setdefault(run, []).append(index)
    sets = UnionFind(len(documents))
    for index, runs in enumerate(prints):
        rarest = sorted(runs, key=lambda run: (frequency[run], run))
        others = {
            other
            for run in rarest[: len(runs) - _needed(len(runs)) + 1]
            for other in holders[run]
            if other != index and len(prints[other]) >= len(runs)
        }
        for other in others:
            common = len(runs & prints[other])
            if common / min(len(runs), len(prints[other])) >= COPY_THRESHOLD:
                sets.union(other, index)
    roots: dict[int, int] = {}
    for index in range(len(documents)):
        roots.setdefault(sets.find(index), len(roots))
    return {doc.id: roots[sets.find(i)] for i, doc in enumerate(documents)}


def _needed(size: int) -> int:
    # The fewest runs in common that make a text of ``size`` runs a copy.
    return next(common for common in range(size + 1) if common / size >= COPY_THRESHOLD)


def run_hash(run: str) -> int:
    """A stable 64-bit hash of a run of words, as a store indexes it."""
    digest = hashlib.blake2b(run.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def first_runs(runs: frozenset[str], frequency: Callable[[str], int]) -> list[str]:
    """The runs of a text that any text it is a copy of, or that is a copy of it, shares one
    of when it is the shorter: its rarest, as many as it may miss and one more."""
    rarest = sorted(runs, key=lambda run: (frequency(run), run))
    return rarest[: len(runs) - _needed(len(runs)) + 1]


def is_copy(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two texts (their runs) are copies of one dispatch."""
    return len(a & b) / min(len(a), len(b)) >= COPY_THRESHOLD
