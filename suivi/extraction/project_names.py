"""A project's name: the phrase from its head word, and the place or proper name in it."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from suivi.extraction.countries import demonyms
from suivi.extraction.resources import word_set
from suivi.extraction.text import folded_text, raw_text, span_between
from suivi.extraction.units import SCALES, UNIT_TABLE
from suivi.folding import fold_chars

_NAMING = word_set("project_rules.json", "naming_words")
_CONNECT = word_set("project_rules.json", "name_links")
_STOP_WORDS = word_set("project_rules.json", "name_stops")
# A place given after the name: "… à Kara", "… dans la région des Savanes", "… in Kaduna".
_LOCATED = re.compile(
    r"^,?\s*(?:(?:de|d'|of)\s+(?:plus de\s|pres de\s|environ\s|some\s|about\s)?[\d\s.,]+"
    r"\s*(?:mw|gw|kw|megawatts?|hectares?|ha|km2?|kilometres?|kilometers?|tonnes?|t)\b,?\s*)?"
    r"(?:(?:en construction|en cours de construction|envisagee?s?|prevue?s?|projetee?s?"
    r"|planned|proposed|under construction)\s+)?"
    r"(?:(?:installee?s?|situee?s?|implantee?s?|located|based)\s+)?"
    r"(?:dans la (?:region|province|ville|commune|prefecture|zone) (?:des\s|de\s|du\s|d')"
    r"|in the (?:region|province|state|city) of\s|pres de\s|near\s|au\s|a\s|in\s|at\s)\s*"
)


def place_after(doc: Doc, stop: int, limit: int) -> str | None:
    """A capitalised place named right after a project's name, within its clause."""
    folded = folded_text(doc)
    window = folded[stop : min(limit, stop + 70)]
    match = _LOCATED.match(window)
    if not match:
        return None
    start = stop + match.end()
    place = re.match(
        r"[A-Z][\w'’-]+(?:\s+(?:(?:de|des|du|la)\s+)?[A-Z][\w'’-]+){0,2}",
        raw_text(doc)[start:limit],
    )
    if place is None or fold_chars(place.group(0)) in demonyms():
        return None
    return place.group(0)


def project_name(doc: Doc, start: int, end: int, limit: int) -> tuple[str, str | None, int]:
    """The phrase naming a project from its head word, and the place or proper name in it."""
    span = span_between(doc, start, limit)
    if span is None:
        return raw_text(doc)[start:end], None, end
    head_end = next((i for i, t in enumerate(span) if t.idx + len(t.text) >= end), 0)
    words = list(span[: head_end + 1])
    proper: list[str] = []
    for token in span[head_end + 1 : head_end + 9]:
        low = token.lower_
        if token.is_punct and token.text not in ("-", "–", "'"):
            break
        if fold_chars(low) in _NAMING:
            continue
        if (
            token.like_num
            and token.is_digit
            and len(token.text) <= 4
            and token.i + 1 < len(doc)
            and (doc[token.i + 1].lower_ in _CONNECT or doc[token.i + 1].is_punct)
        ):
            words.append(token)  # a number naming the thing: "base aérienne 201 d'Agadez"
            continue
        if low in _STOP_WORDS or token.pos_ in ("VERB", "AUX") or token.like_num:
            break
        if token.text[:1].isupper():
            proper.append(token.text)
        elif (proper and low not in _CONNECT) or (
            token.pos_ not in ("ADJ", "NOUN", "PROPN", "ADP", "DET") and low not in _CONNECT
        ):
            break
        words.append(token)
    while words and (words[-1].lower_ in _CONNECT or words[-1].is_punct):
        words.pop()
    name = (
        " ".join(raw_text(doc)[words[0].idx : words[-1].idx + len(words[-1].text)].split())
        if words
        else ""
    )
    first = span[0]
    english = doc._.language == "en"
    lead = _english_lead(doc, first) if english else []
    if lead:
        # English puts the name and the kind before the head: "the Lekki Deep Sea Port",
        # "the 700-megawatt Zungeru hydropower plant", "a vaccine manufacturing hub".
        if not proper:
            proper.extend(t.text for t in lead if t.text[:1].isupper())
        words[:0] = lead
        name = " ".join(raw_text(doc)[words[0].idx : words[-1].idx + len(words[-1].text)].split())
    elif not english and first.i >= 1 and not proper:
        name_token = first.nbor(-1)
        if (
            name_token.text[:1].isupper()
            and not name_token.is_sent_start
            and name_token.pos_ in ("PROPN", "NOUN", "X")
            and fold_chars(name_token.text) not in demonyms()
            and fold_chars(name_token.text) not in ("le", "la", "les")
        ):
            proper.append(name_token.text)
            words[:0] = [name_token]
            tail = words[-1].idx + len(words[-1].text)
            name = " ".join(raw_text(doc)[words[0].idx : tail].split())
    location = " ".join(proper) if proper else None
    stop = words[-1].idx + len(words[-1].text) if words else end
    return name, location, stop


_OPENS_SENTENCE = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
# Where an English name before its head stops: an article, a possessive, a preposition.
_ENGLISH_BOUNDARY = frozenset(
    "the a an its their his her our this that these those of for to in at on and or with by"
    " from into new one two three four five six seven eight nine ten several many some first"
    " second third mln bln mn km".split()
)


def _english_lead(doc: Doc, first: Token) -> list[Token]:
    """The words before an English head that name the project or its kind, up to an
    article, a preposition, a figure or a clause mark; none when something else (a verb,
    most likely) comes first. Read from the words' case and shape: the French parser tags
    English words at random."""
    lead: list[Token] = []
    for k in range(1, 6):
        if first.i - k < 0:
            break
        token = first.nbor(-k)
        low = fold_chars(token.text)
        if token.text == "-" and not token.whitespace_ and not token.nbor(-1).whitespace_:
            lead.insert(0, token)  # "geothermal-powered": one word for the reader
            continue
        if (
            low in _ENGLISH_BOUNDARY
            or low in UNIT_TABLE
            or low in SCALES
            or token.is_punct
            or any(c.isdigit() for c in token.text)
            or token.text.endswith(("'s", "’s"))
        ):
            break
        if not (token.is_alpha or "-" in token.text) or low in _STOP_WORDS | _CONNECT:
            return []
        lead.insert(0, token)
        if _OPENS_SENTENCE.search(raw_text(doc), 0, token.idx):
            break  # the sentence starts here (the parser's own starts are unreliable in English)
    else:
        return []  # five words and no article: not a name
    return [t for t in lead if fold_chars(t.text) not in demonyms()]
