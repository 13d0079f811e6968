"""Consolidating only what new documents touch, with the records a full rebuild would give.

The documents stored since the last consolidation (``store.consolidated.pending_documents``,
also those a stopped run left behind) are read with their facts. Their copies are found
among the stored documents by their rarest runs of words. Then, kind by kind, the parts of
the store the new facts can meet are found through the kept keys (``consolidation.regions``)
and clustered again whole, with the facts of any document whose context changed (an actor
record that took another id); actors first, since the other kinds read them, projects
before figures. The links between records (pledges and deliveries, figures and their
projects) are made again over the records they can join (``pipeline.relations``), and every
row is written in one transaction. Anything this cannot build on (no kept consolidation, a
new threshold, a document older than the consolidated ones) is rebuilt whole.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from sqlalchemy import Engine, func, select

from suivi.consolidation import actors as actor_rules
from suivi.consolidation import publish, reviewed_facts
from suivi.consolidation.build import (
    CATEGORIES,
    PREFIX,
    Built,
    actor_records,
    category_records,
    reference_date,
    remember_actors,
    remember_projects,
    remembered,
)
from suivi.consolidation.independence import first_runs, is_copy, run_hash, shingles
from suivi.consolidation.keys import KEYS
from suivi.consolidation.matching import Context
from suivi.consolidation.regions import (
    LOOKUP,
    MEETS,
    Index,
    actor_keys,
    actor_parts,
    fact_keys,
    index,
    key_hash,
    place_facts,
    probe_keys,
)
from suivi.folding import fold_words
from suivi.models import Document, Fact, Record
from suivi.pipeline.records import PLACES, add_rows, refresh
from suivi.settings import PUBLISH_THRESHOLD, reference_today
from suivi.store import consolidated as kept
from suivi.store.consolidated import Changes, FactRow, write
from suivi.store.records import write_records
from suivi.store.reviews import fact_verdicts, record_verdicts
from suivi.store.schema import records as records_table
from suivi.store.state import hold


def update(engine: Engine, today: date | None = None) -> int:
    """Bring the records up to date with the documents stored since they were last made;
    how many records there are."""
    today = today or reference_today()
    threshold = float(PUBLISH_THRESHOLD.value())
    if kept.kept_threshold(engine) != threshold:
        return refresh(engine, today)
    pending = kept.pending_documents(engine)
    if not pending.ordered:
        return refresh(engine, today)
    Update(engine, today, threshold, pending).run()
    with engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(records_table)).scalar_one())


class Update:
    """One incremental consolidation: what it has read, and what it will write."""

    def __init__(
        self, engine: Engine, today: date, threshold: float, pending: kept.Pending
    ) -> None:
        self.engine, self.today, self.threshold = engine, today, threshold
        self.fact_verdicts, self.record_verdicts = fact_verdicts(engine), record_verdicts(engine)
        self.seqs = {row.id: pending.next_seq + n for n, row in enumerate(pending.rows)}
        self.documents: dict[str, Document] = {}
        self.rows: dict[int, FactRow] = {}  # every stored fact read, by id
        self.facts: dict[int, Fact] = {}  # the same, reviewed (rejected ones left out)
        self.in_document: dict[tuple[str, str], list[Fact]] = {}  # by document and kind
        self.contexts: set[str] = set()  # documents whose context is known
        self.record_of: dict[int, tuple[str, tuple[int, int, int]]] = {}  # rebuilt facts
        self.leads: dict[str, tuple[int, int, int]] = {}  # stored records' leads
        self.ctx = Context()
        self.projects_known = False
        self.events_in: dict[str, list[Fact]] = {}
        self.dispatch: dict[str, str] = {}
        self.changes = Changes(threshold=threshold)
        self.built = Built()
        self.index = Index()
        self.old_parts: set[str] = set()
        self.old_records: set[str] = set()
        self.touched: dict[str, set[str]] = {}  # documents whose context changed, by kind
        self.places: set[str] = set()

    # --- reading ---------------------------------------------------------------------------

    def read_documents(self, ids: set[str]) -> None:
        """Read the documents ``ids`` not read yet."""
        missing = ids - set(self.documents)
        if missing:
            self.documents.update(kept.load_documents(self.engine, missing, self.seqs))

    def read_facts(self, rows: list[FactRow]) -> list[Fact]:
        """The facts of ``rows`` as consolidation reads them, reviewed."""
        self.read_documents({row.document_id for row in rows})
        fresh = [row for row in rows if row.id not in self.rows]
        for row in fresh:
            self.rows[row.id] = row
        made = [row.fact(self.documents[row.document_id]) for row in fresh]
        for fact in reviewed_facts(made, self.fact_verdicts):
            self.facts[fact.id] = fact
        return [self.facts[row.id] for row in rows if row.id in self.facts]

    def facts_in(self, docs: set[str], category: str) -> list[Fact]:
        """Every fact of one kind in the documents ``docs``, in order."""
        missing = {doc for doc in docs if (doc, category) not in self.in_document}
        if missing:
            found = self.read_facts(kept.facts_of_documents(self.engine, missing, category))
            for doc in missing:
                self.in_document[(doc, category)] = []
            for fact in sorted(found, key=lambda f: f.order):
                self.in_document[(fact.document.id, category)].append(fact)
        return sorted(
            (f for doc in docs for f in self.in_document[(doc, category)]), key=lambda f: f.order
        )

    def read_whole(self, ids: set[str]) -> None:
        """Read what the context says of the documents ``ids``: their actors, events and
        projects."""
        missing = ids - self.contexts
        if not missing:
            return
        self.contexts |= missing
        for category in ("actors", "events", "projects"):
            self.facts_in(missing, category)
        self._remember_actors(missing)
        for doc in missing:
            events = self.in_document[(doc, "events")]
            self.events_in[doc] = events
            self.ctx.reference[doc] = reference_date(self.documents[doc], events, self.today)
        if self.projects_known:
            self._remember_projects(missing)

    def current(self, fact: Fact) -> tuple[str, tuple[int, int, int]]:
        """The record a fact supports now, and that record's lead."""
        if fact.id in self.record_of:
            return self.record_of[fact.id]
        record = self.rows[fact.id].record_id
        assert record is not None, f"fact {fact.id} has no record"
        if record not in self.leads:
            self.read_leads([fact])
        return record, self.leads[record]

    def read_leads(self, facts: list[Fact]) -> None:
        """Read the leads of the stored records ``facts`` support."""
        stored = {self.rows[f.id].record_id for f in facts if f.id not in self.record_of}
        wanted = {r for r in stored if r is not None and r not in self.leads}
        for record, info in kept.record_infos(self.engine, wanted).items():
            self.leads[record] = info.lead

    def _remember_actors(self, docs: set[str]) -> None:
        named = [f for doc in docs for f in self.in_document[(doc, "actors")]]
        self.read_leads(named)
        entries = sorted(named, key=lambda f: (self.current(f)[1], f.order))
        remember_actors(self.ctx, [(f, self.current(f)[0]) for f in entries])

    def _remember_projects(self, docs: set[str]) -> None:
        named = [f for doc in docs for f in self.in_document[(doc, "projects")]]
        self.read_leads(named)
        remember_projects(self.ctx, [(f, self.current(f)[0]) for f in named])

    # --- the run ---------------------------------------------------------------------------

    def run(self) -> None:
        """Consolidate the pending documents and write the result."""
        from suivi.pipeline.relations import relate

        new_ids = set(self.seqs)
        self.read_documents(new_ids)
        new = self.read_facts(kept.facts_of_documents(self.engine, new_ids))
        merged = self.copies([self.documents[d] for d in self.seqs])  # in order of their seq
        self.places = set(kept.values_of(self.engine, [key_hash(PLACES)]).get(key_hash(PLACES), []))
        self.ctx.country_actor = kept.country_records(self.engine)
        stale = {row.part for row in kept.facts_of_documents(self.engine, merged) if row.part}
        changed_codes = self.actors([f for f in new if f.category == "actors"], stale)
        if changed_codes:
            probes = [(key_hash(("iso", code)), None, MEETS[LOOKUP]) for code in changed_codes]
            stale |= kept.find_parts(self.engine, probes)
        for category in CATEGORIES:
            if category == "quantities":
                self._remember_projects(set(self.contexts))
                self.projects_known = True
            self.category(category, [f for f in new if f.category == category], stale)
        patched = relate(self)
        self.write(patched)

    def copies(self, docs: list[Document]) -> set[str]:
        """Place each new document among the copies of one dispatch (exactly as
        ``independence.dispatch_groups``); the documents of groups another group joined
        (their records count their sources otherwise)."""
        runs_of: dict[str, frozenset[str]] = {}
        firsts_of: dict[str, set[str]] = {}
        merged: set[str] = set()
        for doc in docs:
            runs = shingles(doc.text)
            hashes = {run_hash(r): r for r in runs}
            counts = kept.run_counts(self.engine, hashes)
            for other in runs_of.values():
                for run in runs & other:
                    counts[run_hash(run)] = counts.get(run_hash(run), 0) + 1
            firsts = first_runs(runs, partial(_held, counts))
            found = kept.run_holders(self.engine, [run_hash(r) for r in firsts], firsts=False)
            found |= kept.run_holders(self.engine, hashes, firsts=True)
            found |= {d for d, other in runs_of.items() if other & set(firsts)}
            found |= {d for d, other in firsts_of.items() if other & runs}
            self.read_documents(found)
            copies = [
                d for d in sorted(found)
                if is_copy(runs, runs_of[d] if d in runs_of else shingles(self.documents[d].text))
            ]  # fmt: skip
            self.dispatch.update(kept.dispatch_of(self.engine, set(copies) - set(self.dispatch)))
            groups = {self.dispatch[d] for d in copies}
            self.read_documents(groups)
            first = min(groups, key=lambda g: self.documents[g].order) if groups else doc.id
            if len(groups) > 1:
                members = kept.dispatch_of(self.engine, groups=groups)
                members.update({d: g for d, g in self.dispatch.items() if g in groups})
                for member in members:
                    merged.add(member)
                    self.dispatch[member] = first
                    if member not in runs_of:
                        self.changes.regrouped[member] = first
            self.dispatch[doc.id] = first
            runs_of[doc.id], firsts_of[doc.id] = runs, set(firsts)
            self.changes.runs += [{"run": h, "document_id": doc.id} for h in sorted(hashes)]
            self.changes.firsts += [{"run": run_hash(r), "document_id": doc.id} for r in firsts]
        for doc in docs:
            self.changes.documents.append(
                {"document_id": doc.id, "seq": doc.order, "dispatch": self.dispatch[doc.id]}
            )
        return merged

    def groups_for(self, facts: list[Fact]) -> dict[str, str]:
        """The copies' group of every document of ``facts``."""
        wanted = {f.document.id for f in facts} - set(self.dispatch)
        self.dispatch.update(kept.dispatch_of(self.engine, wanted))
        return self.dispatch

    def region(self, category: str, parts: set[str], seeds: list[Fact]) -> list[Fact]:
        """The facts of ``parts`` and ``seeds``, in order; their parts are rebuilt."""
        rows = kept.facts_of_parts(self.engine, parts - self.old_parts)
        self.old_parts |= parts
        self.old_records |= {row.record_id for row in rows if row.record_id}
        facts = {f.id: f for f in self.read_facts(rows) if f.category == category}
        facts.update({f.id: f for f in seeds})
        return sorted(facts.values(), key=lambda f: f.order)

    def actors(self, new: list[Fact], stale: set[str]) -> set[str]:
        """Rebuild the actors new facts can join; the states whose actor record changed."""
        probes = probe_keys("actors", actor_keys(new), new, self.stored_values)
        parts = kept.find_parts(self.engine, [(b, s, MEETS[r]) for b, s, r in probes])
        items = self.region("actors", parts | {p for p in stale if p.startswith("act-")}, new)
        self.read_leads(items)
        before = {f.id: self.current(f) for f in items if f.id not in {n.id for n in new}}
        groups = actor_rules.resolve(items)
        built = Built()
        actor_records(built, groups, self.groups_for(items), Context())
        built.parts["actors"] = actor_parts(groups)
        self.take(built, "actors", None)
        codes: dict[str, str] = {}
        for record in built.records:
            for fact in built.facts_of[record["id"]]:
                if fact.get("type") == "country" and fact.get("country"):
                    codes.setdefault(str(fact.get("country")), record["id"])
        changed = {
            code for code, record in codes.items() if self.ctx.country_actor.get(code) != record
        }
        self.ctx.country_actor.update(codes)
        self.changes.countries.update(codes)
        moved = {f.document.id for f in items if f.id in before and before[f.id] != self.current(f)}
        self.touched["actors"] = moved
        return changed

    def category(self, category: str, new: list[Fact], stale: set[str]) -> None:
        """Rebuild the parts of one kind that new facts, or facts whose context changed, touch."""
        touched = set(self.touched.get("actors", set()))
        if category == "quantities":
            touched |= self.touched.get("projects", set())
        self.read_whole(touched | {f.document.id for f in new})
        moved = self.facts_in(touched, category)
        seeds = new + [f for f in moved if f.id not in {n.id for n in new}]
        reps = place_facts(self.places) if category == "projects" else []
        blocking = KEYS[category](seeds + reps, self.ctx)
        probes = probe_keys(category, fact_keys(category, blocking, self.ctx), seeds,
                            self.stored_values, self.places)  # fmt: skip
        parts = kept.find_parts(self.engine, [(b, s, MEETS[r]) for b, s, r in probes])
        parts |= {self.rows[f.id].part or "" for f in moved} - {""}
        parts |= {p for p in stale if p.startswith(PREFIX[category] + "-")}
        if category == "projects":
            parts |= self.named_places(new)
        items = self.region(category, parts, seeds)
        self.read_whole({f.document.id for f in items})
        self.read_leads(items)
        before = {
            f.id: self.current(f)
            for f in items
            if f.id in self.record_of or self.rows[f.id].record_id
        }
        built = Built()
        blocking = remembered(KEYS[category](items + reps, self.ctx))
        category_records(built, category, items, blocking, self.groups_for(items), self.ctx,
                         self.today, self.events_in)  # fmt: skip
        self.take(built, category, blocking)
        if category == "projects":
            self.touched["projects"] = {
                f.document.id for f in items if before.get(f.id) != self.current(f)
            } | self.moved_places(built)
            self.places |= {fold_words(f.get("location") or "") for f in items} - {""}

    def named_places(self, new: list[Fact]) -> set[str]:
        """The parts of projects without a place whose article names a place first seen."""
        fresh = {fold_words(f.get("location") or "") for f in new} - self.places - {""}
        if not fresh:
            return set()
        probe = [(key_hash(("unplaced",)), None, MEETS[LOOKUP])]
        rows = kept.facts_of_parts(self.engine, kept.find_parts(self.engine, probe))
        self.read_documents({row.document_id for row in rows})
        found = set()
        for row in rows:
            words = f" {fold_words(self.documents[row.document_id].text)} "
            if row.part and any(f" {place} " in words for place in fresh):
                found.add(row.part)
        return found

    def moved_places(self, built: Built) -> set[str]:
        """Documents of projects whose place changed (figures read it)."""
        infos = kept.record_infos(self.engine, self.old_records)
        out = set()
        for record in built.records:
            place = fold_words(record["fields"].get("location") or "")
            info = infos.get(record["id"])
            if info is None or (info.place or "") != place:
                out |= {f.document.id for f in built.facts_of[record["id"]]}
        return out

    def stored_values(self, blocks: list[int]) -> dict[int, list[str]]:
        """The values kept for value blocks."""
        return kept.values_of(self.engine, blocks)

    def take(self, built: Built, category: str, blocking: Any) -> None:
        """Keep what a rebuilt kind gives: its records, their facts' new records, its index."""
        for record in built.records:
            group = built.facts_of[record["id"]]
            lead = min(f.order for f in group)
            for fact in group:
                self.record_of[fact.id] = (record["id"], lead)
        self.built.records += built.records
        self.built.facts_of.update(built.facts_of)
        self.built.parts[category] = built.parts[category]
        if blocking is not None:
            self.built.blockings[category] = blocking
        del category

    # --- writing ---------------------------------------------------------------------------

    def write(self, patched: dict[str, Record]) -> None:
        """Write the rebuilt records, those whose links changed, and what is kept, at once."""
        records = self.built.records
        publish(records, self.record_verdicts, self.threshold)
        from suivi.presentation import record_title

        for record in records + list(patched.values()):
            record["title"] = record_title(record, "fr")
        self.index = index(self.built, self.ctx, self.places)
        add_rows(self.changes, self.built, self.index)
        made = {record["id"] for record in records}
        self.changes.gone_records = self.old_records - made
        self.changes.gone_parts = set(self.old_parts)
        self.changes.values |= {(key_hash(PLACES), place) for place in self.places}
        with self.engine.begin() as connection:
            hold(connection)
            write_records(connection, records + [r for i, r in patched.items() if i not in made],
                          self.changes.gone_records)  # fmt: skip
            write(connection, self.changes)


def _held(counts: dict[int, int], run: str) -> int:
    return counts.get(run_hash(run), 0)  # how many documents hold ``run``
