"""Projects: heads, names, places and statuses.

Every sentence here was written for these tests: places, people and figures are invented.
"""

from __future__ import annotations

from typing import Any

import pytest
from helpers import extract

from suivi.folding import fold_chars


@pytest.mark.slow
def test_a_created_institution_is_a_planned_project(extractor: Any) -> None:
    text = (
        "Les trois gouvernements ont décidé la création d'une banque régionale d'investissement "
        "ainsi que d'un fonds de garantie agricole."
    )
    projects = extract(extractor, text)["projects"]
    names = [fold_chars(p["name"]) for p in projects]
    assert any("banque" in n for n in names) and any("fonds" in n for n in names)
    assert all(p["status"] == "planned" for p in projects)


@pytest.mark.slow
def test_a_lender_is_not_a_project(extractor: Any) -> None:
    text = (
        "Le pont de Rosso, mis en service en 2023, a été financé par la banque allemande KfW. "
        "Le prêt a été négocié avec le Fonds d'Oman pour le développement (FOD)."
    )
    names = [fold_chars(p["name"]) for p in extract(extractor, text)["projects"]]
    assert any("rosso" in n for n in names)
    assert not any("kfw" in n or "oman" in n for n in names)


@pytest.mark.slow
def test_a_port_is_a_project_only_when_built(extractor: Any) -> None:
    shipped = extract(extractor, "Le port de Nouakchott a reçu hier un cargo de riz indien.")
    assert shipped["projects"] == []
    built = extract(extractor, "Le port de Ndiago est en cours de construction sur la côte.")
    assert [p["status"] for p in built["projects"]] == ["under_construction"]


@pytest.mark.slow
def test_project_names_with_places_numbers_and_new_heads(extractor: Any) -> None:
    text = (
        "La Russie s'est engagée à bâtir une centrale thermique au Niger. "
        "Des soldats étrangers occupent encore la base aérienne 101 de Tessalit, dont le retrait "
        "est suspendu. Un centre de formation aux métiers du rail, installé à Kidira, a ouvert "
        "ses portes en 2022 et reste en service."
    )
    projects = {fold_chars(p["name"]): p for p in extract(extractor, text)["projects"]}
    assert any(p["location"] == "Niger" for p in projects.values())
    assert any("101" in name for name in projects)
    assert any(p["location"] == "Kidira" for p in projects.values())


@pytest.mark.slow
def test_a_second_plant_is_another_project(extractor: Any) -> None:
    text = (
        "L'usine d'engrais de Kribi tourne à plein régime. "
        "Les partenaires ont aussi annoncé l'étude d'une deuxième usine d'engrais."
    )
    names = [fold_chars(p["name"]) for p in extract(extractor, text)["projects"]]
    assert any("kribi" in n for n in names)
    assert any("deuxieme usine" in n for n in names)


@pytest.mark.slow
def test_english_name_before_a_modified_head(extractor: Any) -> None:
    text = "Officials toured the Kalima logistics corridor, which opened in 2019 with Indian loans."
    projects = extract(extractor, text)["projects"]
    assert any("Kalima" in p["name"] for p in projects)


# ------------------------------------------------------------------ agreements


@pytest.mark.slow
def test_a_created_bank_named_again_gives_its_stage(extractor: Any) -> None:
    text = (
        "Plusieurs projets sont en discussion, dont la création d'une Banque d'investissement "
        "et d'une force commune. La Banque d'investissement, bien qu'annoncée, est en voie "
        "d'opérationnalisation.\n"
    )
    statuses = {p["name"]: p["status"] for p in extract(extractor, text)["projects"]}
    assert statuses["Banque d'investissement"] == "preparatory"


@pytest.mark.parametrize(
    "text",
    [
        "Un protocole visant à financer la construction de trois ponts ruraux à Kandi a été "
        "signé lundi.\n",
        "Ghana and Togo signed agreements to revitalize the Accra-Lomé railway on Monday.\n",
        "L'État a obtenu 35 % du projet de lithium de Kalana. Grâce au nouveau code, le projet "
        "Kalana sera géré par l'État.\n",
    ],
)
@pytest.mark.slow
def test_a_project_told_as_a_purpose_or_in_the_future_is_planned(extractor: Any, text: str) -> None:
    statuses = [p["status"] for p in extract(extractor, text)["projects"]]
    assert statuses and set(statuses) == {"planned"}


@pytest.mark.slow
def test_a_project_named_again_by_its_generic_words_is_one_project(extractor: Any) -> None:
    text = (
        "KANKAN, 3 mars 2024 – La Guinée et le Mali ont signé un protocole qui lance les études "
        "de la ligne de chemin de fer Kankan-Bougouni. Le chemin de fer, s'il voit le jour, ne "
        "sera pas opérationnel avant dix ans.\n"
    )
    [project] = extract(extractor, text)["projects"]
    assert project["location"] == "Kankan Bougouni"


@pytest.mark.slow
def test_an_english_project_is_named_by_the_words_before_its_head(extractor: Any) -> None:
    text = (
        "The Kpone Deep Sea Port near Tema, operational since 2021, handles most of the "
        "country's containers, while the 400-megawatt Bui hydropower plant began feeding the "
        "grid the same year. Officials also discussed a geothermal-powered data centre at "
        "Menengai and said the government proposed that Sinohydro build two reactors.\n"
    )
    names = [p["name"] for p in extract(extractor, text, published="2025-03-01")["projects"]]
    assert "Kpone Deep Sea Port" in names
    assert any(n.startswith("Bui hydropower plant") for n in names)
    assert any(n.startswith("geothermal-powered data centre") for n in names)
    assert not any("Sinohydro" in n or "400" in n for n in names)


@pytest.mark.slow
def test_two_numbered_sites_of_one_name_are_two_projects(extractor: Any) -> None:
    text = (
        "La centrale hydroélectrique régionale de Félou III sera construite d'ici 2029. "
        "La centrale existante de Félou II, exploitée depuis 1990, ne suffit plus.\n"
    )
    places = [p["location"] for p in extract(extractor, text, published="2025-03-01")["projects"]]
    assert places == ["Félou III", "Félou II"]
