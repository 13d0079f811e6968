"""Record filters read from a query string and written back into shareable URLs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from functools import cache
from typing import Any
from urllib.parse import urlencode

from babel import Locale

from suivi import vocab
from suivi.store import RecordFilter

MAX_TEXT = 200
# The values a record can have, by facet: anything else would match nothing, silently.
KNOWN: dict[str, tuple[str, ...]] = {
    "type": tuple(vocab.RECORD_TYPES),
    "status": tuple(dict.fromkeys(code for codes in vocab.STATUSES.values() for code in codes)),
    "sector": tuple(vocab.SECTORS),
}


# Codes CLDR names that are no state: unions, pseudo-regions, "unknown region".
_NOT_STATES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


@dataclass(frozen=True)
class Refused:
    """A filter value left out, and the values the facet takes (if they are few)."""

    facet: str
    value: str
    known: tuple[str, ...] = ()


@cache
def territories() -> frozenset[str]:
    """The two-letter ISO 3166 codes: what a partner can be."""
    codes = (str(code) for code in Locale.parse("en").territories)
    return frozenset(code for code in codes if len(code) == 2 and code.isalpha()) - _NOT_STATES


def unknown_values(flt: RecordFilter) -> list[Refused]:
    """The filter's type, status, sector or partner that no record can have."""
    out = [
        Refused(facet, str(getattr(flt, facet)), known)
        for facet, known in KNOWN.items()
        if getattr(flt, facet) and getattr(flt, facet) not in known
    ]
    if flt.partner and flt.partner not in territories():
        out.append(Refused("partner", flt.partner))
    return out


def read_query(params: Mapping[str, str]) -> tuple[RecordFilter, list[Refused]]:
    """A filter from a page's query string, and the values it leaves out as unreadable or
    unknown (the page says so rather than silently listing everything)."""
    values: dict[str, Any] = {}
    refused: list[Refused] = []
    for name in ("type", "sector", "status", "partner", "actor", "q"):
        text = (params.get(name) or "").strip()[:MAX_TEXT]
        if text:
            values[name] = text
    year = (params.get("year") or "").strip()
    if year.isdigit() and 1000 <= int(year) <= 3000:
        values["year"] = int(year)
    elif year:
        refused.append(Refused("year", year[:MAX_TEXT]))
    overdue = (params.get("overdue") or "").strip().lower()
    if overdue in {"1", "true", "oui", "yes"}:
        values["overdue"] = True
    elif overdue in {"0", "false", "non", "no"}:
        values["overdue"] = False
    elif overdue:
        refused.append(Refused("overdue", overdue[:MAX_TEXT]))
    flt = RecordFilter(**values)
    unknown = unknown_values(flt)
    if unknown:
        flt = replace(flt, **{item.facet: None for item in unknown})
    return flt, unknown + refused


def as_params(flt: RecordFilter) -> dict[str, str]:
    """The filter's set values as query parameters, in a stable order."""
    out: dict[str, str] = {}
    for name, value in asdict(flt).items():
        if value is None or value == "" or name == "published":
            continue  # what is published is no reader's choice: never in an address
        out[name] = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return out


def url(path: str, flt: RecordFilter, **changes: Any) -> str:
    """``path`` with the filter's query string; ``changes`` set (or, as None, drop) values."""
    params = as_params(replace(flt, **changes) if changes else flt)
    return f"{path}?{urlencode(params)}" if params else path


def active(flt: RecordFilter) -> list[tuple[str, str]]:
    """The filters in force, as (name, value) pairs, for the list of filters to remove."""
    return list(as_params(flt).items())
