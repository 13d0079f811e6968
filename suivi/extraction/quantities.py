"""Quantities: masses, money, power, areas, shares and numbers of people, with what they measure.

The figure reader (``figures.py``) finds each number with its scale and unit in one pass over
the folded text; ``subjects.py`` names what it measures from the parse; this component adds the
rate, the year and the kind. Durations, ages, ranks and counts of documents carry no unit of
ours, so they are never read.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span

from suivi.extraction.figures import Figure, find_figures
from suivi.extraction.resources import load, word_set
from suivi.extraction.subjects import extended_subject, parenthesis_subject, subject_of
from suivi.extraction.text import (
    Keywords,
    folded_text,
    sentence_at,
    sentence_evidence,
)
from suivi.extraction.units import PER_AFTER, PER_AFTER_MAP, PER_BEFORE_MAP
from suivi.folding import fold_chars

_KIND = Keywords(load("quantity_words.json")["kinds"])


_LAST_YEAR = re.compile(r"\s+(?:dernier|derniere|passe|passee|prochain|prochaine|precedent)\b")


def _per(folded: str, figure: Figure, sentence_end: int, previous: Figure | None) -> str | None:
    window_end = min(sentence_end, figure.end + 60)
    nxt_digit = re.search(r"\d", folded[figure.end : window_end])
    if nxt_digit:
        window_end = figure.end + nxt_digit.start()
    for _label, pattern, s, e in PER_AFTER.finditer(folded, figure.end, window_end):
        if _LAST_YEAR.match(folded, e):
            continue  # "l'an dernier" dates the figure; it is no rate
        if s - figure.end <= 45:
            return PER_AFTER_MAP.get(fold_chars(pattern))
    before = folded[max(0, figure.start - 50) : figure.start].split()
    for word in before[-6:]:
        if word.strip(",.;:") in PER_BEFORE_MAP:
            return PER_BEFORE_MAP[word.strip(",.;:")]
    if previous and previous.unit == figure.unit and previous.per:
        between = folded[previous.end : figure.start]
        if len(between) < 40 and re.search(
            r"extensible|jusqu|voire|puis|\bet\b|\bou\b|\bto\b|up to", between
        ):
            return previous.per
    return None


def _kind(folded: str, figure: Figure, sentence: Span) -> str | None:
    if figure.unit == "%":
        return "share"
    if figure.unit == "MW":
        return "capacity"
    if figure.unit == "ha":
        return "area"
    if figure.unit == "person":
        return "people"
    labels = _KIND.labels_in(folded, sentence.start_char, sentence.end_char)
    # For goods, a reported arrival beats a promise ("les tonnes promises sont arrivées"),
    # and a promise beats a mere mention of deliveries ("Moscou promet des livraisons").
    order = (
        ("delivered", "pledge", "delivery", "production", "trade", "cost", "investment")
        if figure.unit == "t"
        else ("cost", "trade", "investment", "pledge", "delivered", "delivery")
    )
    found = next((label for label in order if label in labels), None)
    return "delivery" if found == "delivered" else found


def _year(doc: Doc, figure: Figure, sentence: Span) -> int | None:
    best: tuple[int, int] | None = None
    for mention in doc._.dates:
        if mention.start < sentence.start_char or mention.end > sentence.end_char:
            continue
        if figure.start <= mention.start < figure.end:
            continue
        distance = min(abs(mention.start - figure.end), abs(figure.start - mention.end))
        if best is None or distance < best[0]:
            best = (distance, int(mention.value[:4]))
    return best[1] if best else None


def _clean(value: float) -> float | int:
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


class QuantityFinder:
    """Pipeline component: sets ``doc._.quantities`` to contract-shaped quantity items."""

    def __call__(self, doc: Doc) -> Doc:
        folded = folded_text(doc)
        language = doc._.language or "fr"
        items: list[dict[str, Any]] = []
        previous: Figure | None = None
        figures = find_figures(folded, language)
        for figure in figures:
            sentence = sentence_at(doc, figure.start)
            figure.per = _per(folded, figure, sentence.end_char, previous)
            previous = figure
            if figure.unit == "AED" and _moroccan(folded):
                figure.unit = "MAD"  # the dirham of a Moroccan story is Morocco's
            subject = parenthesis_subject(doc, figure, items, figures) or subject_of(
                doc, figure, sentence
            )
            if subject is None and len(figures) > 1:
                subject = extended_subject(folded, figure, figures)
            figure.extra["subject"] = subject
            item = {
                "min": _clean(figure.low),
                "max": _clean(figure.high),
                "unit": figure.unit,
                "per": figure.per,
                "subject": subject,
                "year": _year(doc, figure, sentence),
                "kind": _kind(folded, figure, sentence),
                "evidence": sentence_evidence(doc, figure.start),
            }
            if not _repeated(items, item):
                items.append(item)
        doc._.quantities = items
        return doc


def _moroccan(folded: str) -> bool:
    return ("maroc" in folded or "morocc" in folded) and not re.search(
        r"emirat|emirates|abou dhabi|abu dhabi|dubai|\beau\b|\buae\b", folded
    )


def _repeated(items: list[dict[str, Any]], item: dict[str, Any]) -> bool:
    """The same figure for the same thing, said again."""
    for other in items:
        if (other["min"], other["max"], other["unit"], other["per"]) != (
            item["min"],
            item["max"],
            item["unit"],
            item["per"],
        ):
            continue
        a = set(fold_chars(other["subject"] or "").replace(";", " ").split())
        b = set(fold_chars(item["subject"] or "").replace(";", " ").split())
        elsewhere = other["evidence"]["start"] != item["evidence"]["start"]
        if not a or not b or a & b or (elsewhere and _one_sum(a, b)):
            return True
    return False


def _one_sum(a: set[str], b: set[str]) -> bool:
    # "une aide de 12 milliards" and, in another sentence, "la convention de don de 12
    # milliards": two words for one sum, unless each also says what it pays for ("un
    # prêt … pour le port", "un financement … pour les écoles").
    if not (a & _FUNDING and b & _FUNDING):
        return False
    rest_a, rest_b = (_content(words - _FUNDING) for words in (a, b))
    return not rest_a or not rest_b or bool(rest_a & rest_b)


def _content(words: set[str]) -> set[str]:
    return {w for w in words if len(w) > 3 and w not in _NOT_SUBJECTS}


_FUNDING = word_set("quantity_words.json", "funding")
_NOT_SUBJECTS = word_set("quantity_words.json", "not_subjects")
