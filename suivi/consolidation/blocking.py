"""Which pairs of facts are compared at all: blocking keys, so that a large store is not
compared pair by pair.

Each item gives keys ``(block, slot)``. Two items are compared when they share a key; an
item whose slot is ``None`` is compared with every item of its block (a fact without the
date its block is cut by). Keys only ever leave out pairs the rules would score 0, so the
records are the same as comparing every pair.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TypeVar

from suivi.consolidation.dates import last_day, parse

T = TypeVar("T")
Key = tuple[Hashable, Hashable | None]
Keys = Callable[[T], Iterable[Key]]

_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def candidate_pairs(items: Sequence[T], keys: Keys[T] | None) -> list[tuple[int, int]]:
    """Every pair ``(i, j)``, ``i < j``, that shares a key, in order (all pairs without keys)."""
    if keys is None:
        return [(i, j) for i in range(len(items)) for j in range(i + 1, len(items))]
    slots: dict[Hashable, dict[Hashable, list[int]]] = {}
    wild: dict[Hashable, list[int]] = {}
    members: dict[Hashable, dict[int, None]] = {}
    for index, item in enumerate(items):
        for block, slot in dict.fromkeys(keys(item)):
            members.setdefault(block, {})[index] = None
            if slot is None:
                wild.setdefault(block, []).append(index)
            else:
                slots.setdefault(block, {}).setdefault(slot, []).append(index)
    pairs: set[tuple[int, int]] = set()
    for groups in slots.values():
        for group in groups.values():
            for position, i in enumerate(group):
                pairs.update((i, j) for j in group[position + 1 :])
    for block, loose in wild.items():
        for i in loose:
            pairs.update((min(i, j), max(i, j)) for j in members[block] if j != i)
    return sorted(pairs)


def day_span(value: str | None) -> tuple[int, int] | None:
    """The first and last day (ordinals) an ISO date can mean; None when it is not one."""
    if not value or not _ISO.fullmatch(str(value)):
        return None
    first, last = parse(value), last_day(value)
    if first is None or last is None:
        return None
    return first.toordinal(), last.toordinal()


def windows(value: str | None, reach: int, width: int) -> list[int] | None:
    """Numbers of the ``width``-day windows a date may fall in, so that two dates at most
    ``reach`` days apart (``reach < width``) share one; None when the date is not ISO."""
    span = day_span(value)
    if span is None:
        return None
    return list(range(span[0] // width, (span[1] + reach) // width + 1))


# Two figures are "close" within 0.5 % (matching.VALUE_TOLERANCE): logarithms 0.00502 apart.
_LOG_WIDTH = math.log(1.01)
_LOG_REACH = 0.0051


def magnitudes(value: object) -> list[Hashable]:
    """Slots of a figure such that any two figures within 0.5 % of each other share one."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return []
    if not math.isfinite(number):
        return []
    out: list[Hashable] = ["zero"] if abs(number) < 1e-6 else []
    if number:
        low = math.log(abs(number))
        sign = number > 0
        first, last = math.floor(low / _LOG_WIDTH), math.floor((low + _LOG_REACH) / _LOG_WIDTH)
        out += [(sign, b) for b in range(first, last + 1)]
    return out
