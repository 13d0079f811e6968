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
