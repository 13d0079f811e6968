"""Actors: people (with their role), organisations and states named in a text, once each.

The statistical entities are a starting point only: the French model mixes titles into names
("Ministres Alousseini Sanou") and mislabels companies, so spans are cleaned by rules, checked
against a gazetteer of widely known organisations, and states are read from country names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS as _EN_STOP_WORDS
from spacy.lang.fr.stop_words import STOP_WORDS as _FR_STOP_WORDS
from spacy.tokens import Doc, Span, Token

from suivi.calendar_words import MONTHS
from suivi.extraction.countries import (
    canonical_names,
    capitals,
    country_names,
    country_regex,
    demonyms,
)
from suivi.extraction.quantities import UNIT_TABLE
from suivi.extraction.resources import load, word_set
from suivi.extraction.text import folded_text, raw_text, sentence_evidence
from suivi.folding import fold_chars, fold_key


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, set[str]]:
    data = load("lexicon.json")
    return {key: {fold_chars(w) for w in words} for key, words in data.items()}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, dict[str, Any]]:
    """Folded name or alias -> organisation record."""
    table: dict[str, dict[str, Any]] = {}
    for record in load("organizations.jsonl"):
        for name in [record["name"], *record.get("aliases", [])]:
            table[fold_key(name)] = record
    return table


@lru_cache(maxsize=1)
def _gazetteer_regex() -> re.Pattern[str]:
    names = sorted(
        {n for r in load("organizations.jsonl") for n in [r["name"], *r.get("aliases", [])]},
        key=len,
        reverse=True,
    )
    body = "|".join(re.escape(n).replace("\\ ", r"\s+").replace("'", "['’]") for n in names)
    # Case matters here: "UA", "BAD" and "UN" are organisations only in capitals.
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


_NAME_PARTICLES = word_set("name_words.json", "name_particles")
_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&]{1,6}(?:-[A-Z][A-Za-z]+)?)(?![\w-])")
_ACRONYM_STOP = word_set("name_words.json", "not_acronyms")
_COMPANY_LEAD = re.compile(
    r"(?:soci[ée]t[ée]|groupe|entreprise|compagnie|firme|filiale|company|firm|group|holding|consortium)"
    r"(?:\s+(?:d'[ÉE]tat\s+)?[a-zà-ÿ-]+){0,2}\s+((?:[A-Z][\w&.-]*)(?:\s+(?:[A-Z][\w&.-]*|S\.?A\.?|SARL|Ltd|Corp))*)"
)
_SUFFIXED = re.compile(
    r"((?:[A-Z][\w&-]*\s+){0,3}[A-Z][\w&-]*\s+(?:S\.A\.?|SA|SARL|SAS|Ltd\.?|Limited|Corp\.?|Inc\.?|PLC|LLC|GmbH))(?![\w])"
)


@dataclass
class _Actor:
    name: str
    type: str
    start: int
    end: int
    country: str | None = None
    role: str | None = None
    keys: set[str] = field(default_factory=set)
    surfaces: list[str] = field(default_factory=list)


def _titlecase(word: str) -> str:
    return word.capitalize() if word.isupper() and len(word) > 2 and word.isalpha() else word


def _is_byline(doc: Doc, start: int, end: int) -> bool:
    """Author lines and credits: "Par X", "KONE M.", "© Photographer / Agency"."""
    text = raw_text(doc)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    before = fold_chars(text[line_start:start]).strip()
    if "©" in text[line_start:start] or re.search(
        r"(?:^|\W)(?:par|by|credits?|photo|source)\s*:?\s*$", before
    ):
        return True
    rest = re.sub(r"[\W\d_]+", " ", line).split()
    return len(rest) <= 3 and len(line.strip()) <= 30 and start - line_start <= 2


def _clean_person(span: Span) -> tuple[str, int, int] | None:
    """Strip titles around a name; None when what is left is not a name."""
    lex = _lexicon()
    tokens = [t for t in span if not t.is_punct or t.text in (".", "-")]
    while tokens and (
        fold_chars(tokens[0].text).strip(".") in lex["titles"]
        or fold_chars(tokens[0].text) in lex["titles"]
        or not tokens[0].text[:1].isupper()
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or fold_chars(tokens[-1].text) in lex["titles"]):
        tokens = tokens[:-1]
    if not tokens or len(tokens) > 6:
        return None
    words = []
    for token in tokens:
        text = token.text
        if any(c.isdigit() for c in text):
            return None
        if (
            not text[:1].isupper()
            and fold_chars(text) not in _NAME_PARTICLES
            and not text.startswith("al-")
        ):
            return None
        words.append(_titlecase(text))
    name = " ".join(words).replace(" - ", "-")
    key = fold_key(name)
    if key in lex["not_names"] or key in country_names() or key in capitals() or key in demonyms():
        return None
    if len(name) < 3:
        return None
    return name, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:a|au|de|du|des|entre|vers|pres de|of|in|at|near|from|to|type|modele|projet|mine|"
    r"site|gisement|usine|ville|region|project|town|city)\s+|\bd['’])$"
)


def _could_be_person(doc: Doc, name: str, start: int, end: int) -> bool:
    """A lone capitalised word is a person only when nothing says it is a place or a word:
    "Euros", "However", "August" are words; a name only ever seen after "à", "de", "entre" is a
    place ("la mine de X", "à X")."""
    words = fold_key(name).split()
    if set(words) & _lexicon()["not_name_words"]:
        return False  # "République Populaire", "Afrique du Nord"
    if len(words) != 1:
        return True
    word = words[0]
    if word in MONTHS or word in UNIT_TABLE or word in _EN_STOP_WORDS or word in _FR_STOP_WORDS:
        return False
    if _role(doc, start, end):
        return True
    folded = folded_text(doc)
    for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w])", folded):
        if not _LOCATIVE_BEFORE.search(folded, max(0, match.start() - 12), match.start()):
            return True
    return False


def _capitals_surname(text: str, start: int) -> bool:
    """ "Jean Marie TRAORE", "Xi JINPING": a family name in capitals after a given name."""
    surname = re.match(r"[A-Z]+(?![\w-])", text[start:])
    if surname is None:
        return False  # "TB2": a model, not a name
    previous = re.search(r"([A-ZÀ-Ý][a-zà-ÿ]+)\s$", text[max(0, start - 30) : start])
    if previous is None or start - len(previous.group(0)) <= 0:
        return False
    word = fold_chars(previous.group(1))
    before = text[max(0, start - len(previous.group(0)) - 8) : start - len(previous.group(0))]
    before = before.rstrip(" ")
    if not before or before[-1] in ".!?\n:":
        return False  # the first word of a sentence
    lex = _lexicon()
    return (
        word not in lex["org_words"] and word not in lex["titles"] and word not in lex["not_names"]
    )


def _capitals_person(text: str, start: int, end: int) -> tuple[str, int] | None:
    """ "SEM Jean Marie TRAORE" -> ("Jean Marie Traore", offset of "Jean")."""
    lex = _lexicon()
    given = re.search(r"((?:[A-ZÀ-Ý][a-zà-ÿ]+[ -]){1,3})$", text[max(0, start - 40) : start])
    if given is None:
        return None
    words = given.group(1).split()
    while words and (
        fold_chars(words[0]) in lex["titles"] or fold_chars(words[0]) in lex["not_names"]
    ):
        words = words[1:]
    if not words:
        return None
    first = start - len(" ".join(words)) - 1
    previous = re.search(r"(\w+)\W*$", text[max(0, first - 20) : first])
    if (
        previous
        and previous.group(1).islower()
        and previous.group(1) not in ("et", "de", "du", "and", "by", "par", "avec", "with")
        and fold_chars(previous.group(1)) not in lex["titles"]
    ):
        return None  # "le drone Falcon KXR": a model after a common noun
    name = " ".join([*words, text[start:end].capitalize()])
    return name, first


_NAME_CONNECTORS = word_set("name_words.json", "name_connectors")


def _dateline_place(doc: Doc, start: int, end: int) -> bool:
    """A capitalised word opening a line before a comma or dash: "ACCRA, May 18" is a place."""
    line_start = raw_text(doc).rfind("\n", 0, start) + 1
    word = raw_text(doc)[start:end]
    return (
        not raw_text(doc)[line_start:start].strip(" (")
        and word.isupper()
        and re.match(r"\s*(?:,|[-–—]|\()", raw_text(doc)[end : end + 3]) is not None
    )


_TRAILING = word_set("name_words.json", "trailing")
_EXTEND_LINKS = word_set("name_words.json", "english_links")


_CONTINENTS = word_set("name_words.json", "continents")
_LEGAL_SUFFIX = re.compile(r"\s+(?:ltd|limited|sa|s\.a|sarl|sas|inc|plc|llc|gmbh|corp)\.?$")
_WEEKDAYS = word_set("name_words.json", "english_weekdays")
_EN_TITLES = word_set("name_words.json", "english_offices")


def _english_parts(span: Span) -> list[Span]:
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


def _is_english(doc: Doc) -> bool:
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
            and fold_key(token.text) not in _lexicon()["titles"]
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


def _clean_org(span: Span) -> tuple[str, int, int] | None:
    lex = _lexicon()
    doc = span.doc
    english = _is_english(doc)
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
    if len(tokens) == 1 and not (name.isupper() or key in gazetteer()):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if _dateline_place(doc, start, end) or _masthead(doc, start, end):
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


def _masthead(doc: Doc, start: int, end: int) -> bool:
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


def doc_text(doc: Doc, start: int, end: int) -> str:
    """The text of ``doc`` between two offsets, on one line."""
    return " ".join(raw_text(doc)[start:end].split())


def _looks_like_org(name: str) -> bool:
    words = {fold_chars(w).strip(".,") for w in name.split()}
    return bool(words & _lexicon()["org_words"]) or fold_key(name) in gazetteer()


def _context_country(folded: str, start: int, end: int) -> str | None:
    """The state a role or a company description near a mention names ("ministre malien")."""
    window_before = folded[max(0, start - 60) : start]
    window_after = folded[end : end + 70]
    stop = re.search(r"[.;\n]", window_after)
    if stop:
        window_after = window_after[: stop.start()]
    stop_before = max(window_before.rfind("."), window_before.rfind("\n"), window_before.rfind(";"))
    if stop_before >= 0:
        window_before = window_before[stop_before + 1 :]
    candidates: list[tuple[int, str]] = []
    for offset, window in ((end, window_after), (start - len(window_before), window_before)):
        for word in re.finditer(r"[\w-]+", window):
            code = demonyms().get(word.group(0))
            if code:
                candidates.append((abs(offset + word.start() - start), code))
        for match in country_regex().finditer(window):
            prefix = window[max(0, match.start() - 5) : match.start()]
            if (
                re.search(r"(?:de|du|d'|of|'s)\s*$", prefix)
                or window[match.end() : match.end() + 2] == "'s"
            ):
                code = country_names().get(fold_key(match.group(0)))
                if code:
                    candidates.append((abs(offset + match.start() - start), code))
    if not candidates:
        return None
    return min(candidates)[1]


def _role(doc: Doc, start: int, end: int) -> str | None:
    """The title or office said with a name: "le ministre des Mines, X" or "X, ministre de ..."."""
    lex = _lexicon()
    text = raw_text(doc)
    after = text[end : end + 120]
    if after.startswith(","):
        clause = re.split(r"[,.;)\n]", after[1:], maxsplit=1)[0].strip()
        first = fold_chars(clause.split(" ")[0]) if clause else ""
        if first in lex["titles"] or first in ("chef", "responsable", "membre", "pdg", "directeur"):
            return clause[:100]
    before = text[max(0, start - 100) : start]
    piece = re.split(r"[,.;(\n]", before)[-1].strip()
    piece = re.sub(r"^(?:et|and|par|by|du|de|le|la|les|l['’])\s+", "", piece, flags=re.I).strip()
    words = piece.split()
    if words and any(
        fold_chars(w) in lex["titles"]
        and fold_chars(w) not in {"de", "du", "des", "d", "la", "le", "l", "et"}
        for w in words
    ):
        return piece[:100] or None
    return None


_DEFINED_ACRONYM = re.compile(
    r"((?:\s+(?:[A-Z][\w'’-]*|de|du|des|of|and|et|pour|for)){0,4}?)\s*\(\s*"
    r"([A-Z][A-Za-z0-9&]{1,9})\s*[),]"
)


def _fold_acronyms(text: str, actors: list[_Actor]) -> list[_Actor]:
    """The acronym in "Agence coréenne de coopération (KOICA)" names the organisation just
    before it, not a second one; a name the model cut short before the parenthesis is
    completed ("Africa Finance [Corporation] (AFC)")."""
    acronyms = {
        a.name: a for a in actors if a.type == "organization" and _ACRONYM.fullmatch(a.name)
    }
    if not acronyms:
        return actors
    dropped: set[int] = set()
    for actor in actors:
        if actor.type != "organization" or actor.name in acronyms or id(actor) in dropped:
            continue
        surface = text[actor.start : actor.end]
        for match in re.finditer(re.escape(surface), text):
            defined = _DEFINED_ACRONYM.match(text, match.end())
            if defined is None or defined.group(2) not in acronyms:
                continue
            tail = defined.group(1)
            if tail and tail.split()[-1][:1].isupper() and surface == actor.name:
                actor.name = " ".join((surface + tail).split())
                actor.end = match.end() + len(tail) if match.start() == actor.start else actor.end
            elif tail:
                continue
            dropped.add(id(acronyms[defined.group(2)]))
            break
    return [a for a in actors if id(a) not in dropped]


class ActorFinder:
    """Pipeline component: sets ``doc._.actors`` to contract-shaped actor items."""

    def __call__(self, doc: Doc) -> Doc:
        folded = folded_text(doc)
        found: list[_Actor] = []
        found.extend(self._countries(doc, folded))
        found.extend(self._organisations(doc))
        found.extend(self._entities(doc))
        actors = _fold_acronyms(raw_text(doc), self._merge(found))
        if _is_english(doc):
            for actor in actors:
                # An English text names "the United Nations", not "l'Organisation des Nations
                # unies": the longest spelling it uses, unless it only uses an acronym.
                spelled = [w for w in actor.surfaces if not w.isupper()]
                if spelled:
                    actor.name = max(spelled, key=len)
        items = []
        for actor in actors:
            if actor.type != "country":
                actor.country = actor.country or _context_country(folded, actor.start, actor.end)
                if actor.type == "person":
                    actor.role = _role(doc, actor.start, actor.end)
            item: dict[str, Any] = {
                "name": actor.name,
                "type": actor.type,
                "country": actor.country,
            }
            if actor.type == "person":
                item["role"] = actor.role
            item["evidence"] = sentence_evidence(doc, actor.start)
            items.append(item)
        doc._.actors = items
        return doc

    def _countries(self, doc: Doc, folded: str) -> list[_Actor]:
        found = []
        for match in country_regex().finditer(folded):
            if not raw_text(doc)[match.start()].isupper():
                continue
            code = country_names().get(fold_key(match.group(0)))
            if not code or _is_byline(doc, match.start(), match.end()):
                continue
            found.append(
                _Actor(
                    canonical_names().get(code, match.group(0)),
                    "country",
                    match.start(),
                    match.end(),
                    code,
                )
            )
        return found

    def _organisations(self, doc: Doc) -> list[_Actor]:
        text = raw_text(doc)
        found = []
        for match in _gazetteer_regex().finditer(text):
            record = gazetteer()[fold_key(match.group(0))]
            if _is_byline(doc, match.start(), match.end()):
                continue
            found.append(
                _Actor(
                    record["name"],
                    "organization",
                    match.start(),
                    match.end(),
                    record.get("country"),
                    keys={fold_key(match.group(0))},
                    surfaces=[" ".join(match.group(0).split())],
                )
            )
        for regex in (_COMPANY_LEAD, _SUFFIXED):
            for match in regex.finditer(text):
                name = match.group(1).strip(" .,")
                if (
                    len(name) < 2
                    or fold_key(name) in _lexicon()["not_names"]
                    or fold_key(name) in country_names()
                ):
                    continue
                found.append(
                    _Actor(name, "organization", match.start(1), match.start(1) + len(name))
                )
        for match in _ACRONYM.finditer(text):
            word = match.group(1)
            if (
                word in _ACRONYM_STOP
                or fold_key(word) in country_names()
                or fold_key(word) in capitals()
            ):
                continue
            if len(word) < 3 and fold_key(word) not in gazetteer():
                continue
            if fold_key(word) in UNIT_TABLE or fold_key(word) in _lexicon()["common_acronyms"]:
                continue  # "MRU", "LNG": a currency or a term of trade
            if _capitals_surname(text, match.start()):
                person = _capitals_person(text, match.start(), match.end())
                if person is not None:
                    found.append(_Actor(person[0], "person", person[1], match.end()))
                continue
            if _dateline_place(doc, match.start(), match.end()):
                continue  # "ACCRA, May 18, 2023 —": the dateline's place
            line_start = text.rfind("\n", 0, match.start()) + 1
            line = text[
                line_start : text.find("\n", match.end())
                if text.find("\n", match.end()) > 0
                else len(text)
            ]
            letters = [c for c in line if c.isalpha()]
            if letters and sum(c.isupper() for c in letters) / len(letters) > 0.5:
                continue  # a headline or a name in capitals, not an acronym
            if _is_byline(doc, match.start(), match.end()) or _masthead(
                doc, match.start(), match.end()
            ):
                continue
            start, end = match.start(1), match.end(1)
            joined = re.match(r" ([A-Z][A-Z0-9&]{1,6})(?![\w-])", text[end:])
            if joined and joined.group(1) not in _ACRONYM_STOP:
                end += joined.end()  # "CMA CGM": one name in two acronyms
                word = text[start:end]
            elif found and found[-1].end + 1 == start and found[-1].name.isupper():
                continue  # the second half of the pair just read
            ordinal = re.search(
                r"\b\d{1,3}(?:e|er|ème|eme|th|st|nd|rd) $", text[max(0, start - 6) : start]
            )
            if ordinal:
                start -= len(ordinal.group(0))  # "43e BIMA": a numbered unit
                word = text[start:end]
            found.append(_Actor(word, "organization", start, end))
        return found

    def _entities(self, doc: Doc) -> list[_Actor]:
        found = []
        for ent in doc.ents:
            if _is_byline(doc, ent.start_char, ent.end_char):
                continue
            key = fold_key(ent.text)
            if key in gazetteer() or key in country_names():
                continue
            if ent.label_ == "PER":
                person = _clean_person(ent)
                if person is None:
                    continue
                name, start, end = person
                kind = "organization" if _looks_like_org(name) else "person"
                if kind == "person" and not _could_be_person(doc, name, start, end):
                    continue
                found.append(_Actor(name, kind, start, end))
            elif ent.label_ in ("ORG", "LOC", "MISC"):
                lead = fold_chars(ent[0].text)
                lex = _lexicon()
                if lead in lex["titles"] and len(ent) >= 2 and not _looks_like_org(ent.text):
                    person = _clean_person(ent)
                    if (
                        person
                        and 2 <= len(person[0].split()) <= 4
                        and _could_be_person(doc, *person)
                    ):
                        found.append(_Actor(person[0], "person", person[1], person[2]))
                    continue
                if ent.label_ != "ORG" and not (ent.label_ == "MISC" and _looks_like_org(ent.text)):
                    continue
                pieces = _english_parts(ent) if _is_english(doc) else [ent]
                for piece in pieces:
                    org = _clean_org(piece)
                    if org is not None:
                        found.append(_Actor(org[0], "organization", org[1], org[2]))
        return found

    def _merge(self, found: list[_Actor]) -> list[_Actor]:
        """One item per actor: states by code, organisations by name or acronym, people by name."""
        found.sort(key=lambda a: (a.start, -(a.end - a.start)))
        # Drop spans inside a longer accepted span (e.g. "Mali" inside "SOREM-Mali SA").
        kept: list[_Actor] = []
        for actor in found:
            inner = any(
                o.start <= actor.start
                and actor.end <= o.end
                and (o.end - o.start) > (actor.end - actor.start)
                and o.type == "organization"
                and actor.type != "country"
                for o in found
            )
            if inner:
                continue
            kept.append(actor)
        result: list[_Actor] = []
        by_key: dict[tuple[str, str], _Actor] = {}
        for actor in kept:
            if actor.type == "country":
                key = ("country", actor.country or actor.name)
            else:
                record = gazetteer().get(fold_key(actor.name))
                name = record["name"] if record else actor.name
                if record and actor.type == "person":
                    actor.type = "organization"
                actor.name = name
                actor.country = actor.country or (record or {}).get("country")
                key = ("actor", _LEGAL_SUFFIX.sub("", fold_key(name)))
            if key in by_key:
                by_key[key].surfaces.extend(actor.surfaces)
                continue
            by_key[key] = actor
            result.append(actor)
        people = [a for a in result if a.type == "person"]
        dropped: set[int] = set()
        for short in people:
            words = fold_key(short.name).split()
            for full in people:
                if full is short:
                    continue
                full_words = fold_key(full.name).split()
                if len(full_words) > len(words) and full_words[-len(words) :] == words:
                    dropped.add(id(short))
                    full.start = min(full.start, short.start) if False else full.start
                    break
        # A name also seen as an organisation is an organisation.
        orgs = {fold_key(a.name) for a in result if a.type == "organization"}
        return [
            a
            for a in result
            if id(a) not in dropped and not (a.type == "person" and fold_key(a.name) in orgs)
        ]
