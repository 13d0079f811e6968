"""The gettext catalogues: which languages exist, and each one's translations.

French is the source language: every msgid is the French string, so the ``fr`` catalogue
needs no translation at all. A language is offered as soon as its catalogue is on disk
(``locale/<lang>/LC_MESSAGES/suivi.po``): adding one is ``pybabel init``, no code change.

Catalogues are compiled from their ``.po`` text at first use, in memory, with Babel: no
binary ``.mo`` is committed, so the text a translator edits is the only copy and can never
be out of step with a stale compiled file.
"""

from __future__ import annotations

import gettext
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "suivi"
SOURCE = "fr"
LOCALES = Path(__file__).parent / "locale"


def catalogue_path(lang: str, locales: Path = LOCALES) -> Path:
    """Where the catalogue of ``lang`` is (whether or not it exists)."""
    return locales / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages(locales: Path = LOCALES) -> tuple[str, ...]:
    """The languages offered: French first, then every other catalogue on disk, sorted."""
    found = sorted(
        path.name
        for path in locales.iterdir()
        if path.is_dir() and catalogue_path(path.name, locales).is_file()
    )
    return (SOURCE, *(lang for lang in found if lang != SOURCE))


def _strings(string: str | tuple[str, ...] | list[str] | None) -> list[str]:
    return [string] if isinstance(string, str) else list(string or ())


def _compiled(path: Path, identity: bool) -> gettext.GNUTranslations:
    with path.open("rb") as handle:
        catalogue = read_po(handle, domain=DOMAIN)
    if identity:
        # The source language translates every message as itself; written out so that its
        # plural rule (French: singular for 0 and 1) applies, not gettext's n == 1 default.
        for message in catalogue:
            if not message.id or any(_strings(message.string)):
                continue
            if isinstance(message.id, tuple | list):
                one, other = message.id[0], message.id[-1]
                message.string = (one, *[other] * (catalogue.num_plurals - 1))
            else:
                message.string = message.id
    buffer = BytesIO()
    write_mo(buffer, catalogue)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@cache
def translations(lang: str, locales: Path = LOCALES) -> gettext.NullTranslations:
    """The translations of ``lang``; what a catalogue lacks is said in French."""
    source = _compiled(catalogue_path(SOURCE, locales), identity=True)
    if lang == SOURCE:
        return source
    path = catalogue_path(lang, locales)
    if not path.is_file():
        return source
    found = _compiled(path, identity=False)
    found.add_fallback(source)
    return found
