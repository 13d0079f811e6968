"""Agreements: sectors, parties, dates and statuses.

Every sentence here was written for these tests: places, people and figures are invented.
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import extract, run
from spacy.language import Language


def test_a_joint_decision_is_no_agreement(blank: Language) -> None:
    doc = run(
        blank,
        "Les sites seront choisis d'un commun accord, en priorité dans le secteur agricole. "
        "Les deux ministres sont tombés d'accord sur le commerce.",
    )
    assert doc._.agreements == []


def test_a_treaty_without_sector_words_is_diplomatic(blank: Language) -> None:
    doc = run(blank, "Les chefs d'État ont signé à Gao le traité fondateur de l'Union.")
    [agreement] = doc._.agreements
    assert agreement["sectors"] == ["diplomacy"]
    assert agreement["status"] == "signed"


def test_the_agreement_named_again_is_the_same_one(blank: Language) -> None:
    doc = run(
        blank,
        "Lawmakers approved a defence agreement with Chad on Tuesday. "
        "The agreement was signed on Jan. 9 in Ndjamena by the two defence ministers. "
        "The pact worries the neighbours.",
        published="2024-03-14",
        language="en",
    )
    [agreement] = doc._.agreements
    assert agreement["date"] == "2024-01-09"
    assert agreement["status"] == "ratified"


# ------------------------------------------------------------------ quantities and actors


@pytest.mark.slow
def test_an_agreement_signed_between_the_two_countries_has_the_states_just_named(
    extractor: Any,
) -> None:
    text = (
        "Le Togo et la Turquie renforcent leur coopération agricole. Un protocole d'accord a "
        "été signé entre les deux pays, mardi 6 mai, lors d'une visite à Lomé.\n"
        "Un second protocole d'accord sur la pêche a été signé avec des partenaires privés.\n"
    )
    first, *_ = extract(extractor, text, published="2025-05")["agreements"]
    assert sorted(first["parties"]) == ["TG", "TR"]


@pytest.mark.slow
def test_an_english_dispatch_names_its_states_and_dates_its_news_not_its_filing(
    extractor: Any,
) -> None:
    text = (
        "Chad, Turkey sign solar energy MoU\n"
        "ANKARA, March 13, 2025 - Chad and Turkey signed a memorandum of understanding on "
        "solar energy on Wednesday, officials said.\n"
    )
    result = extract(extractor, text)
    names = {a["name"] for a in result["actors"]}
    assert {"Tchad", "Turquie"} <= names and "March 13" not in names
    [agreement] = result["agreements"]
    assert agreement["date"] == "2025-03-12"  # the Wednesday before the Thursday dateline
    assert sorted(agreement["parties"]) == ["TD", "TR"]
    assert agreement["title"].startswith("solar energy MoU")


@pytest.mark.slow
def test_an_english_agreement_keeps_the_words_that_qualify_it(extractor: Any) -> None:
    text = "Russia decided to withdraw from an international grain deal last week.\n"
    [agreement] = extract(extractor, text)["agreements"]
    assert agreement["title"].startswith("international grain deal")


@pytest.mark.slow
def test_an_agreement_the_two_leaders_signed_has_their_states(extractor: Any) -> None:
    text = (
        "Le président turc Recep Tayyip Erdoğan a reçu jeudi le général Abdourahamane Tiani. "
        "Les deux dirigeants ont signé un accord de coopération militaire.\n"
    )
    [agreement] = extract(extractor, text, published="2025-10-10")["agreements"]
    assert sorted(agreement["parties"]) == ["NE", "TR"]
