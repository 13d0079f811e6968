"""Copies of one dispatch: near-identical texts count as one source."""

from __future__ import annotations

from collections import Counter

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

    Only documents that share a run of words are compared, counted through an index of
    runs: exact, unlike MinHash, and linear while runs are not shared by most of the store
    (site chrome is masked before storage).
    """
    prints = [shingles(doc.text) for doc in documents]
    holders: dict[str, list[int]] = {}
    sets = UnionFind(len(documents))
    for index, runs in enumerate(prints):
        shared: Counter[int] = Counter()
        for run in runs:
            found = holders.setdefault(run, [])
            shared.update(found)
            found.append(index)
        for other, common in shared.items():
            if common / min(len(runs), len(prints[other])) >= COPY_THRESHOLD:
                sets.union(other, index)
    roots: dict[int, int] = {}
    for index in range(len(documents)):
        roots.setdefault(sets.find(index), len(roots))
    return {doc.id: roots[sets.find(i)] for i, doc in enumerate(documents)}
