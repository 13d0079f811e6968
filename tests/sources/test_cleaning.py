"""Site chrome, normalisation and document identity."""

from __future__ import annotations

from helpers import ARTICLE_FR, ARTICLE_FR_CHROME

from suivi.folding import text_identity as identity
from suivi.sources.chrome import is_chrome
from suivi.sources.cleaning import mask_chrome, normalise, strip_chrome


def test_chrome_lines_are_removed_and_article_kept() -> None:
    text = strip_chrome(ARTICLE_FR_CHROME)
    assert "Accueil »" not in text
    assert "Partager sur" not in text
    assert "cookies" not in text
    assert "Laisser un commentaire" not in text
    assert "adresse e-mail" not in text
    assert "+221" not in text
    assert "redaction@" not in text
    assert "Lire aussi" not in text
    assert "convention de financement" in text
    assert "Publié le 3 février 2025" in text
    assert text.startswith("Sénégal : la Chine finance")


def test_comment_forms_related_lists_and_contact_lines_are_chrome() -> None:
    page = (
        "Le port de Lomé a reçu 40 000 tonnes de clinker venues de Chine.\n\n"
        "Commentaire *\nNom *\nE-mail *\n"
        "Enregistrer mon nom, mon e-mail et mon site dans le navigateur pour mon prochain commentaire.\n"
        "Publier le commentaire\n\n"
        "Articles récents\n"
        "Lomé : le nouveau quai sera livré en mars\n"
        "Cotonou : la douane numérise ses procédures\n\n"
        "Rédaction : boulevard du 13-Janvier, Lomé – Tél. : +228 22 00 00 00 – redaction@exemple.tg\n"
    )
    assert strip_chrome(page) == "Le port de Lomé a reçu 40 000 tonnes de clinker venues de Chine."
    masked = mask_chrome(page)
    assert len(masked) == len(page) and "Articles" not in masked and "Cotonou" not in masked


def test_a_list_header_ends_where_the_text_resumes() -> None:
    text = "Lire aussi :\nNiamey : un nouveau pont\nLe ministre a ensuite rappelé que les travaux dureront deux ans."
    assert strip_chrome(text) == "Le ministre a ensuite rappelé que les travaux dureront deux ans."


def test_navigation_lines_are_chrome() -> None:
    assert strip_chrome("Menu\nRechercher…\nLe titre de l’article\nSon texte.") == (
        "Le titre de l’article\nSon texte."
    )


def test_long_paragraph_mentioning_cookies_or_sharing_is_kept() -> None:
    paragraph = (
        "Les deux pays ont décidé de partager les données de navigation fluviale et les "
        "coûts d’entretien du chenal, une décision que les usagers acceptent depuis longtemps "
        "et qui doit réduire les accidents sur le fleuve pendant la saison sèche."
    )
    assert not is_chrome(paragraph)
    assert paragraph in strip_chrome(paragraph)


def test_mask_keeps_every_offset() -> None:
    masked = mask_chrome(ARTICLE_FR_CHROME)
    assert len(masked) == len(ARTICLE_FR_CHROME)
    start = ARTICLE_FR_CHROME.index("convention de financement")
    assert masked[start : start + 25] == "convention de financement"
    assert "Partager" not in masked
    assert masked.count("\n") == ARTICLE_FR_CHROME.count("\n")


def test_normalise_line_ends_and_blank_runs() -> None:
    assert normalise("Titre\r\n\r\n\r\n\r\nCorps  \r\n") == "Titre\n\nCorps"
    # Decomposed accents become composed ones, so the same word has one spelling.
    assert normalise("Goi\u0308ta") == "Goïta"


def test_identity_ignores_spacing_and_case_but_not_words() -> None:
    assert identity(ARTICLE_FR) == identity(ARTICLE_FR.upper().replace("\n", "  \n "))
    assert identity(ARTICLE_FR) != identity(ARTICLE_FR.replace("120 pilotes", "150 pilotes"))
