"""Events: visits, meetings, ceremonies and summits, with their dates, place and participants.

A signing is an agreement, not an event: a ceremony said to be a signing is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from suivi.extraction.countries import country_names
from suivi.extraction.facts import actors_in, keywords, nearest_date
from suivi.extraction.text import fold_key, folded_text, sentence_at, sentence_evidence

_SIGNING = re.compile(r"\bsign(?:ature|ing|e|ed)\b")
_PEOPLE = re.compile(
    r"\b(?:delegation|president|ministre|minister|chef|premier|envoy|envoye|emissaire)"
)
_PLACE_WORDS = re.compile(r"\b(?:a|au|en|in|at)\s+((?:[A-Z][\w'’.-]+)(?:\s+(?:[A-Z][\w'’.-]+))*)")
_GUEST = re.compile(
    r"\b(?:delegation|homologue|ministre|minister|ambassadeur|ambassador|president|audience|"
    r"emissaire|envoye|envoy|counterpart)"
)
_PRIORITY = {"summit": 0, "ceremony": 1, "visit": 2, "meeting": 3}
_PLACE_AFTER = re.compile(r"\b(?:a|au|aux|en|in|at|dans|to|vers|sur)\s+(?:la\s+|le\s+|l'|the\s+)?$")


@dataclass
class _Event:
    type: str
    start: str | None
    end: str | None
    place: str | None
    position: int
    participants: list[str]


def _place(doc: Doc, sentence: Span, position: int) -> str | None:
    """The place nearest the trigger: a location entity or a state after "à", "en", "in"…"""
    best: tuple[int, str] | None = None
    for ent in sentence.ents:
        if ent.label_ not in ("LOC", "GPE") and fold_key(ent.text) not in country_names():
            continue
        before = folded_text(doc)[max(0, ent.start_char - 12) : ent.start_char]
        if not _PLACE_AFTER.search(before):
            continue
        distance = abs(ent.start_char - position) + (0 if ent.start_char > position else 30)
        name = re.sub(r"^(?:Palais de |palais de )", "", ent.text).strip()
        if best is None or distance < best[0]:
            best = (distance, name)
    if best is None:
        window = doc.text[position : min(sentence.end_char, position + 60)]
        match = _PLACE_WORDS.search(window)
        if match and match.group(1).split()[0] not in ("The", "Le", "La", "Les"):
            return match.group(1).rstrip(".")
    return best[1] if best else None


def _compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


class EventFinder:
    """Pipeline component: sets ``doc._.events`` to contract-shaped event items."""

    def __call__(self, doc: Doc) -> Doc:
        folded = folded_text(doc)
        events: list[_Event] = []
        for label, _pattern, start, _end in keywords("event_triggers").finditer(folded):
            sentence = sentence_at(doc, start)
            if label == "ceremony" and _SIGNING.search(
                folded, sentence.start_char, sentence.end_char
            ):
                continue
            if _pattern in ("a recu", "ont recu", "received") and not _GUEST.search(
                folded, start, start + 90
            ):
                continue
            if _pattern.startswith(("arrive", "est arrive")) and not _PEOPLE.search(
                folded, sentence.start_char, sentence.end_char
            ):
                continue
            date = nearest_date(doc, sentence, start)
            if date is not None and min(abs(date.start - start), abs(start - date.end)) > 160:
                date = None
            until = None
            if date is not None and re.search(
                r"(?:jusqu'(?:au|a)|until|till)\s*$", folded[max(0, date.start - 14) : date.start]
            ):
                until, date = date.value, None
            place = _place(doc, sentence, start)
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
