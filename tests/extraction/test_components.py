"""Unit tests of the extraction components, on a blank French pipeline and on the full one."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import run
from spacy.language import Language

from suivi.extraction import Extractor
from suivi.extraction.dates import find_dates
from suivi.extraction.numbers import parse_digits, parse_words
from suivi.folding import fold_chars
from suivi.sources.metadata import extraction_input
from suivi.sources.published import find_published

# ------------------------------------------------------------------ numbers and dates


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("48 000", "fr", 48000),
        ("2,75", "fr", 2.75),
        ("3 412,5", "fr", 3412.5),
        ("7,500", "en", 7500),
        ("2.5", "en", 2.5),
        ("30.000", "fr", 30000),
    ],
)
def test_digits_follow_the_language(text: str, language: str, value: float) -> None:
    assert parse_digits(text, language) == pytest.approx(value)


def test_words_are_read_by_text2num() -> None:
    assert parse_words("trois cents") == 300
    assert parse_words("une") is None


def test_fold_keeps_offsets() -> None:
    text = "Sénégal’s côte"
    assert len(fold_chars(text)) == len(text)
    assert fold_chars(text).startswith("senegal'")


def test_dates_take_precision_and_context_year() -> None:
    text = fold_chars(
        "Réunion du 3 au 5 mars 2024, puis signature le 12 avril et fin 2026, en mai."
    )
    values = [(m.value, m.until) for m in find_dates(text, "2024-02-20")]
    assert ("2024-03-03", "2024-03-05") in values
    assert ("2024-04-12", None) in values
    assert ("2026", None) in values
    assert ("2024-05", None) in values


def test_weekday_is_anchored_on_publication() -> None:
    found = find_dates(fold_chars("Les ministres se sont réunis mardi."), "2024-03-14")
    assert [m.value for m in found] == ["2024-03-12"]
    assert find_dates(fold_chars("Ils se sont réunis mardi."), None) == []


def test_published_prefers_explicit_line() -> None:
    assert (
        find_published("Titre\n\nPublié le lundi 3 mars 2025\n\nTexte du 1 mars 2025.")
        == "2025-03-03"
    )
    assert find_published(" date 2024-11 Un titre\n(Dakar, le 2 novembre 2024)") == "2024-11"
    assert find_published("(Lomé, le 7 mai 2023) Le ministre a reçu...") == "2023-05-07"
    assert find_published("Le vendredi 4 avril 2025, le président a reçu une délégation.") is None


# ------------------------------------------------------------------ components, blank pipeline


def test_quantities_units_ranges_and_rates(blank: Language) -> None:
    doc = run(
        blank,
        "La Turquie livrera entre 30 000 et 45 000 tonnes de maïs chaque mois. "
        "Le chantier coûte 2,5 milliards de francs CFA. La centrale fera 1,2 GW. "
        "Le ministre est resté trois jours et a signé deux accords.",
    )
    found = {(q["unit"], q["min"], q["max"], q["per"]) for q in doc._.quantities}
    assert ("t", 30000, 45000, "month") in found
    assert ("XOF", 2500000000, 2500000000, None) in found
    assert ("MW", 1200, 1200, None) in found
    assert len(doc._.quantities) == 3  # days and counts of accords are not quantities


def test_quantity_subject_from_complement(blank: Language) -> None:
    doc = run(blank, "Le port a reçu 12 500 tonnes de riz en 2024.")
    [quantity] = doc._.quantities
    assert "riz" in quantity["subject"]
    assert quantity["year"] == 2024


def test_digit_and_scale_word(blank: Language) -> None:
    doc = run(blank, "Le budget atteint 480 milliards de FCFA et 12 millions d’euros.")
    values = {(q["unit"], q["min"]) for q in doc._.quantities}
    assert values == {("XOF", 480_000_000_000), ("EUR", 12_000_000)}


def test_countries_are_nouns_not_adjectives(blank: Language) -> None:
    doc = run(blank, "La Turquie et le Bénin ont reçu une délégation russe à Moscou.")
    countries = {a["country"] for a in doc._.actors if a["type"] == "country"}
    assert countries == {"TR", "BJ"}


def test_gazetteer_and_company_rules(blank: Language) -> None:
    doc = run(blank, "La société Kibo Minerals SA et Gazprom ont rejoint la CEDEAO.")
    names = {a["name"] for a in doc._.actors if a["type"] == "organization"}
    assert "Gazprom" in names
    assert any("Kibo Minerals" in n for n in names)
    assert any("Communauté économique" in n for n in names)


def test_agreement_count_gives_way_to_details(blank: Language) -> None:
    text = (
        "Le Togo et l’Inde ont signé deux accords le 5 mai 2024. Le premier porte sur la santé "
        "et les hôpitaux. Le deuxième accord concerne le transport ferroviaire."
    )
    doc = run(blank, text)
    sectors = [set(a["sectors"]) for a in doc._.agreements]
    assert len(sectors) == 2
    assert any("health" in s for s in sectors) and any("transport" in s for s in sectors)
    assert all(a["date"] == "2024-05-05" and a["status"] == "signed" for a in doc._.agreements)


def test_events_need_date_or_place(blank: Language) -> None:
    doc = run(
        blank,
        "Le président a effectué une visite du 2 au 4 juin 2024. Une réunion aura lieu un jour.",
    )
    assert [(e["type"], e["start"], e["end"]) for e in doc._.events] == [
        ("visit", "2024-06-02", "2024-06-04")
    ]


def test_projects_need_a_name(blank: Language) -> None:
    doc = run(
        blank, "Les travaux de la centrale solaire de Kita ont été lancés. Un projet sera étudié."
    )
    [project] = doc._.projects
    assert project["location"] == "Kita"
    assert project["status"] == "under_construction"
    assert "energy" in project["sectors"]


def test_evidence_lies_inside_the_text(blank: Language) -> None:
    text = "Le Ghana a signé un accord minier. Il porte sur 40 % du capital."
    doc = run(blank, text)
    for category in ("actors", "quantities", "agreements"):
        for item in getattr(doc._, category):
            span = item["evidence"]
            assert 0 <= span["start"] < span["end"] <= len(text)


# ------------------------------------------------------------------ full pipeline


@pytest.mark.slow
def test_person_role_and_short_name(extractor: Any) -> None:
    text = (
        "Le ministre des Mines, Boubacar Sidibé, a reçu la délégation à Bamako. "
        "Plus tard, Sidibé a salué la coopération avec la Chine."
    )
    result = extractor.extract(extraction_input("t.txt", text))
    people = [a for a in result["actors"] if a["type"] == "person"]
    assert [p["name"] for p in people] == ["Boubacar Sidibé"]


@pytest.mark.slow
def test_byline_is_not_an_actor(extractor: Any) -> None:
    text = "Le Niger a reçu 300 tonnes de riz de la Chine.\n\nPar Moussa Diallo\n"
    result = extractor.extract(extraction_input("t.txt", text))
    assert all("Diallo" not in a["name"] for a in result["actors"])


@pytest.mark.slow
def test_english_text_is_detected_and_read(extractor: Any) -> None:
    text = "Ghana and India signed an agreement on railways on March 3, 2024, worth $250 million."
    result = extractor.extract(extraction_input("en.txt", text))
    assert result["language"] == "en"
    assert {(q["unit"], q["min"]) for q in result["quantities"]} == {("USD", 250_000_000)}
    assert result["agreements"] and result["agreements"][0]["date"] == "2024-03-03"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Moscou s’est engagé à fournir au Niger 30 000 tonnes de blé chaque année.", "pledge"),
        ("La Turquie promet des livraisons de 12 000 tonnes d’engrais au Burkina Faso.", "pledge"),
        (
            "Les 12 000 tonnes d’engrais promises par Ankara sont arrivées au port de Lomé.",
            "delivery",
        ),
        ("En 2024, le Tchad a reçu 8 000 tonnes de riz de la Chine.", "delivery"),
        ("Le Maroc fournira 40 000 tonnes d’engrais au Niger l’an prochain.", "pledge"),
        ("Ankara promet d’acheminer 5 000 tonnes de farine vers Niamey.", "pledge"),
        ("Les 5 000 tonnes de farine ont été acheminées vers Niamey en mai.", "delivery"),
    ],
)
def test_goods_promised_or_delivered(extractor: Extractor, sentence: str, kind: str) -> None:
    [quantity] = extractor.extract(extraction_input("k.txt", sentence))["quantities"]
    assert quantity["unit"] == "t" and quantity["kind"] == kind
