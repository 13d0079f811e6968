"""Month and weekday names, and the regular-expression pieces dates are read with."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "janvier": 1,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "fev": 2,
    "apr": 4,
    "avr": 4,
    "jun": 6,
    "jul": 7,
    "juil": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# Folded text: no accents, lower case. Abbreviations need their dot to avoid "mar"/"sept" words.
MONTH = (
    r"(?P<{name}>janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
    r"|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan\.|feb\.|fev\.|apr\.|avr\.|jun\.|jul\.|juil\.|aug\.|sept?\.|oct\.|nov\.|dec\.)"
)
WEEKDAY = (
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
YEAR = r"(?P<{name}>(?:19[5-9]\d|20\d\d))(?![\d%])"
DAY = r"(?P<{name}>[0-3]?\d)(?:er|st|nd|rd|th)?"


def month(name: str) -> str:
    """A named month group."""
    return MONTH.format(name=name)


def year(name: str) -> str:
    """A named year group."""
    return YEAR.format(name=name)


def day(name: str) -> str:
    """A named day group."""
    return DAY.format(name=name)


def month_number(word: str) -> int:
    """The month number of a folded month name or abbreviation."""
    return MONTHS[word.rstrip(".")]
