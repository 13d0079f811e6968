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


_MINISTERS = (
    "Le Niger et la Turquie ont signé à Niamey un accord sur l'énergie. La cérémonie s'est "
    "tenue en présence du ministre de l’Économie, Issa Garba, et du ministre des Mines, "
    "Oumarou Dan Baba. Le Niger attend 200 MW de la future centrale de Niamey.\n"
)
_BYLINE = (
    "Par Awa Diallo\n"
    "Le Niger a reçu 50 000 tonnes de blé, suite à une promesse faite par Vladimir Poutine "
    "lors du sommet de Saint-Pétersbourg. La délégation a été accueillie par Hama Zakari.\n"
)
_MISSING = object()


# Each case: a text, an actor's name, one of its fields and the value read (``_MISSING``:
# no such actor is read).
@pytest.mark.parametrize(
    ("text", "name", "key", "value"),
    [
        # names listed after a kind of company are companies
        *(
            (
                "Le forum de Kayes a réuni des ministères et de grandes entreprises publiques "
                "comme Kovrad, Sinta Polar, Belmar et Ostrova Energia.\n",
                company,
                "type",
                "organization",
            )
            for company in ("Kovrad", "Sinta Polar", "Belmar", "Ostrova Energia")
        ),
        # a widely known body's short name in brackets names the body just before it
        *(
            (
                "La centrale a été raccordée au réseau de la Société nationale d'électricité "
                "(Senelec) en mai. La Senelec achètera toute l'énergie produite.\n",
                name,
                key,
                value,
            )
            for name, key, value in (
                ("Senelec", "country", "SN"),
                ("Société nationale d'électricité", "type", _MISSING),
            )
        ),
        # a widely known office-holder keeps their state
        (
            "À Bamako, le président malien a reçu un message de Vladimir Poutine sur le blé. "
            "Le Premier ministre malien a salué l'envoi.\n",
            "Vladimir Poutine",
            "country",
            "RU",
        ),
        # a lone word that opens a company's name is that company
        *(
            (
                "Le conseil a octroyé un permis à la société Marvin Tokala S.A pour la mine de "
                "Wenou. Selon Marvin, les travaux commencent en mai.\n",
                company,
                "type",
                "organization",
            )
            for company in ("Marvin Tokala S.A", "Marvin")
        ),
        # an international body takes no state from its neighbours
        (
            "Le ministre camerounais des Finances et le Fonds monétaire international ont "
            "conclu une revue du programme à Yaoundé.\n",
            "Fonds monétaire international",
            "country",
            None,
        ),
        # a name defined by its acronym keeps its lower-case words (a body no list knows)
        *(
            (
                "La convention de prêt entre le Tchad et le Fonds d’Ajman pour le "
                "développement (FAD) a été signée le 3 mai. Le FAD financera une route.\n",
                name,
                "type",
                value,
            )
            for name, value in (
                ("Fonds d’Ajman pour le développement", "organization"),
                ("FAD", _MISSING),
            )
        ),
        # a minister named after a comma has his title and the story's state
        (_MINISTERS, "Oumarou Dan Baba", "role", "ministre des Mines"),
        (_MINISTERS, "Issa Garba", "role", "ministre de l’Économie"),
        (_MINISTERS, "Oumarou Dan Baba", "country", "NE"),
        # "par X" in a sentence is no byline; "Par X" opening its line is
        (_BYLINE, "Vladimir Poutine", "country", "RU"),
        (_BYLINE, "Hama Zakari", "type", "person"),
        (_BYLINE, "Awa Diallo", "type", _MISSING),
    ],
)
@pytest.mark.slow
def test_an_actor_read_from_a_sentence(
    extractor: Any, text: str, name: str, key: str, value: object
) -> None:
    actors = _actors(extractor, text)
    assert actors.get(name, {}).get(key, _MISSING) == value


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
def test_a_widely_known_body_is_known_by_one_name_in_any_language(extractor: Any) -> None:
    english = _actors(extractor, "The International Monetary Fund approved a loan to Benin.\n")
    french = _actors(extractor, "Le FMI a approuvé un prêt au Bénin, a indiqué Cotonou.\n")
    [imf] = [a for a in english.values() if a["type"] == "organization"]
    [fmi] = [a for a in french.values() if a["type"] == "organization"]
    assert imf["known_as"] == fmi["known_as"] == "Fonds monétaire international"


@pytest.mark.slow
def test_a_title_shared_by_two_names_is_each_ones_role(extractor: Any) -> None:
    text = (
        "La délégation a été accueillie par les Ministres Moussa Dembélé et Karim Sidibé, "
        "puis par le ministre des Finances, Awa Coulibaly.\n"
    )
    roles = {
        a["name"]: a["role"] for a in extract(extractor, text)["actors"] if a["type"] == "person"
    }
    assert roles == {
        "Moussa Dembélé": "Ministres",
        "Karim Sidibé": "Ministres",
        "Awa Coulibaly": "ministre des Finances",
    }
