"""Status over time: a history from dated evidence, planned dates, and what is overdue."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from suivi.consolidation.dates import last_day
from suivi.consolidation.matching import Context
from suivi.models import Fact
from suivi.vocab import CATEGORIES, DONE, STAGES

# Words naming the completion or start-up of an undertaking.
_COMPLETION = re.compile(
    r"\b(mise en service|mise en exploitation|mise en production|achevement|achevee?s?|"
    r"fin des travaux|livraison|inauguration|entree en production|entree en service|"
    r"operationnel|operationnelle|"
    r"demarrage de la production|commissioning|completion|completed|start production|"
    r"operational|come on stream|inaugurat)"
)
# Words saying the date is a plan, not a report.
_PLANNING = re.compile(
    r"\b(prevue?s?|prevoit|attendue?s?|programmee?s?|envisagee?s?|annoncee?s? pour|fixee?s?|"
    r"d'ici|a l'horizon|tablent|table sur|doit|devrait|devra|devront|objectif|expected|due|"
    r"scheduled|planned|slated|set to|by the end)\b"
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
    stages = STAGES.get(CATEGORIES.get(category, ""), ())
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
    """A date the sources give for completion or start-up ("mise en service prévue fin 2025").

    A sentence counts when it names a completion and a date that is either announced as a
    plan or, in the project's own sentence, later than the article's own date (a date
    already past when the article was written reports a fact, it is no plan).
    """
    from suivi.extraction.dates import find_dates
    from suivi.folding import fold_chars as fold_same_length

    found: list[str] = []
    for fact in facts:
        anchor = ctx.reference.get(fact.document.id)
        for index, sentence in enumerate(_sentences_after(fact)):
            folded = fold_same_length(sentence)
            if not _COMPLETION.search(folded):
                continue
            planned = _PLANNING.search(folded) is not None
            if index and not planned:
                continue  # beyond the project's own sentence, only an announced plan counts
            for mention in find_dates(folded, anchor):
                if planned or (anchor and mention.value[:7] > anchor[:7]):
                    found.append(mention.value)
    return max(found) if found else None


def _sentences_after(fact: Fact, count: int = 4) -> list[str]:
    # The planned date is often in a later sentence of the paragraph naming the project
    # ("… une centrale de 200 MW. Sa mise en service est prévue fin 2025."); the paragraph
    # is where a report stays on one subject, so the search stops at its end.
    text = fact.document.text
    paragraph_end = text.find("\n", fact.end)
    stop = len(text) if paragraph_end == -1 else paragraph_end
    sentences = [fact.evidence]
    position = fact.end
    for _ in range(count):
        match = re.search(r"[^.!?\n]+[.!?]?", text[position:stop])
        if not match:
            break
        sentences.append(match.group(0))
        position += match.end()
    return sentences


def overdue(status: str | None, planned: str | None, today: date) -> bool:
    """A planned date has passed and nothing says the thing was done."""
    end = last_day(planned)
    return bool(end and end < today and status not in DONE)
