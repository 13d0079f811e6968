"""Everything said in one language: interface strings, plurals, code labels, numbers, dates."""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from suivi.presentation import formats
from suivi.presentation.catalogues import LOCALES, translations
from suivi.presentation.labels import TABLES

# Fields holding dates, shown at their own precision.
_DATES = frozenset({"date", "start", "end", "planned"})
# Fields holding a code, and the kind of label that names it.
_CODES = {
    "sectors": "sector",
    "status": "status",
    "unit": "unit",
    "per": "per",
    "kind": "kind",
    "agreement_kind": "agreement_kind",
    "actor_type": "actor_type",
}


def N_(message: str) -> str:
    """Mark ``message`` for extraction, to be translated where it is shown."""
    return message


@dataclass(frozen=True)
class Language:
    """One language's catalogue, with the ways of writing values that go with it."""

    code: str
    translations: gettext.NullTranslations

    def gettext(self, message: str, **values: Any) -> str:
        """``message`` translated, its ``%(name)s`` placeholders filled with ``values``."""
        text = self.translations.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: Any, **values: Any) -> str:
        """The singular or plural form for ``n``; ``%(num)s`` is ``n`` written out."""
        count = int(n) if isinstance(n, int | float) and not isinstance(n, bool) else 0
        text = self.translations.ngettext(singular, plural, count)
        return text % {"num": self.number(n), **values}

    def label(self, kind: str, code: Any) -> str:
        """The name of a code (``label("sector", "energy")`` → ``énergie``); a code no list
        names is shown as it is, except currencies, named from Babel's data."""
        french = TABLES.get(kind, {}).get(str(code))
        if french is not None:
            return self.translations.pgettext(kind, french)
        if kind == "unit":
            return formats.currency(str(code), self.code)
        return str(code)

    def number(self, value: Any) -> str:
        """A number with this language's separators."""
        return formats.number(value, self.code)

    def when(self, value: Any) -> str:
        """An ISO date at its own precision, in words."""
        return formats.when(value, self.code)

    def month(self, day: date) -> str:
        """A month's short name."""
        return formats.month(day, self.code)

    def country(self, code: Any) -> str:
        """A state's name from its ISO code."""
        return formats.country(str(code), self.code)

    def value(self, field: str, raw: Any) -> str:
        """Any record or fact field, shown: codes named, dates and numbers localised, lists
        joined."""
        if raw is None or raw == "" or raw == []:
            return "—"
        if isinstance(raw, list):
            # Other names are phrases that hold commas themselves.
            joint = " ; " if field == "aliases" else ", "
            return joint.join(self.value(field, item) for item in raw)
        if isinstance(raw, bool):
            return self.gettext("oui") if raw else self.gettext("non")
        if field in _DATES:
            return self.when(raw)
        if field in _CODES:
            return self.label(_CODES[field], raw)
        if field in {"event_type", "type"}:
            # A fact's ``type`` is an event's kind or an actor's: whichever names it.
            kind = "event_type" if str(raw) in TABLES["event_type"] else "actor_type"
            return self.label(kind, raw)
        if field in {"parties", "country"} and isinstance(raw, str):
            return self.country(raw)
        if isinstance(raw, int | float) and field != "year":
            return self.number(raw)
        return str(raw)


@cache
def get_language(code: str, locales: Path = LOCALES) -> Language:
    """The language ``code`` as its catalogue in ``locales`` says it (French if none)."""
    return Language(code, translations(code, locales))
