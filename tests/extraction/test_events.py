"""Events: visits, meetings, ceremonies and summits.

Every sentence here was written for these tests: places, people and figures are invented.
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import extract, run
from spacy.language import Language


def test_time_words_and_participles_are_no_events(blank: Language) -> None:
    doc = run(
        blank,
        "La semaine dernière, les prix ont baissé à Ségou. "
        "Un commerçant rencontré à Ségou se plaint du coût du transport.",
        published="2024-04-04",
    )
    assert doc._.events == []


@pytest.mark.slow
def test_passive_reception_and_split_visit_verbs(extractor: Any) -> None:
    text = (
        "Début mars 2024, le ministre togolais des Mines, Koffi Adjovi, avait été reçu à Zinder "
        "par le gouverneur de la région. À la mi-avril, le chef du gouvernement s'était à son tour "
        "rendu à Maradi avec trois ministres."
    )
    result = extract(extractor, text, published="2024-05-02")
    found = {(e["type"], e["start"]) for e in result["events"]}
    assert ("meeting", "2024-03") in found
    assert ("visit", "2024-04") in found


def test_a_day_inside_a_range_is_the_same_meeting(blank: Language) -> None:
    doc = run(
        blank,
        "Les négociations, tenues du 3 au 5 avril 2024, ont abouti. "
        "Les négociations se sont achevées le 5 avril 2024 sur un compromis.",
    )
    assert [(e["type"], e["start"], e["end"]) for e in doc._.events] == [
        ("meeting", "2024-04-03", "2024-04-05")
    ]


@pytest.mark.slow
def test_a_place_belongs_to_the_nearest_trigger(extractor: Any) -> None:
    text = (
        "La cérémonie organisée jeudi intervient dix jours après le sommet du Forum des ports, "
        "tenu à Dakar du 10 au 12 février."
    )
    result = extract(extractor, text, published="2024-02-22")
    found = {e["type"]: (e["start"], e["place"]) for e in result["events"]}
    assert found["summit"] == ("2024-02-10", "Dakar")
    assert found["ceremony"] == ("2024-02-22", None)


# ------------------------------------------------------------------ projects


@pytest.mark.slow
def test_a_place_named_after_the_trigger_is_read_whole(extractor: Any) -> None:
    french = (
        "Le sommet sur les engrais, ouvert mardi 7 mai au Kenyatta International Convention "
        "Centre, réunit une trentaine de chefs d'État.\n"
    )
    places = {e["place"] for e in extract(extractor, french, published="2024-05-08")["events"]}
    assert places == {"Kenyatta International Convention Centre"}
    english = (
        "Leaders met for a fertiliser summit this week. The summit is expected to close on "
        "Friday with the adoption of a Nairobi Declaration.\n"
    )
    events = extract(extractor, english, published="2024-05-08")["events"]
    assert "Nairobi Declaration" not in {e["place"] for e in events}
