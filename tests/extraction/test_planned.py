"""Deadlines: the completion date an article announces for a project or an agreement."""

from __future__ import annotations

import re
from typing import Any

import pytest
from helpers import run

from suivi.extraction.planned import planned_date, reference_date, sentences_after
from suivi.folding import fold_chars


def projects(nlp: Any, text: str, published: str | None) -> list[dict[str, Any]]:
    return list(run(nlp, text, published)._.projects)


def test_a_start_up_announced_in_the_next_sentence_is_the_projects_deadline(blank: Any) -> None:
    text = (
        "Le gouvernement a lancé à Ségou la construction d’une centrale solaire de 50 MW. "
        "Sa mise en service est prévue fin 2025."
    )
    [project] = projects(blank, text, "2024-03-12")
    assert project["planned"] == "2025"


def test_a_completion_already_past_is_no_deadline(blank: Any) -> None:
    text = "La centrale solaire de Kita, achevée en janvier 2023, alimente la ville."
    [project] = projects(blank, text, "2024-03-12")
    assert "planned" not in project


def test_a_date_after_publication_in_the_projects_own_sentence_is_planned(blank: Any) -> None:
    text = "La livraison du barrage de Taoussa interviendra en juin 2026, selon le ministre."
    [project] = projects(blank, text, "2025-01-05")
    assert project["planned"] == "2026-06"


def test_the_next_paragraph_says_nothing_of_the_deadline(blank: Any) -> None:
    text = "Le chantier de la route de Kayes a repris.\nSa mise en service est prévue en 2027."
    [project] = projects(blank, text, "2025-01-05")
    assert "planned" not in project


@pytest.mark.parametrize(
    ("published", "events", "expected"),
    [
        ("2025-04-02", [], "2025-04-02"),
        (None, [{"start": "2025", "evidence": {"start": 0}}], None),
        (
            None,
            [
                {"start": "2024-10-24", "evidence": {"start": 90}},
                {"start": "2024-10-20", "evidence": {"start": 10}},
            ],
            "2024-10-20",
        ),
    ],
)
def test_an_undated_article_is_read_against_its_first_dated_event(
    published: str | None, events: list[dict[str, Any]], expected: str | None
) -> None:
    assert reference_date(published, events) == expected


PHRASINGS = {
    "Les autorités tablent sur une mise en service de la centrale à la fin de l’année 2025.": "2025",
    "Le port doit entrer en service… son inauguration est attendue en mars 2026.": "2026-03",
    "La mise en service de la centrale a eu lieu en mars 2024, en présence du ministre.": None,
    "La centrale progresse. Les soldats avaient achevé leur retrait en décembre 2024.": None,
    "La centrale de Kati, 40 MW, doit être achevée fin 2025 selon le ministère.": "2025",
    "Une centrale de 50 MW est en chantier à Kati. Sa mise en service est prévue en juin 2026.": "2026-06",
    "Une centrale est en chantier à Kati.\nUn autre projet, le port, sera inauguré en mai 2027.": None,
}


@pytest.mark.parametrize(("text", "expected"), list(PHRASINGS.items()))
def test_planned_dates_read_from_varied_phrasings(text: str, expected: str | None) -> None:
    own = re.split(r"(?<=\.) |\n", text)[0]  # the evidence is the project's own sentence
    start = text.index(own)
    sentences = [fold_chars(s) for s in sentences_after(text, start, start + len(own))]
    assert planned_date(sentences, "2024-06-01") == expected
