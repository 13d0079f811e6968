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


# ------------------------------------------------------------------ the occasion of a signing


@pytest.mark.slow
def test_a_signing_on_the_same_occasion_takes_its_date(extractor: Any) -> None:
    text = (
        "Publié le 20 mai 2025\n\n"
        "Le vendredi 16 mai 2025, à Sikasso, les autorités maliennes ont accueilli une "
        "délégation guinéenne. Cette visite prolonge un accord de transport conclu fin 2023.\n\n"
        "Le même jour, les deux parties ont signé une convention de financement agricole de "
        "3 millions d'euros.\n"
        "Les deux pays ont également conclu un mémorandum sur la formation des douaniers.\n"
        "Un protocole sur la pêche devrait suivre.\n"
    )
    dates = {a["title"].split()[0]: a["date"] for a in extract(extractor, text)["agreements"]}
    assert dates == {
        "accord": "2023",  # its own date
        "convention": "2025-05-16",
        "mémorandum": "2025-05-16",
        # Nothing points back to the visit: no date is lent to a sentence that does not.
        "protocole": None,
    }


@pytest.mark.slow
def test_a_list_after_a_count_names_what_was_signed(extractor: Any) -> None:
    text = (
        "À l'issue de leur entretien, les deux délégations ont signé trois textes.\n\n"
        "Il s'agit d'un accord sur la protection réciproque des investissements, d'une "
        "convention visant à éviter la double imposition et d'un protocole d'entente dans le "
        "domaine de la sécurité alimentaire.\n"
    )
    agreements = extract(extractor, text, published="2025-02-03")["agreements"]
    assert [a["title"] for a in agreements] == [
        "accord sur la protection réciproque des investissements",
        "convention visant à éviter la double imposition",
        "protocole d'entente dans le domaine de la sécurité alimentaire",
    ]
    assert {a["status"] for a in agreements} == {"signed"}
    assert [a["sectors"] for a in agreements] == [["investment"], ["trade"], ["agriculture"]]


@pytest.mark.slow
def test_a_decision_to_create_a_body_is_titled_by_the_body(extractor: Any) -> None:
    text = "Les ministres ont convenu de créer une commission mixte sur la santé animale.\n"
    [agreement] = extract(extractor, text, published="2025-02-03")["agreements"]
    assert agreement["title"] == "commission mixte sur la santé animale"
    assert agreement["status"] == "announced"
