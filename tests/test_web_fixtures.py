"""A small real store for the portal's tests: French articles written for suivi, their facts,
and records in the shape of suivi/consolidation/README.md. Checked here against the Record
type and against what consolidation makes of the same facts; used everywhere."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from record_shape import ARTICLES, Shapes, consolidated, shape_errors, type_errors
from sqlalchemy import Engine, select

from suivi.consolidation.confidence import assess
from suivi.models import Article, Document, Record
from suivi.presentation import record_title
from suivi.store import add_document, create, get_record, replace_records
from suivi.store.schema import facts as fact_table

ATOME = """Moscou et Bamako signent un accord sur l’énergie atomique civile

Publié le 24 juin 2025

MOSCOU – Le Mali et la Russie ont signé le 23 juin 2025 un accord de coopération sur \
l’utilisation pacifique de l’énergie atomique, en présence du président de la Transition, \
Assimi Goïta. La société Rosatom accompagnera les études préalables.

Les deux délégations ont aussi parlé de la raffinerie d’or de Sénou, dont l’État malien \
détiendra 62 % du capital. <script>window.__pwned = true; document.title = "piraté";</script> \
Le chantier devrait s’achever à la fin de 2026.
"""

SENOU = """Sénou : la part de l’État dans la raffinerie fait débat

Publié le 25 juin 2025

Selon une source au ministère des Mines, la part de l’État dans la future raffinerie d’or \
de Sénou serait plutôt de 60 %. Le président Assimi Goïta avait posé la première pierre \
du site le 16 juin 2025, lors d’une cérémonie sobre.
"""

LIVRAISONS = """Livraisons russes : Moscou promet des produits pétroliers

Publié le 27 octobre 2025

Une délégation russe reçue à Koulouba a promis la livraison de 160 000 à 200 000 tonnes \
de produits pétroliers et agricoles chaque mois. En juillet 2023, Moscou avait promis \
jusqu’à 50 000 tonnes de blé ; 25 000 tonnes sont arrivées au début de 2024.

La centrale solaire de Sanankoroba, d’une puissance de 200 MW, devait entrer en service \
à la fin de 2025 pour un coût de plus de 120 milliards de francs CFA.
"""


def span(text: str, words: str) -> dict[str, int]:
    """The evidence offsets of ``words`` in ``text``."""
    start = text.index(words)
    return {"start": start, "end": start + len(words)}


EXTRACTED: dict[str, dict[str, list[dict[str, Any]]]] = {
    "atome": {
        "agreements": [
            {
                "title": "accord sur l’utilisation pacifique de l’énergie atomique",
                "sectors": ["nuclear", "energy"],
                "parties": ["ML", "RU"],
                "date": "2025-06-23",
                "status": "signed",
                "evidence": span(ATOME, "Le Mali et la Russie ont signé le 23 juin 2025"),
            }
        ],
        "actors": [
            {
                "name": "Assimi Goïta",
                "type": "person",
                "country": "ML",
                "evidence": span(ATOME, "Assimi Goïta"),
            },
            {
                "name": "Rosatom",
                "type": "organization",
                "country": "RU",
                "evidence": span(ATOME, "Rosatom"),
            },
        ],
        "quantities": [
            {
                "min": 62,
                "max": 62,
                "unit": "%",
                "per": None,
                "subject": "part de l’État malien",
                "kind": "share",
                "evidence": span(ATOME, "l’État malien détiendra 62 % du capital"),
            },
        ],
        "projects": [
            {
                "name": "raffinerie d’or de Sénou",
                "location": "Sénou",
                "sectors": ["mining"],
                "status": "under_construction",
                "evidence": span(ATOME, "Les deux délégations ont aussi parlé de la raffinerie"),
            },
        ],
    },
    "senou": {
        "quantities": [
            {
                "min": 60,
                "max": 60,
                "unit": "%",
                "per": None,
                "subject": "part de l’État",
                "kind": "share",
                "evidence": span(SENOU, "serait plutôt de 60 %"),
            },
        ],
        "events": [
            {
                "type": "ceremony",
                "start": "2025-06-16",
                "end": "2025-06-16",
                "place": "Sénou",
                "participants": ["Assimi Goïta"],
                "evidence": span(SENOU, "avait posé la première pierre"),
            },
        ],
    },
    "livraisons": {
        "quantities": [
            {
                "min": 160000,
                "max": 200000,
                "unit": "t",
                "per": "month",
                "subject": "produits pétroliers et agricoles",
                "kind": "pledge",
                "evidence": span(LIVRAISONS, "160 000 à 200 000 tonnes"),
            },
            {
                "min": 25000,
                "max": 50000,
                "unit": "t",
                "per": None,
                "subject": "blé",
                "kind": "pledge",
                "evidence": span(LIVRAISONS, "jusqu’à 50 000 tonnes de blé"),
            },
            {
                "min": 25000,
                "max": 25000,
                "unit": "t",
                "per": None,
                "subject": "blé",
                "kind": "delivery",
                "year": 2024,
                "evidence": span(LIVRAISONS, "25 000 tonnes sont arrivées"),
            },
            {
                "min": 120000000000,
                "max": 120000000000,
                "unit": "XOF",
                "per": None,
                "subject": "coût de la centrale",
                "kind": "cost",
                "evidence": span(LIVRAISONS, "plus de 120 milliards de francs CFA"),
            },
        ],
        "projects": [
            {
                "name": "centrale solaire de Sanankoroba",
                "location": "Sanankoroba",
                "sectors": ["energy"],
                "status": "under_construction",
                "evidence": span(LIVRAISONS, "La centrale solaire de Sanankoroba"),
            },
        ],
    },
}

TEXTS = {"atome": ATOME, "senou": SENOU, "livraisons": LIVRAISONS}
META = {
    "atome": ("Le Courrier du Sahel", "2025-06-24", "https://courrier.example/atome"),
    "senou": ("Sahel Dépêches", "2025-06-25", "javascript:alert(1)"),
    "livraisons": ("Journal de Koulouba", "2025-10-27", None),
}


@dataclass
class Store:
    """The test store: its SQLite file or PostgreSQL URL, engine, document ids and fact ids
    by (doc, category, index)."""

    path: Path | str
    engine: Engine
    docs: dict[str, str]
    facts: dict[tuple[str, str, int], int]


def _source(store: Store, key: str, category: str, index: int) -> dict[str, Any]:
    fact = EXTRACTED[key][category][index]
    outlet, published, _ = META[key]
    evidence = dict(fact["evidence"])
    evidence["text"] = TEXTS[key][evidence["start"] : evidence["end"]]
    return {
        "doc": f"{key}.txt",
        "document_id": store.docs[key],
        "outlet": outlet,
        "published": published,
        "fact_id": store.facts[(key, category, index)],
        "evidence": evidence,
    }


def records(store: Store) -> list[dict[str, Any]]:
    """The records consolidation would make of these articles."""
    s = lambda *a: _source(store, *a)  # noqa: E731
    base = {"status": None, "conflicts": [], "actors": []}
    # Agreements and projects only carry a status history and a planned date.
    dated = {"planned": None, "overdue": False, "history": []}

    def record(**data: Any) -> dict[str, Any]:
        out = {**base, **(dated if data["type"] in ("agreement", "project") else {}), **data}
        # Titles are made as the pipeline makes them before storing: from the fields.
        out["title"] = record_title(out, "fr")
        out.setdefault("outlets", len({x["outlet"] for x in out["sources"]}))
        out.setdefault("independent_sources", out["outlets"])
        # Confidence and doubts as consolidation assesses them from the fields and sources.
        out["confidence"], out["doubts"] = assess(out)
        out.setdefault("published", True)
        return out

    return [
        record(
            id="agr-000000000001",
            type="agreement",
            title="accord sur l’utilisation pacifique de l’énergie atomique",
            fields={
                "name": "accord sur l’utilisation pacifique de l’énergie atomique",
                "aliases": [],
                "agreement_kind": "agreement",
                "sectors": ["nuclear", "energy"],
                "parties": ["ML", "RU", "Rosatom"],
                "date": "2025-06-23",
            },
            status="signed",
            history=[{"status": "signed", "date": "2025-06-23", "sources": ["atome.txt"]}],
            sources=[s("atome", "agreements", 0)],
            actors=["act-000000000001", "act-000000000002"],
        ),
        record(
            id="prj-000000000001",
            type="project",
            title="raffinerie d’or de Sénou",
            fields={"name": "raffinerie d’or de Sénou", "location": "Sénou", "sectors": ["mining"]},
            status="under_construction",
            planned="2026-12",
            history=[
                {"status": "under_construction", "date": "2025-06-16", "sources": ["atome.txt"]}
            ],
            sources=[s("atome", "projects", 0)],
            actors=["act-000000000001"],
        ),
        record(
            id="prj-000000000002",
            type="project",
            title="centrale solaire de Sanankoroba",
            fields={
                "name": "centrale solaire de Sanankoroba",
                "location": "Sanankoroba",
                "sectors": ["energy"],
            },
            status="under_construction",
            planned="2025-12",
            overdue=True,
            history=[
                {
                    "status": "under_construction",
                    "date": "2025-10-27",
                    "sources": ["livraisons.txt"],
                }
            ],
            sources=[s("livraisons", "projects", 0)],
        ),
        record(
            id="qty-000000000001",
            type="quantity",
            title="part de l’État malien dans Sénou",
            fields={
                "min": 60,
                "max": 60,
                "unit": "%",
                "per": None,
                "subject": "part de l’État",
                "kind": "share",
                "year": None,
                "partners": ["ML"],
            },
            sources=[s("atome", "quantities", 0), s("senou", "quantities", 0)],
            conflicts=[
                {
                    "field": "value",
                    "values": [
                        {"value": 62, "sources": ["atome.txt"]},
                        {"value": 60, "sources": ["senou.txt"]},
                    ],
                }
            ],
        ),
        record(
            id="qty-000000000002",
            type="quantity",
            title="produits pétroliers et agricoles promis chaque mois",
            fields={
                "min": 160000,
                "max": 200000,
                "unit": "t",
                "per": "month",
                "subject": "produits pétroliers et agricoles",
                "kind": "pledge",
                "year": 2025,
                "partners": ["ML", "RU"],
            },
            sources=[s("livraisons", "quantities", 0)],
        ),
        record(
            id="qty-000000000003",
            type="quantity",
            title="blé promis par la Russie",
            fields={
                "min": 25000,
                "max": 50000,
                "unit": "t",
                "per": None,
                "subject": "blé",
                "kind": "pledge",
                "year": 2023,
                "partners": ["ML", "RU"],
                "delivered": {"records": ["qty-000000000004"], "total": 25000.0, "unit": "t"},
            },
            sources=[s("livraisons", "quantities", 1)],
        ),
        record(
            id="qty-000000000004",
            type="quantity",
            title="blé livré au début de 2024",
            fields={
                "min": 25000,
                "max": 25000,
                "unit": "t",
                "per": None,
                "subject": "blé",
                "kind": "delivery",
                "year": 2024,
                "partners": ["ML", "RU"],
                "fulfils": ["qty-000000000003"],
            },
            sources=[s("livraisons", "quantities", 2)],
        ),
        record(
            id="qty-000000000005",
            type="quantity",
            title="coût de la centrale de Sanankoroba",
            fields={
                "min": 120000000000,
                "max": 120000000000,
                "unit": "XOF",
                "per": None,
                "subject": "coût de la centrale",
                "kind": "cost",
                "year": None,
                "partners": ["ML"],
            },
            sources=[s("livraisons", "quantities", 3)],
        ),
        record(
            id="evt-000000000001",
            type="event",
            title="première pierre de la raffinerie de Sénou",
            fields={
                "event_type": "ceremony",
                "start": "2025-06-16",
                "end": "2025-06-16",
                "place": "Sénou",
                "participants": ["Assimi Goïta"],
            },
            sources=[s("senou", "events", 0)],
            actors=["act-000000000001"],
        ),
        record(
            id="act-000000000001",
            type="actor",
            title="Assimi Goïta",
            fields={
                "name": "Assimi Goïta",
                "actor_type": "person",
                "country": "ML",
                "roles": ["président de la Transition"],
                "aliases": [],
            },
            sources=[s("atome", "actors", 0)],
        ),
        record(
            id="act-000000000002",
            type="actor",
            title="Rosatom",
            fields={
                "name": "Rosatom",
                "actor_type": "organization",
                "country": "RU",
                "roles": [],
                "aliases": [],
            },
            sources=[s("atome", "actors", 1)],
        ),
    ]


def build_store(path: Path | str) -> Store:
    """A migrated store holding the three articles, their facts and their records: a SQLite
    file at ``path``, or the PostgreSQL database at that URL."""
    engine = create(str(path))
    docs: dict[str, str] = {}
    for key, text in TEXTS.items():
        outlet, published, url = META[key]
        article = Article(
            source=f"{key}.txt",
            name=f"{key}.txt",
            raw=text.encode(),
            text=text,
            title=text.splitlines()[0],
            published=published,
            outlet=outlet,
            url=url,
            language="fr",
        )
        docs[key] = add_document(engine, article, EXTRACTED[key]).id
    facts: dict[tuple[str, str, int], int] = {}
    with engine.connect() as connection:
        for key, doc_id in docs.items():
            rows = connection.execute(
                select(fact_table.c.id, fact_table.c.category)
                .where(fact_table.c.document_id == doc_id)
                .order_by(fact_table.c.id)
            ).all()
            seen: dict[str, int] = {}
            for fact_id, category in rows:
                facts[(key, category, seen.get(category, 0))] = fact_id
                seen[category] = seen.get(category, 0) + 1
    store = Store(path, engine, docs, facts)
    replace_records(engine, records(store))
    return store


def test_the_fixture_store_is_consistent(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s.db")
    for item in records(store):
        assert get_record(store.engine, item["id"]) is not None
        for source in item["sources"]:
            text = TEXTS[source["doc"].removesuffix(".txt")]
            ev = source["evidence"]
            assert text[ev["start"] : ev["end"]] == ev["text"]


def built_records(store: Store) -> list[Any]:
    """What ``consolidate`` really makes of these articles' facts, and of the articles of
    tests/record_shape.py (linked pledges and deliveries, projects with their figures)."""
    ours = [
        (
            Document(store.docs[key], f"{key}.txt", META[key][0], META[key][1], n, text),
            EXTRACTED[key],
        )
        for n, (key, text) in enumerate(TEXTS.items())
    ]
    return consolidated([*ARTICLES, *ours])


def test_the_fixture_records_have_the_shape_build_gives(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s.db")
    built = built_records(store)
    for item in built:
        assert type_errors(item, Record, item["id"]) == []
    shapes = Shapes.of(built)
    for item in records(store):
        assert type_errors(item, Record, item["id"]) == []
        assert shape_errors(item, shapes) == []


def test_a_record_unlike_builds_is_told(tmp_path: Path) -> None:
    store = build_store(tmp_path / "s.db")
    shapes = Shapes.of(built_records(store))
    pledge = next(r for r in records(store) if r["id"] == "qty-000000000003")
    wrong = copy.deepcopy(pledge)
    del wrong["status"]
    wrong["history"] = []
    wrong["fields"]["delivered"] = {"total": 25000}
    wrong["fields"]["year"] = "2023"
    wrong["conflicts"] = [{"field": "max", "values": []}]
    wrong["sources"][0]["fact_id"] = "9"
    assert type_errors(wrong, Record) == [
        "record.status: missing",
        "record.sources[0].fact_id: '9' is not <class 'int'>",
    ]
    assert sorted(shape_errors(wrong, shapes)) == [
        "qty-000000000003 conflicts[].field: 'max' where build() gives ['value']",
        "qty-000000000003 fields.delivered: lacks ['records', 'unit']",
        "qty-000000000003 fields.year: '2023' where build() gives ['null', 'number']",
        "qty-000000000003 history: build() gives a quantity nothing here",
        "qty-000000000003 record: lacks ['status']",
        "qty-000000000003 sources[].fact_id: '9' where build() gives ['number']",
    ]
