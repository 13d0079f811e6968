"""Blocking keys of each kind of fact: what two facts must share for a rule to join them.

Each kind's keys are made once for all its facts, since some read what the facts name
together (the places, the subjects of figures). A key reads only what its rule requires to
be equal or near, so no pair the rule would join is left out (``blocking`` explains the
keys); ``sure`` keys, where given, name facts the rule joins whatever else they say.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from itertools import combinations, product

from rapidfuzz import fuzz

from suivi.consolidation.blocking import (
    ANY,
    PROBE,
    TARGET,
    Key,
    magnitudes,
    neighbours,
    pair,
    windows,
)
from suivi.consolidation.deliveries import commodities
from suivi.consolidation.matching import (
    AGREEMENT_DAYS,
    EVENT_DAYS,
    REPORT_DAYS,
    UNDATED_EVENT_DAYS,
    VISIT_AND_MEETING,
    Context,
    content_words,
    participants,
    projects_of,
    states_of,
)
from suivi.consolidation.project_kinds import kind_family, project_kind
from suivi.folding import fold_words
from suivi.models import Document, Fact


@dataclass(frozen=True)
class Blocking:
    """The keys of each fact of one kind, and the keys that join facts for certain."""

    keys: Callable[[Fact], Iterable[Key]]
    sure: Callable[[Fact], Iterable[Hashable]] | None = None


def _slots(found: list[int] | None) -> list[int] | list[None]:
    # A date that is not ISO meets every fact of its block.
    return found if found is not None else [None]


def agreement_blocking(_facts: list[Fact], ctx: Context) -> Blocking:
    """Reports of one day (the rule's first test); else a shared sector, with dates at most
    ``AGREEMENT_DAYS`` apart when both reports are dated, or report dates at most
    ``REPORT_DAYS`` apart when one is not (a report that no date places meets every report
    of its sectors). Either way, reports that both name states name one in common."""

    def keys(fact: Fact) -> Iterable[Key]:
        own = fact.get("date") or ""
        states = _states(fact, ctx)
        if len(own) == 10:
            for state in states:
                yield ("day", own), state
        near = windows(own, AGREEMENT_DAYS, AGREEMENT_DAYS + 1) if own else []
        reported = windows(ctx.when(fact, own), REPORT_DAYS, REPORT_DAYS + 1)
        # Two dated reports never meet through their report dates, only through their own.
        role = TARGET if own else ANY
        for sector in fact.get("sectors") or []:
            yield ("loose", sector), 0, TARGET
            if near is None or reported is None:
                yield ("loose", sector), None
            for window, state in product(near or [], states):
                yield ("dated", sector, window), state
            for window, state in product(reported or [], states):
                yield ("reported", sector, window), state, role

    return Blocking(keys)


def _states(fact: Fact, ctx: Context) -> list[str] | list[None]:
    # A fact that names no state meets those that do.
    return sorted(states_of(fact, ctx)) or [None]


def event_blocking(_facts: list[Fact], ctx: Context) -> Blocking:
    """Events of one type (a visit and the talks held during it count as one) starting at
    most ``EVENT_DAYS`` apart. An undated report meets the dated events of its type begun
    at most ``UNDATED_EVENT_DAYS`` before or after its article, or, when nothing dates the
    article, those with a participant in common."""

    def keys(fact: Fact) -> Iterable[Key]:
        kind = fact.get("type")
        start = fact.get("start")
        if start:
            for slot in _slots(windows(start, EVENT_DAYS, 7)):
                yield ("event", "visit" if kind in VISIT_AND_MEETING else kind), slot
            for slot in _slots(windows(start, UNDATED_EVENT_DAYS, UNDATED_EVENT_DAYS + 1)):
                yield ("undated", kind), slot, TARGET
            for actor in participants(fact, ctx):
                yield ("with", kind), actor, TARGET
            return
        reference = ctx.reference.get(fact.document.id)
        if reference:
            for slot in _slots(windows(reference, UNDATED_EVENT_DAYS, UNDATED_EVENT_DAYS + 1)):
                yield ("undated", kind), slot, PROBE
            return
        for actor in participants(fact, ctx):
            yield ("with", kind), actor, PROBE

    return Blocking(keys)


def project_blocking(facts: list[Fact], _ctx: Context) -> Blocking:
    """Projects of one kind (raffinerie, centrale…) at one place, which are one for certain;
    or at places one of which holds the other; or, for a report without a place, named
    with two words in common, or whose article names the other's place."""
    kinds = {id(f): project_kind(f) for f in facts}
    where = {id(f): fold_words(f.get("location") or "") for f in facts}
    places = set(where.values()) - {""}
    inside = {q: [p for p in _substrings(q) if p in places and p != q] for q in places}
    longest = max((len(p.split()) for p in places), default=0)
    named: dict[str, set[str]] = {}

    def named_in(document: Document) -> set[str]:
        if document.id not in named:
            words = fold_words(document.text).split()
            runs = (
                " ".join(words[i : i + n])
                for n in range(1, longest + 1)
                for i in range(len(words) - n + 1)
            )
            named[document.id] = {run for run in runs if run in places}
        return named[document.id]

    def sure(fact: Fact) -> Iterable[Hashable]:
        if kinds[id(fact)] and where[id(fact)]:
            yield kinds[id(fact)], where[id(fact)]

    def keys(fact: Fact) -> Iterable[Key]:
        kind, place = kinds[id(fact)], where[id(fact)]
        if not kind:
            return
        if place:
            # Kinds two outlets may use for one undertaking meet at one place.
            yield ("family", kind_family(kind)), place
        words = content_words(fold_words(fact.get("name") or ""))
        for two in combinations(sorted(words), 2):
            yield ("name", kind), two, TARGET if place else ANY
        if place:
            yield ("within", kind), place, PROBE
            for smaller in inside[place]:
                yield ("within", kind), smaller, TARGET
            yield ("text", kind), place, TARGET
        else:
            for found in named_in(fact.document):
                yield ("text", kind), found, PROBE

    return Blocking(keys, sure)


def _substrings(text: str) -> set[str]:
    return {text[i:j] for i in range(len(text)) for j in range(i + 1, len(text) + 1)}


def quantity_blocking(facts: list[Fact], ctx: Context) -> Blocking:
    """A share of an undertaking both articles report. Else figures of one unit and rate:
    of close values in articles at most ``REPORT_DAYS`` apart, or of close values and alike
    subjects or stated in the sentence of one project, or of one kind with subjects alike in
    two words; the last three in one year when both say which."""
    subject = {id(f): fold_words(f.get("subject") or "") for f in facts}
    by_value: dict[Hashable, set[str]] = {}
    by_kind: dict[Hashable, set[str]] = {}
    for f in facts:
        if not subject[id(f)]:
            continue
        for slot in magnitudes(f.get("min")):
            by_value.setdefault((_unit(f), slot), set()).add(subject[id(f)])
        if f.get("kind"):
            by_kind.setdefault((_unit(f), f.get("kind")), set()).add(subject[id(f)])
    valued = {
        block: neighbours(found, lambda _s: [None], _worded_alike)
        for block, found in by_value.items()
    }
    kinded = {
        block: neighbours(found, _word_pairs, _closely_alike) for block, found in by_kind.items()
    }

    def keys(fact: Fact) -> Iterable[Key]:
        if fact.get("kind") == "share" and fact.get("unit") == "%":
            for project in ctx.projects_in.get(fact.document.id, ()):
                yield ("share",), project
        unit, own = _unit(fact), subject[id(fact)]
        year = fact.get("year") or None
        stated = projects_of(fact, ctx)
        for slot in magnitudes(fact.get("min")):
            yield from _told(fact, (unit, slot), own, ctx)
            for other in valued[(unit, slot)].get(own, []) if own else []:
                yield ("worded", unit, slot, pair(own, other)), year
            for project in stated:
                yield ("stated", unit, slot, project), year
        if own and fact.get("kind"):
            for other in kinded[(unit, fact.get("kind"))].get(own, []):
                yield ("alike", unit, fact.get("kind"), pair(own, other)), year

    return Blocking(keys)


def _told(fact: Fact, value: Hashable, subject: str, ctx: Context) -> Iterable[Key]:
    # One value in articles at most REPORT_DAYS apart that name a state in common, of the
    # same goods, or of goods one of them does not say (matching._same_goods_or_untold).
    reference = ctx.reference.get(fact.document.id)
    states = states_of(fact, ctx)
    if not reference or not states:
        return
    yield ("told", value), 0, TARGET
    when = windows(reference, REPORT_DAYS, REPORT_DAYS + 1)
    if when is None:
        yield ("told", value), None  # a reference that is not ISO meets every one
        return
    goods: list[Hashable] = [*sorted(commodities(subject))]
    if not content_words(subject):
        goods = [None]  # an untold subject meets every subject
    elif not goods:
        goods = [("untold only", fact.document.id, fact.start, fact.end)]
    for slot, state, good in product(when, states, goods):
        yield ("told", value, slot, state), good


def _unit(fact: Fact) -> tuple[object, object]:
    return fact.get("unit"), fact.get("per") or None


def _worded_alike(a: str, b: str) -> bool:
    # matching.same_quantity, for two figures of one value.
    return fuzz.token_set_ratio(a, b) / 100 >= 0.7 or bool(content_words(a) & content_words(b))


def _closely_alike(a: str, b: str) -> bool:
    # matching.same_quantity, for two figures of one kind and different values.
    shared = content_words(a) & content_words(b)
    return fuzz.token_set_ratio(a, b) / 100 >= 0.9 and len(shared) >= 2


def _word_pairs(subject: str) -> Iterable[Hashable]:
    return combinations(sorted(content_words(subject)), 2)


KEYS: dict[str, Callable[[list[Fact], Context], Blocking]] = {
    "agreements": agreement_blocking,
    "events": event_blocking,
    "projects": project_blocking,
    "quantities": quantity_blocking,
}
