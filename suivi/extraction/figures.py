"""The figure reader: every number of a folded text with its scale and unit, ranges joined.

Numbers in digits or in words (``numbers.py``), with a scale ("millions", "Mds") and a unit of
ours; a bare number is kept only to join a range or take a currency said before it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from suivi.extraction.numbers import DIGITS, WORDS, parse_digits, parse_words
from suivi.extraction.units import (
    CURRENCIES,
    LONG_SCALES,
    PEOPLE_ALT,
    PREFIX,
    SCALES,
    SHORT_SCALES_ALT,
    UNIT_ALT,
    UNIT_TABLE,
)


def _number_regex(language: str) -> re.Pattern[str]:
    number = rf"(?P<num>{DIGITS}|{WORDS[language]})"
    currency = r"(?=\s?(?:\$|€|£|fcfa|f\s?cfa|usd|eur))"
    scale = rf"(?:\s*(?P<scale>{LONG_SCALES})|\s?(?P<short>{SHORT_SCALES_ALT}){currency})?"
    return re.compile(rf"(?<![\w.,])(?:{PREFIX})?{number}{scale}")


_NUMBER_RE = {lang: _number_regex(lang) for lang in ("fr", "en")}
_UNIT_AFTER = re.compile(rf"\s*(?:de\s+|d'|of\s+)?(?P<unit>{UNIT_ALT})")
_PEOPLE_AFTER = re.compile(rf"\s*(?:[\w.-]+\s+){{0,2}}?(?P<people>{PEOPLE_ALT})")
_RANGE_JOIN = re.compile(r"\s*(?:-|a|au|et|to|and)\s*$")
_RANGE_OPEN = re.compile(r"(?:entre|de|from|between|d'environ|d')\s*$")
_NUMBER_OF = re.compile(
    rf"\b(?:nombre|number)\s+(?:de\s+|d'|of\s+)(?:[\w-]+\s+)?(?P<people>{PEOPLE_ALT})"
)
_YEARISH = re.compile(r"^(?:19|20)\d\d$")


@dataclass
class Figure:
    """A number read with its unit: ``low``-``high`` (equal unless a range), in the unit's base."""

    start: int
    end: int
    low: float
    high: float
    unit: str | None
    scaled: bool
    per: str | None = None
    people: str | None = None
    in_parens: bool = False
    tail: int = 0  # end of the unit phrase
    extra: dict[str, Any] = field(default_factory=dict)


def _read_number(match: re.Match[str], language: str) -> float | None:
    text = match.group("num")
    value = parse_digits(text, language) if text[0].isdigit() else parse_words(text, language)
    if value is None:
        return None
    scale = match.group("scale") or match.group("short")
    if scale:
        value *= SCALES[" ".join(scale.split())]
    return value


def find_figures(folded: str, language: str) -> list[Figure]:
    """Every number with a unit of ours in ``folded``, ranges joined, in text order."""
    figures: list[Figure] = []
    bare: list[tuple[re.Match[str], float]] = []
    for match in _NUMBER_RE[language].finditer(folded):
        value = _read_number(match, language)
        if value is None:
            continue
        end = match.end()
        unit: str | None = None
        factor = 1.0
        people: str | None = None
        prefix = match.group("prefix")
        if prefix:
            unit = "USD" if "$" in prefix else UNIT_TABLE.get(prefix.strip(), ("EUR", 1.0))[0]
        after = _UNIT_AFTER.match(folded, end)
        if after and unit is None:
            key = " ".join(after.group("unit").split())
            unit, factor = UNIT_TABLE[key]
            end = after.end()
        elif unit is None:
            person = _PEOPLE_AFTER.match(folded, end)
            if person and not re.search(r"[\d,;.()]", folded[end : person.start("people")]):
                unit, people, end = "person", person.group("people"), person.end()
        if unit is None:
            bare.append((match, value))
            continue
        if unit in ("t", "MW", "ha", "%", "person") and match.group("short"):
            continue
        if unit == "person" and (value != int(value) or value < 2):
            continue
        figures.append(
            Figure(
                match.start(),
                end,
                value * factor,
                value * factor,
                unit,
                bool(match.group("scale") or match.group("short")),
                people=people,
            )
        )
        figures[-1].extra["num_end"] = match.end()
    figures = _join_ranges(folded, figures, bare, language)
    figures += _people_counts(folded, bare, figures)
    _inherit_currency(folded, figures, bare, language)
    figures.sort(key=lambda f: f.start)
    return figures


def _join_ranges(
    folded: str, figures: list[Figure], bare: list[tuple[re.Match[str], float]], language: str
) -> list[Figure]:
    """ "entre 160 000 et 200 000 tonnes", "25-50 thousand tons": the first number takes the
    unit (and scale) of the second. "de 20 % à 30 %" stays two figures."""
    for match, value in bare:
        nxt = next((f for f in figures if f.start >= match.end()), None)
        if nxt is None or not _RANGE_JOIN.fullmatch(folded[match.end() : nxt.start]):
            continue
        joint = folded[match.end() : nxt.start].strip()
        if joint not in ("-", "to") and not _RANGE_OPEN.search(
            folded[max(0, match.start() - 14) : match.start()]
        ):
            continue
        low = value
        factor = 1.0
        if not (match.group("scale") or match.group("short")) and nxt.scaled:
            ratio = _scale_of(folded[nxt.start : nxt.end], language)
            low *= ratio
        unit_factor = _unit_factor(folded[nxt.start : nxt.end])
        low *= unit_factor * factor
        if low < nxt.low:
            nxt.low = low
            nxt.start = match.start()
    return figures


def _scale_of(text: str, language: str) -> float:
    found = re.search(rf"(?:{LONG_SCALES})", text)
    return SCALES[" ".join(found.group(0).split())] if found else 1.0


def _unit_factor(text: str) -> float:
    found = _UNIT_AFTER.search(text)
    return UNIT_TABLE[" ".join(found.group("unit").split())][1] if found else 1.0


def _people_counts(
    folded: str, bare: list[tuple[re.Match[str], float]], figures: list[Figure]
) -> list[Figure]:
    """ "le nombre de boursiers, passé de 35 à 290": bare counts after "nombre de <people>"."""
    found: list[Figure] = []
    for number_of in _NUMBER_OF.finditer(folded):
        stop = folded.find(".", number_of.end())
        stop = len(folded) if stop < 0 else stop
        for match, value in bare:
            if not number_of.end() <= match.start() < stop:
                continue
            if _YEARISH.match(match.group("num")) or value != int(value) or value < 2:
                continue
            if match.group("scale") or match.group("short"):
                continue
            found.append(
                Figure(
                    match.start(),
                    match.end(),
                    value,
                    value,
                    "person",
                    False,
                    people=number_of.group("people"),
                )
            )
    return found


def _inherit_currency(
    folded: str, figures: list[Figure], bare: list[tuple[re.Match[str], float]], language: str
) -> None:
    """ "150 millions sous forme de prêt": a scaled bare number takes the currency of the last
    amount before it in the sentence that was not a conversion in parentheses."""
    for figure in figures:
        figure.in_parens = folded.rfind("(", 0, figure.start) > folded.rfind(")", 0, figure.start)
    for match, value in bare:
        if not match.group("scale"):
            continue
        sentence_start = max(
            folded.rfind(". ", 0, match.start()), folded.rfind("\n", 0, match.start())
        )
        previous = [
            f
            for f in figures
            if sentence_start < f.start < match.start() and f.unit in CURRENCIES and not f.in_parens
        ]
        if previous:
            figures.append(
                Figure(match.start(), match.end(), value, value, previous[-1].unit, True)
            )
