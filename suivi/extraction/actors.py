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

from spacy.tokens import Doc, Span

from suivi.extraction.countries import (
    canonical_names,
    capitals,
    country_names,
    country_regex,
    demonyms,
)
from suivi.extraction.resources import load
from suivi.extraction.text import fold, fold_key, folded_text, sentence_evidence


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, set[str]]:
    data = load("lexicon.json")
    return {key: {fold(w) for w in words} for key, words in data.items()}


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


_NAME_PARTICLES = {
    "bin",
    "ben",
    "al",
    "al-",
    "el",
    "ould",
    "de",
    "da",
    "van",
    "von",
    "le",
    "ibn",
    "abd",
    "abou",
    "ag",
    "dos",
    "du",
}
_ACRONYM = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&]{1,6}(?:-[A-Z][A-Za-z]+)?)(?![\w-])")
_ACRONYM_STOP = {
    "ICT",
    "USD",
    "EUR",
    "FCFA",
    "CFA",
    "XOF",
    "PDG",
    "CEO",
    "SA",
    "TV",
    "PIB",
    "GDP",
    "ONG",
    "NGO",
    "IA",
    "AI",
    "SEM",
    "DR",
    "FILE",
    "UTC",
    "GMT",
    "MW",
    "GW",
    "KW",
    "HT",
    "TTC",
    "NB",
    "PS",
    "OK",
    "II",
    "III",
    "IV",
    "VI",
    "RN",
    "SE",
    "SAS",
    "SARL",
    "LTD",
    "RDC",
    "AMP",
    "PHOTO",
    "VIDEO",
    "AFP/",
    "LIRE",
    "AUSSI",
    "US",
    "USA",
    "UAE",
    "EAU",
    "UK",
    "RPC",
    "COP",
    "PK",
    "KM",
    "QG",
    "NDLR",
    "JT",
    "MD",
    "MDS",
    "M",
    "ET",
    "LE",
    "LA",
    "AU",
    "DE",
    "BP",
    "TEL",
    "FAX",
    "URL",
    "PDF",
    "ID",
    "MALI",
    "NIGER",
    "TOGO",
    "TCHAD",
    "GUINEE",
    "RUSSIE",
    "CHINE",
    "FRANCE",
    "IRAN",
}
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


def _titlecase(word: str) -> str:
    return word.capitalize() if word.isupper() and len(word) > 2 and word.isalpha() else word


def _is_byline(doc: Doc, start: int, end: int) -> bool:
    """Author lines and credits: "Par X", "KONE M.", "© Photographer / Agency"."""
    text = doc.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    before = fold(text[line_start:start]).strip()
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
        fold(tokens[0].text).strip(".") in lex["titles"]
        or fold(tokens[0].text) in lex["titles"]
        or not tokens[0].text[:1].isupper()
    ):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or fold(tokens[-1].text) in lex["titles"]):
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
            and fold(text) not in _NAME_PARTICLES
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


_NAME_CONNECTORS = {
    "de",
    "du",
    "des",
    "d'",
    "la",
    "le",
    "les",
    "l'",
    "et",
    "pour",
    "sur",
    "en",
    "a",
    "aux",
    "au",
    "of",
    "the",
    "and",
    "for",
    "on",
    "in",
    "to",
}


def _dateline_place(doc: Doc, start: int, end: int) -> bool:
    """A capitalised word opening a line before a comma or dash: "ACCRA, May 18" is a place."""
    line_start = doc.text.rfind("\n", 0, start) + 1
    word = doc.text[start:end]
    return (
        not doc.text[line_start:start].strip(" (")
        and word.isupper()
        and re.match(r"\s*(?:,|[-–—]|\()", doc.text[end : end + 3]) is not None
    )


def _clean_org(span: Span) -> tuple[str, int, int] | None:
    lex = _lexicon()
    tokens = list(span)
    while tokens and (
        fold(tokens[0].text)
        in {"le", "la", "les", "l'", "l’", "du", "des", "de", "the", "d'", "d’"}
        or tokens[0].is_punct
    ):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in (".",):
        tokens = tokens[:-1]
    if not tokens:
        return None
    name = doc_text(span.doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
    key = fold_key(name)
    if (
        key in lex["not_names"]
        or key in lex["titles"]
        or key in country_names()
        or key in capitals()
    ):
        return None
    if not name[:1].isupper() or len(name) < 2 or "|" in name:
        return None  # "Rubrique | Jeudi": page chrome
    if len(tokens) == 1 and not (name.isupper() or key in gazetteer()):
        return None
    if _dateline_place(span.doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)):
        return None
    # A clause is no name: "Trade between China and Africa reached" (the French model reads
    # English capitalised words as entities).
    lower = [
        t.text
        for t in tokens
        if t.is_alpha and t.text.islower() and fold(t.text) not in _NAME_CONNECTORS
    ]
    limit = 2 if span.doc.has_extension("language") and span.doc._.language == "en" else 4
    if len(lower) >= limit and key not in gazetteer():
        return None
    if all(fold(t.text) in lex["titles"] or fold(t.text) in lex["not_names"] for t in tokens):
        return None
    return name, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def doc_text(doc: Doc, start: int, end: int) -> str:
    """The text of ``doc`` between two offsets, on one line."""
    return " ".join(doc.text[start:end].split())


def _looks_like_org(name: str) -> bool:
    words = {fold(w).strip(".,") for w in name.split()}
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
    text = doc.text
    after = text[end : end + 120]
    if after.startswith(","):
        clause = re.split(r"[,.;)\n]", after[1:], maxsplit=1)[0].strip()
        first = fold(clause.split(" ")[0]) if clause else ""
        if first in lex["titles"] or first in ("chef", "responsable", "membre", "pdg", "directeur"):
            return clause[:100]
    before = text[max(0, start - 100) : start]
    piece = re.split(r"[,.;(\n]", before)[-1].strip()
    piece = re.sub(r"^(?:et|and|par|by|du|de|le|la|les|l['’])\s+", "", piece, flags=re.I).strip()
    words = piece.split()
    if words and any(
        fold(w) in lex["titles"] and fold(w) not in {"de", "du", "des", "d", "la", "le", "l", "et"}
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
        actors = _fold_acronyms(doc.text, self._merge(found))
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
            if not doc.text[match.start()].isupper():
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
        text = doc.text
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
            if _is_byline(doc, match.start(), match.end()):
                continue
            found.append(_Actor(word, "organization", match.start(1), match.end(1)))
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
                found.append(_Actor(name, kind, start, end))
            elif ent.label_ in ("ORG", "LOC", "MISC"):
                lead = fold(ent[0].text)
                lex = _lexicon()
                if lead in lex["titles"] and len(ent) >= 2 and not _looks_like_org(ent.text):
                    person = _clean_person(ent)
                    if person and 2 <= len(person[0].split()) <= 4:
                        found.append(_Actor(person[0], "person", person[1], person[2]))
                    continue
                if ent.label_ != "ORG" and not (ent.label_ == "MISC" and _looks_like_org(ent.text)):
                    continue
                org = _clean_org(ent)
                if org is None:
                    continue
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
                key = ("actor", fold_key(name))
            if key in by_key:
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
