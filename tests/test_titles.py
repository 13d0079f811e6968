"""One way to title a record, for every type and language.

The comparisons with ``suivi.consolidation.build`` and ``suivi.review.overlay`` are
temporary: they hold while those modules still make titles of their own, and go once they
call ``record_title(record, "fr")``.
"""

from __future__ import annotations

from typing import Any

import pytest

from suivi.consolidation.build import event_title, quantity_title
from suivi.presentation import get_language, record_title
from suivi.review.overlay import reviewed_title

FIGURES = [
    {"min": 160000, "max": 200000, "unit": "t", "per": "month", "subject": "produits pétroliers"},
    {"min": 62, "max": 62, "unit": "%", "per": None, "subject": "part de l’État malien"},
    {"min": 200, "max": 200, "unit": "t", "per": "year", "subject": "capacité"},
    {"min": 1.5, "max": 1.5, "unit": "MW", "per": None, "subject": None},
    {"min": 30000, "max": 35000, "unit": "t", "per": "week", "subject": "blé"},
    {"min": 2500.25, "max": 2500.25, "unit": "ha", "per": None, "subject": "terres"},
]
EVENTS = [
    {"event_type": "visit", "place": "Russie", "start": "2025-06-22"},
    {"event_type": "ceremony", "place": "Sénou", "start": None},
    {"event_type": "summit", "place": None, "start": "2025-07"},
    {"event_type": None, "place": "Niamey", "start": None},
]


@pytest.mark.parametrize("fields", FIGURES)
def test_a_quantity_is_titled_as_consolidation_titles_it(fields: dict[str, Any]) -> None:
    record = {"type": "quantity", "fields": fields}
    assert record_title(record, "fr") == quantity_title(fields)


@pytest.mark.parametrize("fields", EVENTS)
def test_an_event_is_titled_as_consolidation_titles_it_with_its_date_in_words(
    fields: dict[str, Any],
) -> None:
    expected = event_title(fields)
    if fields["start"]:
        expected = expected.replace(fields["start"], get_language("fr").when(fields["start"]))
    assert record_title({"type": "event", "fields": fields}, "fr") == expected


def reviewed(record: dict[str, Any], **states: str) -> dict[str, Any]:
    """``record`` as overlaid, with a review of each field named, in the state given."""
    return {**record, "reviews": {name: {"state": state} for name, state in states.items()}}


PROJECT = {"id": "prj-1", "type": "project", "title": "raffinerie d’or de Sénou"}
OVERLAID = [
    # A corrected name makes the title again.
    reviewed({**PROJECT, "fields": {"name": "raffinerie de Sénou"}}, name="corrected"),
    # A title an analyst wrote wins over the fields.
    reviewed(
        {**PROJECT, "title": "raffinerie aurifère", "fields": {"name": "x"}}, title="corrected"
    ),
    # A rejected title gives way to the one made from the fields.
    reviewed({**PROJECT, "title": None, "fields": {"name": "raffinerie"}}, title="rejected"),
    reviewed(
        {"id": "act-1", "type": "actor", "title": "Rosatom", "fields": {"name": "Rosatom SA"}},
        name="corrected",
    ),
    # An agreement keeps its designation.
    {
        "id": "agr-1",
        "type": "agreement",
        "title": "accord de défense",
        "fields": {"sectors": []},
        "reviews": {},
    },
    reviewed(
        {"id": "qty-1", "type": "quantity", "title": "1 t", "fields": FIGURES[0]}, max="corrected"
    ),
]


@pytest.mark.parametrize("record", OVERLAID, ids=lambda r: str(r["id"]))
def test_a_reviewed_record_is_titled_as_the_overlay_titles_it(record: dict[str, Any]) -> None:
    assert record_title(record, "fr") == reviewed_title(record)


def test_titles_in_english() -> None:
    assert record_title({"type": "quantity", "fields": FIGURES[0]}, "en") == (
        "160,000–200,000 t/month — produits pétroliers"
    )
    assert (
        record_title({"type": "quantity", "fields": FIGURES[1]}, "en")
        == "62% — part de l’État malien"
    )
    cost = {"min": 120e9, "max": 120e9, "unit": "XOF", "subject": "coût"}
    assert (
        record_title({"type": "quantity", "fields": cost}, "fr")
        == "120\u202f000\u202f000\u202f000 FCFA — coût"
    )
    assert record_title({"type": "quantity", "fields": cost}, "en").startswith(
        "120,000,000,000 CFA francs"
    )
    assert (
        record_title({"type": "event", "fields": EVENTS[0]}, "en")
        == "Visit — Russie (22 June 2025)"
    )
    assert record_title({"type": "event", "fields": EVENTS[3]}, "en") == "Event — Niamey"


def test_an_agreement_is_named_or_titled_from_its_sectors() -> None:
    named = {
        "type": "agreement",
        "title": "x",
        "fields": {"name": "traité de Niamey", "sectors": ["security"]},
    }
    assert record_title(named, "en") == "traité de Niamey"
    unnamed = {"type": "agreement", "fields": {"name": None, "sectors": ["nuclear", "energy"]}}
    assert record_title(unnamed, "fr") == "Accord — nucléaire, énergie"
    assert record_title(unnamed, "en") == "Agreement — nuclear, energy"
    # Consolidation's own title made from sectors, stored before agreements had a name.
    stored = {"type": "agreement", "title": "accord — énergie", "fields": {"sectors": ["energy"]}}
    assert record_title(stored, "en") == "Agreement — energy"
    bare = {"type": "agreement", "fields": {"name": None, "sectors": []}}
    assert record_title(bare, "fr") == "Accord"


def test_a_title_an_analyst_wrote_is_kept_in_every_language() -> None:
    event = reviewed(
        {"type": "event", "title": "Visite d’État", "fields": EVENTS[0]}, title="confirmed"
    )
    assert record_title(event, "en") == "Visite d’État"
