"""Dates named in a text, resolved against the publication date.

Every sentence here was written for these tests: places, people and figures are invented.
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import dates, extract


def test_day_pairs_are_ranges() -> None:
    assert ("2023-03-11", "2023-03-12") in dates(
        "Le salon s'est tenu les 11 et 12 mars.", "2023-05-02"
    )
    assert ("2023-03-11", "2023-03-12") in dates("It ran on March 11 and 12.", "2023-05-02")


def test_relative_months_take_their_year_from_publication() -> None:
    assert dates("Il s'y était rendu en septembre dernier.", "2024-03-10") == [("2023-09", None)]
    assert dates("Il y retournera en février prochain.", "2024-03-10") == [("2025-02", None)]
    assert dates("They met last November.", "2024-03-10") == [("2023-11", None)]
    assert dates("Il est arrivé à la mi-février.", "2024-03-10") == [("2024-02", None)]


def test_weekday_in_a_future_clause_is_the_next_one() -> None:
    assert dates("La session doit se clore samedi.", "2024-05-08") == [("2024-05-11", None)]
    assert dates("La session s'est close samedi.", "2024-05-08") == [("2024-05-04", None)]


def test_day_without_year_after_publication_is_last_year() -> None:
    assert dates("The accord reached on Nov. 20 unlocked the loan.", "2023-04-02") == [
        ("2022-11-20", None)
    ]
    assert dates("The vote will be held on Nov. 20.", "2023-04-02") == [("2023-11-20", None)]


# ------------------------------------------------------------------ events


@pytest.mark.slow
def test_a_wire_without_a_year_dates_its_news_by_the_dateline_weekday(
    extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUIVI_TODAY", "2026-12-01")
    text = (
        "KIGALI, Sept 19 (Lakes Wire) - Rwanda on Thursday signed a loan agreement for a "
        "hydropower plant, a week after talks held in Bujumbura on Sept. 12.\n"
    )
    result = extract(extractor, text)
    assert result["published"] is None  # the text gives no year: nothing is invented
    [agreement] = result["agreements"]
    assert agreement["date"] == "2024-09-19"
