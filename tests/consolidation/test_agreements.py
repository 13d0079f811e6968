"""Agreements: one record per accord however many articles report it, disagreements shown."""

from __future__ import annotations

from typing import Any

from builders import (
    A3,
    TODAY,
    article,
    by_type,
    coarse_nuclear_report,
    docs_of,
    fact,
    load_visit_articles,
    state,
)
from sqlalchemy import Engine

from suivi.pipeline import refresh
from suivi.store import RecordFilter, query_records


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
        "Traité instituant la confédération — Burkina Faso, Mali, Niger, 6 juillet 2024": {
            "t1.txt",
            "t2.txt",
        },
        "Accord de défense — Mali, Niger, 6 juillet 2024": {"t2.txt"},
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


def test_an_agreement_without_parties_takes_the_states_its_own_sentence_names(
    engine: Engine,
) -> None:
    signed = "Bamako et Moscou ont signé un accord de défense, selon le Mali et la Russie."
    other = "Le Niger observe."
    text = f"{signed} {other}"
    article(
        engine,
        "d.txt",
        text,
        {
            "actors": [
                state(text, "Mali", "ML"),
                state(text, "Russie", "RU"),
                fact(text, other, name="Niger", type="country", country="NE"),
            ],
            "agreements": [
                fact(text, signed, title="accord de défense", sectors=["security"], parties=[])
            ],
        },
        published="2025-06-24",
    )
    refresh(engine, TODAY)
    [agreement] = query_records(engine, RecordFilter(type="agreement", partner="RU"))
    assert agreement["fields"]["parties"] == ["ML", "RU"]


def _titled(title: str, doc: str, language: str = "fr") -> Any:
    from suivi.models import Document, Fact

    document = Document(doc, f"{doc}.txt", None, None, 0, title, language)
    return Fact(0, "agreements", {"title": title}, document, 0, len(title))


def test_a_designation_leaves_out_the_day_it_was_signed() -> None:
    from suivi.consolidation.designations import designation

    english = _titled("agreement on Thursday on the transit of crude oil, officials said", "a")
    assert designation([english]) == "agreement on the transit of crude oil"
    french = _titled("accord le mardi 3 juin sur la pêche artisanale", "b")
    assert designation([french]) == "accord sur la pêche artisanale"


def test_a_thing_told_in_both_languages_is_named_in_french() -> None:
    from suivi.consolidation.build import read_in_french

    facts = [
        _titled("solar energy memorandum", "a", "en"),
        _titled("solar energy memorandum", "b", "en"),
        _titled("mémorandum sur l'énergie solaire", "c"),
    ]
    assert [f.document.id for f in read_in_french(facts, "title")] == ["c"]
    assert len(read_in_french(facts[:2], "title")) == 2
