"""One way to title a record, for every type and language, from its (reviewed) fields."""

from __future__ import annotations

from typing import Any

import pytest

from suivi.presentation import record_title

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


FRENCH = [
    "160\u202f000–200\u202f000 t/mois — produits pétroliers",
    "62 % — part de l’État malien",
    "200 t/an — capacité",
    "1,5 MW",
    "30\u202f000–35\u202f000 t/semaine — blé",
    "2\u202f500,25 ha — terres",
]


@pytest.mark.parametrize(("fields", "title"), list(zip(FIGURES, FRENCH, strict=True)))
def test_a_quantity_says_its_amount_unit_rate_and_subject(
    fields: dict[str, Any], title: str
) -> None:
    assert record_title({"type": "quantity", "fields": fields}, "fr") == title


@pytest.mark.parametrize(
    ("fields", "title"),
    list(
        zip(
            EVENTS,
            [
                "Visite — Russie (22 juin 2025)",
                "Cérémonie — Sénou",
                "Sommet (juillet 2025)",
                "Événement — Niamey",
            ],
            strict=True,
        )
    ),
)
def test_an_event_says_what_where_and_when(fields: dict[str, Any], title: str) -> None:
    assert record_title({"type": "event", "fields": fields}, "fr") == title


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


@pytest.mark.parametrize(
    ("record", "title"),
    list(
        zip(
            OVERLAID,
            [
                "raffinerie de Sénou",
                "raffinerie aurifère",
                "raffinerie",
                "Rosatom SA",
                "Accord",
                "160\u202f000–200\u202f000 t/mois — produits pétroliers",
            ],
            strict=True,
        )
    ),
    ids=lambda value: str(value.get("id")) if isinstance(value, dict) else "",
)
def test_a_reviewed_record_is_titled_from_its_reviewed_fields(
    record: dict[str, Any], title: str
) -> None:
    assert record_title(record, "fr") == title


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


def test_an_agreement_says_what_was_agreed_between_whom_and_when() -> None:
    named = {
        "type": "agreement",
        "fields": {
            "name": "accord de coopération dans le nucléaire civil",
            "agreement_kind": "agreement",
            "sectors": ["nuclear", "energy"],
            "parties": ["ML", "RU", "Rosatom"],
            "date": "2025-06-23",
        },
    }
    assert record_title(named, "fr") == (
        "Accord de coopération dans le nucléaire civil — Mali, Russie (Rosatom), 23 juin 2025"
    )
    assert record_title(named, "en").endswith("— Mali, Russia (Rosatom), 23 June 2025")
    unnamed = {
        "type": "agreement",
        "fields": {
            "name": None,
            "agreement_kind": "memorandum",
            "sectors": ["security"],
            "parties": ["NE"],
        },
    }
    assert record_title(unnamed, "fr") == "Protocole d’accord (sécurité) — Niger"
    assert record_title(unnamed, "en") == "Memorandum of understanding (security) — Niger"
    bare = {"type": "agreement", "fields": {"name": None, "sectors": []}}
    assert record_title(bare, "fr") == "Accord"


def test_a_title_an_analyst_wrote_is_kept_in_every_language() -> None:
    event = reviewed(
        {"type": "event", "title": "Visite d’État", "fields": EVENTS[0]}, title="confirmed"
    )
    assert record_title(event, "en") == "Visite d’État"
