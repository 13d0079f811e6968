"""Blocking keys of each kind of fact: what two facts must share for a rule to join them.

Each key function reads only what its rule requires to be equal or near, so no pair the
rule would join is left out (``blocking`` explains the keys).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import combinations

from suivi.consolidation.blocking import Key, magnitudes, windows
from suivi.consolidation.matching import (
    EVENT_DAYS,
    REPORT_DAYS,
    VISIT_AND_MEETING,
    Context,
    content_words,
    project_kind,
)
from suivi.folding import fold_words
from suivi.models import Fact


def agreement_keys(fact: Fact, ctx: Context) -> Iterable[Key]:
    """Reports of one day (the rule's first test), or a shared sector with report dates at
    most ``REPORT_DAYS`` apart (an undated report meets every report of its sectors)."""
    own = fact.get("date") or ""
    if len(own) == 10:
        yield ("day",), own
    slots = windows(ctx.when(fact, fact.get("date")), REPORT_DAYS, REPORT_DAYS + 1)
    for sector in fact.get("sectors") or []:
        for slot in slots if slots is not None else [None]:
            yield ("sector", sector), slot


def event_keys(fact: Fact, _ctx: Context) -> Iterable[Key]:
    """Events of one type (a visit and the talks held during it count as one) starting at
    most ``EVENT_DAYS`` apart; an event without a start meets every event of its type (the
    rule then decides by place and publication date)."""
    kind = "visit" if fact.get("type") in VISIT_AND_MEETING else fact.get("type")
    start = fact.get("start")
    slots = windows(start, EVENT_DAYS, 7) if start else None
    for slot in slots if slots is not None else [None]:
        yield ("event", kind), slot


def project_keys(fact: Fact, _ctx: Context) -> Iterable[Key]:
    """Projects of one kind (raffinerie, centrale…)."""
    yield ("project",), project_kind(fact)


def quantity_keys(fact: Fact, ctx: Context) -> Iterable[Key]:
    """A share of an undertaking both articles report; else figures of one unit and rate
    whose values are close, or which share two words of their subject and their kind."""
    if fact.get("kind") == "share" and fact.get("unit") == "%":
        for project in ctx.projects_in.get(fact.document.id, ()):
            yield ("share",), project
    subject = fold_words(fact.get("subject") or "")
    block = ("quantity", fact.get("unit"), fact.get("per") or None)
    # The same amount may be one figure whatever its subject says (or if it says nothing).
    for slot in magnitudes(fact.get("min")):
        yield block, ("value", slot)
    if subject and fact.get("kind"):
        for pair in combinations(sorted(content_words(subject)), 2):
            yield block, ("words", fact.get("kind"), *pair)


KEYS: dict[str, Callable[[Fact, Context], Iterable[Key]]] = {
    "agreements": agreement_keys,
    "events": event_keys,
    "projects": project_keys,
    "quantities": quantity_keys,
}
