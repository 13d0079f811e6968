"""Dates named in a text, at the precision the text gives, resolved on candidate spans only.

Candidate spans are found by one pass of regular expressions over the folded text; each is
resolved by dateparser (cached), never by searching a whole article. Missing years come from
the publication date, else from the nearest year the text names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import dateparser
from spacy.tokens import Doc

from suivi.calendar_words import WEEKDAY, WEEKDAYS, day, month, month_number, year
from suivi.datelines import dateline_day
from suivi.extraction.text import folded_text, raw_text
from suivi.settings import reference_today


@dataclass(frozen=True)
class DateMention:
    """A date in the text: ``value`` (and ``end`` for a range) as ISO strings."""

    start: int
    end: int
    value: str
    until: str | None = None


_WD = rf"(?:{WEEKDAY},?\s+)?"
_QUAL = (
    r"(?P<qual>debut|fin|mi-|mi|courant|fin de|au debut de|a la fin de"
    r"|early|late|mid-|mid|end of|beginning of)"
)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # du 21 au 26 juin 2025 / du 30 mai au 2 juin 2025
    (
        "range",
        re.compile(
            rf"\bdu\s+{_WD}{day('d1')}(?:\s+{month('m1')})?(?:\s+{year('y1')})?\s+au\s+{_WD}{day('d2')}"
            rf"\s+{month('m2')}(?:\s+{year('y2')})?"
        ),
    ),
    # 14-16 mai 2023 / 14 to 16 May
    (
        "range",
        re.compile(
            rf"\b{day('d1')}\s*(?:-|au|to|and|et|&)\s*{day('d2')}\s+{month('m2')}(?:,?\s+{year('y2')})?"
        ),
    ),
    # May 14-16, 2023
    (
        "range",
        re.compile(
            rf"\b{month('m2')}\s+{day('d1')}\s*(?:-|to|and|&)\s*{day('d2')}(?![\d,.]\d)(?:,?\s+{year('y2')})?"
        ),
    ),
    # (lundi) 23 juin 2025 / le 11 octobre
    ("day", re.compile(rf"\b{_WD}{day('d')}\s+{month('m')}(?:,?\s+{year('y')})?")),
    # Thursday, July 27, 2023 / April 10
    ("day", re.compile(rf"\b{_WD}{month('m')}\s+{day('d')}(?![\d])(?:,?\s+{year('y')})?")),
    # 24/06/2025
    ("numeric", re.compile(r"\b(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>(?:19|20)\d\d)\b")),
    # début novembre 2023, fin 2025, mid-2024
    ("qualified", re.compile(rf"\b{_QUAL}\s*(?:{month('m')}\s+)?(?:de\s+|d')?{year('y')}")),
    # juin 2025, en juillet 2023
    ("month", re.compile(rf"\b{month('m')}\s+(?:de\s+l'annee\s+|of\s+)?{year('y')}")),
    # juin dernier, last June, en mars prochain, next March (year from the publication date)
    (
        "month_relative",
        re.compile(
            rf"\b(?:(?P<rel1>last|next|this past)\s+{month('m1')}|{month('m2')}\s+"
            rf"(?P<rel2>dernier|prochain|passe)\b)"
        ),
    ),
    # en novembre, à la mi-janvier, fin mars (year from context)
    (
        "month_only",
        re.compile(
            rf"\b(?:(?:en|in|depuis|since|fin|debut|courant|early|late|mid)\s+|mi-\s*|mid-\s*)"
            rf"{month('m')}(?!\s+\d)"
        ),
    ),
    # ce samedi / lundi / Monday's
    ("weekday", re.compile(rf"\b(?P<wd>{WEEKDAY})(?:'s)?\b(?!\s*,?\s*(?:\d|le\s+\d))")),
    (
        "relative",
        re.compile(
            r"\b(?P<rel>l'an dernier|l'annee derniere|last year|l'an passe|cette annee|this year)\b"
        ),
    ),
    ("year", re.compile(rf"(?<![\d/.,-]){year('y')}(?!\s*-\s*\d)(?![\d/])")),
]

_MAY_WORD = re.compile(r"\bmay\b")
# A weekday in a clause about the future is the next such day: "doit se clore vendredi",
# "is expected to close on Friday", "lundi prochain".
_FUTURE = re.compile(
    r"\b(?:will|shall|expected to|due to|set to|scheduled|doit|doivent|devrait|devraient|devra"
    r"|devront|sera|seront|aura lieu|prevu|prevue|attendu|attendue)\b[^.;\n]*$"
)
_NEXT = re.compile(r"\s+(?:prochain|next)\b")


@lru_cache(maxsize=4096)
def _parse_day(day_: int, month_: int, year_: int) -> str | None:
    """Resolve a day through dateparser (it validates calendars: no 31 June)."""
    parsed = dateparser.parse(
        f"{year_:04d}-{month_:02d}-{day_:02d}",
        date_formats=["%Y-%m-%d"],
        settings={"STRICT_PARSING": True},
    )
    return parsed.date().isoformat() if parsed else None


def _anchor(published: str | None) -> tuple[int | None, int | None, int | None]:
    if not published:
        return None, None, None
    parts = [int(p) for p in published.split("-")]
    parts += [None] * (3 - len(parts))  # type: ignore[list-item]
    return parts[0], parts[1], parts[2]


def _nearest_year(years: list[tuple[int, int]], position: int) -> int | None:
    """The year named nearest before ``position`` (else after it)."""
    before = [y for p, y in years if p <= position]
    if before:
        return before[-1]
    after = [y for p, y in years if p > position]
    return after[0] if after else None


def find_dates(folded: str, published: str | None) -> list[DateMention]:
    """Every date mention in the folded text, longest spans first, without overlaps."""
    anchor_y, anchor_m, anchor_d = _anchor(published)
    taken: list[tuple[int, int]] = []
    found: list[tuple[str, re.Match[str]]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            s, e = match.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            groups = match.groupdict()
            # English "may" is mostly the modal verb: only with a year or a day next to it.
            may = kind in ("day", "month", "range") and "may" in (groups.get("m"), groups.get("m2"))
            if may and not (
                groups.get("y") or groups.get("y2") or groups.get("d") or groups.get("d1")
            ):
                continue
            if kind == "month_only" and groups.get("m") == "may":
                continue
            if kind == "month_relative" and groups.get("m2") == "may":
                continue
            taken.append((s, e))
            found.append((kind, match))
    years = sorted((m.start(), int(m.group("y"))) for k, m in found if m.groupdict().get("y"))
    mentions: list[DateMention] = []
    for kind, match in found:
        g = match.groupdict()
        s, e = match.span()
        context_year = anchor_y or _nearest_year(years, s)
        value: str | None = None
        until: str | None = None
        if kind == "range":
            y2 = int(g["y2"]) if g.get("y2") else context_year
            m2 = month_number(g["m2"])
            m1 = month_number(g["m1"]) if g.get("m1") else m2
            y1 = int(g["y1"]) if g.get("y1") else y2
            if y1 and y2:
                value = _parse_day(int(g["d1"]), m1, y1)
                until = _parse_day(int(g["d2"]), m2, y2)
        elif kind in ("day", "numeric"):
            y = int(g["y"]) if g.get("y") else context_year
            mo = month_number(g["m"]) if kind == "day" else int(g["m"])
            if y and 1 <= mo <= 12:
                value = _parse_day(int(g["d"]), mo, y)
            if value and not g.get("y") and anchor_y and anchor_m and anchor_d:
                # "reached on Dec. 12" in an article of May 2023 is December 2022.
                published_on = f"{anchor_y:04d}-{anchor_m:02d}-{anchor_d:02d}"
                named_year = any(
                    s - 100 <= m.start() < s and (m.groupdict().get("y") or m.groupdict().get("y2"))
                    for _k, m in found
                )
                if (
                    value > published_on
                    and not named_year
                    and not _FUTURE.search(folded[max(0, s - 70) : s])
                ):
                    value = _parse_day(int(g["d"]), mo, anchor_y - 1)
        elif kind == "qualified":
            value = f"{int(g['y']):04d}-{month_number(g['m']):02d}" if g.get("m") else g["y"]
        elif kind == "month":
            value = f"{int(g['y']):04d}-{month_number(g['m']):02d}"
        elif kind == "month_relative":
            value = _relative_month(
                month_number(g["m1"] or g["m2"]), g["rel1"] or g["rel2"], anchor_y, anchor_m
            )
        elif kind == "month_only":
            if context_year:
                value = f"{context_year:04d}-{month_number(g['m']):02d}"
        elif kind == "weekday":
            ahead = bool(_FUTURE.search(folded[max(0, s - 70) : s]) or _NEXT.match(folded, e))
            value = _weekday(g["wd"], anchor_y, anchor_m, anchor_d, ahead=ahead)
        elif kind == "relative":
            if anchor_y:
                past = g["rel"] in ("l'an dernier", "l'annee derniere", "last year", "l'an passe")
                value = str(anchor_y - 1 if past else anchor_y)
        elif kind == "year":
            value = g["y"]
        if value:
            mentions.append(DateMention(s, e, value, until))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _relative_month(
    month_: int, relation: str, year_: int | None, current: int | None
) -> str | None:
    """ "juin dernier" is the last June before the publication date; "mars prochain" the next."""
    if year_ is None:
        return None
    if current is None:
        return f"{year_:04d}-{month_:02d}"
    if relation in ("next", "prochain"):
        return f"{year_ + (month_ <= current):04d}-{month_:02d}"
    return f"{year_ - (month_ >= current):04d}-{month_:02d}"


def _weekday(
    name: str, year_: int | None, month_: int | None, day_: int | None, *, ahead: bool = False
) -> str | None:
    """A weekday alone: the last such day on or before the publication date (the next one on
    or after it when the clause speaks of the future), at the publication date's precision."""
    if year_ is None:
        return None
    if month_ is None:
        return str(year_)
    if day_ is None:
        return f"{year_:04d}-{month_:02d}"
    base = dt.date(year_, month_, day_)
    if ahead:
        return (base + dt.timedelta(days=(WEEKDAYS[name] - base.weekday()) % 7)).isoformat()
    back = (base.weekday() - WEEKDAYS[name]) % 7
    return (base - dt.timedelta(days=back)).isoformat()


class DateFinder:
    """Pipeline component: sets ``doc._.dates`` to the list of :class:`DateMention`."""

    def __call__(self, doc: Doc) -> Doc:
        # A wire dated "BAMAKO, June 30" says its year only through its weekday.
        anchor = doc._.published or dateline_day(raw_text(doc), reference_today())
        doc._.dates = find_dates(folded_text(doc), anchor)
        return doc
