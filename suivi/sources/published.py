"""The date a text says it was published: a "Publié le" line, a date header or a dateline."""

from __future__ import annotations

import re

from suivi.calendar_words import WEEKDAY, day, month, month_number, year
from suivi.folding import fold_chars

_DATE_FR = rf"(?:{WEEKDAY},?\s+)?(?:le\s+)?{day('d')}\s+{month('m')},?\s+{year('y')}"
_DATE_EN = rf"(?:{WEEKDAY},?\s+)?{month('m2')}\s+{day('d2')},?\s+{year('y2')}"
_DATE_NUM = r"(?P<d3>[0-3]?\d)[/.](?P<m3>[01]?\d)[/.](?P<y3>(?:19|20)\d\d)"
_DATE_ISO = r"(?P<y4>(?:19|20)\d\d)-(?P<m4>[01]\d)-(?P<d4>[0-3]\d)"
_ANY_DATE = rf"(?:{_DATE_FR}|{_DATE_EN}|{_DATE_NUM}|{_DATE_ISO})"

# A line that states publication ("Publié le", "Mis en ligne le", "Published on").
_PUBLISHED = re.compile(
    rf"(?:publie|publiee|mis en ligne|mise en ligne|published|posted|date de publication)"
    rf"(?:\s+le|\s+on)?\s*:?\s*{_ANY_DATE}"
)
# A header the collector wrote on the first line: " date 2025-06 Title...".
_HEADER = re.compile(r"^\s*date\s+(?P<iso>(?:19|20)\d\d(?:-[01]\d(?:-[0-3]\d)?)?)\b")
# A dateline at the top: "(Ouagadougou, le 2 janvier 2025)", "Bamako, le 3 mai 2024 -",
# "NIAMEY, 30 avril 2024 (Agence) -", "Dakar, mardi 6 février 2024", "ACCRA, May 18, 2023 -".
# The place is a few words without a digit or an article: "Le vendredi 24 octobre 2025, le
# président…" is no dateline.
_PLACE = (
    r"(?!(?:le|la|les|un|une|ce|cette|en|the|a|an|in|on|this)\b)"
    r"[^\W\d_]+(?:(?:[' .()/-]|\s+)[^\W\d_]*){0,5}"
)
_DATELINE = re.compile(rf"^\W*{_PLACE},\s+(?:le\s+)?(?:{_DATE_FR}|{_DATE_EN})(?!\s*\d)")
# A line that is a date (under a byline), or ends with one after a section separator:
# "8 août 2024", "Économie | jeudi, 22 février 2024", "12 mars 2024 - 10h30".
_DATE_LINE = re.compile(
    rf"^(?:[^\n|·]{{0,60}}\s[|·]\s*)?\W*(?:{_DATE_FR}|{_DATE_EN})"
    rf"(?:\s*(?:[-|·(]|a\s+\d|at\s+\d|\d\d?[h:]\d\d).*)?\W*$"
)


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    for d, m, y in (("d", "m", "y"), ("d2", "m2", "y2")):
        if groups.get(y):
            return f"{int(groups[y]):04d}-{month_number(groups[m]):02d}-{int(groups[d]):02d}"
    if groups.get("y3"):
        return f"{int(groups['y3']):04d}-{int(groups['m3']):02d}-{int(groups['d3']):02d}"
    if groups.get("y4"):
        return f"{groups['y4']}-{groups['m4']}-{groups['d4']}"
    return None


def _valid(iso: str | None) -> str | None:
    if iso is None:
        return None
    parts = [int(p) for p in iso.split("-")]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return None
    if len(parts) > 2 and not 1 <= parts[2] <= 31:
        return None
    return iso


def find_published(text: str) -> str | None:
    """Return the publication date ``text`` states (ISO, at the precision given), or None.

    An explicit publication line wins; then a ``date`` header on the first line; then a
    dateline opening the text. Dates of events are never taken for the publication date.
    """
    folded = fold_chars(text)
    explicit = _PUBLISHED.search(folded)
    if explicit:
        found = _valid(_iso(explicit))
        if found:
            return found
    header = _HEADER.match(folded)
    if header:
        return _valid(header.group("iso"))
    lines = [line for line in folded[:800].splitlines() if line.strip()][:8]
    for line in lines:
        dateline = _DATELINE.match(line) or _DATE_LINE.match(line)
        if dateline:
            return _valid(_iso(dateline))
    return None
