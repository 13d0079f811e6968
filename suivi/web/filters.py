"""Record filters read from a query string and written back into shareable URLs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, replace
from typing import Any
from urllib.parse import urlencode

from suivi.store import RecordFilter

TYPES = ("agreement", "project", "event", "quantity", "actor")
NAMES = ("type", "sector", "status", "partner", "year", "actor", "overdue", "q")
MAX_TEXT = 200


def from_query(params: Mapping[str, str]) -> RecordFilter:
    """A filter from a page's query string; a value that cannot be read is left out."""
    values: dict[str, Any] = {}
    for name in ("type", "sector", "status", "partner", "actor", "q"):
        text = (params.get(name) or "").strip()[:MAX_TEXT]
        if text:
            values[name] = text
    if values.get("type") not in (None, *TYPES):
        del values["type"]
    year = params.get("year") or ""
    if year.isdigit() and 1000 <= int(year) <= 3000:
        values["year"] = int(year)
    overdue = (params.get("overdue") or "").lower()
    if overdue in {"1", "true", "oui", "yes"}:
        values["overdue"] = True
    elif overdue in {"0", "false", "non", "no"}:
        values["overdue"] = False
    return RecordFilter(**values)


def as_params(flt: RecordFilter) -> dict[str, str]:
    """The filter's set values as query parameters, in a stable order."""
    out: dict[str, str] = {}
    for name, value in asdict(flt).items():
        if value is None or value == "":
            continue
        out[name] = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return out


def url(path: str, flt: RecordFilter, **changes: Any) -> str:
    """``path`` with the filter's query string; ``changes`` set (or, as None, drop) values."""
    params = as_params(replace(flt, **changes) if changes else flt)
    return f"{path}?{urlencode(params)}" if params else path


def active(flt: RecordFilter) -> list[tuple[str, str]]:
    """The filters in force, as (name, value) pairs, for the list of filters to remove."""
    return list(as_params(flt).items())
