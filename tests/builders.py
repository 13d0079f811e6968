"""Hand-written articles and facts stored for consolidation tests, and ways to read records back."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine, select

from suivi.models import Article
from suivi.store import RecordFilter, add_document, query_records
from suivi.store.schema import documents

TODAY = date(2026, 1, 15)


def fact(text: str, phrase: str, **data: Any) -> dict[str, Any]:
    """A fact whose evidence is ``phrase`` in ``text``."""
    start = text.index(phrase)
    return {**data, "evidence": {"start": start, "end": start + len(phrase)}}


def article(
    engine: Engine,
    name: str,
    text: str,
    items: dict[str, list[dict[str, Any]]],
    published: str | None = None,
    outlet: str | None = None,
) -> str:
    doc = Article(
        source=name,
        name=name,
        raw=text.encode(),
        text=text,
        published=published,
        outlet=outlet,
        language="fr",
    )
    return add_document(engine, doc, items).id


def person(
    text: str, name: str, country: str | None = "ML", role: str | None = None
) -> dict[str, Any]:
    return fact(text, name, name=name, type="person", country=country, role=role)


def state(text: str, name: str, code: str) -> dict[str, Any]:
    return fact(text, name, name=name, type="country", country=code)


def by_type(engine: Engine, kind: str) -> list[dict[str, Any]]:
    return query_records(engine, RecordFilter(type=kind))


def docs_of(record: dict[str, Any]) -> set[str]:
    return {source["doc"] for source in record["sources"]}


A1 = (
    "Le colonel Assimi Goïta a quitté Bamako pour Moscou. Du 21 au 26 juin 2025, le chef de "
    "l’État malien effectue une visite officielle en Russie. Le Mali et la Russie ont signé le "
    "23 juin 2025 un accord de coopération dans le nucléaire civil avec Rosatom. Le ministre "
    "Amadou Keïta accompagnait la délégation."
)


A2 = (
    "Le général Assimi Goïta est en Russie depuis le 22 juin pour une visite qui s’achève le "
    "27 juin. Le 24 juin, Bamako et Moscou ont conclu un accord sur l’énergie nucléaire "
    "pacifique avec Rosatom. L’ancien ministre Modibo Keïta a salué ce choix. Goïta a aussi "
    "rencontré des responsables de l’Alliance des États du Sahel."
)


A3 = (
    "Pour l’AES, la coopération avec la Russie s’élargit. Goita l’a rappelé à Bamako, où le "
    "Mali a signé le 2 juillet 2025 un protocole d’accord sur l’éducation avec la Russie."
)


def load_visit_articles(engine: Engine) -> None:
    article(
        engine,
        "a1.txt",
        A1,
        {
            "actors": [
                person(A1, "Assimi Goïta", role="colonel"),
                person(A1, "Amadou Keïta"),
                state(A1, "Mali", "ML"),
                state(A1, "Russie", "RU"),
                fact(A1, "Rosatom", name="Rosatom", type="organization", country="RU"),
            ],
            "agreements": [
                fact(
                    A1,
                    "Le Mali et la Russie ont signé le 23 juin 2025 un accord de coopération dans le nucléaire civil avec Rosatom.",
                    title="accord de coopération dans le nucléaire civil",
                    sectors=["nuclear", "energy"],
                    parties=["ML", "RU", "Rosatom"],
                    date="2025-06-23",
                    status="signed",
                )
            ],
            "events": [
                fact(
                    A1,
                    "Du 21 au 26 juin 2025, le chef de l’État malien effectue une visite officielle en Russie.",
                    type="visit",
                    start="2025-06-21",
                    end="2025-06-26",
                    place="Russie",
                    participants=["Assimi Goïta"],
                )
            ],
        },
        published="2025-06-24",
        outlet="Journal A",
    )
    article(
        engine,
        "a2.txt",
        A2,
        {
            "actors": [
                person(A2, "Assimi Goïta", role="général"),
                person(A2, "Modibo Keïta"),
                fact(
                    A2,
                    "Alliance des États du Sahel",
                    name="Alliance des États du Sahel",
                    type="organization",
                    country=None,
                ),
                fact(A2, "Rosatom", name="Rosatom", type="organization", country="RU"),
            ],
            "agreements": [
                fact(
                    A2,
                    "Le 24 juin, Bamako et Moscou ont conclu un accord sur l’énergie nucléaire pacifique avec Rosatom.",
                    title="accord sur l’énergie nucléaire pacifique",
                    sectors=["nuclear"],
                    parties=["ML", "RU", "Rosatom"],
                    date="2025-06-24",
                    status="signed",
                )
            ],
            "events": [
                fact(
                    A2,
                    "Le général Assimi Goïta est en Russie depuis le 22 juin pour une visite qui s’achève le 27 juin.",
                    type="visit",
                    start="2025-06-22",
                    end="2025-06-27",
                    place="Russie",
                    participants=["Assimi Goïta"],
                )
            ],
        },
        published="2025-06-25",
        outlet="Journal B",
    )


def coarse_nuclear_report(engine: Engine, text: str, published: str) -> None:
    """A later article that dates the nuclear accord only to the month."""
    article(
        engine,
        "a4.txt",
        text,
        {
            "agreements": [
                fact(
                    text,
                    text,
                    title="accord nucléaire civil",
                    sectors=["nuclear"],
                    parties=["ML", "RU", "Rosatom"],
                    date="2025-06",
                    status="signed",
                )
            ]
        },
        published=published,
    )


def article_id(engine: Engine, name: str) -> str:
    with engine.connect() as connection:
        return str(
            connection.execute(select(documents.c.id).where(documents.c.name == name)).scalar_one()
        )
