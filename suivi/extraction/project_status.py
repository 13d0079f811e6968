"""A project's status: the status words of its own clause, or of a sentence that refers back."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from suivi.extraction.facts import keywords
from suivi.extraction.text import sentence_at

# "toujours en phase préparatoire" outweighs a first stone laid months before.
_STATUS_ORDER = (
    "cancelled",
    "suspended",
    "preparatory",
    "under_construction",
    "operational",
    "planned",
)
_CLAUSE_BREAK = re.compile(r";|\b(?:tandis que|alors que|whereas|while)\b")


def _clause_status(folded: str, position: int, start: int, end: int) -> list[str]:
    """The status words of the project's own clause when it has some, else of its sentence:
    in "X est en cours de bitumage, tandis que Y attend sa décision finale", each its own."""
    words = keywords("project_status")
    clause_start, clause_end = start, end
    for match in _CLAUSE_BREAK.finditer(folded, start, end):
        if match.end() <= position:
            clause_start = match.end()
        elif match.start() > position:
            clause_end = match.start()
            break
    if (clause_start, clause_end) != (start, end):
        own = words.labels_in(folded, clause_start, clause_end)
        if own:
            return own
    return words.labels_in(folded, start, end)


_REFERS_BACK = re.compile(
    r"\b(?:le projet|ce projet|the project|le site|le chantier|l'installation)\b"
)


def project_status(doc: Doc, folded: str, positions: list[int], planned: bool) -> str | None:
    """The latest stage a project's clauses report; ``planned`` when it is announced."""
    statuses: list[str] = []
    status_words = keywords("project_status")
    for position in positions:
        sentence = sentence_at(doc, position)
        statuses += _clause_status(folded, position, sentence.start_char, sentence.end_char)
        if sentence.end_char < len(folded):
            following = sentence_at(doc, sentence.end_char)
            if following.start_char >= sentence.end_char and _REFERS_BACK.search(
                folded, following.start_char, following.end_char
            ):
                statuses += status_words.labels_in(folded, following.start_char, following.end_char)
    status = next((s for s in _STATUS_ORDER if s in statuses), None)
    if status is None and planned:
        status = "planned"
    return status
