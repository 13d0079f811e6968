"""A project's name: the phrase from its head word, and the place or proper name in it."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from suivi.extraction.countries import demonyms
from suivi.extraction.resources import word_set
from suivi.extraction.text import folded_text, raw_text, span_between
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
    # English puts the name before the head: "the TAZARA railway", "the Lobito rail
    # corridor" (the French parser tags English words at random: their case decides).
    first = span[0]
    english = doc._.language == "en"
    before = [first.nbor(-k) for k in (1, 2) if first.i - k >= 0]
    if (
        english
        and len(before) == 2
        and before[0].text.islower()
        and before[0].is_alpha
        and fold_chars(before[0].text) not in _STOP_WORDS | _CONNECT
        and before[1].text[:1].isupper()
    ):
        before = [before[1], before[0]]
    else:
        before = before[:1]
    name_token = before[0] if before else None
    named_before = False
    if (
        not proper
        and name_token is not None
        and name_token.text[:1].isupper()
        and not name_token.is_sent_start
        and (english or name_token.pos_ in ("PROPN", "NOUN", "X"))
        and fold_chars(name_token.text) not in demonyms()
        and fold_chars(name_token.text) not in ("the", "a", "an", "le", "la", "les")
    ):
        proper.append(name_token.text)
        named_before = True
        words[:0] = before
        name = " ".join(raw_text(doc)[words[0].idx : words[-1].idx + len(words[-1].text)].split())
    if english and not named_before and first.i >= 2:
        # "a vaccine manufacturing hub": English modifiers before the head name its kind.
        lead: list[Token] = []
        for token in reversed(doc[max(0, first.i - 3) : first.i]):
            if fold_chars(token.text) in ("a", "an", "the"):
                break
            if not (token.is_alpha and token.text.islower()) or fold_chars(token.text) in (
                _STOP_WORDS | _CONNECT | {"new"}
            ):
                lead = []
                break
            lead.insert(0, token)
        if lead and fold_chars(lead[0].nbor(-1).text) in ("a", "an", "the"):
            words[:0] = lead
            tail = words[-1].idx + len(words[-1].text)
            name = " ".join(raw_text(doc)[words[0].idx : tail].split())
    location = " ".join(proper) if proper else None
    stop = words[-1].idx + len(words[-1].text) if words else end
    return name, location, stop
