"""What rebuilt records say of other records, made again over the records it can join:
pledges and the deliveries that fulfil them (``deliveries.link``, over the blocks of unit and
goods the rebuilt figures are in), figures and the project of their sentence
(``figures.link_figures``, over the documents whose figures or projects changed), and what
is overdue today. Stored records whose links change are rewritten as they are."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from suivi.consolidation import link
from suivi.consolidation.confidence import assess
from suivi.consolidation.figures import link_figures
from suivi.consolidation.regions import LINK, MEETS, key_hash, link_blocks
from suivi.models import Fact, Record
from suivi.store import consolidated as kept
from suivi.store.records import records_by_id

if TYPE_CHECKING:
    from suivi.pipeline.incremental import Update


def relate(run: Update) -> dict[str, Record]:
    """Links and confidence of the rebuilt records; the stored records whose links or
    overdue flag change, as they must be written."""
    patched: dict[str, Record] = {}
    made = {r["id"]: r for r in run.built.records}
    _pledges(run, made, patched)
    _figures(run, made, patched)
    for record in run.built.records:
        record["confidence"], record["doubts"] = assess(record)
    stale = [i for i in kept.stale_overdue(run.engine, run.today.isoformat()) if i not in made]
    for record in records_by_id(run.engine, [i for i in stale if i not in patched]):
        patched[record["id"]] = record
    for record_id in stale:
        patched[record_id]["overdue"] = not patched[record_id].get("overdue")
    return patched


def _lead(
    run: Update, record: Record, leads: dict[str, tuple[int, int, int]]
) -> tuple[int, int, int]:
    if record["id"] in run.built.facts_of:
        return min(f.order for f in run.built.facts_of[record["id"]])
    return leads[record["id"]]


def _pledges(run: Update, made: dict[str, Record], patched: dict[str, Record]) -> None:
    verdicts = run.record_verdicts
    figures = {i: r for i, r in made.items() if r["type"] == "quantity"}
    blocks = {
        key_hash(b)
        for r in figures.values()
        for b in link_blocks(r, verdicts.corrected.get(r["id"]))
    }
    blocks |= kept.part_blocks(run.engine, run.old_parts, LINK)
    others: dict[str, Record] = {}
    corrected = [i for i in verdicts.corrected if i not in made and i not in run.old_records]
    for record in records_by_id(run.engine, corrected):
        if record["type"] == "quantity":
            others[record["id"]] = record
            blocks |= {
                key_hash(b) for b in link_blocks(record, verdicts.corrected.get(record["id"]))
            }
    searched: set[int] = set()
    while blocks - searched:
        fresh = blocks - searched
        searched |= fresh
        parts = kept.find_parts(run.engine, [(b, None, MEETS[LINK]) for b in fresh])
        ids = kept.part_records(run.engine, parts - run.old_parts) - set(others)
        for record in records_by_id(run.engine, sorted(ids)):
            if record["type"] != "quantity":
                continue
            others[record["id"]] = record
            for fixes in ({}, verdicts.corrected.get(record["id"]) or {}):
                blocks |= {key_hash(b) for b in link_blocks(record, fixes)}
    if not others and not figures:
        return
    leads = {i: info.lead for i, info in kept.record_infos(run.engine, others).items()}
    before = {i: copy.deepcopy(r["fields"]) for i, r in others.items()}
    together = sorted([*figures.values(), *others.values()], key=lambda r: _lead(run, r, leads))
    link(together, verdicts)
    for record_id, record in others.items():
        if record["fields"] != before[record_id]:
            patched[record_id] = record


def _figures(run: Update, made: dict[str, Record], patched: dict[str, Record]) -> None:
    figures = [r for r in run.built.records if r["type"] == "quantity"]
    projects = {r["id"]: r for r in run.built.records if r["type"] == "project"}
    old = kept.record_infos(run.engine, run.old_records)
    moved = run.touched.get("projects", set())
    stored = (
        {record for _, _, record in kept.records_in_documents(run.engine, moved, "quantities")}
        - run.old_records
        - set(made)
    )
    docs = {f.document.id for r in figures for f in run.built.facts_of[r["id"]]}
    docs |= kept.documents_of_records(run.engine, stored)
    run.read_whole(docs)
    told = run.facts_in(docs, "projects") + run.facts_in(docs, "quantities")
    run.read_leads(told)
    infos = kept.record_infos(run.engine, stored)
    # The figures whose project is read again, and every project of their documents.
    groups: dict[str, list[Fact]] = {}
    stubs: dict[str, Record] = {}
    leads: dict[str, tuple[int, int, int]] = {}
    for fact in sorted(told, key=lambda f: f.order):
        if True:
            record_id, lead = run.current(fact)
            if fact.category == "quantities" and record_id not in stored and record_id not in made:
                continue
            groups.setdefault(record_id, []).append(fact)
            leads[record_id] = lead
            if record_id not in stubs:
                kind = "project" if fact.category == "projects" else "quantity"
                stubs[record_id] = {"id": record_id, "type": kind, "fields": {}}  # type: ignore[typeddict-item]
    places = kept.record_infos(
        run.engine, [i for i, s in stubs.items() if s["type"] == "project" and i not in made]
    )
    for record_id, stub in stubs.items():
        if stub["type"] == "project":
            source = projects.get(record_id)
            location = source["fields"].get("location") if source else places[record_id].place
            stub["fields"]["location"] = location
    link_figures(sorted(stubs.values(), key=lambda s: leads[s["id"]]), groups)
    pointer = {i: s["fields"].get("project") for i, s in stubs.items() if s["type"] == "quantity"}
    lists: set[str] = set(projects)
    for record in figures:
        record["fields"].pop("project", None)
        if pointer.get(record["id"]):
            record["fields"]["project"] = pointer[record["id"]]
            lists.add(str(pointer[record["id"]]))
    lists |= {info.project for info in old.values() if info.project}
    for record_id in stored:
        if infos[record_id].project != pointer.get(record_id):
            lists |= {p for p in (infos[record_id].project, pointer.get(record_id)) if p}
            run.changes.projects[record_id] = pointer.get(record_id)
            _patch(run, patched, record_id, "project", pointer.get(record_id))
    # Each project whose figures may have changed lists them all, in the order of records.
    pointing = kept.record_infos(run.engine, projects=lists)
    for project in sorted(lists):
        if project in run.old_records and project not in made:
            continue  # a project record that is no more
        found = {
            i: info.lead
            for i, info in pointing.items()
            if info.project == project and i not in stored and i not in run.old_records
        }
        found.update({i: leads[i] for i, p in pointer.items() if p == project})
        found.update({r["id"]: min(f.order for f in run.built.facts_of[r["id"]])
                      for r in figures if pointer.get(r["id"]) == project})  # fmt: skip
        listed = sorted(found, key=found.__getitem__) or None
        if project in projects:
            projects[project]["fields"].pop("quantities", None)
            if listed:
                projects[project]["fields"]["quantities"] = listed
        else:
            _patch(run, patched, project, "quantities", listed)


def _patch(
    run: Update, patched: dict[str, Record], record_id: str, name: str, value: object
) -> None:
    # A stored record's field set (or removed, for None); written only if its rows change.
    if record_id not in patched:
        found = records_by_id(run.engine, [record_id])
        if not found:
            return
        patched[record_id] = found[0]
    fields = patched[record_id]["fields"]
    fields.pop(name, None)
    if value is not None:
        fields[name] = value
