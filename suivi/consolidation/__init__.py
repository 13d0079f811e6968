"""Consolidation: facts from many articles become one record per real-world thing.

A pure function of its inputs: the stored documents and facts, what analysts decided about
facts and records, and the reference date for what is overdue. It reads no store and writes
no display text beyond the extracted wording.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from suivi.consolidation.build import build
from suivi.consolidation.confidence import publish
from suivi.consolidation.deliveries import link
from suivi.models import Document, Fact, FactKey, Record, Verdicts


def reviewed_facts(facts: list[Fact], verdicts: Verdicts[FactKey]) -> list[Fact]:
    """``facts`` as analysts reviewed them: a rejected fact supports no record, a corrected
    field takes the corrected value (the extracted one stays in the store and the history)."""
    out = []
    for fact in facts:
        if fact.identity in verdicts.rejected:
            continue
        fixes = verdicts.corrected.get(fact.identity)
        out.append(replace(fact, data={**fact.data, **fixes}) if fixes else fact)
    return out


def consolidate(
    documents: list[Document],
    facts: list[Fact],
    today: date,
    fact_verdicts: Verdicts[FactKey] | None = None,
    record_verdicts: Verdicts[str] | None = None,
    threshold: float = 0.0,
) -> list[Record]:
    """Every record the facts support, as analysts reviewed them, each with its confidence
    and marked ``published`` or held back (below ``threshold``, unless confirmed)."""
    kept = reviewed_facts(facts, fact_verdicts or Verdicts())
    records = build(documents, kept, today, record_verdicts or Verdicts())
    publish(records, record_verdicts or Verdicts(), threshold)
    return records


__all__ = ["consolidate", "link", "publish", "reviewed_facts"]
