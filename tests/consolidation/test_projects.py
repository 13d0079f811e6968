"""Projects: one record per undertaking, its status over time, planned dates and figures."""

from __future__ import annotations

from datetime import date

from builders import (
    TODAY,
    article,
    by_type,
    docs_of,
    fact,
    state,
)
from sqlalchemy import Engine

from suivi.pipeline import refresh
from suivi.store import RecordFilter, get_record, query_records

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
                    planned="2025",  # extraction reads it from the next sentence
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


def test_a_plant_and_its_capacity_told_in_french_and_in_english_are_one_each(
    engine: Engine,
) -> None:
    french = "Le texte prévoit la construction d'une centrale solaire de 50 MW à Kaya."
    english = "The deal covers a 50 MW solar plant in Kaya, officials said."
    for name, text, plant, published in (
        ("fr.txt", french, "centrale solaire de Kaya", "2025-03-12"),
        ("en.txt", english, "solar plant in Kaya", "2025-03-13"),
    ):
        article(
            engine,
            name,
            text,
            {
                "projects": [
                    fact(text, text, name=plant, location="Kaya", sectors=["energy"], status=None)
                ],
                "quantities": [
                    fact(
                        text,
                        text,
                        min=50,
                        max=50,
                        unit="MW",
                        per=None,
                        kind=None,
                        year=None,
                        subject="centrale" if name == "fr.txt" else "deal covers",
                    )
                ],
            },
            published=published,
        )
    refresh(engine, TODAY)
    [project] = by_type(engine, "project")
    [figure] = by_type(engine, "quantity")
    assert docs_of(project) == docs_of(figure) == {"fr.txt", "en.txt"}
    assert figure["fields"]["project"] == project["id"]


def test_a_plant_called_by_another_kind_at_its_place_is_one_and_numbered_sites_stay_apart(
    engine: Engine,
) -> None:
    french = (
        "Le chantier de la raffinerie d'or de Kéniéba a été lancé. "
        "La centrale de Félou III sera financée par un prêt. "
        "La centrale de Félou II fonctionne depuis 1990."
    )
    english = (
        "Work began on the plant at Kenieba. The Felou III hydro plant will cost $300 mln. "
        "The hydropower plant on the river will double supply."
    )
    lines = french.split(". ")
    article(
        engine,
        "fr.txt",
        french,
        {
            "projects": [
                fact(french, lines[0], name="raffinerie d'or de Kéniéba", location="Kéniéba"),
                fact(french, lines[1], name="centrale de Félou III", location="Félou III"),
                fact(french, lines[2], name="centrale de Félou II", location="Félou II"),
            ]
        },
        published="2025-03-02",
    )
    sentences = english.split(". ")
    article(
        engine,
        "en.txt",
        english,
        {
            "projects": [
                fact(english, sentences[0], name="plant at Kenieba", location="Kenieba"),
                fact(english, sentences[1], name="Felou III hydro plant", location="Felou III"),
                # No place: it may join either Félou, never weld the two together.
                fact(english, sentences[2], name="hydropower plant"),
            ]
        },
        published="2025-03-02",
    )
    refresh(engine, TODAY)
    projects = sorted(sorted(docs_of(r)) for r in by_type(engine, "project"))
    assert len(projects) == 3
    assert projects.count(["en.txt", "fr.txt"]) >= 2  # Kéniéba and Félou III in both
