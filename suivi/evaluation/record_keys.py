"""What makes a consolidated record stand for a gold record: reading both, and the keys per type.

A predicted record is whatever ``suivi records --format json`` prints (or any JSON object
with ``type``, ``title``, ``fields`` and ``sources``); a gold record is one line of a
``records.jsonl`` file. The rules are those of the record contract (``tests/evaluation/
README.md``, section "Record yardstick").
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from suivi.evaluation.matching import Item, fold, same_numbers
from suivi.evaluation.scoring import FormatError

#: The record types, in table order; ``overall`` is the mean of their F1.
TYPES: tuple[str, ...] = ("actor", "agreement", "project", "event", "quantity")

#: Attributes compared on paired records, in report order.
ATTRIBUTES: tuple[tuple[str, str], ...] = (
    ("agreement", "status"),
    ("agreement", "date"),
    ("project", "status"),
    ("actor", "country"),
    ("quantity", "kind"),
)

#: Fields with a controlled value: never searched for keywords.
CONTROLLED = frozenset(
    "type id sectors status date start end event_type actor_type country kind unit per "
    "min max year planned".split()
)

_PLURALS = {f"{name}s": name for name in TYPES[:4]} | {"quantities": "quantity"}

#: How good a key is, compared when two pairs share as many articles: keywords or
#: subject words found, sectors in common (agreements, whose key needs one), an exact
#: start rather than an open one (events).
Strength = tuple[int, int, int]


@dataclass(frozen=True)
class Record:
    """One predicted record, as read from the product's output."""

    index: int
    type: str
    title: str
    sources: tuple[str, ...]
    public: bool
    raw: Item

    def get(self, name: str) -> Any:
        """A field, looked up in ``fields`` first, then on the record itself."""
        fields = self.raw.get("fields")
        if isinstance(fields, dict) and name in fields:
            return fields[name]
        return self.raw.get(name)

    def texts(self, names: Iterable[str]) -> list[str]:
        """The folded title and the folded string values of the named fields."""
        found = [fold(self.title)]
        for name in names:
            found.extend(fold(value) for value in _strings(self.get(name)))
        return [text for text in found if text]

    def word_fields(self) -> list[str]:
        """The folded title and every word-valued (not controlled) field."""
        names: list[str] = []
        fields = self.raw.get("fields")
        if isinstance(fields, dict):
            names = [name for name in fields if name not in CONTROLLED]
        return self.texts(names)


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def record_type(value: object) -> str:
    """``agreements`` → ``agreement``; anything that is no record type → ``""``."""
    name = str(value or "").strip().lower()
    return name if name in TYPES else _PLURALS.get(name, "")


def doc_base(value: object) -> str:
    """The base name of a source: a plain string or an object with a ``doc`` key."""
    if isinstance(value, dict):
        value = value.get("doc")
    return PurePath(str(value or "")).name


def to_record(index: int, item: Item) -> Record:
    """Read one predicted record; ``published: false`` marks it held back."""
    sources = item.get("sources") or []
    names = tuple(dict.fromkeys(d for d in map(doc_base, sources) if d))
    return Record(
        index=index,
        type=record_type(item.get("type")),
        title=str(item.get("title") or ""),
        sources=names,
        public=item.get("published") is not False,
        raw=item,
    )


def load_records(path: Path | str) -> list[Record]:
    """Read predicted records from a JSON array or from JSON Lines."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
        items = data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        items = []
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    items.append(json.loads(line))
                except json.JSONDecodeError as error:
                    raise FormatError(f"{path}:{number}: not JSON: {error}") from error
    return [to_record(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def load_gold(path: Path | str) -> list[Item]:
    """Read gold records, one JSON object per non-blank line, each with a ``type``."""
    gold: list[Item] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as error:
                raise FormatError(f"{path}:{number}: not JSON: {error}") from error
            if not isinstance(item, dict) or not record_type(item.get("type")):
                raise FormatError(f"{path}:{number}: each line must be an object with a type")
            gold.append(item)
    return gold


def gold_docs(gold: Item) -> set[str]:
    """The articles that report the thing (a record should cite them all)."""
    return {doc_base(d) for d in gold.get("docs") or []}


def all_docs(gold: Item) -> set[str]:
    """The articles a record may cite: ``docs`` and ``optional_docs``."""
    return gold_docs(gold) | {doc_base(d) for d in gold.get("optional_docs") or []}


def accepted(value: object) -> list[Any]:
    """A gold value as the list of values it accepts."""
    return list(value) if isinstance(value, list) else [value]


def _empty(value: object) -> bool:
    return value is None or value == "" or value == []


def accepts(gold_value: object, value: object) -> bool:
    """Does a gold value (a list accepts any of its items; ``null`` only no value) accept it?"""
    value = None if _empty(value) else value
    return any((None if _empty(g) else g) == value for g in accepted(gold_value))


def _found(words: object, texts: list[str]) -> int:
    """How many of the gold stems occur in one of the folded texts."""
    stems = {fold(w) for w in _strings(words)} - {""}
    return sum(1 for stem in stems if any(stem in text for text in texts))


def _names(values: object) -> set[str]:
    return {fold(v) for v in _strings(values)} - {""}


def _actor_key(gold: Item, record: Record) -> Strength | None:
    if record.get("actor_type") != gold.get("actor_type"):
        return None
    code = gold.get("country")
    is_state = gold.get("actor_type") == "country" and isinstance(code, str) and code
    if is_state and record.get("country") == code:
        return (0, 0, 0)
    ours = _names(record.get("name")) | _names(record.title) | _names(record.get("aliases"))
    theirs = _names(gold.get("name")) | _names(gold.get("aliases"))
    if ours & theirs:
        return (0, 0, 0)
    if gold.get("actor_type") == "person":
        family = fold(gold.get("name")).split()[-1:]
        if family and any(name.split()[-1:] == family for name in ours):
            return (0, 0, 0)
    return None


def _sectors(gold: Item, record: Record) -> int:
    return len(set(_strings(gold.get("sectors"))) & set(_strings(record.get("sectors"))))


def _agreement_key(gold: Item, record: Record) -> Strength | None:
    common = _sectors(gold, record)
    found = _found(gold.get("keywords"), record.word_fields())
    return (found, common, 0) if common and found else None


def _project_key(gold: Item, record: Record) -> Strength | None:
    found = _found(gold.get("keywords"), record.texts(("name", "location")))
    return (found, 0, 0) if found else None


def _event_key(gold: Item, record: Record) -> Strength | None:
    if record.get("event_type") not in accepted(gold.get("event_type")):
        return None
    starts = [s for s in accepted(gold.get("start")) if s]
    if not starts:
        return (0, 0, 0)
    return (0, 0, 1) if record.get("start") in starts else None


def _quantity_key(gold: Item, record: Record) -> Strength | None:
    numbers = {name: record.get(name) for name in ("min", "max", "unit", "per")}
    if not same_numbers(gold, numbers):
        return None
    found = _found(gold.get("subject"), record.texts(("subject",)))
    return (found, 0, 0) if found else None


_KEYS = {
    "actor": _actor_key,
    "agreement": _agreement_key,
    "project": _project_key,
    "event": _event_key,
    "quantity": _quantity_key,
}


def key(gold: Item, record: Record) -> Strength | None:
    """The strength of the key when ``record`` may stand for ``gold``, else ``None``.

    The record must be of the gold record's type and cite at least one of its articles.
    """
    kind = record_type(gold.get("type"))
    if record.type != kind or not all_docs(gold) & set(record.sources):
        return None
    return _KEYS[kind](gold, record)


def agreeing(gold: Item, record: Record) -> int:
    """How many of the type's scored attributes the record gets right."""
    kind = record_type(gold.get("type"))
    return sum(
        1
        for t, name in ATTRIBUTES
        if t == kind and name in gold and accepts(gold.get(name), record.get(name))
    )
