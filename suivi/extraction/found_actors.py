"""Actors as found in a text, and acronyms that name an organisation found just before."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from suivi.extraction.gazetteer import gazetteer
from suivi.extraction.organisations import ACRONYM
from suivi.folding import fold_key, initials


@dataclass
class FoundActor:
    """One actor as the text names it, before it becomes an actor item."""

    name: str
    type: str
    start: int
    end: int
    country: str | None = None
    role: str | None = None
    keys: set[str] = field(default_factory=set)
    surfaces: list[str] = field(default_factory=list)


_DEFINED_ACRONYM = re.compile(
    r"((?:\s+(?:[A-Z][\w'’-]*|de|du|des|of|and|et|pour|for)){0,4}?)\s*\(\s*"
    r"([A-Z][A-Za-z0-9&]{1,9})\s*[),]"
)


_LOOSE_ACRONYM = re.compile(r"((?:\s+[\w'’-]+){1,5}?)\s*\(\s*([A-Z][A-Za-z0-9&]{1,9})\s*[),]")
_FUNCTION_WORDS = frozenset("de des du d la le l les et en pour sur au aux of the and for".split())


_SHORT_NAME = re.compile(r"[A-Z][A-Za-z0-9&]{1,9}")


def _known_after(text: str, surface: str, known: dict[str, FoundActor]) -> FoundActor | None:
    """The widely known body whose short name follows ``surface`` in brackets, if any."""
    for match in re.finditer(re.escape(surface), text):
        defined = re.match(r"\s*\(\s*([A-Z][A-Za-z0-9&]{1,9})\s*[),]", text[match.end() :])
        if defined and defined.group(1) in known:
            return known[defined.group(1)]
    return None


def fold_acronyms(text: str, actors: list[FoundActor]) -> list[FoundActor]:
    """The acronym in "Agence coréenne de coopération (KOICA)" names the organisation just
    before it, not a second one; a name the model cut short before the parenthesis is
    completed ("Africa Finance [Corporation] (AFC)")."""
    acronyms = {a.name: a for a in actors if a.type == "organization" and ACRONYM.fullmatch(a.name)}
    # A widely known body's short name in brackets ("Société nationale d'électricité
    # (Senelec)") names that body: the name before it is the same body, told in full.
    known = {
        surface: a
        for a in actors
        if a.type == "organization" and fold_key(a.name) in gazetteer()
        for surface in a.surfaces
        if _SHORT_NAME.fullmatch(surface)
    }
    if not acronyms and not known:
        return actors
    dropped: set[int] = set()
    for actor in actors:
        if actor.type != "organization" or actor.name in acronyms or id(actor) in dropped:
            continue
        surface = text[actor.start : actor.end]
        if fold_key(actor.name) not in gazetteer():
            body = _known_after(text, surface, known)
            if body is not None and body is not actor:
                dropped.add(id(actor))
                continue
        for match in re.finditer(re.escape(surface), text):
            defined = _DEFINED_ACRONYM.match(text, match.end())
            loose = False
            if defined is None or defined.group(2) not in acronyms:
                # "Fonds d'Abou Dhabi pour le développement (FADD)": lower-case words the
                # model left out, when the acronym spells the initials of the whole name
                defined = _LOOSE_ACRONYM.match(text, match.end())
                if defined is None or defined.group(2) not in acronyms:
                    continue
                spelt = initials(surface + defined.group(1), _FUNCTION_WORDS)
                if spelt != defined.group(2).lower():
                    continue
                loose = True
            tail = defined.group(1)
            if tail and (loose or tail.split()[-1][:1].isupper()) and surface == actor.name:
                actor.name = " ".join((surface + tail).split())
                actor.end = match.end() + len(tail) if match.start() == actor.start else actor.end
            elif tail:
                continue
            dropped.add(id(acronyms[defined.group(2)]))
            break
    return [a for a in actors if id(a) not in dropped]
