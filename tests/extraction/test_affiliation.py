"""Which state an actor belongs to, and whether a name is a person or an organisation.

Every sentence here was written for these tests; the companies and places are invented or
widely known.
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import extract

from suivi.extraction.countries import country_in_name
from suivi.extraction.people import country_near
from suivi.folding import fold_chars


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Assemblée nationale du Togo", "TG"),
        ("Société nationale d’électricité du Niger", "NE"),
        ("Ghanaian Cocoa Board", "GH"),
        ("KORA-Mali SA", "ML"),
        ("Fonds d’Abou Dhabi pour l’investissement", "AE"),
        ("Export-Import Bank of China", "CN"),
        ("Commission mixte russo-tchadienne", None),
        ("Forum Russie-Afrique", None),
        ("Banque ouest-africaine de développement", None),
        ("Société des mines de Kalana", None),
    ],
)
def test_an_organisations_own_name_can_say_its_state(name: str, country: str | None) -> None:
    assert country_in_name(name) == country


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        (
            "Le ministre des Affaires étrangères et des Burkinabè de l’Extérieur Idrissa Sawadogo "
            "et l’Ambassadeur de la République populaire de Chine Wang Lin ont signé la "
            "convention.",
            "Wang Lin",
            "CN",
        ),
        (
            "Le président malien et son homologue russe Vladimir Poutine ont signé l'accord.",
            "Vladimir Poutine",
            "RU",
        ),
        (
            "Le ministre nigérien de l’Économie et des Finances, Moussa Sidi, a reçu la mission.",
            "Moussa Sidi",
            "NE",
        ),
    ],
)
def test_a_persons_own_phrase_ends_where_another_persons_begins(
    sentence: str, name: str, country: str
) -> None:
    start = sentence.index(name)
    assert country_near(fold_chars(sentence), start, start + len(name)) == country


def test_the_head_of_a_delegation_shares_its_state() -> None:
    sentence = "La délégation chinoise, conduite par M. Wen Dapeng, a visité le chantier."
    start = sentence.index("Wen Dapeng")
    assert country_near(fold_chars(sentence), start, start + len("Wen Dapeng")) == "CN"
    other = "Le ministre a été reçu par M. Wen Dapeng au chantier."
    start = other.index("Wen Dapeng")
    assert country_near(fold_chars(other), start, start + len("Wen Dapeng")) is None


def _actors(extractor: Any, text: str) -> dict[str, dict[str, Any]]:
    return {a["name"]: a for a in extract(extractor, text)["actors"]}


@pytest.mark.slow
def test_names_listed_after_a_kind_of_company_are_companies(extractor: Any) -> None:
    actors = _actors(
        extractor,
        "Le forum de Kayes a réuni des ministères et de grandes entreprises publiques comme "
        "Kovrad, Sinta Polar, Belmar et Ostrova Energia.\n",
    )
    for name in ("Kovrad", "Sinta Polar", "Belmar", "Ostrova Energia"):
        assert actors[name]["type"] == "organization", name


@pytest.mark.slow
def test_a_widely_known_office_holder_keeps_their_state(extractor: Any) -> None:
    actors = _actors(
        extractor,
        "À Bamako, le président malien a reçu un message de Vladimir Poutine sur le blé. "
        "Le Premier ministre malien a salué l'envoi.\n",
    )
    assert actors["Vladimir Poutine"]["country"] == "RU"


@pytest.mark.slow
def test_a_lone_word_that_opens_a_companys_name_is_that_company(extractor: Any) -> None:
    actors = _actors(
        extractor,
        "Le conseil a octroyé un permis à la société Marvin Tokala S.A pour la mine de Wenou. "
        "Selon Marvin, les travaux commencent en mai.\n",
    )
    assert actors["Marvin Tokala S.A"]["type"] == "organization"
    assert actors["Marvin"]["type"] == "organization"


@pytest.mark.slow
def test_an_international_body_takes_no_state_from_its_neighbours(extractor: Any) -> None:
    actors = _actors(
        extractor,
        "Le ministre camerounais des Finances et le Fonds monétaire international ont conclu "
        "une revue du programme à Yaoundé.\n",
    )
    assert actors["Fonds monétaire international"]["country"] is None


@pytest.mark.slow
def test_the_agency_of_a_dateline_and_an_english_day_are_not_actors(extractor: Any) -> None:
    french = _actors(
        extractor,
        "Kayes, 8 octobre 2025 (Agence Falémé Presse) – Le ministre malien des Mines a visité "
        "la mine de Sadiola.\n",
    )
    assert not any("Falémé" in name for name in french)
    english = _actors(
        extractor,
        "The fourth Gulf-Africa Partnership Summit opened on Wednesday in Istanbul, officials "
        "said.\n",
    )
    assert not any("Wednesday" in name for name in english)


@pytest.mark.slow
def test_a_name_defined_by_its_acronym_keeps_its_lower_case_words(extractor: Any) -> None:
    actors = _actors(
        extractor,
        "La convention de prêt entre le Tchad et le Fonds d’Abou Dhabi pour le développement "
        "(FADD) a été signée le 3 mai. Le FADD financera une route de 300 km.\n",
    )
    assert "Fonds d’Abou Dhabi pour le développement" in actors and "FADD" not in actors


@pytest.mark.slow
def test_a_minister_named_after_a_comma_has_his_title_and_the_storys_state(
    extractor: Any,
) -> None:
    text = (
        "Le Niger et la Turquie ont signé à Niamey un accord sur l'énergie. La cérémonie s'est "
        "tenue en présence du ministre de l’Économie, Issa Garba, et du ministre des Mines, "
        "Oumarou Dan Baba. Le Niger attend 200 MW de la future centrale de Niamey.\n"
    )
    actors = _actors(extractor, text)
    assert actors["Oumarou Dan Baba"]["role"] == "ministre des Mines"
    assert actors["Issa Garba"]["role"] == "ministre de l’Économie"
    assert actors["Oumarou Dan Baba"]["country"] == "NE"


@pytest.mark.slow
def test_a_person_after_par_in_a_sentence_is_no_byline(extractor: Any) -> None:
    text = (
        "Par Awa Diallo\n"
        "Le Niger a reçu 50 000 tonnes de blé, suite à une promesse faite par Vladimir Poutine "
        "lors du sommet de Saint-Pétersbourg. La délégation a été accueillie par Hama Zakari.\n"
    )
    actors = _actors(extractor, text)
    assert actors["Vladimir Poutine"]["country"] == "RU"
    assert "Hama Zakari" in actors
    assert "Awa Diallo" not in actors
