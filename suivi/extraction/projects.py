"""Projects: refineries, plants, mines, banks, programmes, pipelines, railways… with a status.

A mention needs a name to be a project: a proper noun in its phrase ("raffinerie d'or de
Sénou", "projet Bougouni") or a specific head with a qualifier ("Banque de développement").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from suivi.extraction.countries import code_of
from suivi.extraction.facts import keywords, sectors
from suivi.extraction.facts import table as facts_table
from suivi.extraction.gazetteer import gazetteer
from suivi.extraction.project_names import place_after, project_name
from suivi.extraction.project_status import project_status
from suivi.extraction.resources import load, word_set
from suivi.extraction.text import (
    folded_text,
    raw_text,
    sentence_at,
    sentence_evidence,
)
from suivi.folding import fold_chars, fold_key, within_words

_ANAPHORA = re.compile(
    r"\b(?:aucune|aucun|no|ce|cet|cette|ces|ledit|ladite|this|these|that|its"
    r"|son|sa|ses|leur|leurs|the same)\s+"
    r"(?:[\w-]+\s+)?$"
)
_NAMING = word_set("project_rules.json", "naming_words")
_NUMBER_BEFORE = re.compile(
    r"\b(?:deux|trois|quatre|cinq|two|three|four|five|\d+)\s+(?:[\w-]+\s+)?$"
)
_CONNECT = word_set("project_rules.json", "name_links")
_STOP_WORDS = word_set("project_rules.json", "name_stops")
_GENERIC_HEADS = word_set("project_rules.json", "generic_heads")
_PROJECT = re.compile(r"(?<![\w])(?:projet|project|programme|program)\b")
# A new undertaking needs no proper name: "la création d'une banque …", "un nouveau quai …".
_CREATION = re.compile(
    r"\b(?:creation|creer|mise en place|mettre en place|installation|construction|construire"
    r"|establishment|establish|set up|setting up|create|creating|build|building)"
    r"\s+(?:d'une?|of an?|an?|de deux|de trois|deux|trois|two|three|\d+)\s+(?:[\w-]+\s+){0,2}$"
)
# "la réhabilitation du tronçon …", "the expansion of the plant …": the work is the undertaking.
_WORKS = re.compile(
    r"\b(?:extension|rehabilitation|agrandissement|modernisation|renovation|expansion|upgrade"
    r"|upgrading)\s+(?:du|de la|de l'|des|d'|of the|of)\s*$"
)
_NOVEL = re.compile(
    r"\b(?P<adj>nouvel|nouvelle|nouveau|nouveaux|nouvelles|futur|future|futurs|futures|new"
    r"|second|seconde|deuxieme|troisieme|premier|premiere|first|second|third)\s+$"
)
# A sentence opening on "Un"/"Une" + head speaks of a kind of thing.
_GENERIC_SUBJECT = re.compile(r"(?:^|[.!?]\s+|\n)(?:un|une|a|an)\s+$")
# "l'hôpital de campagne financé par les Émirats": a funded, built thing is an undertaking.
_FUNDED = re.compile(
    r",?\s+(?:finance|construit|realise|offert|equipe|funded|built|financed|donated)[es]{0,2}"
    r"\s+(?:par|by)\b"
)
_COORDINATED = re.compile(r"(?:\bainsi que|\bet|\band|\bas well as|,)\s+(?:d'une?|de la|an?)\s+$")
# "une deuxième raffinerie" is another one than "la raffinerie" named before.
_DISTINCT = word_set("project_rules.json", "distinct_ordinals")
_DEFINITE = re.compile(r"(?:^|\s)(?:le|la|les|l'|the)\s*$")
_AGENT = re.compile(r"\b(?:par|aupres de|by|from|with|avec)\s+(?:la|le|l'|les|the)?\s*$")
_INVESTMENT_HEADS = word_set("project_rules.json", "lender_heads")


@dataclass
class _Project:
    name: str
    location: str | None
    sectors: list[str]
    key: str
    head: str = ""
    positions: list[int] = field(default_factory=list)
    planned: bool = False
    distinct: bool = False
    label: str = ""
    qualified: bool = False


@lru_cache(maxsize=1)
def _place_heads() -> frozenset[str]:
    """Heads that name a place as often as an undertaking (a port, a road, a base)."""
    return frozenset(facts_table().get("project_place_heads", []))


@lru_cache(maxsize=1)
def _org_words() -> frozenset[str]:
    return frozenset(load("lexicon.json")["org_words"])


def head_is_base(text: str) -> bool:
    """True when the matched word is the participle "basé", not the noun "base"."""
    return text[:4].lower() == "basé"


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
        starts = {s for label, s, _e in matches if label != "project"}
        last_new: tuple[int, int] | None = None  # sentence start and end of a created project
        for label, start, end in matches:
            if start < covered:
                continue
            if label == "project" and any(end < s <= end + 6 for s in starts):
                continue  # rule head_after_project (patterns/project_rules.json)
            sentence = sentence_at(doc, start)
            if _ANAPHORA.search(folded[max(sentence.start_char, start - 25) : start]):
                continue
            if (
                raw_text(doc)[start].isupper()
                and re.match(r"[\w-]+\s+[A-Z]", raw_text(doc)[start : start + 60])
                and sentence.start_char != start
            ):
                continue  # rule head_in_proper_name
            if (
                doc._.language != "en"
                and raw_text(doc)[start].isupper()
                and re.search(
                    r"\([^()]*[A-Z][\w'’-]*\s+$", raw_text(doc)[max(0, start - 60) : start]
                )
            ):
                continue  # rule english_name_in_french
            if re.match(r"bas[ée]", raw_text(doc)[start : end + 1], re.IGNORECASE) and head_is_base(
                raw_text(doc)[start : end + 1]
            ):
                continue  # rule participle_base
            name, location, stop = project_name(doc, start, end, sentence.end_char)
            covered = stop
            if (
                label == "project"
                and location
                and not re.match(
                    r"\s*(?:[a-zéèêàç]+\s+)?(?:(?:de|d'|d’|du|des|of)\s+)?[A-Z]",
                    raw_text(doc)[end : end + 40],
                )
            ):
                continue
            if self._organisation(doc, name, start) or (
                location and code_of(location) and self._of_state(doc, name, location)
            ):
                continue  # rule institution
            if (
                location is None
                and _NUMBER_BEFORE.search(folded[max(0, start - 20) : start])
                and label != "project"
            ):
                location = None
                name = name if len(name.split()) >= 2 else name + " "
            head = fold_chars(raw_text(doc)[start:end])
            head_word = fold_key(head).split()[0]
            told = next((p for p in projects if p.key == fold_key(name) and not location), None)
            if (
                told is None
                and not location
                and _DEFINITE.search(folded, 0, start)
                and place_after(doc, stop, sentence.end_char) is None
            ):
                # "la ligne de chemin de fer Conakry-Bamako … Le chemin de fer, s'il voit le
                # jour…": the words of a project named before, with "le", name it again
                words = set(fold_key(name).split())
                told = next((p for p in projects if words < set(fold_key(p.name).split())), None)
            if told and not _NOVEL.search(folded[max(sentence.start_char, start - 45) : start]):
                # "… la création d'une Banque de développement. La Banque de développement est
                # en voie d'opérationnalisation": the project named again, not a lender
                told.positions.append(start)
                continue
            if head_word in _INVESTMENT_HEADS and self._lender(doc, folded, start, location):
                continue
            before = folded[max(sentence.start_char, start - 45) : start]
            novel = _NOVEL.search(before)
            new = bool(novel or _CREATION.search(before))
            if (
                not new
                and last_new
                and last_new[0] == sentence.start_char
                and _COORDINATED.search(before)
            ):
                new = True  # "la création d'une banque … ainsi que d'un fonds …"
            if new:
                last_new = (sentence.start_char, start)
            distinct = bool(novel and novel.group("adj") in _DISTINCT)
            if head_word in _place_heads() and not new and not self._built(doc, folded, start):
                continue  # rule place_not_built
            if novel:
                name = raw_text(doc)[start - len(novel.group(0)) : start] + name
            works = _WORKS.search(before)
            if works:
                name = raw_text(doc)[start - len(works.group(0)) : start] + name
            if label == "general" and location is None and not new:
                continue
            if location is None:
                location = place_after(doc, stop, sentence.end_char)
            if location is None and not new and _GENERIC_SUBJECT.search(before):
                continue  # rule kind_of_plant
            if head_word == "stade" and re.search(r"\b(?:au|a ce|a un)\s+$", before):
                continue  # rule stage
            funded = bool(_FUNDED.match(folded, stop))
            has_proper = location is not None or new or funded
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
            if label not in ("project", "general") and label not in found:
                found.insert(0, label)
            key = fold_key(location) if location else fold_key(name)
            # "gazoduc transsaharien" and "gazoduc Nigeria-Maroc" are two pipelines.
            qualified = len(fold_key(name).split()) > len(fold_key(head).split()) and not novel
            same = next(
                (
                    p
                    for p in projects
                    if not distinct
                    and not p.distinct
                    and (
                        (p.key == key and (p.head == head_word or "project" in (label, p.label)))
                        or (
                            location
                            and within_words(fold_key(location), fold_key(p.name))
                            and (p.head == head_word or "project" in (label, p.label))
                        )
                        or (
                            p.head == head_word
                            and (p.location is None or location is None)
                            and not (p.qualified and (location or qualified))
                            and (not (p.planned or new) or p.label == label)
                        )
                    )
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
            projects.append(
                _Project(
                    name,
                    location,
                    found[:3],
                    key,
                    head_word,
                    [start],
                    planned=new,
                    distinct=distinct,
                    label=label,
                    qualified=qualified and location is None,
                )
            )
        doc._.projects = [
            {
                "name": p.name,
                "location": p.location,
                "sectors": p.sectors,
                "status": project_status(doc, folded, p.positions, p.planned),
                "evidence": sentence_evidence(doc, p.positions[0]),
            }
            for p in projects
        ]
        return doc

    @staticmethod
    def _of_state(doc: Doc, name: str, location: str) -> bool:
        """True when the state in ``name`` is linked by "de"/"of" ("Banque du Mali")."""
        index = name.find(location.split()[0])
        return bool(re.search(r"\b(?:de|du|des|d'|d’|of)\s*$", name[:index]))

    @staticmethod
    def _lender(doc: Doc, folded: str, start: int, location: str | None) -> bool:
        """A bank or fund that lends or pays rather than one being set up ("financé par la
        banque chinoise Exim Bank", "la banque publique KfW", "the Fund's review")."""
        if _AGENT.search(folded[max(0, start - 25) : start]):
            return True
        sentence = sentence_at(doc, start)
        if (
            raw_text(doc)[start].isupper()
            and start != sentence.start_char
            and not _CREATION.search(folded[max(0, start - 45) : start])
        ):
            return True  # "le Fonds d'Abou Dhabi pour le développement": a named institution
        if raw_text(doc)[start].isupper() and start > 0:
            previous = raw_text(doc)[max(0, start - 30) : start].split()
            if previous and previous[-1][:1].isupper() and not previous[-1].endswith((".", ":")):
                return True  # "International Monetary Fund"
        if location:
            words = location.split()
            if any(fold_chars(w) in _org_words() for w in words):
                return True  # "Exim Bank of China"
            if len(words) == 1 and sum(c.isupper() for c in words[0]) >= 2:
                return True  # an acronym: "la banque KfW"
        return False

    @staticmethod
    def _built(doc: Doc, folded: str, start: int) -> bool:
        """True when the sentence of ``start`` speaks of building, funding or a status."""
        sentence = sentence_at(doc, start)
        return keywords("project_context").search(
            folded, sentence.start_char, sentence.end_char
        ) or keywords("project_status").search(folded, sentence.start_char, sentence.end_char)

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
