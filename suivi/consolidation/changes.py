"""What changed between two versions of a record: a pure function over the records' JSON.

The kinds, in the order they are told: ``created`` (a record seen for the first time),
``source`` (a document reports it that did not before), ``status``, ``field`` (any other
value of ``fields``, or the planned date), ``conflict`` (sources now disagree on a field),
``late`` (its planned date has passed with no evidence of completion).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

KINDS = ("created", "source", "status", "field", "conflict", "late")

# Fields that only point to other records or repeat what a change already says: a figure
# linked to a delivery, the parties' full forms. A change there is told by those records.
QUIET_FIELDS = frozenset({"delivered", "quantities", "fulfils", "project", "partners"})


@dataclass(frozen=True)
class Change:
    """One change of one record: what kind, on which field, from what to what."""

    record_id: str
    kind: str
    field: str | None = None
    old: Any = None
    new: Any = None
    document_id: str | None = None


def record_changes(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> list[Change]:
    """The changes from ``old`` (None: the record is new) to ``new``."""
    ident = str(new["id"])
    if old is None:
        return [Change(ident, "created", new=new.get("title"))]
    out: list[Change] = []
    before = _documents(old)
    for document_id, source in _documents(new).items():
        if document_id not in before:
            label = source.get("outlet") or source.get("doc")
            out.append(Change(ident, "source", new=label, document_id=document_id))
    if old.get("status") != new.get("status"):
        out.append(Change(ident, "status", "status", old.get("status"), new.get("status")))
    if old.get("planned") != new.get("planned"):
        out.append(Change(ident, "field", "planned", old.get("planned"), new.get("planned")))
    was, now = old.get("fields") or {}, new.get("fields") or {}
    for name in sorted(set(was) | set(now)):
        if name not in QUIET_FIELDS and was.get(name) != now.get(name):
            out.append(Change(ident, "field", name, was.get(name), now.get(name)))
    disputed = {c.get("field") for c in old.get("conflicts") or []}
    for conflict in new.get("conflicts") or []:
        if conflict.get("field") not in disputed:
            values = [v.get("value") for v in conflict.get("values") or []]
            out.append(Change(ident, "conflict", conflict.get("field"), new=values))
    if new.get("overdue") and not old.get("overdue"):
        out.append(Change(ident, "late", "planned", new=new.get("planned")))
    return out


def _documents(record: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """The documents a record stands on, each with its first source (outlet, name)."""
    out: dict[str, Mapping[str, Any]] = {}
    for source in record.get("sources") or []:
        document_id = str(source.get("document_id") or "")
        if document_id:
            out.setdefault(document_id, source)
    return out
