"""The publication date a text states (read by suivi.sources.published).

Every sentence here was written for these tests: places, people and figures are invented.
"""

from __future__ import annotations

import pytest

from suivi.sources.published import find_published


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KAYES, 14 mars 2023 (Agence du Fleuve) – Le gouverneur a reçu…", "2023-03-14"),
        ("Titre\n\nTahoua, jeudi 9 novembre 2023\n\nLe marché a rouvert.", "2023-11-09"),
        ("LUSAKA, Oct. 2, 2022 — The copper board met on Monday.", "2022-10-02"),
        ("SAINT-LOUIS (Sénégal), 5 juin 2021 - La digue a cédé.", "2021-06-05"),
        ("AGRICULTURE\nUn titre\n\nPar Awa Sow, à Kita\n3 juillet 2024\n\nLe texte.", "2024-07-03"),
        ("Économie | mardi, 4 juin 2024\n\nLe titre", "2024-06-04"),
        ("Le ministre a déclaré, 3 mai 2024, que rien ne changerait.", None),
        ("Le 5 mai 2024, la délégation est arrivée à Gao.", None),
        ("Du 2 au 4 mai 2024, le forum s'est tenu à Mopti.", None),
    ],
)
def test_datelines_and_date_lines_give_the_publication_date(
    text: str, expected: str | None
) -> None:
    assert find_published(text) == expected


# ------------------------------------------------------------------ dates
