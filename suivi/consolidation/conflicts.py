"""Where sources disagree: each value with the sources that give it, nothing averaged."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from suivi.consolidation.dates import compatible
from suivi.models import Conflict, ConflictValue, Fact

Read = Callable[[Fact], Any]


def _agree(a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str) and a[:4].isdigit() and b[:4].isdigit():
        return compatible(a, b)  # "2025-06" and "2025-06-23" say the same thing
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_agree(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)
    return bool(a == b)


def _precision(value: Any) -> int:
    return len(value) if isinstance(value, str) else 0


def field_values(facts: list[Fact], read: Read) -> list[ConflictValue]:
    """The distinct values of a field across ``facts``, each with the documents giving it.

    Values that agree (a figure within 0.5 %, a coarser date) are one value, shown at its
    most precise. A coarse value that fits several precise ones ("juin 2025" beside "23 juin"
    and "24 juin") takes no side: it is left out rather than counted for either.
    """
    given = [(read(fact), fact) for fact in facts]
    given = [(value, fact) for value, fact in given if value is not None and value not in ("", [])]
    given.sort(key=lambda pair: -_precision(pair[0]))
    values: list[ConflictValue] = []
    for value, fact in given:
        fitting = [entry for entry in values if _agree(entry["value"], value)]
        if len(fitting) > 1:
            continue
        if fitting:
            if fact.document.name not in fitting[0]["sources"]:
                fitting[0]["sources"].append(fact.document.name)
        else:
            values.append({"value": value, "sources": [fact.document.name]})
    order = {fact.document.name: fact.order for _, fact in given}
    for entry in values:
        entry["sources"].sort(key=lambda name: order[name])
    values.sort(key=lambda entry: min(order[name] for name in entry["sources"]))
    return values


def conflicts(facts: list[Fact], fields: dict[str, Read]) -> list[Conflict]:
    """Every field on which the sources disagree."""
    out: list[Conflict] = []
    for name, read in fields.items():
        values = field_values(facts, read)
        if len(values) > 1:
            out.append({"field": name, "values": values})
    return out


def latest_value(facts: list[Fact], read: Read) -> Any:
    """The field's value as the most recent source gives it.

    Values are first grouped as in the conflict table: agreeing values are one value at
    its most precise, and a coarse value fitting several precise ones takes no side. The
    value shown is the one whose newest source is the most recent.
    """
    values = field_values(facts, read)
    if not values:
        return None
    rank = {
        fact.document.name: (fact.document.published or "", fact.document.order) for fact in facts
    }
    return max(values, key=lambda entry: max(rank[name] for name in entry["sources"]))["value"]


def commonest(wordings: list[str]) -> str | None:
    """The most reported wording; among equals the shortest that still says something
    (three words or more), so a bare "accord" does not win over a named one."""
    if not wordings:
        return None
    counts = Counter(wordings)
    top = max(counts.values())
    tied = [w for w, n in counts.items() if n == top]
    informative = [w for w in tied if len(w.split()) >= 3] or tied
    return min(informative, key=len)


def most_supported(facts: list[Fact], read: Read) -> Any:
    """The value most sources give; among equals, the one the most recent source gives.

    For what does not change over time (an actor's country), a lone article's slip should
    not outvote the others the way a newer status rightly replaces an older one.
    """
    values = field_values(facts, read)
    if not values:
        return None
    rank = {
        fact.document.name: (fact.document.published or "", fact.document.order) for fact in facts
    }
    return max(
        values,
        key=lambda entry: (
            len(set(entry["sources"])),
            max(rank[name] for name in entry["sources"]),
        ),
    )["value"]
