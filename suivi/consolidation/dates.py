"""Comparing the dates facts carry, at whatever precision each gives."""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache


def parse(value: str | None) -> date | None:
    """The first day an ISO date (``2025``, ``2025-06`` or ``2025-06-23``) can mean."""
    if not value:
        return None
    parts = str(value).split("-")
    try:
        return date(
            int(parts[0]),
            int(parts[1]) if len(parts) > 1 else 1,
            int(parts[2]) if len(parts) > 2 else 1,
        )
    except (ValueError, IndexError):
        return None


def last_day(value: str | None) -> date | None:
    """The last day an ISO date can mean: ``2025`` ends on 31 December, ``2025-06`` on the 30th."""
    first = parse(value)
    if first is None or value is None:
        return None
    parts = str(value).split("-")
    if len(parts) == 1:
        return date(first.year, 12, 31)
    if len(parts) == 2:
        return date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    return first


def compatible(a: str | None, b: str | None) -> bool:
    """Whether two dates can name the same day: equal, or one a coarser form of the other."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two dates (0 when one contains the other), or None if either is unknown."""
    if not a or not b:
        return None
    if isinstance(a, str) and isinstance(b, str):
        return _days_apart(a, b)
    return _days_apart.__wrapped__(a, b)


@lru_cache(maxsize=65536)
def _days_apart(a: str, b: str) -> int | None:
    if compatible(a, b):
        return 0
    first_a, last_a, first_b, last_b = parse(a), last_day(a), parse(b), last_day(b)
    if None in (first_a, last_a, first_b, last_b):
        return None
    assert first_a and last_a and first_b and last_b
    if last_a < first_b:
        return (first_b - last_a).days
    return (first_a - last_b).days
