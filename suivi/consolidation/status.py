"""Status over time: a history from dated evidence, planned dates, and what is overdue."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from suivi.consolidation.dates import last_day
from suivi.consolidation.facts import Fact
from suivi.consolidation.matching import Context

# The order of stages, to break ties between reports of the same day.
STAGES = {
    "agreements": ["announced", "signed", "ratified", "in_force"],
    "projects": ["planned", "preparatory", "under_construction", "operational"],
}
# Stages at which a planned date is no longer a promise pending.
DONE = {"operational", "delivered", "completed", "cancelled", "suspended", "in_force"}

# A sentence announcing when something should be finished or start working.
_PLANNED = re.compile(
    r"\b(mise en service|mise en exploitation|achevement|fin des travaux|livraison|inauguration|"
    r"entree en production|operationnel|operationnelle|commissioning|completion|completed|"
    r"start production|operational)\b.*\b(prevue?s?|attendue?s?|programmee?s?|envisagee?s?|"
    r"d'ici|avant|expected|due|scheduled|planned|by)\b"
    r"|\b(prevue?s?|attendue?s?|programmee?s?|d'ici|expected|due|scheduled)\b.*"
    r"\b(mise en service|achevement|fin des travaux|livraison|inauguration|commissioning|"
    r"completion)\b",
)


def history(facts: list[Fact], category: str, ctx: Context) -> list[dict[str, Any]]:
    """Each status the sources report, with the date of its evidence, oldest first."""
    entries: dict[tuple[str, str | None], list[str]] = {}
    for fact in facts:
        status = fact.get("status")
        if not status:
            continue
        when = ctx.when(fact, fact.get("date"))
        entries.setdefault((status, when), []).append(fact.document.name)
    stages = STAGES.get(category, [])
    ordered = sorted(
        entries.items(),
        key=lambda item: (
            item[0][1] or "",
            stages.index(item[0][0]) if item[0][0] in stages else 99,
        ),
    )
    return [
        {"status": status, "date": when, "sources": sorted(set(names))}
        for (status, when), names in ordered
    ]


def current(entries: list[dict[str, Any]]) -> str | None:
    """The status the most recent evidence gives (undated evidence counts as oldest)."""
    return entries[-1]["status"] if entries else None


def planned_date(facts: list[Fact], ctx: Context) -> str | None:
    """A date the sources give for completion or start-up ("mise en service prévue fin 2025")."""
    from suivi.extraction.dates import find_dates
    from suivi.extraction.text import fold as fold_same_length

    found: list[str] = []
    for fact in facts:
        for sentence in _sentences_after(fact):
            folded = fold_same_length(sentence)
            if _PLANNED.search(folded):
                anchor = ctx.reference.get(fact.document.id)
                found.extend(mention.value for mention in find_dates(folded, anchor))
    return max(found) if found else None


def _sentences_after(fact: Fact, count: int = 2) -> list[str]:
    # The planned date is often in the sentence after the one naming the project
    # ("… une centrale de 200 MW. Sa mise en service est prévue fin 2025.").
    text = fact.document.text
    sentences = [fact.evidence]
    position = fact.end
    for _ in range(count):
        match = re.search(r"[^.!?\n]+[.!?]?", text[position:])
        if not match:
            break
        sentences.append(match.group(0))
        position += match.end()
    return sentences


def overdue(status: str | None, planned: str | None, today: date) -> bool:
    """A planned date has passed and nothing says the thing was done."""
    end = last_day(planned)
    return bool(end and end < today and status not in DONE)
