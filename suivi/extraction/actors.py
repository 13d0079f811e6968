"""Actors: people (with their role), organisations and states named in a text, once each.

The statistical entities are a starting point only: the French model mixes titles into names
("Ministres Alousseini Sanou") and mislabels companies, so spans are cleaned by rules, checked
against a gazetteer of widely known organisations, and states are read from country names.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from suivi.extraction.countries import (
    canonical_names,
    capitals,
    country_in_name,
    country_names,
    country_regex,
    english_only_names,
)
from suivi.extraction.found_actors import FoundActor, fold_acronyms
from suivi.extraction.gazetteer import (
    gazetteer,
    gazetteer_regex,
    known_people,
    known_people_regex,
    lexicon,
)
from suivi.extraction.organisations import (
    ACRONYM,
    ACRONYM_STOP,
    COMPANY_LEAD,
    LEGAL_SUFFIX,
    SUFFIXED,
    clean_org,
    dateline_place,
    dateline_source,
    english_parts,
    enumerated,
    is_english,
    looks_like_org,
    masthead,
)
from suivi.extraction.people import (
    capitals_person,
    capitals_surname,
    clean_person,
    could_be_person,
    country_near,
    home_state,
    in_byline,
    role_near,
)
from suivi.extraction.text import folded_text, raw_text, sentence_evidence
from suivi.extraction.units import UNIT_TABLE
from suivi.folding import fold_chars, fold_key

# Offices of a government, whose holder serves the state the story is about unless a word
# says otherwise (ambassadors, envoys and company heads are left out: they are often foreign).
_CABINET = re.compile(
    r"\b(?:ministre|premier ministre|minister|prime minister|secretaire d'etat)\b"
)


class ActorFinder:
    """Pipeline component: sets ``doc._.actors`` to contract-shaped actor items."""

    def __call__(self, doc: Doc) -> Doc:
        folded = folded_text(doc)
        found: list[FoundActor] = []
        found.extend(self._countries(doc, folded))
        found.extend(self._organisations(doc))
        found.extend(self._entities(doc))
        found.extend(self._known_people(doc))
        kept = [a for a in found if not dateline_source(doc, a.start, a.end)]
        actors = fold_acronyms(raw_text(doc), self._merge(kept))
        if is_english(doc):
            for actor in actors:
                # An English text names "the United Nations", not "l'Organisation des Nations
                # unies": the longest spelling it uses, unless it only uses an acronym.
                spelled = [w for w in actor.surfaces if not w.isupper()]
                if spelled:
                    actor.name = max(spelled, key=len)
        items = []
        for actor in actors:
            known = known_people().get(fold_key(actor.name)) if actor.type == "person" else None
            if known:
                actor.country = known["country"]
            elif actor.type == "organization" and fold_key(actor.name) in gazetteer():
                pass  # a widely known body's state is known, and an international one has none
            elif actor.type == "organization":
                actor.country = (
                    actor.country
                    or country_in_name(actor.name)
                    or country_near(folded, actor.start, actor.end)
                )
            elif actor.type != "country":
                actor.country = actor.country or country_near(folded, actor.start, actor.end)
            if actor.type == "person":
                actor.role = role_near(doc, actor.start, actor.end)
                if not actor.country and actor.role and _CABINET.search(fold_chars(actor.role)):
                    # "le ministre des Mines, X": a minister no word places serves the state
                    # the story is about
                    actor.country = home_state(doc, folded)
            item: dict[str, Any] = {
                "name": actor.name,
                "type": actor.type,
                "country": actor.country,
            }
            if actor.type == "person":
                item["role"] = actor.role
            known_body = gazetteer().get(fold_key(actor.name))
            if actor.type == "organization" and known_body:
                # One name for a widely known body however the article spells it
                # ("International Monetary Fund", "FMI"), so that its reports meet.
                item["known_as"] = known_body["name"]
            item["evidence"] = sentence_evidence(doc, actor.start)
            items.append(item)
        doc._.actors = items
        return doc

    def _countries(self, doc: Doc, folded: str) -> list[FoundActor]:
        found = []
        names = country_names()
        matches = list(country_regex().finditer(folded))
        if is_english(doc):
            names = {**names, **english_only_names()}
            words = "|".join(re.escape(n) for n in english_only_names())
            matches += re.finditer(rf"(?<![\w-])(?:{words})(?![\w])", folded) if words else []
        for match in matches:
            if not raw_text(doc)[match.start()].isupper():
                continue
            code = names.get(fold_key(match.group(0)))
            if not code or in_byline(doc, match.start(), match.end()):
                continue
            found.append(
                FoundActor(
                    canonical_names().get(code, match.group(0)),
                    "country",
                    match.start(),
                    match.end(),
                    code,
                )
            )
        return found

    def _organisations(self, doc: Doc) -> list[FoundActor]:
        text = raw_text(doc)
        found = []
        for match in gazetteer_regex().finditer(text):
            record = gazetteer()[fold_key(match.group(0))]
            if in_byline(doc, match.start(), match.end()):
                continue
            found.append(
                FoundActor(
                    record["name"],
                    "organization",
                    match.start(),
                    match.end(),
                    record.get("country"),
                    keys={fold_key(match.group(0))},
                    surfaces=[" ".join(match.group(0).split())],
                )
            )
        named = [
            # a name ends where its sentence does ("… Kelvor Dioula S.A. Kelvor exploitait")
            (re.split(r"(?<=\.)\s+(?=[A-Z])", match.group(1))[0].strip(" .,"), match.start(1))
            for regex in (COMPANY_LEAD, SUFFIXED)
            for match in regex.finditer(text)
        ]
        named += [(name, start) for name, start, _ in enumerated(text)]
        for name, start in named:
            if (
                len(name) < 2
                or fold_key(name) in lexicon()["not_names"]
                or fold_key(name) in country_names()
            ):
                continue
            found.append(FoundActor(name, "organization", start, start + len(name)))
        for match in ACRONYM.finditer(text):
            word = match.group(1)
            if (
                word in ACRONYM_STOP
                or fold_key(word) in country_names()
                or fold_key(word) in capitals()
            ):
                continue
            if len(word) < 3 and fold_key(word) not in gazetteer():
                continue
            if fold_key(word) in UNIT_TABLE or fold_key(word) in lexicon()["common_acronyms"]:
                continue  # "MRU", "LNG": a currency or a term of trade
            if capitals_surname(text, match.start()):
                person = capitals_person(text, match.start(), match.end())
                if person is not None:
                    found.append(FoundActor(person[0], "person", person[1], match.end()))
                continue
            if dateline_place(doc, match.start(), match.end()):
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
            if in_byline(doc, match.start(), match.end()) or masthead(
                doc, match.start(), match.end()
            ):
                continue
            start, end = match.start(1), match.end(1)
            joined = re.match(r" ([A-Z][A-Z0-9&]{1,6})(?![\w-])", text[end:])
            if joined and joined.group(1) not in ACRONYM_STOP:
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
            found.append(FoundActor(word, "organization", start, end))
        return found

    def _known_people(self, doc: Doc) -> list[FoundActor]:
        found = []
        for match in known_people_regex().finditer(raw_text(doc)):
            if not in_byline(doc, match.start(), match.end()):
                name = " ".join(match.group(0).split())
                found.append(FoundActor(name, "person", match.start(), match.end()))
        return found

    def _entities(self, doc: Doc) -> list[FoundActor]:
        found = []
        for ent in doc.ents:
            if in_byline(doc, ent.start_char, ent.end_char):
                continue
            key = fold_key(ent.text)
            if key in gazetteer() or key in country_names():
                continue
            if ent.label_ == "PER":
                person = clean_person(ent)
                if person is None:
                    continue
                name, start, end = person
                kind = "organization" if looks_like_org(name) else "person"
                if kind == "person" and not could_be_person(doc, name, start, end):
                    continue
                found.append(FoundActor(name, kind, start, end))
            elif ent.label_ in ("ORG", "LOC", "MISC"):
                lead = fold_chars(ent[0].text)
                lex = lexicon()
                if lead in lex["titles"] and len(ent) >= 2 and not looks_like_org(ent.text):
                    person = clean_person(ent)
                    if (
                        person
                        and 2 <= len(person[0].split()) <= 4
                        and could_be_person(doc, *person)
                    ):
                        found.append(FoundActor(person[0], "person", person[1], person[2]))
                    continue
                if ent.label_ != "ORG" and not (ent.label_ == "MISC" and looks_like_org(ent.text)):
                    continue
                pieces = english_parts(ent) if is_english(doc) else [ent]
                for piece in pieces:
                    org = clean_org(piece)
                    if org is not None:
                        found.append(FoundActor(org[0], "organization", org[1], org[2]))
        return found

    def _merge(self, found: list[FoundActor]) -> list[FoundActor]:
        """One item per actor: states by code, organisations by name or acronym, people by name."""
        found.sort(key=lambda a: (a.start, -(a.end - a.start)))
        # Drop spans inside a longer accepted span (e.g. "Mali" inside "SOREM-Mali SA").
        kept: list[FoundActor] = []
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
        result: list[FoundActor] = []
        by_key: dict[tuple[str, str], FoundActor] = {}
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
                key = ("actor", LEGAL_SUFFIX.sub("", fold_key(name)))
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
                    break
        # A name also seen as an organisation is an organisation, and so is a lone word
        # that opens one ("Nordgold" beside "la société Nordgold Niou S.A").
        orgs = {fold_key(a.name) for a in result if a.type == "organization"}
        heads = {key.split()[0] for key in orgs if " " in key}
        for actor in result:
            if actor.type == "person" and fold_key(actor.name) in heads - orgs:
                actor.type = "organization"
        return [
            a
            for a in result
            if id(a) not in dropped and not (a.type == "person" and fold_key(a.name) in orgs)
        ]
