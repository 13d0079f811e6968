"""Actors and quantities in short invented sentences.

Every sentence here was written for these tests: places, people and figures are invented.
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import extract, run
from spacy.language import Language


def test_last_year_is_no_rate(blank: Language) -> None:
    doc = run(blank, "Le pays a exporté 12 millions de tonnes de coton l'an dernier.")
    [quantity] = doc._.quantities
    assert (quantity["min"], quantity["per"]) == (12_000_000, None)


@pytest.mark.slow
def test_english_clauses_and_dateline_cities_are_not_organisations(extractor: Any) -> None:
    text = (
        "KIGALI, June 3, 2024 — The Rwanda Development Board said on Monday that Exports Between "
        "Rwanda and Kenya reached a record. Business | Monday\n"
    )
    names = [a["name"] for a in extract(extractor, text)["actors"]]
    assert "KIGALI" not in names
    assert not any("|" in n or "reached" in n for n in names)


# ------------------------------------------------------------------ rules added for unseen news


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        (
            "Le ministre malien de l’Économie, Alousséni Sanou, a reçu la délégation.",
            "Alousséni Sanou",
            "ML",
        ),
        (
            "La délégation russe a été accueillie par le ministre Alousséni Sanou.",
            "Alousséni Sanou",
            None,
        ),
        (
            "US Defense Secretary Lloyd Austin said Russian troops had arrived.",
            "Lloyd Austin",
            None,
        ),
        (
            "Le général Toumba, ministre nigérien de l’Intérieur, a reçu son homologue.",
            "Toumba",
            "NE",
        ),
        (
            "Le ministre nigérien de l’Intérieur, le général Toumba, et le commandant iranien Radan.",
            "Toumba",
            "NE",
        ),
        (
            "Le président russe Vladimir Poutine a reçu le colonel Assimi Goïta.",
            "Vladimir Poutine",
            "RU",
        ),
        (
            "Le président russe Vladimir Poutine a reçu le colonel Assimi Goïta.",
            "Assimi Goïta",
            None,
        ),
    ],
)
def test_a_persons_state_comes_only_from_their_own_phrase(
    sentence: str, name: str, country: str | None
) -> None:
    from suivi.extraction.people import country_near
    from suivi.folding import fold_chars

    start = sentence.index(name)
    assert country_near(fold_chars(sentence), start, start + len(name)) == country


@pytest.mark.slow
def test_one_sum_named_as_aid_then_as_a_grant_is_one_figure(extractor: Any) -> None:
    text = (
        "Une aide d'environ 12 milliards de francs CFA accordée par le Japon au Niger.\n"
        "Le ministre et l'ambassadeur ont signé lundi la convention de don de 12 milliards de "
        "francs CFA. Un financement de 3 milliards de francs CFA ira aux écoles rurales, et un "
        "prêt de 3 milliards de francs CFA au port de pêche.\n"
    )
    amounts = [q["min"] for q in extract(extractor, text)["quantities"]]
    assert amounts.count(12_000_000_000) == 1
    assert amounts.count(3_000_000_000) == 2


@pytest.mark.slow
def test_wire_abbreviations_of_millions_and_billions(extractor: Any) -> None:
    text = "Rwanda and Burundi signed deals for a $650 mln hydro plant and a 1.2 bln yen grant.\n"
    figures = [(q["min"], q["unit"]) for q in extract(extractor, text)["quantities"]]
    assert figures == [(650_000_000, "USD"), (1_200_000_000, "JPY")]
