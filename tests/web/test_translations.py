"""The catalogues: every message has an English translation, and a language is offered as
soon as its catalogue is on disk."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po
from fastapi.testclient import TestClient
from test_web_fixtures import Store, build_store

from suivi.presentation import LOCALES, languages
from suivi.presentation.catalogues import catalogue_path
from suivi.web import create_app

ROOT = Path(__file__).parents[2]


def extracted() -> set[tuple[str | None, str]]:
    """Every (context, msgid) the code and templates use, as ``pybabel extract`` finds them."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
    keywords["N_"] = None
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=keywords
    ):
        found.add((context, message[0] if isinstance(message, tuple) else message))
    return found


def test_every_message_has_an_english_translation() -> None:
    messages = extracted()
    # Interface strings, plurals and code labels are all found.
    assert (None, "Tableau de bord") in messages
    assert (None, "%(num)s fiche trouvée") in messages
    assert ("sector", "énergie") in messages and ("unit", "FCFA") in messages
    with catalogue_path("en").open("rb") as handle:
        english = read_po(handle)
    translated = {
        (m.context, m.id[0] if isinstance(m.id, tuple) else m.id)
        for m in english
        if m.id and not m.fuzzy and all(m.string if isinstance(m.string, tuple) else [m.string])
    }
    assert sorted(messages - translated, key=str) == []
    # Placeholders agree between French and English (Babel's own checks).
    assert not list(english.check())


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return build_store(tmp_path_factory.mktemp("i18n") / "s.db")


@pytest.fixture
def russian(tmp_path: Path) -> Iterator[Path]:
    """The catalogues as shipped, plus a Russian one made as ``pybabel init -l ru`` does,
    with one message translated."""
    locales = tmp_path / "locale"
    shutil.copytree(LOCALES, locales)
    with (locales / "suivi.pot").open("rb") as handle:
        template = read_po(handle, locale="ru")
    template.locale = "ru"  # type: ignore[assignment]
    template.get("Tableau de bord").string = "Панель"  # type: ignore[union-attr]
    path = catalogue_path("ru", locales)
    path.parent.mkdir(parents=True)
    with path.open("wb") as handle:
        write_po(handle, template)
    yield locales


def test_a_new_catalogue_is_offered_by_the_portal(store: Store, russian: Path) -> None:
    assert languages(LOCALES) == ("fr", "en")
    assert languages(russian) == ("fr", "en", "ru")
    with TestClient(create_app(store.engine, locales=russian)) as client:
        home = lxml.html.fromstring(client.get("/").text)
        assert home.xpath("//span[@class='langs']//a/@hreflang") == ["en", "ru"]
        tree = lxml.html.fromstring(client.get("/?lang=ru").text)
        assert tree.get("lang") == "ru"
        assert tree.xpath("//h1")[0].text == "Панель"
        # What the catalogue lacks is said in French; dates follow Russian conventions.
        assert tree.xpath("//h2[@id='h-overdue']")[0].text == "Promesses en retard"
        record = lxml.html.fromstring(client.get("/records/agr-000000000001").text)
        assert record.get("lang") == "ru"  # the choice is kept
        assert "июня 2025" in record.xpath("string(//td[@data-field='date'])")
    with TestClient(create_app(store.engine)) as client:
        # Without the catalogue, no Russian: the page stays French.
        tree = lxml.html.fromstring(client.get("/?lang=ru").text)
        assert tree.get("lang") == "fr" and "ru" not in tree.xpath("//a/@hreflang")


def test_a_right_to_left_language_is_laid_out_so(store: Store, tmp_path: Path) -> None:
    locales = tmp_path / "locale"
    shutil.copytree(LOCALES, locales)
    path = catalogue_path("ar", locales)
    path.parent.mkdir(parents=True)
    shutil.copy(catalogue_path("fr", locales), path)
    with TestClient(create_app(store.engine, locales=locales)) as client:
        tree = lxml.html.fromstring(client.get("/?lang=ar").text)
        assert tree.get("lang") == "ar" and tree.get("dir") == "rtl"
        assert lxml.html.fromstring(client.get("/?lang=en").text).get("dir") is None
