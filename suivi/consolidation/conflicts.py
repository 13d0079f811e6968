"""Where sources disagree: each value with the sources that give it, nothing averaged."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from suivi.consolidation.blocking import magnitudes
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
    named: list[set[str]] = []
    index = _Values()
    for value, fact in given:
        fitting = index.fitting(value, values)
        if len(fitting) > 1:
            continue
        if fitting:
            if fact.document.name not in named[fitting[0]]:
                named[fitting[0]].add(fact.document.name)
                values[fitting[0]]["sources"].append(fact.document.name)
        else:
            index.add(value, len(values))
            values.append({"value": value, "sources": [fact.document.name]})
            named.append({fact.document.name})
    order = {fact.document.name: fact.order for _, fact in given}
    for entry in values:
        entry["sources"].sort(key=lambda name: order[name])
    values.sort(key=lambda entry: min(order[name] for name in entry["sources"]))
    return values


class _Values:
    """The values found so far, looked up by what can agree with a value: figures by
    magnitude, dates by their prefixes, other words as they are; anything else is read
    against every value."""

    def __init__(self) -> None:
        self.slots: dict[Any, list[int]] = {}
        self.other: list[int] = []

    def add(self, value: Any, number: int) -> None:
        keys = self._keys(value, stored=True)
        if keys is None:
            self.other.append(number)
        for key in keys or ():
            self.slots.setdefault(key, []).append(number)

    def fitting(self, value: Any, values: list[ConflictValue]) -> list[int]:
        """The numbers of the values that agree with ``value``, in order."""
        keys = self._keys(value, stored=False)
        if keys is None:
            near: set[int] = set(range(len(values)))
        else:
            near = {n for key in keys for n in self.slots.get(key, ())} | set(self.other)
        return [n for n in sorted(near) if _agree(values[n]["value"], value)]

    @staticmethod
    def _keys(value: Any, stored: bool) -> list[Any] | None:
        # A date agrees with the dates it begins and those that begin it: a stored date is
        # found through each of its prefixes and as a whole, a date looked up through itself
        # and each of its prefixes as a whole.
        if isinstance(value, str):
            if not value[:4].isdigit():
                return [("word", value)]
            if stored:
                prefixes = [("date", value[:size]) for size in range(1, len(value) + 1)]
                return [*prefixes, ("whole", value)]
            return [("date", value)] + [("whole", value[:size]) for size in range(1, len(value))]
        if isinstance(value, int | float) and not isinstance(value, bool):
            slots = magnitudes(value)
            return [("figure", slot) for slot in slots] if slots else None
        return None


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
