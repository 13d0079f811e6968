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
