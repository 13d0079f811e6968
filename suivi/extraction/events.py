"""Events: visits, meetings, ceremonies and summits, with their dates, place and participants.

A signing is an agreement, not an event: a ceremony said to be a signing is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from suivi.extraction.countries import country_names
from suivi.extraction.dates import DateMention
from suivi.extraction.facts import actors_in, keywords, nearest_date
from suivi.extraction.facts import table as facts_table
from suivi.extraction.text import folded_text, raw_text, sentence_at, sentence_evidence
from suivi.folding import fold_key

_SIGNING = re.compile(r"\bsign(?:ature|ing|e|ed)\b")
_PEOPLE = re.compile(
    r"\b(?:delegation|president|ministre|minister|chef|premier|envoy|envoye|emissaire)"
)
_PLACE_WORDS = re.compile(
    r"(?<![\w'’])(?:a|au|en|in|at)\s+((?:[A-Z][\w'’.-]+)(?:\s+(?:[A-Z][\w'’.-]+))*)"
)
_ENGLISH_PLACE_WORDS = re.compile(
    r"\b(?:in|at)\s+((?:[A-Z][\w'’.-]+)(?:\s+(?:[A-Z][\w'’.-]+))*)"
)  # "a" is an article in English, never "à"
_GUEST = re.compile(
    r"\b(?:delegation|homologue|ministre|minister|ambassadeur|ambassador|president|audience|"
    r"emissaire|envoye|envoy|counterpart)"
)
_PRIORITY = {"summit": 0, "ceremony": 1, "visit": 2, "meeting": 3}
# Receiving someone: the guest follows an active verb ("a reçu une délégation"); a passive one
# ("avait été reçu par le chef de l'État") names the guest before it.
_RECEIVE_ACTIVE = ("a recu", "ont recu", "received", "recoit", "hosted")
_RECEIVE_PASSIVE = (
    "ete recu*",
    "recu par",
    "recue par",
    "recus par",
    "recues par",
    "was received",
    "were received",
)
# A participle after a noun is no meeting: "un officier rencontré à Ouagadougou".
_AUXILIARY = re.compile(
    r"\b(?:a|ont|avait|avaient|aura|auront|avoir|ayant|est|sont|etait|etaient|s'est|se sont"
    r"|ete)\s+(?:[\w-]+\s+)?$"
)
_PARTICIPLE = re.compile(r"(?:é|ée|és|ées)$")
_MONTH_OR_DAY = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday)\b"
)
_PLACE_AFTER = re.compile(r"\b(?:a|au|aux|en|in|at|dans|to|vers|sur)\s+(?:la\s+|le\s+|l'|the\s+)?$")


@lru_cache(maxsize=1)
def _trigger_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Trigger phrases with words inserted, as regular expressions (``facts.json``)."""
    table = facts_table().get("event_trigger_patterns", {})
    return [
        (label, re.compile(pattern))
        for label, patterns in table.items()
        if not label.startswith("_")
        for pattern in patterns
    ]


def _triggers(doc: Doc, folded: str) -> list[tuple[str, str, int, int]]:
    """Every event trigger of the text, in order: keywords, then patterns not overlapping them."""
    found = list(keywords("event_triggers").finditer(folded))
    for label, regex in _trigger_patterns():
        for match in regex.finditer(folded):
            if not any(s < match.end() and match.start() < e for _l, _p, s, e in found):
                found.append((label, regex.pattern, match.start(), match.end()))
    named = set(facts_table().get("named_event_words", []))
    kept = []
    for label, pattern, start, end in sorted(found, key=lambda t: t[2]):
        # "la semaine dernière" is a time, "la Semaine africaine de l'énergie" an event.
        if pattern in named and not raw_text(doc)[start].isupper():
            continue
        if (
            pattern.startswith("rencontre")
            and _PARTICIPLE.search(raw_text(doc)[start:end])
            and not _AUXILIARY.search(folded[max(0, start - 30) : start])
        ):
            continue
        kept.append((label, pattern, start, end))
    return kept


@dataclass
class _Event:
    type: str
    start: str | None
    end: str | None
    place: str | None
    position: int
    participants: list[str]


def _place(doc: Doc, sentence: Span, position: int, others: list[int] | None = None) -> str | None:
    """The place nearest the trigger: a location entity or a state after "à", "en", "in"…

    A place with another trigger between it and this one belongs to that other trigger
    ("la cérémonie … après le sommet tenu à Pékin": Pékin is the summit's).
    """
    best: tuple[int, str] | None = None
    others = others or []
    for ent in sentence.ents:
        if ent.label_ not in ("LOC", "GPE") and fold_key(ent.text) not in country_names():
            continue
        before = folded_text(doc)[max(0, ent.start_char - 12) : ent.start_char]
        if not _PLACE_AFTER.search(before):
            continue
        low, high = sorted((position, ent.start_char))
        if any(low < other < high for other in others if other != position):
            continue
        distance = abs(ent.start_char - position) + (0 if ent.start_char > position else 30)
        name = re.sub(r"^(?:Palais de |palais de )", "", ent.text).strip()
        if best is None or distance < best[0]:
            best = (distance, name)
    if best is None:
        # A place named within 60 characters of the trigger, read whole even where it runs
        # past them ("au Kenyatta International Convention Centre").
        words = _ENGLISH_PLACE_WORDS if doc._.language == "en" else _PLACE_WORDS
        match = words.search(raw_text(doc), position, sentence.end_char)
        if (
            match
            and match.start() < position + 60
            and match.group(1).split()[0] not in ("The", "Le", "La", "Les")
            and not _MONTH_OR_DAY.match(match.group(1))
        ):
            return match.group(1).rstrip(".")
    return best[1] if best else None


def _compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


def _within(day: str | None, start: str | None, end: str | None) -> bool:
    """True when ``day`` falls in the range ``start``–``end`` (ISO strings, same precision)."""
    if not day or not start or not end or len(day) != len(start) or len(start) != len(end):
        return False
    return start <= day <= end


class EventFinder:
    """Pipeline component: sets ``doc._.events`` to contract-shaped event items."""

    def __call__(self, doc: Doc) -> Doc:
        folded = folded_text(doc)
        events: list[_Event] = []
        triggers = _triggers(doc, folded)
        positions = [start for _l, _p, start, _e in triggers]
        for label, _pattern, start, _end in triggers:
            sentence = sentence_at(doc, start)
            if label == "ceremony" and _SIGNING.search(
                folded, sentence.start_char, sentence.end_char
            ):
                continue
            if _pattern in _RECEIVE_ACTIVE and not _GUEST.search(folded, start, start + 90):
                continue
            if (
                _pattern in _RECEIVE_PASSIVE
                and not _GUEST.search(folded, sentence.start_char, sentence.end_char)
                and not actors_in(doc, sentence.start_char, sentence.end_char, ("person",))
            ):
                continue
            if _pattern.startswith(("arrive", "est arrive")) and not _PEOPLE.search(
                folded, sentence.start_char, sentence.end_char
            ):
                continue
            date = self._date(doc, sentence, start, positions)
            if date is not None and min(abs(date.start - start), abs(start - date.end)) > 160:
                date = None
            until = None
            if date is not None and re.search(
                r"(?:jusqu'(?:au|a)|until|till)\s*$", folded[max(0, date.start - 14) : date.start]
            ):
                until, date = date.value, None
            place = _place(doc, sentence, start, positions)
            if date is None and place is None:
                continue
            events.append(
                _Event(
                    label,
                    date.value if date else None,
                    (date.until if date else None) or until,
                    place,
                    start,
                    actors_in(doc, sentence.start_char, sentence.end_char, ("person",)),
                )
            )
        doc._.events = [self._item(doc, e) for e in self._merge(events)]
        return doc

    @staticmethod
    def _date(doc: Doc, sentence: Span, position: int, others: list[int]) -> DateMention | None:
        """The nearest date of the sentence that is not nearer to another trigger of it
        ("la cérémonie de jeudi … après le sommet tenu du 10 au 12 février")."""
        rivals = [
            o for o in others if o != position and sentence.start_char <= o < sentence.end_char
        ]

        def distance(mention: DateMention, at: int) -> int:
            return min(abs(mention.start - at), abs(at - mention.end))

        best = nearest_date(doc, sentence, position)
        if best is None or not rivals:
            return best
        if all(distance(best, position) <= distance(best, o) for o in rivals):
            return best
        mine = [
            m
            for m in doc._.dates
            if sentence.start_char <= m.start
            and m.end <= sentence.end_char
            and all(distance(m, position) <= distance(m, o) for o in rivals)
        ]
        return min(
            mine, key=lambda m: distance(m, position) - 40 * (len(m.value) >= 7), default=None
        )

    @staticmethod
    def _merge(events: list[_Event]) -> list[_Event]:
        kept: list[_Event] = []
        for event in events:
            same = None
            for other in kept:
                if (
                    event.start is None
                    and (other.type == event.type or (event.place and event.place == other.place))
                ) or (
                    event.start
                    and other.start
                    and _compatible(event.start, other.start)
                    and (other.type == event.type or event.start == other.start)
                ):
                    same = other
                elif other.type == event.type and (
                    _within(event.start, other.start, other.end)
                    or _within(other.start, event.start, event.end)
                ):
                    # A day inside a range is the same meeting: the range says more.
                    same = other
                    if event.end and not other.end:
                        other.start, other.end = event.start, event.end
                    event = _Event(
                        event.type,
                        other.start,
                        other.end,
                        event.place,
                        event.position,
                        event.participants,
                    )
                if same:
                    break
            if same is None:
                kept.append(event)
                continue
            if (
                event.start
                and (same.start is None or len(event.start) > len(same.start))
                and same.type == event.type
            ):
                same.start, same.end = event.start, event.end or same.end
            same.end = same.end or event.end
            if (
                event.start
                and event.start == same.start
                and _PRIORITY[event.type] < _PRIORITY[same.type]
            ):
                same.type = event.type
            same.place = same.place or event.place
            same.participants += [p for p in event.participants if p not in same.participants]
        # Events without a date say little once a dated one of the same type exists.
        return kept

    @staticmethod
    def _item(doc: Doc, event: _Event) -> dict[str, Any]:
        return {
            "type": event.type,
            "start": event.start,
            "end": event.end,
            "place": event.place,
            "participants": event.participants,
            "evidence": sentence_evidence(doc, event.position),
        }
