"""Numbers, dates and quantities written the way a French (or English) reader expects."""

from __future__ import annotations

import unicodedata
from datetime import date
from functools import lru_cache
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from suivi.web.i18n import LABELS, labeller

_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def number(value: Any, lang: str) -> str:
    """``25000`` → ``25 000`` in French, ``25,000`` in English."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    return str(format_decimal(value, locale=_LOCALES.get(lang, "fr_FR")))


def parse_date(value: Any) -> date | None:
    """An ISO date at any precision (``2025``, ``2025-06``, ``2025-06-23``) as its first day."""
    if not isinstance(value, str) or len(value) < 4 or not value[:4].isdigit():
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and parts[1] else 1
        day = int(parts[2]) if len(parts) > 2 and parts[2] else 1
        return date(year, month, day)
    except ValueError:
        return None


def month(day: date, lang: str) -> str:
    """A month's short name: ``juin``, ``Jun``."""
    return str(format_date(day, "MMM", locale=_LOCALES.get(lang, "fr_FR")))


def when(value: Any, lang: str) -> str:
    """An ISO date at its own precision: ``23 juin 2025``, ``juin 2025``, ``2025``."""
    parsed = parse_date(value)
    if parsed is None:
        return "" if value is None else str(value)
    locale = _LOCALES.get(lang, "fr_FR")
    precision = len(str(value)[:10].split("-"))
    if precision == 1:
        return str(parsed.year)
    if precision == 2:
        return str(format_date(parsed, "MMMM y", locale=locale))
    return str(format_date(parsed, "d MMMM y", locale=locale))


@lru_cache(maxsize=512)
def country(code: str, lang: str) -> str:
    """The name of a state from its ISO code (``ML`` → ``Mali``); anything else as given."""
    if len(code) == 2 and code.isupper():
        name = Locale.parse(_LOCALES.get(lang, "fr_FR")).territories.get(code)
        if name:
            return str(name)
    return code


def quantity(fields: dict[str, Any], lang: str) -> str:
    """``160 000 – 200 000 t par mois``: a quantity record's figure with its unit and rate."""
    label = labeller(lang)
    low, high = fields.get("min"), fields.get("max")
    if low is None and high is None:
        return ""
    figure = number(low if low is not None else high, lang)
    if low is not None and high is not None and low != high:
        figure = f"{number(low, lang)} – {number(high, lang)}"
    unit = fields.get("unit")
    parts = [figure]
    if unit:
        parts.append(label("unit", unit))
    if fields.get("per"):
        parts.append(label("per", fields["per"]))
    return " ".join(parts).replace(" %", "\u202f%")


def _folded(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c)
    ).strip()


def quantity_title(fields: dict[str, Any], lang: str) -> str:
    """A quantity's title in the reader's language: ``160 000 – 200 000 t par mois — blé``.

    The subject is the article's own words; it is left out when it only repeats the unit
    ("100 personnes", not "100 personnes — personnes").
    """
    figure = quantity(fields, lang)
    subject = str(fields.get("subject") or "").strip()
    unit = fields.get("unit")
    if (
        subject
        and unit
        and _folded(subject) in {_folded(labeller(code)("unit", unit)) for code in ("fr", "en")}
    ):
        subject = ""
    if figure and subject:
        return f"{figure} — {subject}"
    return figure or subject


def event_title(fields: dict[str, Any], lang: str) -> str:
    """An event's title in the reader's language: ``Visit — Moscow (24 June 2025)``."""
    label = labeller(lang)
    kind = fields.get("event_type")
    known = str(kind) in LABELS["event_type"]
    name = label("event_type", kind) if known else label("type", "event")
    where = f" — {fields['place']}" if fields.get("place") else ""
    start = f" ({when(fields['start'], lang)})" if fields.get("start") else ""
    return f"{name[:1].upper()}{name[1:]}{where}{start}"


def title(item: dict[str, Any], lang: str) -> str:
    """A record's title as shown: the one an analyst wrote if any; for events and quantities,
    whose titles consolidation writes from their fields in French, the same made in the
    reader's language from the (reviewed) fields; otherwise the stored title."""
    written = (item.get("reviews") or {}).get("title")
    if not (written and written.get("state") != "rejected"):
        fields = item.get("fields") or {}
        if item.get("type") == "event":
            return event_title(fields, lang)
        if item.get("type") == "quantity":
            made = quantity_title(fields, lang)
            if made:
                return made
    return str(item.get("title") or item.get("id") or "")


def value(field: str, raw: Any, lang: str) -> str:
    """Any record field, shown: codes named, dates and numbers localised, lists joined."""
    label = labeller(lang)
    if raw is None or raw == "" or raw == []:
        return "—"
    if isinstance(raw, list):
        return ", ".join(value(field, item, lang) for item in raw)
    if isinstance(raw, bool):
        return {True: "oui", False: "non"}[raw] if lang == "fr" else str(raw).lower()
    if field in {"date", "start", "end", "planned"}:
        return when(raw, lang)
    if field in {"sectors"}:
        return label("sector", raw)
    if field == "status":
        return label("status", raw)
    if field in {"event_type", "type"}:
        # A fact's ``type`` is an event's kind or an actor's: whichever names it.
        named = label("event_type", raw)
        return named if named != str(raw) else label("actor_type", raw)
    if field in {"parties", "country"} and isinstance(raw, str):
        return country(raw, lang)
    if field == "unit":
        return label("unit", raw)
    if field == "per":
        return label("per", raw)
    if field == "kind":
        return label("kind", raw)
    if field == "actor_type":
        return label("actor_type", raw)
    if isinstance(raw, int | float) and field != "year":
        return number(raw, lang)
    return str(raw)
