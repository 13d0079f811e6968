"""Records kept up to date: consolidation run over the store, its result written back.

``refresh`` recomputes every record (``suivi rebuild``, analysts' reviews of facts, repair);
``update`` consolidates only the documents stored since, and the parts of the store their
facts can touch (``pipeline.incremental``), giving the records ``refresh`` would.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import Connection, Engine

from suivi.consolidation import link, publish, reviewed_facts
from suivi.consolidation.build import PREFIX, Built, build_all, finish
from suivi.consolidation.independence import first_runs, run_hash, shingles
from suivi.consolidation.regions import due_date, index, key_hash
from suivi.folding import fold_words
from suivi.models import Document, Record
from suivi.presentation import record_title
from suivi.settings import PUBLISH_THRESHOLD, reference_today
from suivi.store import RecordFilter, query_records, replace_records
from suivi.store.consolidated import Changes, lead_text, write
from suivi.store.facts import load_facts
from suivi.store.freshness import orphan_records, unrecorded_facts
from suivi.store.reviews import fact_verdicts, record_verdicts

PLACES = ("place",)
CATEGORY = {prefix: category for category, prefix in PREFIX.items()}


def refresh(engine: Engine, today: date | None = None) -> int:
    """Recompute every record from the stored facts and analysts' verdicts; return how many."""
    documents, facts = load_facts(engine)
    threshold = float(PUBLISH_THRESHOLD.value())
    records_verdicts = record_verdicts(engine)
    built = build_all(
        documents, reviewed_facts(facts, fact_verdicts(engine)), today or reference_today()
    )
    finish(built.records, built.facts_of, records_verdicts)
    publish(built.records, records_verdicts, threshold)
    for record in built.records:
        # The store sorts and searches by the French title; pages make theirs per language.
        record["title"] = record_title(record, "fr")
    changes = full_changes(built, documents, threshold, today or reference_today())

    def kept(connection: Connection) -> None:
        write(connection, changes)

    return replace_records(engine, built.records, also=kept)


def full_changes(built: Built, documents: list[Document], threshold: float, today: date) -> Changes:
    """Every row the incremental consolidation keeps, for a store built whole."""
    changes = Changes(full=True, threshold=threshold)
    groups = built.dispatch
    first_of: dict[int, str] = {}
    for doc in documents:
        first_of.setdefault(groups[doc.id], doc.id)
    prints = {doc.id: shingles(doc.text) for doc in documents}
    frequency: Counter[str] = Counter(run for runs in prints.values() for run in runs)
    for doc in documents:
        changes.documents.append(
            {"document_id": doc.id, "seq": doc.order, "dispatch": first_of[groups[doc.id]]}
        )
        runs = prints[doc.id]
        changes.runs += [{"run": run_hash(r), "document_id": doc.id} for r in sorted(runs)]
        firsts = first_runs(runs, frequency.__getitem__)
        changes.firsts += [{"run": run_hash(r), "document_id": doc.id} for r in firsts]
    places = {
        fold_words(f.get("location") or "")
        for part in built.parts.get("projects", [])
        for f in part
    } - {""}
    kept = index(built, built.ctx, places)
    add_rows(changes, built, kept)
    changes.values |= {(key_hash(PLACES), place) for place in places}
    changes.countries = dict(built.ctx.country_actor)
    del today
    return changes


def add_rows(changes: Changes, built: Built, kept: object) -> None:
    """The rows of ``built``'s facts, records and parts (``kept``: their ``regions.Index``)."""
    from suivi.consolidation.regions import Index

    assert isinstance(kept, Index)
    for record in built.records:
        facts = built.facts_of[record["id"]]
        category = CATEGORY[record["id"].split("-")[0]]
        for fact in facts:
            changes.facts.append({
                "fact_id": fact.id, "document_id": fact.document.id, "category": category,
                "part": kept.part_of[fact.id], "record_id": record["id"],
            })  # fmt: skip
        fields = record.get("fields") or {}
        place = fold_words(fields.get("location") or "") if category == "projects" else None
        changes.records.append({
            "record_id": record["id"], "category": category,
            "lead": lead_text(min(fact.order for fact in facts)),
            "due": due_date(record), "place": place,
            "project": fields.get("project") if category == "quantities" else None,
        })  # fmt: skip
    for part, keys in kept.keys.items():
        changes.parts += [
            {"part": part, "block": block, "slot": slot, "role": role}
            for block, slot, role in sorted(keys)
        ]
    changes.values |= kept.values


def records_behind(engine: Engine) -> bool:
    """Whether the stored records miss facts stored since they were written, or stand on
    facts that are gone: a run was stopped before it wrote its records."""
    missing = unrecorded_facts(engine)
    if missing and set(missing) - fact_verdicts(engine).rejected:
        return True
    return orphan_records(engine)


def ensure_current(engine: Engine) -> int | None:
    """Bring the records up to date if they are behind the facts; how many there are, if so."""
    from suivi.pipeline.incremental import update

    return update(engine) if records_behind(engine) else None


def relink(engine: Engine) -> None:
    """Recompute the links between pledges and deliveries, and what is published, over the
    stored records as analysts reviewed them: a record review changes no fact, so nothing
    else is rebuilt."""
    records: list[Record] = query_records(engine, RecordFilter(published=None))
    verdicts = record_verdicts(engine)
    link(records, verdicts)
    publish(records, verdicts, float(PUBLISH_THRESHOLD.value()))
    replace_records(engine, records)
