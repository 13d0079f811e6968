"""Texts longer than spaCy accepts at once are read in pieces, every offset true in the whole."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from spacy.language import Language

from suivi.extraction import Extractor
from suivi.extraction.pieces import cuts
from suivi.models import ExtractionInput

# A long municipal chronicle, written for the test: paragraphs without cooperation facts,
# repeated until the text is longer than spaCy's limit (1 000 000 characters).
FILLER = [
    "Les habitants du quartier se sont retrouvés samedi matin sur la place du marché pour "
    "discuter des travaux de voirie. La mairie a promis de publier un calendrier détaillé.",
    "Plusieurs commerçants ont dit leur inquiétude face à la baisse de la fréquentation "
    "depuis le début du chantier. Certains envisagent de fermer leur boutique l’après-midi.",
    "À l’école du quartier, les enseignants préparent la fête de fin d’année. Les élèves "
    "répètent une pièce de théâtre écrite par la classe de CM2, jouée devant les parents.",
    "Le club de football local a terminé la saison à la quatrième place de sa poule. "
    "L’entraîneur souhaite renforcer la défense avant la reprise du championnat en septembre.",
]
EARLY = (
    "Le Togo et le Ghana ont signé le 4 février 2024 à Lomé un accord de coopération "
    "dans le domaine des transports."
)
LATE = (
    "Le Niger et la Turquie ont signé le 12 mars 2024 à Niamey un accord de coopération "
    "dans le domaine de l’énergie."
)


def _chronicle(length: int) -> str:
    paragraphs = [EARLY]
    while sum(len(p) + 2 for p in paragraphs) < length:
        paragraphs.append(FILLER[len(paragraphs) % len(FILLER)])
    paragraphs += [LATE, "La chronique reprendra la semaine prochaine."]
    return "\n\n".join(paragraphs)


def _evidence(text: str, fact: dict[str, Any]) -> str:
    return text[fact["evidence"]["start"] : fact["evidence"]["end"]]


def test_a_text_over_a_million_characters_is_read_to_its_end(blank: Language) -> None:
    text = _chronicle(1_050_000)
    assert len(text) > blank.max_length
    result = Extractor(nlp=blank).extract(
        ExtractionInput(doc="chronique", text=text, published="2024-03-14", language="fr")
    )
    agreements = {_evidence(text, a): a for a in result["agreements"]}
    assert set(agreements) == {EARLY, LATE}
    assert agreements[LATE]["evidence"]["start"] == text.index(LATE) > 1_000_000
    assert agreements[LATE]["parties"] == ["NE", "TR"]
    assert agreements[LATE]["date"] == "2024-03-12"
    assert agreements[EARLY]["evidence"]["start"] == 0
    # A state named in several pieces is one actor, at its first mention.
    assert [a["name"] for a in result["actors"] if a["country"] == "NE"] == ["Niger"]


def test_pieces_follow_each_other_and_end_at_paragraphs() -> None:
    text = _chronicle(5_000)
    pieces = cuts(text, 1_000)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(pieces))
    assert all(0 < end - start <= 1_000 for start, end in pieces)
    assert all(text[end - 2 : end] == "\n\n" for _, end in pieces[:-1])
    assert cuts(text, len(text)) == [(0, len(text))]


def test_a_text_without_paragraphs_is_cut_after_a_sentence_or_a_space() -> None:
    sentences = " ".join(FILLER * 10)
    for start, end in cuts(sentences, 700)[:-1]:
        assert sentences[start:end].rstrip().endswith(".")
    words = "mot " * 300
    assert all(words[end - 1] == " " for _, end in cuts(words, 100)[:-1])
    # Nothing to cut at: pieces of the largest size, nothing lost.
    unbroken = "x" * 250
    assert cuts(unbroken, 100) == [(0, 100), (100, 200), (200, 250)]


@pytest.mark.slow
def test_pieces_give_the_facts_of_the_whole_text(extractor: Extractor) -> None:
    plant = (
        "La Turquie financera la construction de la centrale solaire de Dosso, d’une puissance "
        "de 50 MW, pour un montant de 30 millions d’euros."
    )
    text = "\n\n".join([EARLY, *FILLER, LATE, *FILLER, plant, *FILLER])
    item = ExtractionInput(doc="chronique", text=text, published="2024-03-14", language="fr")
    whole = extractor.extract(item)
    pieces = Extractor(nlp=extractor.nlp, piece=600).extract(item)
    assert len(cuts(text, 600)) > 4
    assert pieces["projects"] and pieces["quantities"]
    for category in ("agreements", "actors", "events", "projects", "quantities"):
        assert [_evidence(text, f) for f in pieces[category]] == [
            _evidence(text, f) for f in whole[category]
        ], category
