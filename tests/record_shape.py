"""What a record looks like, for tests that write records by hand.

Two yardsticks: the TypedDicts of ``suivi.models`` (``type_errors``), and the records
``consolidate`` really makes of a few articles (``Shapes``, ``shape_errors``): every object
of a hand-made record must have the keys build() always gives an object at that place, no
key it never gives, and values of the kinds it gives there.
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import (
    Any,
    NotRequired,
    Union,
    get_args,
    get_origin,
    get_type_hints,
    is_typeddict,
)

from suivi.consolidation import consolidate
from suivi.models import Document, Fact
from suivi.presentation import record_title

# Places whose values are codes: a hand-made record may use only those build() gives.
CODES = ("conflicts[].field",)


def type_errors(value: Any, hint: Any, path: str = "record") -> list[str]:
    """Where ``value`` departs from the type ``hint`` (a TypedDict of suivi.models)."""
    if hint is Any:
        return []
    if is_typeddict(hint):
        if not isinstance(value, dict):
            return [f"{path}: {value!r} is not an object"]
        # Read from the annotations: ``__required_keys__`` misses NotRequired in Python 3.11
        # when annotations are strings (``from __future__ import annotations``).
        hints = get_type_hints(hint, include_extras=True)
        optional = {key for key, h in hints.items() if get_origin(h) is NotRequired}
        hints = {key: get_args(h)[0] if key in optional else h for key, h in hints.items()}
        errors = [f"{path}.{key}: no such key" for key in value if key not in hints]
        errors += [f"{path}.{key}: missing" for key in set(hints) - optional if key not in value]
        for key, item in value.items():
            if key in hints:
                errors += type_errors(item, hints[key], f"{path}.{key}")
        return errors
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        tried = [type_errors(value, member, path) for member in args]
        return [] if any(not errors for errors in tried) else min(tried, key=len)
    if origin is list:
        if not isinstance(value, list):
            return [f"{path}: {value!r} is not a list"]
        return [
            e for n, item in enumerate(value) for e in type_errors(item, args[0], f"{path}[{n}]")
        ]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{path}: {value!r} is not an object"]
        return [e for k, item in value.items() for e in type_errors(item, args[1], f"{path}.{k}")]
    if hint is type(None):
        return [] if value is None else [f"{path}: {value!r} is not null"]
    if hint is float:
        hint = int | float
    if isinstance(value, bool) and hint is not bool:
        return [f"{path}: {value!r} is not {hint}"]
    return [] if isinstance(value, hint) else [f"{path}: {value!r} is not {hint}"]


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "list" if isinstance(value, list) else "object"


@dataclass
class Shapes:
    """For each place in records of each type (``fields.delivered``, ``sources[].evidence``):
    the keys its objects always have, the keys they ever have, the kinds of its values."""

    always: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    ever: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    kinds: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    codes: dict[tuple[str, str], set[Any]] = field(default_factory=dict)

    @classmethod
    def of(cls, records: Iterable[Mapping[str, Any]]) -> Shapes:
        shapes = cls()
        for record in records:
            shapes._add(str(record["type"]), "", record)
        return shapes

    def _add(self, kind: str, path: str, value: Any) -> None:
        place = (kind, path)
        self.kinds.setdefault(place, set()).add(_kind(value))
        if path in CODES:
            self.codes.setdefault(place, set()).add(value)
        if isinstance(value, dict):
            keys = set(value)
            self.always[place] = self.always.get(place, keys) & keys
            self.ever.setdefault(place, set()).update(keys)
            for key, item in value.items():
                self._add(kind, f"{path}.{key}".lstrip("."), item)
        elif isinstance(value, list):
            for item in value:
                self._add(kind, f"{path}[]", item)


def shape_errors(record: Mapping[str, Any], shapes: Shapes) -> list[str]:
    """Where a hand-made record departs from what build() gives a record of its type."""
    errors: list[str] = []
    kind = str(record.get("type"))

    def check(path: str, value: Any) -> None:
        place = (kind, path)
        where = f"{record.get('id')} {path or 'record'}"
        if place not in shapes.kinds:
            errors.append(f"{where}: build() gives a {kind} nothing here")
            return
        if _kind(value) not in shapes.kinds[place]:
            errors.append(f"{where}: {value!r} where build() gives {sorted(shapes.kinds[place])}")
        if path in CODES and value not in shapes.codes[place]:
            errors.append(f"{where}: {value!r} where build() gives {sorted(shapes.codes[place])}")
        if isinstance(value, dict):
            keys = set(value)
            if shapes.always[place] - keys:
                errors.append(f"{where}: lacks {sorted(shapes.always[place] - keys)}")
            for key, item in value.items():
                check(f"{path}.{key}".lstrip("."), item)
        elif isinstance(value, list):
            for item in value:
                check(f"{path}[]", item)

    check("", record)
    return errors


def consolidated(articles: Iterable[tuple[Document, dict[str, list[dict[str, Any]]]]]) -> list[Any]:
    """The records ``consolidate`` makes of ``articles`` (each a document and its extracted
    items, as ``suivi extract`` prints them), titled as the pipeline titles them."""
    documents: list[Document] = []
    facts: list[Fact] = []
    for document, extracted in articles:
        documents.append(document)
        for category, items in extracted.items():
            for item in items:
                data = {k: v for k, v in item.items() if k != "evidence"}
                start, end = item["evidence"]["start"], item["evidence"]["end"]
                facts.append(Fact(len(facts) + 1, category, data, document, start, end))
    records = consolidate(documents, facts, date(2026, 1, 15))
    for record in records:
        record["title"] = record_title(record, "fr")
    return records


def span(text: str, words: str) -> dict[str, int]:
    """The evidence offsets of ``words`` in ``text``."""
    start = text.index(words)
    return {"start": start, "end": start + len(words)}


# Two reports of one agreement (dated a day apart), one project with its ceremony and its
# capacity in one sentence, a pledge and what was delivered against it.
NIAMEY = (
    "Le Niger et la Turquie ont signé le 13 mars 2024 à Niamey un accord de coopération "
    "militaire. Le ministre de la Défense, Salifou Mody, a salué un partenariat durable. "
    "Ankara a promis de livrer 40 000 tonnes de blé au Niger, et 5 000 tonnes de carburant par "
    "mois. Le 12 mars 2024, le général Abdourahamane Tiani a posé la première pierre de la "
    "centrale solaire de Gorou Banda, d’une puissance de 50 MW, dont la mise en service est "
    "prévue à la fin de 2025."
)
LIVRAISON = (
    "Un navire turc a livré 10 000 tonnes de blé au Niger en août 2024. L’accord militaire "
    "signé le 14 mars 2024 entre le Niger et la Turquie prévoit aussi des formations. La "
    "centrale solaire de Gorou Banda est en construction."
)


def _states(text: str) -> list[dict[str, Any]]:
    return [
        {"name": "Niger", "type": "country", "country": "NE", "evidence": span(text, "Niger")},
        {"name": "Turquie", "type": "country", "country": "TR", "evidence": span(text, "Turquie")},
    ]


def _figure(
    text: str, words: str, amount: int, unit: str, subject: str, kind: str, **more: Any
) -> dict[str, Any]:
    # A quantity as extraction gives it: one amount, no rate or year unless told.
    found = {"min": amount, "max": amount, "unit": unit, "per": None, "subject": subject}
    return {**found, "kind": kind, "year": None, **more, "evidence": span(text, words)}


def _article(
    name: str, text: str, published: str, order: int, items: dict[str, list[dict[str, Any]]]
) -> tuple[Document, dict[str, list[dict[str, Any]]]]:
    return Document(name, f"{name}.txt", f"Journal {name}", published, order, text), items


CENTRALE = "le général Abdourahamane Tiani a posé la première pierre de la centrale solaire"

ARTICLES = [
    _article(
        "niamey",
        NIAMEY,
        "2024-03-14",
        1,
        {
            "actors": [
                *_states(NIAMEY),
                {
                    "name": "Salifou Mody",
                    "type": "person",
                    "country": "NE",
                    "role": "ministre de la Défense",
                    "evidence": span(NIAMEY, "Salifou Mody"),
                },
                {
                    "name": "Abdourahamane Tiani",
                    "type": "person",
                    "country": "NE",
                    "role": "général",
                    "evidence": span(NIAMEY, "Abdourahamane Tiani"),
                },
            ],
            "agreements": [
                {
                    "title": "accord de coopération militaire",
                    "sectors": ["security"],
                    "parties": ["NE", "TR"],
                    "date": "2024-03-13",
                    "status": "signed",
                    "evidence": span(NIAMEY, "Le Niger et la Turquie ont signé le 13 mars 2024"),
                }
            ],
            "quantities": [
                _figure(NIAMEY, "40 000 tonnes de blé", 40000, "t", "blé", "pledge"),
                _figure(
                    NIAMEY,
                    "5 000 tonnes de carburant par mois",
                    5000,
                    "t",
                    "carburant",
                    "pledge",
                    per="month",
                ),
                _figure(
                    NIAMEY, "d’une puissance de 50 MW", 50, "MW", "centrale solaire", "capacity"
                ),
            ],
            "events": [
                {
                    "type": "ceremony",
                    "start": "2024-03-12",
                    "end": "2024-03-12",
                    "place": "Gorou Banda",
                    "participants": ["Abdourahamane Tiani"],
                    "evidence": span(NIAMEY, CENTRALE),
                }
            ],
            "projects": [
                {
                    "name": "centrale solaire de Gorou Banda",
                    "location": "Gorou Banda",
                    "sectors": ["energy"],
                    "status": "planned",
                    "planned": "2025-12",
                    "evidence": span(NIAMEY, f"{CENTRALE} de Gorou Banda, d’une puissance"),
                }
            ],
        },
    ),
    _article(
        "livraison",
        LIVRAISON,
        "2024-09-02",
        2,
        {
            "actors": _states(LIVRAISON),
            "agreements": [
                {
                    "title": "accord militaire",
                    "sectors": ["security"],
                    "parties": ["NE", "TR"],
                    "date": "2024-03-14",
                    "status": "signed",
                    "evidence": span(LIVRAISON, "L’accord militaire signé le 14 mars 2024"),
                }
            ],
            "quantities": [
                _figure(LIVRAISON, "10 000 tonnes de blé", 10000, "t", "blé", "delivery", year=2024)
            ],
            "projects": [
                {
                    "name": "centrale solaire de Gorou Banda",
                    "location": "Gorou Banda",
                    "sectors": ["energy"],
                    "status": "under_construction",
                    "evidence": span(LIVRAISON, "La centrale solaire de Gorou Banda est en"),
                }
            ],
        },
    ),
]
