"""What a reader sees, in their language: translations, code labels, numbers, dates, titles.

Imports only core modules (vocab, folding): the portal, exports and consolidation all say
things the same way through it. See README.md for adding a language.
"""

from suivi.presentation.catalogues import LOCALES, SOURCE, languages, translations
from suivi.presentation.formats import parse_date, right_to_left
from suivi.presentation.language import N_, Language, get_language
from suivi.presentation.titles import figure, record_title

__all__ = [
    "LOCALES",
    "N_",
    "SOURCE",
    "Language",
    "figure",
    "get_language",
    "languages",
    "parse_date",
    "record_title",
    "right_to_left",
    "translations",
]
