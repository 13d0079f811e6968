"""Consolidation on hand-written articles and facts: one record per real-world thing."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import without_fact_ids
from sqlalchemy import Engine, delete, insert, select

from suivi.cli import cli
from suivi.models import Article
from suivi.pipeline import refresh
from suivi.store import RecordFilter, add_document, create, get_record, query_records
from suivi.store.documents import fact_rows
from suivi.store.schema import documents, facts

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


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return create(str(tmp_path / "store.db"))


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


def test_one_actor_per_person_titles_ignored_namesakes_apart(engine: Engine) -> None:
    load_visit_articles(engine)
    article(
        engine,
        "a3.txt",
        A3,
        {
            "actors": [
                person(A3, "Goita"),
                fact(A3, "AES", name="AES", type="organization", country=None),
                state(A3, "Mali", "ML"),
                state(A3, "Russie", "RU"),
            ],
        },
        published="2025-07-03",
    )
    refresh(engine, TODAY)
    actors = {record["title"]: record for record in by_type(engine, "actor")}
    assert docs_of(actors["Assimi Goïta"]) == {"a1.txt", "a2.txt", "a3.txt"}
    assert actors["Assimi Goïta"]["fields"]["roles"] == ["colonel", "général"]
    rank = next(c for c in actors["Assimi Goïta"]["conflicts"] if c["field"] == "rank")
    assert {v["value"]: v["sources"] for v in rank["values"]} == {
        "colonel": ["a1.txt"],
        "général": ["a2.txt"],
    }
    # Two ministers of one family name stay two people.
    assert "Amadou Keïta" in actors and "Modibo Keïta" in actors
    assert docs_of(actors["Amadou Keïta"]) == {"a1.txt"}
    # The acronym joins the full name; states join by ISO code.
    assert docs_of(actors["Alliance des États du Sahel"]) == {"a2.txt", "a3.txt"}
    assert "AES" in actors["Alliance des États du Sahel"]["fields"]["aliases"]
    assert docs_of(actors["Mali"]) == {"a1.txt", "a3.txt"}


def test_one_agreement_with_its_date_conflict(engine: Engine) -> None:
    load_visit_articles(engine)
    article(
        engine,
        "a3.txt",
        A3,
        {
            "agreements": [
                fact(
                    A3,
                    "le Mali a signé le 2 juillet 2025 un protocole d’accord sur l’éducation avec la Russie",
                    title="protocole d’accord sur l’éducation",
                    sectors=["education"],
                    parties=["ML", "RU"],
                    date="2025-07-02",
                    status="signed",
                )
            ],
        },
    )
    refresh(engine, TODAY)
    agreements = by_type(engine, "agreement")
    nuclear = [a for a in agreements if "nuclear" in a["fields"]["sectors"]]
    assert len(nuclear) == 1 and len(agreements) == 2
    record = nuclear[0]
    assert docs_of(record) == {"a1.txt", "a2.txt"}
    assert record["status"] == "signed"
    [conflict] = [c for c in record["conflicts"] if c["field"] == "date"]
    assert {v["value"]: v["sources"] for v in conflict["values"]} == {
        "2025-06-23": ["a1.txt"],
        "2025-06-24": ["a2.txt"],
    }
    # The record shows the most recent source's value, not an average.
    assert record["fields"]["date"] == "2025-06-24"
    assert {s["evidence"]["text"][:25] for s in record["sources"]} == {
        "Le Mali et la Russie ont ",
        "Le 24 juin, Bamako et Mos",
    }


def test_one_visit_with_conflicting_dates(engine: Engine) -> None:
    load_visit_articles(engine)
    refresh(engine, TODAY)
    [visit] = by_type(engine, "event")
    assert docs_of(visit) == {"a1.txt", "a2.txt"}
    fields = {c["field"]: {v["value"] for v in c["values"]} for c in visit["conflicts"]}
    assert fields == {"start": {"2025-06-21", "2025-06-22"}, "end": {"2025-06-26", "2025-06-27"}}
    assert visit["outlets"] == 2 and visit["independent_sources"] == 2


def test_one_article_never_welds_two_of_its_agreements(engine: Engine) -> None:
    text = (
        "Trois accords ont été signés : l’un sur le commerce et la science, l’autre sur le "
        "nucléaire civil. Un troisième texte porte sur la sécurité."
    )
    vague = "Ces accords couvrent le commerce, la science et le nucléaire civil."
    article(
        engine,
        "b1.txt",
        text,
        {
            "agreements": [
                fact(
                    text,
                    "l’un sur le commerce et la science",
                    title="accord commercial et scientifique",
                    sectors=["trade", "science"],
                    parties=["ML", "RU"],
                    status="signed",
                ),
                fact(
                    text,
                    "l’autre sur le nucléaire civil",
                    title="accord sur le nucléaire civil",
                    sectors=["nuclear", "energy"],
                    parties=["ML", "RU"],
                    status="signed",
                ),
            ]
        },
        published="2025-06-24",
    )
    article(
        engine,
        "b2.txt",
        vague,
        {
            "agreements": [
                fact(
                    vague,
                    vague,
                    title="accords",
                    sectors=["trade", "science", "nuclear", "energy"],
                    parties=["ML", "RU"],
                    status="signed",
                ),
            ]
        },
        published="2025-06-25",
    )
    refresh(engine, TODAY)
    for record in by_type(engine, "agreement"):
        names = [s["doc"] for s in record["sources"]]
        assert names.count("b1.txt") <= 1


PROJECT_1 = (
    "Le 16 juin 2025, le président a posé la première pierre de la raffinerie d’or de Sénou. "
    "Sa mise en service est prévue fin 2025."
)
PROJECT_2 = (
    "Le projet de raffinerie d’or de Sénou reste en phase préparatoire, a indiqué le ministre."
)


def test_project_history_planned_date_and_overdue(engine: Engine) -> None:
    article(
        engine,
        "p1.txt",
        PROJECT_1,
        {
            "projects": [
                fact(
                    PROJECT_1,
                    PROJECT_1.split(". ")[0] + ".",
                    name="raffinerie d’or de Sénou",
                    location="Sénou",
                    sectors=["mining"],
                    status="under_construction",
                )
            ],
            "events": [
                fact(
                    PROJECT_1,
                    PROJECT_1.split(". ")[0] + ".",
                    type="ceremony",
                    start="2025-06-16",
                    place="Sénou",
                    participants=[],
                )
            ],
        },
        published="2025-06-17",
    )
    article(
        engine,
        "p2.txt",
        PROJECT_2,
        {
            "projects": [
                fact(
                    PROJECT_2,
                    PROJECT_2,
                    name="projet de raffinerie d’or",
                    location="Sénou",
                    sectors=["mining"],
                    status="preparatory",
                )
            ],
        },
        published="2025-10-27",
    )
    refresh(engine, TODAY)
    [project] = by_type(engine, "project")
    assert docs_of(project) == {"p1.txt", "p2.txt"}
    dated = [(entry["date"], entry["status"]) for entry in project["history"]]
    assert ("2025-06-16", "under_construction") in dated
    assert dated[-1] == ("2025-10-27", "preparatory")
    assert project["status"] == "preparatory"
    assert project["planned"] in ("2025", "2025-12")  # "fin 2025"
    assert project["overdue"] is True
    refresh(engine, date(2025, 11, 30))
    assert get_record(engine, project["id"])["overdue"] is False  # type: ignore[index]


QTY_1 = "En 2023, le Mali a reçu de la Russie 55 000 tonnes de blé. La Russie avait promis 80 000 tonnes de blé au Mali en 2023."
QTY_2 = "Selon Moscou, 55 000 tonnes de blé russe ont été livrées au Mali en 2023."
QTY_3 = "L’État malien détient 62 % de la raffinerie."
QTY_4 = "L’État malien détient près de 60 % de la raffinerie."


def test_figures_merge_conflict_and_deliveries_count_against_pledges(engine: Engine) -> None:
    wheat = {"unit": "t", "per": None, "year": 2023}
    article(
        engine,
        "q1.txt",
        QTY_1,
        {
            "actors": [state(QTY_1, "Mali", "ML"), state(QTY_1, "Russie", "RU")],
            "quantities": [
                fact(
                    QTY_1,
                    QTY_1.split(". ")[0],
                    min=55000,
                    max=55000,
                    subject="blé",
                    kind="delivery",
                    **wheat,
                ),
                fact(
                    QTY_1,
                    QTY_1.split(". ")[1],
                    min=80000,
                    max=80000,
                    subject="blé",
                    kind="pledge",
                    **wheat,
                ),
            ],
        },
        published="2024-02-01",
    )
    article(
        engine,
        "q2.txt",
        QTY_2,
        {
            "actors": [state(QTY_2, "Mali", "ML")],
            "quantities": [
                fact(
                    QTY_2,
                    QTY_2,
                    min=55000,
                    max=55000,
                    subject="tonnes de blé russe",
                    kind="delivery",
                    **wheat,
                )
            ],
        },
        published="2024-02-03",
    )
    article(
        engine,
        "q3.txt",
        QTY_3,
        {
            "quantities": [
                fact(
                    QTY_3,
                    QTY_3,
                    min=62,
                    max=62,
                    unit="%",
                    per=None,
                    subject="part de l’État malien dans la raffinerie",
                    kind="share",
                )
            ]
        },
    )
    article(
        engine,
        "q4.txt",
        QTY_4,
        {
            "quantities": [
                fact(
                    QTY_4,
                    QTY_4,
                    min=60,
                    max=60,
                    unit="%",
                    per=None,
                    subject="part de l’État malien dans la raffinerie",
                    kind="share",
                )
            ]
        },
    )
    refresh(engine, TODAY)
    quantities = by_type(engine, "quantity")
    delivered = next(q for q in quantities if q["fields"]["kind"] == "delivery")
    pledge = next(q for q in quantities if q["fields"]["kind"] == "pledge")
    assert docs_of(delivered) == {"q1.txt", "q2.txt"}
    assert pledge["fields"]["delivered"] == {
        "records": [delivered["id"]],
        "total": 55000.0,
        "unit": "t",
    }
    share = next(q for q in quantities if q["fields"]["unit"] == "%")
    [conflict] = share["conflicts"]
    assert conflict["field"] == "value"
    assert {v["value"]: v["sources"] for v in conflict["values"]} == {
        62: ["q3.txt"],
        60: ["q4.txt"],
    }


def test_copies_of_one_dispatch_count_once(engine: Engine) -> None:
    body = (
        "BAMAKO, 24 juin 2025 – Le Mali et la Russie ont signé lundi un accord sur le nucléaire "
        "civil, a annoncé la présidence malienne dans un communiqué publié en fin de journée. "
        "Le texte prévoit la formation de spécialistes maliens et des études techniques."
    )
    copy = body + " (avec agences)"
    other = "Moscou et Bamako ont paraphé un texte sur l’atome civil, selon un diplomate russe."

    def item(t: str, p: str) -> dict[str, Any]:
        return {
            "agreements": [
                fact(
                    t,
                    p,
                    title="accord nucléaire civil",
                    sectors=["nuclear"],
                    parties=["ML", "RU"],
                    date="2025-06-23",
                    status="signed",
                )
            ]
        }

    article(engine, "c1.txt", body, item(body, body[:60]), outlet="Agence A")
    article(engine, "c2.txt", copy, item(copy, copy[:60]), outlet="Site B")
    article(engine, "c3.txt", other, item(other, other), outlet="Journal C")
    refresh(engine, TODAY)
    [record] = by_type(engine, "agreement")
    assert len(record["sources"]) == 3
    assert record["outlets"] == 3
    assert record["independent_sources"] == 2


def test_ids_are_stable_when_articles_arrive_and_after_a_rebuild(engine: Engine) -> None:
    load_visit_articles(engine)
    refresh(engine, TODAY)
    before = {r["title"]: r["id"] for r in query_records(engine)}
    article(
        engine,
        "a3.txt",
        A3,
        {"actors": [person(A3, "Goita"), state(A3, "Mali", "ML")]},
        published="2025-07-03",
    )
    refresh(engine, TODAY)
    after = {r["title"]: r["id"] for r in query_records(engine)}
    assert all(after[title] == rid for title, rid in before.items())
    snapshot = query_records(engine)
    # Rebuild: every fact deleted and written again from the same extraction output.
    with engine.begin() as connection:
        rows = connection.execute(select(facts)).all()
        connection.execute(delete(facts))
        connection.execute(
            insert(facts),
            [
                {
                    "document_id": r.document_id,
                    "category": r.category,
                    "data": r.data,
                    "evidence_start": r.evidence_start,
                    "evidence_end": r.evidence_end,
                }
                for r in rows
            ],
        )
    refresh(engine, TODAY)
    rebuilt = query_records(engine)

    assert without_fact_ids(rebuilt) == without_fact_ids(snapshot)


def test_records_command_json_csv_and_rebuild(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    engine = create(str(db))
    load_visit_articles(engine)
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "rebuild", "--keep-facts"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["--db", str(db), "records", "--type", "event"])
    [visit] = json.loads(result.stdout)
    assert visit["type"] == "event" and {"id", "title", "sources", "conflicts", "fields"} <= set(
        visit
    )
    assert all("doc" in source for source in visit["sources"])
    result = runner.invoke(
        cli, ["--db", str(db), "records", "--format", "csv", "--type", "agreement"]
    )
    lines = result.stdout.splitlines()
    assert lines[0].startswith("id,type,title,status")
    assert len(lines) == 2 and "a1.txt | a2.txt" in lines[1] and "date" in lines[1]
    assert "a2.txt: Le 24 juin, Bamako et Moscou ont conclu" in lines[1]  # the evidence column
    assert (
        runner.invoke(cli, ["--db", str(db), "stats", "--json"])
        .stdout.strip()
        .endswith(f'"records": {len(query_records(engine))}}}')
    )


def test_fact_rows_refuse_evidence_outside(engine: Engine) -> None:
    with pytest.raises(ValueError):
        list(fact_rows("x", {"actors": [{"name": "Mali", "evidence": {"start": 5, "end": 2}}]}, 10))
    with engine.connect() as connection:
        assert connection.execute(select(documents)).all() == []


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


def test_a_coarse_date_takes_no_side_in_a_conflict(engine: Engine) -> None:
    load_visit_articles(engine)
    text = (
        "Le Mali a signé en juin 2025 un accord nucléaire civil avec Rosatom, rappelle le ministre."
    )
    coarse_nuclear_report(engine, text, "2025-09-01")
    refresh(engine, TODAY)
    [record] = [a for a in by_type(engine, "agreement") if "nuclear" in a["fields"]["sectors"]]
    assert docs_of(record) == {"a1.txt", "a2.txt", "a4.txt"}
    [conflict] = [c for c in record["conflicts"] if c["field"] == "date"]
    assert conflict["values"] == [
        {"value": "2025-06-23", "sources": ["a1.txt"]},
        {"value": "2025-06-24", "sources": ["a2.txt"]},
    ]


def test_planned_dates_read_from_varied_phrasings(engine: Engine) -> None:
    from suivi.consolidation.matching import Context
    from suivi.consolidation.status import planned_date
    from suivi.store.facts import load_facts as load

    phrasings = {
        "Les autorités tablent sur une mise en service de la centrale à la fin de l’année 2025.": "2025",
        "Le port doit entrer en service… son inauguration est attendue en mars 2026.": "2026-03",
        "La mise en service de la centrale a eu lieu en mars 2024, en présence du ministre.": None,
        "La centrale progresse. Les soldats avaient achevé leur retrait en décembre 2024.": None,
        "La centrale de Kati, 40 MW, doit être achevée fin 2025 selon le ministère.": "2025",
        "Une centrale de 50 MW est en chantier à Kati. Sa mise en service est prévue en juin 2026.": "2026-06",
        "Une centrale est en chantier à Kati.\nUn autre projet, le port, sera inauguré en mai 2027.": None,
    }
    for number, (text, expected) in enumerate(phrasings.items()):
        name = f"plan{number}.txt"
        own = re.split(r"(?<=\.) |\n", text)[0]  # the evidence is the project's own sentence
        article(
            engine,
            name,
            text,
            {
                "projects": [
                    fact(
                        text,
                        own,
                        name="centrale",
                        location="Kati",
                        sectors=["energy"],
                        status=None,
                    )
                ]
            },
            published="2024-06-01",
        )
        documents, facts = load(engine)
        ctx = Context(reference={d.id: d.published for d in documents})
        [mine] = [f for f in facts if f.document.name == name]
        assert planned_date([mine], ctx) == expected, text


def test_reviewed_facts_shape_the_records(engine: Engine) -> None:
    from suivi.models import FactKey
    from suivi.review import add_fact_review
    from suivi.store.accounts import add_user

    load_visit_articles(engine)
    analyst = add_user(engine, "awa", "un mot de passe solide")
    with engine.connect() as connection:
        rows = connection.execute(
            select(facts).where(facts.c.category.in_(["agreements", "events"]))
        ).all()
    by_doc = {(r.category, r.document_id): r for r in rows}
    a1, a2 = (article_id(engine, name) for name in ("a1.txt", "a2.txt"))
    visit = by_doc[("events", a2)]
    add_fact_review(
        engine,
        analyst,
        FactKey(a2, "events", visit.evidence_start, visit.evidence_end),
        visit.id,
        "",
        "reject",
        None,
        None,
        "the second article misdates the visit",
    )
    accord = by_doc[("agreements", a1)]
    add_fact_review(
        engine,
        analyst,
        FactKey(a1, "agreements", accord.evidence_start, accord.evidence_end),
        accord.id,
        "date",
        "correct",
        "2025-06-24",
        "2025-06-23",
        "the official communiqué says the 24th",
    )
    refresh(engine, TODAY)
    [event] = by_type(engine, "event")
    assert docs_of(event) == {"a1.txt"} and event["conflicts"] == []
    [agreement] = by_type(engine, "agreement")
    assert docs_of(agreement) == {"a1.txt", "a2.txt"}
    assert agreement["fields"]["date"] == "2025-06-24"
    assert not [c for c in agreement["conflicts"] if c["field"] == "date"]
    # The extracted value is still stored as it was.
    with engine.connect() as connection:
        stored = connection.execute(
            select(facts.c.data).where(facts.c.id == accord.id)
        ).scalar_one()
    assert json.loads(stored)["date"] == "2025-06-23"


def article_id(engine: Engine, name: str) -> str:
    with engine.connect() as connection:
        return str(
            connection.execute(select(documents.c.id).where(documents.c.name == name)).scalar_one()
        )


def test_a_qualified_name_is_the_same_kind_of_project(engine: Engine) -> None:
    one = "Le président a posé la première pierre de la toute première raffinerie d’or nationale à Sénou."
    two = "La raffinerie d’or à Sénou reste en phase préparatoire."
    other = "Une centrale solaire est prévue à Sénou."
    article(
        engine,
        "r1.txt",
        one,
        {
            "projects": [
                fact(
                    one,
                    one,
                    name="première raffinerie d’or nationale à Sénou",
                    location="Sénou",
                    sectors=["mining"],
                    status="under_construction",
                )
            ]
        },
        published="2025-06-17",
    )
    article(
        engine,
        "r2.txt",
        two + " " + other,
        {
            "projects": [
                fact(
                    two,
                    two,
                    name="raffinerie d’or à Sénou",
                    location="Sénou",
                    sectors=["mining"],
                    status="preparatory",
                ),
                fact(
                    two + " " + other,
                    other,
                    name="centrale solaire",
                    location="Sénou",
                    sectors=["energy"],
                    status="planned",
                ),
            ]
        },
        published="2025-10-27",
    )
    refresh(engine, TODAY)
    projects = {r["title"]: docs_of(r) for r in by_type(engine, "project")}
    assert sorted(projects.values(), key=len) == [{"r2.txt"}, {"r1.txt", "r2.txt"}]


def test_a_pledge_told_again_is_not_its_own_delivery(engine: Engine) -> None:
    text = "Moscou promet 30 000 tonnes de blé par mois au Mali. Les 30 000 tonnes de blé seront livrées par bateau."
    first, second = text.split(". ")
    article(
        engine,
        "w1.txt",
        text,
        {
            "actors": [state(text, "Mali", "ML")],
            "quantities": [
                fact(
                    text,
                    first,
                    min=30000,
                    max=30000,
                    unit="t",
                    per="month",
                    subject="blé",
                    kind="pledge",
                    year=2025,
                ),
                fact(
                    text,
                    second,
                    min=30000,
                    max=30000,
                    unit="t",
                    per=None,
                    subject="blé",
                    kind="delivery",
                    year=2025,
                ),
            ],
        },
        published="2025-10-01",
    )
    refresh(engine, TODAY)
    pledge = next(q for q in by_type(engine, "quantity") if q["fields"]["kind"] == "pledge")
    assert "delivered" not in pledge["fields"]


def test_projects_carry_their_figures_and_actors_their_records(engine: Engine) -> None:
    text = (
        "Le Mali et la société russe Yadran ont lancé la raffinerie d’or de Sénou, détenue à 62 % par l’État malien. "
        "À Sénou, la capacité atteindra 200 tonnes par an."
    )
    first, second = text.split(". ")
    article(
        engine,
        "s1.txt",
        text,
        {
            "actors": [
                state(text, "Mali", "ML"),
                fact(text, "Yadran", name="Yadran", type="organization", country="RU"),
            ],
            "projects": [
                fact(
                    text,
                    first,
                    name="raffinerie d’or de Sénou",
                    location="Sénou",
                    sectors=["mining"],
                    status="under_construction",
                )
            ],
            "quantities": [
                fact(
                    text,
                    first,
                    min=62,
                    max=62,
                    unit="%",
                    per=None,
                    subject="part de l’État malien",
                    kind="share",
                ),
                fact(
                    text,
                    second,
                    min=200,
                    max=200,
                    unit="t",
                    per="year",
                    subject="capacité",
                    kind="capacity",
                ),
            ],
        },
        published="2025-06-17",
        outlet="Journal A",
    )
    refresh(engine, TODAY)
    [project] = by_type(engine, "project")
    figures = {get_record(engine, q)["title"] for q in project["fields"]["quantities"]}  # type: ignore[index]
    assert figures == {"62 % — part de l’État malien", "200 t/an — capacité"}
    actors = {r["title"]: r["id"] for r in by_type(engine, "actor")}
    assert {actors["Mali"], actors["Yadran"]} <= set(project["actors"])
    assert [
        r["id"] for r in query_records(engine, RecordFilter(actor=actors["Yadran"], type="project"))
    ] == [project["id"]]
    assert project["outlets"] == 1 and project["independent_sources"] == 1


def test_sources_without_outlet_count_as_sources_not_outlets(engine: Engine) -> None:
    load_visit_articles(engine)
    article(engine, "a3.txt", A3, {"actors": [person(A3, "Goita")]})  # no outlet known
    refresh(engine, TODAY)
    goita = next(r for r in by_type(engine, "actor") if r["title"] == "Assimi Goïta")
    assert goita["outlets"] == 2 and goita["independent_sources"] == 3


def test_search_puts_title_matches_first(engine: Engine) -> None:
    from suivi.store import replace_records

    def record(rid: str, title: str, evidence: str, sources: int) -> dict[str, Any]:
        return {
            "id": rid,
            "type": "agreement",
            "title": title,
            "fields": {"sectors": ["trade"]},
            "sources": [],
            "independent_sources": sources,
            "conflicts": [],
        }

    busy = record("agr-1", "Accord commercial", "", 5)
    busy["sources"] = [
        {
            "doc": "x.txt",
            "fact_id": None,
            "evidence": {"text": "Il évoque aussi le nucléaire civil."},
        }
    ]
    replace_records(engine, [busy, record("agr-2", "Accord nucléaire civil", "", 1)])
    assert [r["id"] for r in query_records(engine)] == ["agr-1", "agr-2"]  # most sources first
    assert [r["id"] for r in query_records(engine, RecordFilter(q="nucleaire"))] == [
        "agr-2",
        "agr-1",
    ]


def test_same_day_reports_naming_one_treaty_are_one_record(engine: Engine) -> None:
    one = "Le 6 juillet 2024 à Niamey, les trois chefs d’État ont signé le traité instituant la confédération."
    two = "Le traité portant création de la confédération, signé le 6 juillet 2024, vise la défense commune."
    other = "Le même jour, un accord de défense a été signé entre le Niger et le Mali."
    article(
        engine,
        "t1.txt",
        one,
        {
            "agreements": [
                fact(
                    one,
                    one,
                    title="traité instituant la confédération",
                    sectors=["diplomacy"],
                    parties=["ML", "NE", "BF"],
                    date="2024-07-06",
                    status="signed",
                )
            ]
        },
    )
    article(
        engine,
        "t2.txt",
        two + " " + other,
        {
            "agreements": [
                fact(
                    two,
                    two,
                    title="Le texte qui transforme la confédération",
                    sectors=["security"],
                    parties=["ML", "NE", "BF"],
                    date="2024-07-06",
                    status="signed",
                ),
                fact(
                    two + " " + other,
                    other,
                    title="accord de défense",
                    sectors=["security"],
                    parties=["NE", "ML"],
                    date="2024-07-06",
                    status="signed",
                ),
            ]
        },
    )
    refresh(engine, TODAY)
    records = {r["title"]: docs_of(r) for r in by_type(engine, "agreement")}
    # The clause-like title of the second report is not the record's title.
    assert records == {
        "traité instituant la confédération": {"t1.txt", "t2.txt"},
        "accord de défense": {"t2.txt"},
    }


def test_the_shown_value_is_the_newest_sources_not_a_coarse_guess(engine: Engine) -> None:
    load_visit_articles(engine)  # a1 (24 June) says the 23rd, a2 (25 June) the 24th
    text = (
        "Le Mali a signé en juin 2025 un accord nucléaire civil avec Rosatom, rappelle le ministre."
    )
    later = "Le 23 juin 2025, Bamako a signé avec Rosatom l’accord sur le nucléaire civil, rappelle-t-on."
    coarse_nuclear_report(engine, text, "2025-10-01")
    refresh(engine, TODAY)
    [record] = [a for a in by_type(engine, "agreement") if "nuclear" in a["fields"]["sectors"]]
    assert record["fields"]["date"] == "2025-06-24"  # a2 is the newest source giving a day
    article(
        engine,
        "a5.txt",
        later,
        {
            "agreements": [
                fact(
                    later,
                    later,
                    title="accord sur le nucléaire civil",
                    sectors=["nuclear"],
                    parties=["ML", "RU", "Rosatom"],
                    date="2025-06-23",
                    status="signed",
                )
            ]
        },
        published="2025-07-01",
    )
    refresh(engine, TODAY)
    [record] = [a for a in by_type(engine, "agreement") if "nuclear" in a["fields"]["sectors"]]
    assert record["fields"]["date"] == "2025-06-23"


def test_an_analyst_relabelling_a_figure_links_it_as_a_pledge(engine: Engine) -> None:
    from suivi.review import add_record_review
    from suivi.store.accounts import add_user

    text = "Moscou fournira 30 000 tonnes de blé au Mali en 2025. Le Mali a reçu 12 000 tonnes de blé russe en 2025."
    first, second = text.split(". ")
    article(
        engine,
        "p.txt",
        text,
        {
            "actors": [state(text, "Mali", "ML")],
            "quantities": [
                fact(
                    text,
                    first,
                    min=30000,
                    max=30000,
                    unit="t",
                    per=None,
                    subject="blé",
                    kind="delivery",
                    year=2025,
                ),
                fact(
                    text,
                    second,
                    min=12000,
                    max=12000,
                    unit="t",
                    per=None,
                    subject="blé russe",
                    kind="delivery",
                    year=2025,
                ),
            ],
        },
        published="2025-09-01",
    )
    refresh(engine, TODAY)
    promised = next(q for q in by_type(engine, "quantity") if q["fields"]["min"] == 30000)
    assert "delivered" not in promised["fields"]
    add_record_review(
        engine,
        add_user(engine, "awa", "un mot de passe solide"),
        promised["id"],
        "kind",
        "correct",
        "pledge",
        "delivery",
        "« fournira » annonce une promesse",
    )
    refresh(engine, TODAY)
    promised = get_record(engine, promised["id"])
    assert promised is not None and promised["fields"]["delivered"]["total"] == 12000.0
    assert promised["fields"]["kind"] == "delivery"  # the stored record keeps what was extracted


def test_a_shipment_larger_than_a_one_off_pledge_is_not_part_of_it(engine: Engine) -> None:
    text = "La Russie a promis entre 25 000 et 50 000 tonnes de céréales au Mali en 2023. Le Mali a reçu 55 000 tonnes de blé en 2023. En 2024, 25 000 tonnes de blé sont arrivées."
    first, second, third = text.split(". ")
    article(
        engine,
        "g.txt",
        text,
        {
            "actors": [state(text, "Mali", "ML")],
            "quantities": [
                fact(
                    text,
                    first,
                    min=25000,
                    max=50000,
                    unit="t",
                    per=None,
                    subject="céréales",
                    kind="pledge",
                    year=2023,
                ),
                fact(
                    text,
                    second,
                    min=55000,
                    max=55000,
                    unit="t",
                    per=None,
                    subject="blé",
                    kind="delivery",
                    year=2023,
                ),
                fact(
                    text,
                    third,
                    min=25000,
                    max=25000,
                    unit="t",
                    per=None,
                    subject="blé",
                    kind="delivery",
                    year=2024,
                ),
            ],
        },
        published="2024-04-01",
    )
    refresh(engine, TODAY)
    pledge = next(q for q in by_type(engine, "quantity") if q["fields"]["kind"] == "pledge")
    assert pledge["fields"]["delivered"]["total"] == 25000.0


def test_an_ownership_share_told_two_ways_is_one_figure_in_conflict(engine: Engine) -> None:
    one = "À Kayes, la raffinerie de Kayes sera détenue à 51 % par l’État malien et à 49 % par la société Turkuaz."
    two = "La raffinerie de Kayes avance : l’État y aurait près de 50 % du capital, selon le ministre."
    for name, text, shares in (
        ("k1.txt", one, [(51, "capital"), (49, "capital")]),
        ("k2.txt", two, [(50, "capital")]),
    ):
        article(
            engine,
            name,
            text,
            {
                "actors": [fact(text, "Turkuaz", name="Turkuaz", type="organization", country="TR")]
                if "Turkuaz" in text
                else [],
                "projects": [
                    fact(
                        text,
                        text,
                        name="raffinerie de Kayes",
                        location="Kayes",
                        sectors=["mining"],
                        status=None,
                    )
                ],
                "quantities": [
                    fact(text, text, min=v, max=v, unit="%", per=None, subject=s, kind="share")
                    for v, s in shares
                ],
            },
            published="2025-05-01",
        )
    refresh(engine, TODAY)
    shares = {tuple(sorted(docs_of(q))): q for q in by_type(engine, "quantity")}
    state = shares[("k1.txt", "k2.txt")]
    [conflict] = state["conflicts"]
    assert {v["value"]: v["sources"] for v in conflict["values"]} == {
        51: ["k1.txt"],
        50: ["k2.txt"],
    }
    assert shares[("k1.txt",)]["fields"]["min"] == 49  # the partner's share is another figure
