"""Site chrome in plain-text pages: the lines a copied web page carries around its article.

The rules are data (one regular expression per kind of line), kept apart from the code that
applies them, so that a new site's habits are one line to add.
"""

from __future__ import annotations

import re

# A chrome line is short: the article's own paragraphs are long and never match these rules
# unless they are short too, so long lines are always kept.
MAX_CHROME_LINE = 160

CHROME_RULES: dict[str, str] = {
    "breadcrumb": r"^\s*(accueil|home)\s*[»>›|/]",
    "comment_form": (
        r"^\s*(laisser un commentaire|leave a (comment|reply)|r[ée]pondre|"
        r"votre adresse (e-?mail|de messagerie) ne sera pas publi[ée]e|"
        r"les champs obligatoires sont indiqu[ée]s|your email address will not be published|"
        r"\d+\s+commentaires?\b|commentaires?\s*:?\s*$|ajouter un commentaire)"
    ),
    "share": (
        r"^\s*(partager( sur| via)?|share( on)?|tweet(er)?|imprimer|envoyer par e-?mail)\b"
        r".{0,40}$"
    ),
    "social_handle": (
        r"^\s*(facebook|x \(twitter\)|twitter|youtube|instagram|linkedin|tiktok|telegram|"
        r"whatsapp|contact whatsapp|site officiel|emploi)\s*:"
    ),
    "cookies": r"\bcookies?\b.{0,80}\b(accept|consent|navigation|utilis|use)",
    "contact": r"^\s*(contact|t[ée]l[ée]?(phone)?|tel|e-?mail|courriel)\s*[:.]\s*\S+",
    "phone": r"^[\s\w:.()-]{0,30}\+?\d[\d .-]{8,}\d\s*$",
    "read_also": r"^\s*(à |a )?(lire|voir) (aussi|[ée]galement)\b|^\s*read (also|more)\b",
    "photo_credit": r"^\s*(©|\(c\)\s|cr[ée]dit photo)",
    "useful_links": r"^\s*(📲\s*)?liens utiles\s*:?\s*$",
    "subscribe": r"^\s*(abonnez-vous|inscrivez-vous|s'abonner|newsletter|subscribe)\b",
    "tags": r"^\s*(tags?|mots-cl[ée]s|étiquettes)\s*:",
    "navigation": (
        r"^\s*(menu|rechercher|recherche|search|connexion|se connecter|s'identifier|"
        r"mon compte|fermer|close|retour en haut|haut de page)\s*(…|\.\.\.)?\s*$"
    ),
}

CHROME_PATTERN = re.compile(
    "|".join(f"(?:{rule})" for rule in CHROME_RULES.values()), re.IGNORECASE
)


def is_chrome(line: str) -> bool:
    """Whether ``line`` is site chrome rather than article text."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_CHROME_LINE:
        return False
    return CHROME_PATTERN.search(stripped) is not None
