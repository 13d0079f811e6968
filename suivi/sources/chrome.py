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
    "form_field": (
        r"^\s*(commentaire|nom|e-?mail|adresse e-?mail|site( web| internet)?|website|name|"
        r"comment|message)\s*\*?\s*:?\s*$"
    ),
    "form_action": (
        r"^\s*(enregistrer mon nom|save my name|publier le commentaire|post comment|"
        r"envoyer le commentaire|soumettre)\b"
    ),
    "contact_details": r"(\+\d{3}[\d .-]{6,}\d|[\w.-]+@[\w-]+\.[a-z]{2,})",
    "navigation": (
        r"^\s*(menu|rechercher|recherche|search|connexion|se connecter|s'identifier|"
        r"mon compte|fermer|close|retour en haut|haut de page)\s*(…|\.\.\.)?\s*$"
    ),
}

CHROME_PATTERN = re.compile(
    "|".join(f"(?:{rule})" for rule in CHROME_RULES.values()), re.IGNORECASE
)


# Headers of lists of other articles: the short lines after them are headlines, not text.
LIST_HEADER = re.compile(
    r"^\s*(articles? (r[ée]cents?|similaires|li[ée]s)|[àa] la une|les plus lus|"
    r"dans la m[êe]me rubrique|sur le m[êe]me sujet|(à |a )?lire (aussi|[ée]galement)|"
    r"voir aussi|recent posts|related( articles| posts)?|most read|read more)\s*:?\s*$",
    re.IGNORECASE,
)
HEADLINE_MAX = 120


def is_headline(line: str) -> bool:
    """A short line that does not end a sentence: a headline in a list of links."""
    stripped = line.strip()
    return 0 < len(stripped) <= HEADLINE_MAX and not stripped.endswith((".", "!", "?", "»", ":"))


def chrome_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it is chrome: by its own look, or as a headline in a list of
    other articles under a header such as "Articles récents"."""
    flags = []
    in_list = False
    for line in lines:
        if LIST_HEADER.match(line):
            in_list = True
            flags.append(True)
        elif in_list and not line.strip():
            flags.append(False)  # a blank line inside the list keeps it open
        elif in_list and is_headline(line):
            flags.append(True)
        else:
            in_list = False  # the article's text again
            flags.append(is_chrome(line))
    return flags


def is_chrome(line: str) -> bool:
    """Whether ``line`` is site chrome rather than article text."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_CHROME_LINE:
        return False
    return CHROME_PATTERN.search(stripped) is not None
