"""Reviews laid over records and facts: what the public sees after analysts have checked.

The extracted value is never lost: each reviewed field carries it beside the reviewed one,
with every version of the review, and says when consolidation has since changed its mind.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Engine

from suivi.models import RecordBase, RecordT, Review, ReviewState
from suivi.presentation import record_title
from suivi.review.reviews import ReviewError
from suivi.store.reviews import record_reviews
from suivi.vocab import CLOSED_FIELDS, STATUSES

TOP_LEVEL = ("title", "status", "planned")
# Fields a review can change that also decide which list filters a record falls under.
FACET_FIELDS = ("status", "sectors", "parties", "date", "start", "year")
# Nested structures computed by consolidation, not a value an analyst types.
NOT_REVIEWABLE = frozenset({"delivered", "aliases", "roles"})
MAX_VALUE = 500


def get_field(record: RecordBase, field: str) -> Any:
    """A record's field, top-level (title, status, planned) or under ``fields``."""
    if field in TOP_LEVEL:
        return record.get(field)
    return (record.get("fields") or {}).get(field)


def set_field(record: RecordBase, field: str, value: Any) -> None:
    """Set a record's field where ``get_field`` reads it."""
    if field == "title":
        record["title"] = value
    elif field == "status":
        record["status"] = value
    elif field == "planned":
        record["planned"] = value
    else:
        record.setdefault("fields", {})[field] = value


def reviewable_fields(record: RecordBase) -> list[str]:
    """The fields of a record an analyst may confirm, correct or reject."""
    names = ["title"]
    if record.get("type") in STATUSES:
        names += ["status", "planned"]
    names += [
        name
        for name, value in (record.get("fields") or {}).items()
        if name not in NOT_REVIEWABLE and not isinstance(value, dict)
    ]
    return names


_NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?$")


_UNIT = re.compile(r"^(t|MW|ha|%|person|[A-Z]{3})$")


def _closed(field: str, values: list[str]) -> None:
    allowed = CLOSED_FIELDS.get(field)
    wrong = [v for v in values if allowed is not None and v not in allowed]
    if wrong:
        raise ReviewError(
            f"{wrong[0]!r} is not a {field} value: use one of {', '.join(allowed or ())}"
        )
    if field == "unit" and not all(_UNIT.match(v) for v in values):
        raise ReviewError(
            f"{values[0]!r} is not a unit: use t, MW, ha, %, person or a currency code (XOF, USD…)"
        )


def parse_value(text: str, like: Any, field: str = "", record_type: str = "") -> Any:
    """The value typed in a form, read the way the extracted value ``like`` is written.

    French number writing is accepted ("25 000", "1,5"); a list is written with ";".
    """
    text = (text or "").strip()
    if len(text) > MAX_VALUE:
        raise ReviewError(f"the value is longer than {MAX_VALUE} characters")
    if not text:
        raise ReviewError("a correction needs a value")
    if field == "status":
        allowed = STATUSES.get(record_type, ())
        if text not in allowed:
            raise ReviewError(f"{text!r} is not a status of this kind of record")
        return text
    if isinstance(like, list):
        parts = [part.strip() for part in text.split(";") if part.strip()]
        _closed(field, parts)
        return parts
    if field in CLOSED_FIELDS or field == "unit":
        _closed(field, [text])
        return text
    if isinstance(like, bool):
        return text.lower() in {"true", "oui", "yes", "1", "vrai"}
    if isinstance(like, int | float) or (like is None and field in {"min", "max", "year"}):
        compact = re.sub(r"[\s\u00a0\u202f]", "", text)
        if not _NUMBER.match(compact):
            raise ReviewError(f"{text!r} is not a number")
        number = float(compact.replace(",", "."))
        return int(number) if number.is_integer() else number
    return text


def shown_value(like: Any) -> str:
    """A value as it is typed back into a correction form."""
    if like is None:
        return ""
    if isinstance(like, list):
        return "; ".join(str(item) for item in like)
    return str(like)


def _state(versions: list[Review], current: Any) -> ReviewState:
    latest = versions[-1]
    states = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected"}
    return {
        **latest.as_json(),
        "state": states[latest.action],
        "current_extracted": current,
        # The review was made against an earlier extraction: say so rather than hide it.
        "stale": latest.extracted != current,
        "history": [version.as_json() for version in versions],
    }


def _by_field(reviews: list[Review]) -> dict[str, list[Review]]:
    out: dict[str, list[Review]] = {}
    for review in reviews:
        out.setdefault(review.field, []).append(review)
    return out


def overlay_record(record: RecordT, reviews: list[Review]) -> RecordT:
    """``record`` as reviewed: reviewed values in place, ``reviews`` and ``review`` added.

    ``reviews`` maps each reviewed field to its state (confirmed, corrected or rejected),
    the reviewed and extracted values and the versions; ``review`` is the state of the
    record as a whole, or None. A rejected field shows no value.
    """
    out = copy.deepcopy(record)
    out["reviews"], out["review"], values = _reviewed(reviews, lambda f: get_field(record, f))
    for field, value in values.items():
        set_field(out, field, value)
    out["title"] = record_title(out, "fr")
    return out


def _reviewed(
    reviews: list[Review], read: Callable[[str], Any]
) -> tuple[dict[str, ReviewState], ReviewState | None, dict[str, Any]]:
    # Each reviewed field's state, with the value ``read`` gives it now; the state of the
    # whole item; the latest version of each field, to lay in place.
    states: dict[str, ReviewState] = {}
    whole: ReviewState | None = None
    values: dict[str, Any] = {}
    for field, versions in _by_field(reviews).items():
        if field == "":
            whole = _state(versions, None)
            whole["stale"] = False
            continue
        values[field] = versions[-1].value
        states[field] = _state(versions, read(field))
    return states, whole, values


def reviewed_records(engine: Engine, records: Iterable[RecordT]) -> list[RecordT]:
    """``records`` as the public sees them, in the same order: every review laid over, and
    each title made again from the reviewed fields it is written from (a corrected figure
    changes the title of its quantity in lists, searches and exports alike)."""
    items = list(records)
    by_record = record_reviews(engine, [item["id"] for item in items])
    return [
        overlay_record(item, by_record[item["id"]]) if item["id"] in by_record else unreviewed(item)
        for item in items
    ]


def unreviewed(record: RecordT) -> RecordT:
    """A record no analyst reviewed, in the overlay's shape: a shallow copy, since nothing
    nested changes (copying a record's sources and evidence is most of a list's cost). Its
    title is the French one consolidation stored, made from these same fields."""
    out = copy.copy(record)
    out["reviews"] = {}
    out["review"] = None
    out["title"] = record.get("title") or record_title(record, "fr")
    return out


def overlay_fact(fact: dict[str, Any], reviews: list[Review]) -> dict[str, Any]:
    """A fact as reviewed, in the same shape as a record's overlay."""
    out = copy.deepcopy(fact)
    out["reviews"], out["review"], values = _reviewed(reviews, fact.get)
    out.update(values)
    return out


def is_rejected(item: RecordBase) -> bool:
    """Whether an analyst rejected the record or fact as a whole."""
    review = item.get("review")
    return bool(review and review.get("state") == "rejected")
