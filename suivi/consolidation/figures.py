"""Figures of a project: a quantity tied to the project whose sentence states it."""

from __future__ import annotations

from suivi.folding import fold_words
from suivi.models import Fact, Record


def link_figures(records: list[Record], groups: dict[str, list[Fact]]) -> None:
    """A figure stated in a project's own sentence, or in a sentence naming the project's
    place, is a figure of that project (its capacity, cost, share): the first such project
    in the order of records. ``groups`` are the facts of each record, by id."""
    # Only a project reported by one of the figure's articles can be its project.
    projects = [r for r in records if r["type"] == "project"]
    places = [fold_words(p["fields"].get("location") or "") for p in projects]
    told_in: dict[str, list[tuple[int, Fact]]] = {}
    for number, project in enumerate(projects):
        for fact in groups[project["id"]]:
            told_in.setdefault(fact.document.id, []).append((number, fact))
    for quantity in (r for r in records if r["type"] == "quantity"):
        found = {
            number
            for q in groups[quantity["id"]]
            for number, p in told_in.get(q.document.id, [])
            if (q.start < p.end and p.start < q.end)
            or (places[number] and f" {places[number]} " in f" {fold_words(q.evidence)} ")
        }
        if found:
            project = projects[min(found)]
            quantity["fields"]["project"] = project["id"]
            project["fields"].setdefault("quantities", []).append(quantity["id"])
