"""Organisations' names: an organisation entity cleaned, English names, company and acronym
patterns."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS as _EN_STOP_WORDS
from spacy.tokens import Doc, Span, Token

from suivi.calendar_words import MONTHS
from suivi.extraction.countries import (
    capitals,
    country_names,
    demonyms,
)
from suivi.extraction.gazetteer import gazetteer, lexicon
from suivi.extraction.resources import word_set
from suivi.extraction.text import doc_text, raw_text
from suivi.extraction.units import UNIT_TABLE
from suivi.folding import fold_chars, fold_key

ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&]{1,6}(?:-[A-Z][A-Za-z]+)?)(?![\w-])")
ACRONYM_STOP = word_set("name_words.json", "not_acronyms")
COMPANY_LEAD = re.compile(
    r"(?:soci[ée]t[ée]|groupe|entreprise|compagnie|firme|filiale|company|firm|group|holding|consortium)"
    r"(?:\s+(?:d'[ÉE]tat\s+)?[a-zà-ÿ-]+){0,2}\s+((?:[A-Z][\w&.-]*)(?:\s+(?:[A-Z][\w&.-]*|S\.?A\.?|SARL|Ltd|Corp))*)"
)
_NAME = r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}"
# "de grandes entreprises publiques comme Rosatom, Inter RAO, Sberbank et Kamaz": each name
# listed after a kind of company is a company, whatever the model thinks of "Inter RAO".
ENUMERATED = re.compile(
    r"\b(?:entreprises|soci[ée]t[ée]s|groupes|compagnies|firmes|banques|companies|firms|groups|banks)"
    r"(?:\s+[a-zà-ÿ-]+){0,3}?\s+(?:comme|tel(?:le)?s\s+que|dont|notamment|such\s+as|including)\s+"
    rf"({_NAME}(?:\s*,\s*{_NAME})*(?:\s*,?\s+(?:et|and)\s+{_NAME})?)"
)
SUFFIXED = re.compile(
    r"((?:[A-Z][\w&-]*\s+){0,3}[A-Z][\w&-]*\s+(?:S\.A\.?|SA|SARL|SAS|Ltd\.?|Limited|Corp\.?|Inc\.?|PLC|LLC|GmbH))(?![\w])"
)


_NAME_CONNECTORS = word_set("name_words.json", "name_connectors")


def enumerated(text: str) -> list[tuple[str, int, int]]:
    """The names listed after a kind of company, with their offsets in ``text``."""
    found = []
    for match in ENUMERATED.finditer(text):
        for name in re.finditer(_NAME, match.group(1)):
            start = match.start(1) + name.start()
            found.append((name.group(0).rstrip("."), start, start + len(name.group(0).rstrip("."))))
    return found


_DATELINE_SOURCE = re.compile(r"\s*[A-ZÀ-Ý][\w'’ .-]*,[^()\n]{0,40}\(\s*")


def dateline_source(doc: Doc, start: int, end: int) -> bool:
    """The agency named in a dateline's brackets ("Istanbul, 8 octobre 2025 (Agence Sahel
    Info) –") is who wrote the story, not an actor of it."""
    text = raw_text(doc)
    line_start = text.rfind("\n", 0, start) + 1
    return bool(
        _DATELINE_SOURCE.fullmatch(text[line_start:start])
        and re.match(r"\s*\)", text[end : end + 3])
    )


def dateline_place(doc: Doc, start: int, end: int) -> bool:
    """A capitalised word opening a line before a comma or dash: "ACCRA, May 18" is a place
    ("N'DJAMENA, May 2" too, whose first letters the apostrophe cuts off)."""
    line_start = raw_text(doc).rfind("\n", 0, start) + 1
    word = raw_text(doc)[start:end]
    lead = raw_text(doc)[line_start:start].strip(" (")
    return (
        (not lead or re.fullmatch(r"[A-Z]{1,2}['’]", lead) is not None)
        and word.isupper()
        and re.match(r"\s*(?:,|[-–—]|\()", raw_text(doc)[end : end + 3]) is not None
    )


_TRAILING = word_set("name_words.json", "trailing")
_EXTEND_LINKS = word_set("name_words.json", "english_links")


_CONTINENTS = word_set("name_words.json", "continents")
LEGAL_SUFFIX = re.compile(r"\s+(?:ltd|limited|sa|s\.a|sarl|sas|inc|plc|llc|gmbh|corp)\.?$")
_WEEKDAYS = word_set("name_words.json", "english_weekdays")
_EN_TITLES = word_set("name_words.json", "english_offices")


def english_parts(span: Span) -> list[Span]:
    """ "Rosatom and the Ethiopian Electric Power Corporation", "China and France": English
    names joined by "and" are several actors (but "Institute of Teaching and Research" is one)."""
    doc = span.doc
    parts: list[Span] = []
    start = span.start
    for token in span:
        if token.lower_ != "and" or token.i + 1 >= span.end:
            continue
        following = doc[token.i + 1]
        left = fold_key(doc[start : token.i].text)
        right = fold_key(doc[token.i + 1 : span.end].text)
        if (
            following.lower_ == "the"
            or left in country_names()
            or left in gazetteer()
            or fold_key(following.text.strip("'’")) in country_names()
            or right in gazetteer()
        ):
            parts.append(doc[start : token.i])
            start = token.i + 1
    parts.append(doc[start : span.end])
    return [p for p in parts if len(p)]


def is_english(doc: Doc) -> bool:
    return bool(doc.has_extension("language") and doc._.language == "en")


def _capitalised(token: Token) -> bool:
    return (token.text[:1].isupper() and token.is_alpha) or bool(
        re.fullmatch(r"[A-Z][\w&-]+", token.text)
    )


def _extend_english(doc: Doc, tokens: list[Token]) -> list[Token]:
    """English names the French model cut short: "Tokyo International [Conference on African
    Development]", "[Export-]Import Bank of India"."""
    first, last = tokens[0], tokens[-1]
    if first.i >= 2 and doc[first.i - 1].text == "-" and not doc[first.i - 1].whitespace_:
        previous = doc[first.i - 2]
        if _capitalised(previous) and not previous.whitespace_:
            tokens = [previous, doc[first.i - 1], *tokens]
    extra: list[Token] = []
    index = last.i + 1
    while index < len(doc) and len(extra) < 6:
        token = doc[index]
        if "\n" in doc[index - 1].whitespace_ or (token.is_sent_start and index > last.i + 1):
            break
        if (
            _capitalised(token)
            and not token.is_punct
            and fold_key(token.text) not in _WEEKDAYS
            and fold_key(token.text) not in MONTHS
            and fold_key(token.text) not in country_names()
            and fold_key(token.text) not in lexicon()["titles"]
            and fold_key(token.text) not in _EN_TITLES
        ):
            extra.append(token)
            index += 1
            continue
        links: list[Token] = []
        probe = index
        while probe < len(doc) and doc[probe].lower_ in _EXTEND_LINKS - {"and"} and len(links) < 2:
            links.append(doc[probe])
            probe += 1
        if links and probe < len(doc) and _capitalised(doc[probe]):
            extra.extend([*links, doc[probe]])
            index = probe + 1
            continue
        break
    while extra and extra[-1].lower_ in _EXTEND_LINKS:
        extra.pop()
    return tokens + extra


def _minister_piece(doc: Doc, start: int) -> bool:
    """ "ministre de l'Économie, du Plan et du Développement": a piece of an office's title."""
    before = raw_text(doc)[max(0, start - 90) : start]
    matches = list(re.finditer(r"\b(?:[Mm]inist(?:re|ère|ere|er|ry)s?)\b", before))
    if not matches:
        return False
    match = matches[-1]
    between = before[match.end() :]
    return not re.search(r"[.;:!?\n()]", between) and len(between.split()) <= 8


def clean_org(span: Span) -> tuple[str, int, int] | None:
    lex = lexicon()
    doc = span.doc
    english = is_english(doc)
    tokens = list(span)
    while tokens and (
        fold_chars(tokens[0].text)
        in {"le", "la", "les", "l'", "l’", "du", "des", "de", "the", "d'", "d’"}
        or tokens[0].is_punct
    ):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in (".",):
        tokens = tokens[:-1]
    # "Yadran. Cette": the span ran over a full stop into the next sentence.
    stop = next(
        (
            n
            for n, t in enumerate(tokens[:-1])
            if t.text == "." and tokens[n + 1].text[:1].isupper() and n > 0
        ),
        None,
    )
    if stop is not None:
        tokens = tokens[:stop]
    if english:
        # "At Monday", "In Zambia": an opening preposition is no part of a name.
        while (
            tokens
            and tokens[0].lower_ in _EN_STOP_WORDS
            and tokens[0].text[:1].isupper()
            and not tokens[0].text.isupper()
        ):
            tokens = tokens[1:]
        if tokens and tokens[-1].i + 1 < len(doc) and doc[tokens[-1].i + 1].lower_ in _EN_TITLES:
            return None  # "US Defense [Secretary]": part of an office's title
    else:
        # "Sonatrach algérienne": a nationality after a name says whose it is.
        while (
            len(tokens) > 1
            and tokens[-1].text.islower()
            and fold_chars(tokens[-1].text) in demonyms()
        ):
            tokens = tokens[:-1]
    if not tokens:
        return None
    if english:
        # "African seat on the United Nations Security Council", "Turkish company Albayrak":
        # the name is the capitalised run after the last lower-case word.
        lowers = [
            n
            for n, t in enumerate(tokens)
            if t.is_alpha and t.text.islower() and fold_chars(t.text) not in _NAME_CONNECTORS
        ]
        if lowers:
            tokens = tokens[lowers[-1] + 1 :]
            while tokens and fold_chars(tokens[0].text) in _TRAILING:
                tokens = tokens[1:]
            if not tokens:
                return None
        # "[on] Wednesday in Istanbul": a day and what follows it are no part of a name
        while tokens and (
            fold_key(tokens[0].text) in _WEEKDAYS
            or fold_key(tokens[0].text) in MONTHS
            or (tokens[0].is_alpha and tokens[0].text.islower())
        ):
            tokens = tokens[1:]
        if not tokens:
            return None
        tokens = _extend_english(doc, tokens)
    else:
        # "Assemblée populaire de la": the model stopped inside the name; keep its head.
        while len(tokens) > 1 and fold_chars(tokens[-1].text) in _TRAILING:
            tokens = tokens[:-1]
    name = doc_text(doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
    key = fold_key(name)
    if (
        key in lex["not_names"]
        or key in lex["titles"]
        or key in country_names()
        or key in capitals()
        or key in UNIT_TABLE
        or key in lex["common_acronyms"]
    ):
        return None  # "CFA", "LNG": a currency or a term of trade
    if not name[:1].isupper() or len(name) < 2 or "|" in name:
        return None  # "Rubrique | Jeudi": page chrome
    if key.split()[0] in MONTHS and all(w.isdigit() or w in MONTHS for w in key.split()):
        return None  # "March 13": a dateline's date
    if len(tokens) == 1 and not (name.isupper() or key in gazetteer()):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if dateline_place(doc, start, end) or masthead(doc, start, end):
        return None
    if key not in gazetteer():
        if fold_chars(tokens[0].text) in lex["relation_nouns"] and all(
            not t.text[:1].isupper() or fold_key(t.text) in country_names() for t in tokens[1:]
        ):
            return None  # "Coopération sino-X", "Partenariat stratégique": a relation
        last = fold_chars(tokens[-1].text)
        if last in lex["relation_nouns"] | {"summit", "sommet"} and all(
            all(
                fold_key(p) in country_names() or fold_key(p) in _CONTINENTS
                for p in t.text.split("-")
            )
            for t in tokens[:-1]
            if t.text != "-"
        ):
            return None  # "Africa-Russia Summit", "China-Africa Cooperation": an event, a relation
        if _minister_piece(doc, start) and not (
            {fold_chars(t.text) for t in tokens} & lex["org_words"]
        ):
            return None
        if (
            len(tokens) >= 2
            and all(not t.text[:1].isupper() for t in tokens[1:])
            and re.search(
                r"\b(?:une?|an?|d'une?|d’une?)\s+$", raw_text(doc)[max(0, start - 8) : start]
            )
        ):
            return None  # "la création d'une Banque de développement": a kind, not a name
    # A clause is no name: "Trade between China and Africa reached" (the French model reads
    # English capitalised words as entities).
    lower = [
        t.text
        for t in tokens
        if t.is_alpha and t.text.islower() and fold_chars(t.text) not in _NAME_CONNECTORS
    ]
    limit = 2 if english else 4
    if len(lower) >= limit and key not in gazetteer():
        return None
    if all(
        fold_chars(t.text) in lex["titles"] or fold_chars(t.text) in lex["not_names"]
        for t in tokens
    ):
        return None
    return name, start, end


def _first_text(text: str) -> int:
    """Offset of the first character of ``text`` that is not white space."""
    leading = re.match(r"\s*", text)
    return leading.end() if leading else 0


def masthead(doc: Doc, start: int, end: int) -> bool:
    """A site's name opening the first line ("Site – Toute l'actualité"), or an agency opening a
    dateline ("AGENCY-City (Country)")."""
    text = raw_text(doc)
    line_start = text.rfind("\n", 0, start) + 1
    if len(text[line_start:start].strip()) > 3 or _first_text(text) < line_start:
        return False
    after = text[end : text.find("\n", end) if text.find("\n", end) >= 0 else len(text)]
    if re.match(r"\s*[–—|-]\s", after):
        return True
    place = re.match(r"[\w ]{0,30}\((\w[\w ]*)\)", after)
    return place is not None and fold_key(place.group(1)) in country_names()


def looks_like_org(name: str) -> bool:
    words = {fold_chars(w).strip(".,") for w in name.split()}
    return bool(words & lexicon()["org_words"]) or fold_key(name) in gazetteer()
