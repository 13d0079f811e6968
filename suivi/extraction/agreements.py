"""Agreements: accords, memoranda, protocols, conventions, contracts and commissions created.

Each mention of a trigger word is read with its own clause (up to the next trigger), so that
"un accord commercial …, un accord énergétique …" gives two items. A count ("trois accords")
stands for the agreements described after it and is dropped when they are; a demonstrative
("ces accords") refers back and adds nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from suivi.extraction.agreement_context import BOTH_SIDES, english_modifiers, sides_named_before
from suivi.extraction.facts import actors_in, keywords, nearest_date, sectors, status_words
from suivi.extraction.facts import table as facts_table
from suivi.extraction.occasions import occasion_date
from suivi.extraction.text import folded_text, raw_text, sentence_at, sentence_evidence

_ANAPHORA = re.compile(
    r"(?:\b(?:ces|cet|cette|ce|ledit|ladite|lesdits|these|this|those|such|meme|celui)\s+"
    r"(?:[\w-]+\s+){0,2}|\b(?:dont|which)\s+)$"
)
_COLLECTIVE = re.compile(
    r"\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|plusieurs|nombreux|de nouveaux|des|"
    r"several|two|three|four|five|new|nouveaux|\d+)\s+(?:[\w-]+\s+){0,1}$"
)
_ORDINAL = re.compile(
    r"(?:^|[.\n]\s*)(?:le|la)\s+(?:premier|premiere|deuxieme|second|seconde|troisieme|"
    r"quatrieme|cinquieme|dernier|derniere)\b(?!\s+(?:accord|memorandum|protocole|convention|contrat))"
)
_DETAIL = re.compile(
    r"\b(?:un|une|a|an|premier|premiere|deuxieme|second|seconde|troisieme|quatrieme|dernier|"
    r"first|third|fourth|last)\s+(?:[\w-]+\s+)?$"
)
_NEGATED = re.compile(
    r"\b(?:rien n'a|rien n'avait|aucun|en cas d'|denonce|no agreement|withdr[ae]w|retir)"
)
# "ne constitue pas encore un contrat", "n'est pas un accord", "is not a treaty": no agreement.
_NOT_BEFORE = re.compile(
    r"(?:\b(?:ne|n')\s*[\w'-]+\s+(?:pas|plus|jamais)\s+(?:encore\s+|vraiment\s+|toujours\s+)?"
    r"|\b(?:is|was|are|were|does|do|did|has|have)\s*(?:n't|\s+not)\s+(?:yet\s+)?"
    r"(?:\w+\s+)?|\bsans\s+(?:aucun\s+)?|\bwithout\s+(?:any\s+)?)"
    r"(?:(?:un|une|d'une?|de|d'|le|la|l'|a|an|any|the)\s*)?$"
)
# "les accords de ce type", "ce genre de contrat", "tout accord", "such deals": a kind.
_GENERIC_BEFORE = re.compile(
    r"\b(?:ce|ces|un|tout|toute|quel|quelque)\s+(?:type|genre|sorte)\s+(?:de\s+|d')$"
    r"|\b(?:tout|toute|tous\s+les|toutes\s+les|any|such|every)\s+$"
)
_GENERIC_AFTER = re.compile(
    r"\s*(?:de\s+ce\s+(?:type|genre)|du\s+meme\s+(?:type|genre)|of\s+(?:this|that)\s+(?:kind|type)"
    r"|like\s+(?:this|these))\b"
)
# "le port a traité 8 millions de tonnes": the verb, not a treaty.
_VERB_BEFORE = re.compile(
    r"\b(?:a|ont|avait|avaient|aura|auront|ayant|est|sont|ete|etait|sera|se|s'|qui|il|elle|on|"
    r"ils|elles|ne|n'|y|en)\s*$"
)
_PLURAL_END = re.compile(r"(?:s|x)$")
# Triggers that are a decision to create something, and the article that opens its name.
_DECISION = re.compile(r"(?:ont )?(?:decid|decision|convenu|agreed|decided)")
_LEADING_ARTICLE = re.compile(r"^(?:(?:un|une|le|la|les|a|an|the)\s+|l')", re.IGNORECASE)
_DANGLING_END = re.compile(
    r"(?:[\s,;]+(?:et|ou|and|or))?[\s,;]+(?:d'une?|de la|de l'|des|du|de|d'|une?|les?|la|l'"
    r"|a|an|the|of)$",
    re.IGNORECASE,
)
# A sentence that lists what the sentence before it counted: "Il s'agit d'un accord …".
_LISTS_EARLIER = re.compile(
    r"\s*(?:il s'agit|ce sont|a savoir|parmi (?:eux|ceux-ci|ces textes|ces accords)"
    r"|(?:they|these|the (?:texts|agreements|documents|memorandums|deals)) (?:include|cover|are)\b)"
)


def _quoted_aside(doc: Doc, folded: str, start: int) -> bool:
    """A mention inside a quotation that neither dates nor settles it ("« … qu'un accord
    politique », résume un ingénieur") is someone's comment, not a reported agreement."""
    sentence = sentence_at(doc, start)
    line_start = max(folded.rfind("\n", 0, start) + 1, start - 400)
    before = raw_text(doc)[line_start:start]
    if before.count("«") <= before.count("»") and before.count("“") <= before.count("”"):
        return False
    return _status(folded, sentence.start_char, sentence.end_char) is None and not any(
        sentence.start_char <= m.start and m.end <= sentence.end_char for m in doc._.dates
    )


# "l'accord", "the agreement" after "un accord …": the same agreement again.
_DEFINITE = re.compile(r"\b(?:le|la|l'|the)\s*$")
_STATUS_RANK = {"announced": 0, "signed": 1, "in_force": 2, "ratified": 3}


@lru_cache(maxsize=1)
def _skip_before() -> re.Pattern[str]:
    """Uses of a trigger word that name no agreement ("d'un commun accord", "être d'accord")."""
    return re.compile("|".join(f"(?:{p})" for p in facts_table()["agreement_skip_before"]))


def _stem(word: str) -> str:
    return word.rstrip("sx")


@dataclass
class _Mention:
    start: int
    end: int
    scope_end: int
    collective: bool
    ordinal: bool = False
    detail: bool = False
    sectors: list[str] = field(default_factory=list)
    status: str | None = None
    date: str | None = None
    title: str = ""
    pattern: str = ""
    merged: bool = False


def _clean_title(title: str) -> str:
    """A clause as a title: one line, without the article that opens it nor the link that
    ends it when the next agreement of a list cut it (", d'une", "et d'un")."""
    title = _LEADING_ARTICLE.sub("", " ".join(title.split()))
    return _DANGLING_END.sub("", title).rstrip(" ,.;:")[:160]


def _status(folded: str, start: int, end: int) -> str | None:
    labels = status_words().labels_in(folded, start, end)
    for label in ("ratified", "in_force", "signed", "announced"):
        if label in labels:
            return label
    return None


class AgreementFinder:
    """Pipeline component: sets ``doc._.agreements`` to contract-shaped agreement items."""

    def __call__(self, doc: Doc) -> Doc:
        folded = folded_text(doc)
        language = doc._.language or "fr"
        triggers = keywords("agreement_triggers")
        found = [
            (s, e, p)
            for label, p, s, e in triggers.finditer(folded)
            if label == language or label == "fr"
        ]
        for match in _ORDINAL.finditer(folded):
            s = match.end() - len(match.group(0).lstrip(". \n"))
            found.append((s, match.end(), "ordinal"))
        found.sort()
        mentions: list[_Mention] = []
        named_only = set(facts_table().get("agreement_named_only", []))
        political = set(facts_table().get("agreement_political", []))
        for index, (start, end, pattern) in enumerate(found):
            sentence = sentence_at(doc, start)
            before = folded[max(sentence.start_char, start - 30) : start]
            if pattern != "ordinal" and _ANAPHORA.search(before) and mentions:
                continue
            if pattern != "ordinal" and _skip_before().search(folded[max(0, start - 30) : start]):
                continue
            if pattern != "ordinal" and self._not_an_agreement(doc, folded, start, end, pattern):
                continue
            if pattern in named_only and not raw_text(doc)[start].isupper():
                continue  # "une déclaration" is a statement; "la Déclaration de Pékin" a text
            if (
                mentions
                and start - mentions[-1].end < 30
                and not re.search(r"[,;.\n]", folded[mentions[-1].end : start])
            ):
                # "accord commercial instaurant une commission …": one agreement, one clause.
                mentions[-1].scope_end = max(
                    mentions[-1].scope_end, min(sentence.end_char, self._next(found, index))
                )
                mentions[-1].sectors = (
                    sectors().labels_in(folded, mentions[-1].start, mentions[-1].scope_end)
                    or mentions[-1].sectors
                )
                if _DECISION.match(mentions[-1].pattern):
                    # "convenu de créer une commission mixte …": the commission is the name.
                    mentions[-1].title = _clean_title(raw_text(doc)[start : mentions[-1].scope_end])
                continue
            next_start = found[index + 1][0] if index + 1 < len(found) else len(folded)
            scope_end = (
                min(sentence.end_char, next_start) if next_start > end else sentence.end_char
            )
            collective = (
                pattern != "ordinal"
                and bool(_PLURAL_END.search(folded[start:end]))
                and bool(_COLLECTIVE.search(before))
            )
            mention = _Mention(start, end, scope_end, collective, ordinal=pattern == "ordinal")
            mention.detail = mention.ordinal or bool(_DETAIL.search(before))
            mention.sectors = sectors().labels_in(folded, start, scope_end)
            if not mention.sectors:
                mention.sectors = sectors().labels_in(
                    folded, sentence.start_char, sentence.end_char
                )
            mention.pattern = pattern
            mention.status = _status(folded, sentence.start_char, sentence.end_char)
            own_date = nearest_date(doc, sentence, start)
            bare = mention.status is None and own_date is None
            if mention.status is None:
                # The parser may cut "Le Niger a conclu avec X, filiale de Y, un accord":
                # the verb is earlier in the same paragraph.
                line_start = folded.rfind("\n", 0, start) + 1
                mention.status = _status(folded, max(line_start, start - 160), start)
            if mention.status is None and _LISTS_EARLIER.match(folded, sentence.start_char):
                # "… ont signé quatre textes. Il s'agit d'un accord …, d'une convention …":
                # the list names what the sentence before it did.
                earlier = sentence_at(doc, max(0, sentence.start_char - 2))
                if earlier.start_char < sentence.start_char:
                    mention.status = _status(folded, earlier.start_char, earlier.end_char)
            if not mention.sectors and (collective or mention.status or pattern in political):
                # "plusieurs accords … Ces partenariats concernent l'énergie",
                # "une convention signée en 2010 … L'investisseur s'engageait à …": next sentence.
                following = sentence_at(doc, min(len(folded) - 1, sentence.end_char + 1))
                if following.start_char >= sentence.end_char:
                    mention.sectors = sectors().labels_in(
                        folded, following.start_char, following.end_char
                    )
            if not mention.sectors and pattern in political:
                mention.sectors = ["diplomacy"]  # a treaty or charter between states
            if (
                _NEGATED.search(folded, sentence.start_char, sentence.end_char)
                and mention.status == "signed"
            ):
                mention.status = None
            date = nearest_date(doc, sentence, start)
            if date is None and mention.status is not None:
                date = occasion_date(doc, sentence)  # "Le même jour, … ont signé …"
            mention.date = date.value if date else None
            lead = english_modifiers(raw_text(doc), start) if doc._.language == "en" else ""
            title = lead + raw_text(doc)[start:scope_end]
            if _DECISION.match(pattern):
                # "décidé de créer un comité technique …": what was created is the agreement.
                title = raw_text(doc)[end:scope_end]
            mention.title = _clean_title(title)
            if (
                pattern != "ordinal"
                and (
                    _DEFINITE.search(before)
                    # "the naval pact": the article before the English modifiers
                    or (
                        lead
                        and _DEFINITE.search(
                            folded[max(0, start - len(lead) - 8) : start - len(lead)]
                        )
                    )
                )
                and self._refers_back(mention, mentions, bare=bare)
            ):
                continue
            mentions.append(mention)
        doc._.agreements = [self._item(doc, m) for m in self._resolve(mentions)]
        return doc

    @staticmethod
    def _not_an_agreement(doc: Doc, folded: str, start: int, end: int, pattern: str) -> bool:
        """A negated mention, a kind of agreement, or the verb "traiter" read as "traité"."""
        before = folded[max(0, start - 40) : start]
        if _quoted_aside(doc, folded, start):
            return True
        if _NOT_BEFORE.search(before) or _GENERIC_BEFORE.search(before):
            return True
        if _GENERIC_AFTER.match(folded, end, min(len(folded), end + 40)):
            return True
        if pattern in ("traite", "traites"):
            surface = raw_text(doc)[start:end]
            if surface[:1].islower() and (
                "é" not in surface.lower() or _VERB_BEFORE.search(before)
            ):
                return True
        return False

    @staticmethod
    def _refers_back(mention: _Mention, mentions: list[_Mention], *, bare: bool) -> bool:
        """Fold "l'accord a été signé le 8 février" into the agreement named before it; a
        definite mention with no status or date of its own ("le pacte inquiète") refers back."""
        words = {_stem(w) for w in mention.pattern.split()}
        earlier = next(
            (
                m
                for m in reversed(mentions)
                if not m.collective
                and (
                    bare
                    or (
                        words & {_stem(w) for w in m.pattern.split()}
                        and (
                            not mention.sectors
                            or set(mention.sectors) & set(m.sectors)
                            or m.sectors == ["diplomacy"]
                        )
                    )
                )
            ),
            None,
        )
        if earlier is None:
            return False
        if earlier.sectors == ["diplomacy"] and mention.sectors:
            earlier.sectors = [*mention.sectors, "diplomacy"]
        if mention.date and (earlier.date is None or mention.status == "signed"):
            earlier.date = mention.date
        if mention.status and _STATUS_RANK[mention.status] > _STATUS_RANK.get(
            earlier.status or "", -1
        ):
            earlier.status = mention.status
        return True

    @staticmethod
    def _next(found: list[tuple[int, int, str]], index: int) -> int:
        return found[index + 1][0] if index + 1 < len(found) else 10**9

    @staticmethod
    def _resolve(mentions: list[_Mention]) -> list[_Mention]:
        kept: list[_Mention] = []
        for index, mention in enumerate(mentions):
            if mention.collective:
                # Items described after a count replace it and inherit its date and status.
                details = [
                    m
                    for m in mentions[index + 1 : index + 6]
                    if not m.collective and m.start - mention.end < 900 and m.detail
                ]
                if len(details) >= 2:
                    for detail in details:
                        detail.date = detail.date or mention.date
                        detail.status = detail.status or mention.status
                    continue
            if mention.ordinal and not any(m.collective for m in mentions[:index]):
                continue
            if not mention.sectors:
                continue
            duplicate = next(
                (
                    k
                    for k in kept
                    if set(k.sectors) == set(mention.sectors)
                    and (
                        not k.date
                        or not mention.date
                        or k.date.startswith(mention.date)
                        or mention.date.startswith(k.date)
                    )
                ),
                None,
            )
            if duplicate is not None:
                duplicate.date = duplicate.date or mention.date
                continue
            kept.append(mention)
        return kept

    @staticmethod
    def _item(doc: Doc, mention: _Mention) -> dict[str, Any]:
        sentence = sentence_at(doc, mention.start)
        parties = actors_in(
            doc, sentence.start_char, sentence.end_char, ("country", "organization")
        )
        if BOTH_SIDES.search(folded_text(doc), sentence.start_char, sentence.end_char):
            parties += [p for p in sides_named_before(doc, sentence.start_char) if p not in parties]
        return {
            "title": mention.title,
            "sectors": mention.sectors,
            "parties": parties,
            "date": mention.date,
            "status": mention.status,
            "evidence": sentence_evidence(doc, mention.start),
        }
