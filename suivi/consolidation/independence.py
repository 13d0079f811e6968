"""Copies of one dispatch: near-identical texts count as one source."""

from __future__ import annotations

from suivi.consolidation.clusters import cluster
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
    """For each document id, the number of its group of near-identical copies."""
    prints = {doc.id: shingles(doc.text) for doc in documents}

    def same(a: Document, b: Document) -> bool:
        sa, sb = prints[a.id], prints[b.id]
        if not sa or not sb:
            return False
        return len(sa & sb) / min(len(sa), len(sb)) >= COPY_THRESHOLD

    groups = cluster(documents, same)
    return {doc.id: number for number, group in enumerate(groups) for doc in group}
