"""Projects: refineries, plants, mines, banks, programmes, pipelines, railways… with a status.

A mention needs a name to be a project: a proper noun in its phrase ("raffinerie d'or de
Sénou", "projet Bougouni") or a specific head with a qualifier ("Banque de développement").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from suivi.extraction.actors import gazetteer
from suivi.extraction.countries import code_of, demonyms
from suivi.extraction.facts import keywords, sectors
from suivi.extraction.text import (
    fold,
    fold_key,
    folded_text,
    sentence_at,
    sentence_evidence,
    span_between,
)

_ANAPHORA = re.compile(
    r"\b(?:aucune|aucun|no|ce|cet|cette|ces|ledit|ladite|this|these|that|its"
    r"|son|sa|ses|leur|leurs|the same)\s+"
    r"(?:[\w-]+\s+)?$"
)
_NAMING = {
    "denommee",
    "denomme",
    "appelee",
    "appele",
    "baptisee",
    "baptise",
    "dite",
    "dit",
    "called",
    "named",
}
_NUMBER_BEFORE = re.compile(
    r"\b(?:deux|trois|quatre|cinq|two|three|four|five|\d+)\s+(?:[\w-]+\s+)?$"
)
_CONNECT = {
    "de",
    "d'",
    "d’",
    "du",
    "des",
    "à",
    "a",
    "en",
    "of",
    "in",
    "at",
    "la",
    "le",
    "l'",
    "l’",
    "the",
    "-",
    "–",
}
_STOP_WORDS = {
    "qui",
    "que",
    "dont",
    "et",
    "ou",
    "avec",
    "pour",
    "sur",
    "par",
    "dans",
    "and",
    "with",
    "for",
    "by",
    "to",
    "is",
    "was",
    "est",
    "sera",
    "a",
    "ont",
}
# "toujours en phase préparatoire" outweighs a first stone laid months before.
_STATUS_ORDER = (
    "cancelled",
    "suspended",
    "preparatory",
    "under_construction",
    "operational",
    "planned",
)
_REFERS_BACK = re.compile(
    r"\b(?:le projet|ce projet|the project|le site|le chantier|l'installation)\b"
)
_GENERIC_HEADS = {
    "projet",
    "project",
    "programme",
    "program",
    "base",
    "route",
    "port",
    "banque",
    "bank",
    "fonds",
    "fund",
    "pont",
    "ponts",
    "bridge",
    "mine",
    "ecole",
    "school",
    "universite",
    "university",
    "hopital",
    "hospital",
    "satellite",
    "forage",
    "forages",
    "session",
}
_PROJECT = re.compile(r"(?<![\w])(?:projet|project|programme|program)\b")


@dataclass
class _Project:
    name: str
    location: str | None
    sectors: list[str]
    key: str
    head: str = ""
    positions: list[int] = field(default_factory=list)


class ProjectFinder:
    """Pipeline component: sets ``doc._.projects`` to contract-shaped project items."""

    def __call__(self, doc: Doc) -> Doc:
        folded = folded_text(doc)
        heads = keywords("project_heads")
        matches = [(label, s, e) for label, _p, s, e in heads.finditer(folded)]
        matches += [("project", m.start(), m.end()) for m in _PROJECT.finditer(folded)]
        matches.sort(key=lambda m: (m[1], -(m[2] - m[1])))
        projects: list[_Project] = []
        covered = -1
        for label, start, end in matches:
            if start < covered:
                continue
            sentence = sentence_at(doc, start)
            if _ANAPHORA.search(folded[max(sentence.start_char, start - 25) : start]):
                continue
            if (
                doc.text[start].isupper()
                and re.match(r"[\w-]+\s+[A-Z]", doc.text[start : start + 60])
                and sentence.start_char != start
            ):
                continue  # "Railway Authority": a head word inside a proper name
            name, location, stop = self._name(doc, start, end, sentence.end_char)
            covered = stop
            if (
                label == "project"
                and location
                and not re.match(
                    r"\s*(?:(?:de|d'|d’|du|des|of)\s+)?[A-Z]", doc.text[end : end + 40]
                )
            ):
                continue
            if self._organisation(doc, name, start) or (location and code_of(location)):
                continue
            if (
                location is None
                and _NUMBER_BEFORE.search(folded[max(0, start - 20) : start])
                and label != "project"
            ):
                location = None
                name = name if len(name.split()) >= 2 else name + " "
            head = fold(doc.text[start:end])
            has_proper = location is not None
            if (
                not has_proper
                and (head.split()[0] in _GENERIC_HEADS or len(name.split()) < 2)
                and not (
                    head.startswith(("banque", "bank"))
                    and name[:1].isupper()
                    and len(name.split()) >= 3
                )
            ):
                continue
            if label == "project" and not has_proper:
                continue
            if not has_proper and name.endswith(" "):
                name = name.strip()
            found = sectors().labels_in(folded, start, stop)
            if label not in ("project",) and label not in found:
                found.insert(0, label)
            key = fold_key(location) if location else fold_key(head).split()[0]
            head_word = fold_key(head).split()[0]
            same = next(
                (
                    p
                    for p in projects
                    if p.key == key
                    or (location and fold_key(location) in fold_key(p.name))
                    or (p.head == head_word and (p.location is None or location is None))
                ),
                None,
            )
            if same is not None:
                same.positions.append(start)
                if location and not same.location:
                    same.name, same.location, same.key = name, location, key
                elif (
                    len(name) > len(same.name)
                    and label != "project"
                    and (location or not same.location)
                ):
                    same.name = name
                continue
            projects.append(_Project(name, location, found[:3], key, head_word, [start]))
        doc._.projects = [self._item(doc, folded, p) for p in projects]
        return doc

    @staticmethod
    def _organisation(doc: Doc, name: str, start: int) -> bool:
        """A head word inside an organisation's name ("Railway Authority", "Banque africaine …")."""
        key = fold_key(name)
        for actor in doc._.actors:
            if actor["type"] != "organization":
                continue
            org = fold_key(actor["name"])
            if (key in org and key != org) or (key == org and org in gazetteer()):
                return True
        return False

    @staticmethod
    def _name(doc: Doc, start: int, end: int, limit: int) -> tuple[str, str | None, int]:
        """The phrase naming a project from its head word, and the place or proper name in it."""
        span = span_between(doc, start, limit)
        if span is None:
            return doc.text[start:end], None, end
        head_end = next((i for i, t in enumerate(span) if t.idx + len(t.text) >= end), 0)
        words = list(span[: head_end + 1])
        proper: list[str] = []
        for token in span[head_end + 1 : head_end + 9]:
            low = token.lower_
            if token.is_punct and token.text not in ("-", "–", "'"):
                break
            if fold(low) in _NAMING:
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
            " ".join(doc.text[words[0].idx : words[-1].idx + len(words[-1].text)].split())
            if words
            else ""
        )
        # English puts the name before the head: "the TAZARA railway".
        first = span[0]
        if (
            not proper
            and first.i > 0
            and first.nbor(-1).text[:1].isupper()
            and not first.nbor(-1).is_sent_start
            and first.nbor(-1).pos_ in ("PROPN", "NOUN", "X")
            and fold(first.nbor(-1).text) not in demonyms()
        ):
            proper.append(first.nbor(-1).text)
            words.insert(0, first.nbor(-1))
        location = " ".join(proper) if proper else None
        stop = words[-1].idx + len(words[-1].text) if words else end
        return name, location, stop

    @staticmethod
    def _item(doc: Doc, folded: str, project: _Project) -> dict[str, Any]:
        statuses: list[str] = []
        status_words = keywords("project_status")
        for position in project.positions:
            sentence = sentence_at(doc, position)
            statuses += status_words.labels_in(folded, sentence.start_char, sentence.end_char)
            if sentence.end_char < len(folded):
                following = sentence_at(doc, sentence.end_char)
                if following.start_char >= sentence.end_char and _REFERS_BACK.search(
                    folded, following.start_char, following.end_char
                ):
                    statuses += status_words.labels_in(
                        folded, following.start_char, following.end_char
                    )
        status = next((s for s in _STATUS_ORDER if s in statuses), None)
        return {
            "name": project.name,
            "location": project.location,
            "sectors": project.sectors,
            "status": status,
            "evidence": sentence_evidence(doc, project.positions[0]),
        }
