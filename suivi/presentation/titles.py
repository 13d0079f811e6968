"""A record's title, composed once from its fields, for every type and language.

Consolidation stores ``record_title(record, "fr")``; the portal shows ``record_title(record,
lang)``; a review that corrects a field the title is made from changes the title with it,
since the title is made from the reviewed fields. A title an analyst wrote is kept as is.
"""

from __future__ import annotations

from typing import Any

from suivi.folding import fold_words
from suivi.models import RecordBase
from suivi.presentation.formats import babel_locale
from suivi.presentation.labels import TABLES
from suivi.presentation.language import Language, get_language


def _language(lang: str | Language) -> Language:
    return lang if isinstance(lang, Language) else get_language(lang)


def _amount(fields: dict[str, Any], language: Language) -> str:
    low, high = fields.get("min"), fields.get("max")
    if low is None or high is None or low == high:
        one = low if low is not None else high
        return "" if one is None else language.number(one)
    return f"{language.number(low)}–{language.number(high)}"


def figure(fields: dict[str, Any], lang: str | Language) -> str:
    """A quantity's figure with its unit and rate: ``160 000–200 000 t/mois``, ``62 %``,
    ``160,000–200,000 t/month``; empty when it has no number."""
    language = _language(lang)
    amount = _amount(fields, language)
    if not amount:
        return ""
    unit = fields.get("unit")
    per = language.label("per_suffix", fields["per"]) if fields.get("per") else ""
    if not unit:
        return f"{amount}{per}"
    if unit == "%" and not _spaced_percent(language.code):
        return f"{amount}%{per}"
    return f"{amount} {language.label('unit', unit)}{per}"


def _spaced_percent(lang: str) -> bool:
    # French writes "62 %", English "62%": as the language's own percent pattern does.
    pattern = babel_locale(lang).percent_formats[None].pattern
    return not pattern.rstrip().endswith("0%")


def quantity_title(fields: dict[str, Any], lang: str | Language) -> str:
    """``160 000–200 000 t/mois — produits pétroliers``. The subject is the article's own
    words; it is left out when it only repeats the unit ("100 personnes")."""
    language = _language(lang)
    amount = figure(fields, language)
    subject = str(fields.get("subject") or "").strip()
    unit = fields.get("unit")
    if subject and unit:
        names = {language.label("unit", unit), get_language("fr").label("unit", unit)}
        if fold_words(subject) in {fold_words(name) for name in names}:
            subject = ""
    if amount and subject:
        return f"{amount} — {subject}"
    return amount or subject


def event_title(fields: dict[str, Any], lang: str | Language) -> str:
    """``Visite — Russie (22 juin 2025)``: the kind of event, where, when."""
    language = _language(lang)
    kind = fields.get("event_type")
    known = str(kind) in TABLES["event_type"]
    name = language.label("event_type", kind) if known else language.label("type", "event")
    where = f" — {fields['place']}" if fields.get("place") else ""
    start = f" ({language.when(fields['start'])})" if fields.get("start") else ""
    return f"{name[:1].upper()}{name[1:]}{where}{start}"


def agreement_title(fields: dict[str, Any], lang: str | Language) -> str:
    """What was agreed, between whom, when: ``Accord de coopération dans le nucléaire civil
    — Mali, Russie (Rosatom), 23 juin 2025``. Without a designation, the kind of agreement
    and its sectors say what it is: ``Protocole d'accord (sécurité) — Niger, Iran``."""
    language = _language(lang)
    if fields.get("name"):
        head = str(fields["name"])
    else:
        kind = fields.get("agreement_kind")
        head = (
            language.label("agreement_kind", kind) if kind else language.label("type", "agreement")
        )
        sectors = [language.label("sector", code) for code in fields.get("sectors") or []]
        head += f" ({', '.join(sectors)})" if sectors else ""
    parties = _distinct([str(p) for p in fields.get("parties") or [] if p])
    states = [language.country(p) for p in parties if _is_state(p)]
    others = [p for p in parties if not _is_state(p)]
    between = ", ".join(states)
    if others:
        between += f" ({', '.join(others)})" if states else ", ".join(others)
    when = language.when(fields["date"]) if fields.get("date") else ""
    tail = ", ".join(part for part in (between.strip(), when) if part)
    head = head[:1].upper() + head[1:]
    return f"{head} — {tail}" if tail else head


def _distinct(names: list[str]) -> list[str]:
    # One party named twice ("Alliance des États du Sahel" and a longer misreading of it)
    # is shown once, under its shortest name.
    folded = {name: fold_words(name) for name in names}
    return [
        name
        for name in names
        if not any(
            other != name and folded[other] and folded[name].startswith(folded[other] + " ")
            for other in names
        )
    ]


def _is_state(code: str) -> bool:
    return len(code) == 2 and code.isalpha() and code.isupper()


def _made(record: RecordBase, language: Language) -> str:
    kind = record.get("type")
    fields = record.get("fields") or {}
    if kind == "quantity":
        return quantity_title(fields, language)
    if kind == "event":
        return event_title(fields, language)
    if kind == "agreement":
        return agreement_title(fields, language)
    return str(fields.get("name") or "")


def record_title(record: RecordBase, lang: str | Language) -> str:
    """The record's title in ``lang``: one an analyst wrote (a title review not rejected),
    else one made from its (reviewed) fields, else its stored title, else its type."""
    language = _language(lang)
    written = (record.get("reviews") or {}).get("title")
    if written and written.get("state") != "rejected" and record.get("title"):
        return str(record["title"])
    made = _made(record, language)
    if made:
        return made
    if record.get("title") and not written:
        return str(record["title"])
    kind = record.get("type")
    return language.label("type", kind) if kind else str(record.get("id") or "")
