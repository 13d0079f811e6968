"""Code labels, numbers and plurals in French and English."""

from __future__ import annotations

from pathlib import Path


def test_figures_about_people_are_written_once_in_words() -> None:
    from suivi.presentation import get_language, record_title

    people = {"min": 100, "max": 100, "unit": "person", "subject": "personnes", "kind": "people"}
    assert record_title({"type": "quantity", "fields": people}, "fr") == "100 personnes"
    assert record_title({"type": "quantity", "fields": people}, "en") == "100 people"
    french = get_language("fr")
    assert (
        french.value("kind", "people") == "effectif"
        and french.value("kind", "area") == "superficie"
    )
    land = {"min": 500, "max": 500, "unit": "ha", "subject": "terres agricoles"}
    assert record_title({"type": "quantity", "fields": land}, "fr") == "500 ha — terres agricoles"
    assert get_language("en").value("unit", "MW") == "MW"


def test_every_unit_and_kind_extraction_gives_has_a_name() -> None:
    import json

    from suivi import vocab
    from suivi.presentation import get_language
    from suivi.presentation.labels import CURRENCIES

    units = json.loads(
        (Path(__file__).parents[2] / "suivi/extraction/patterns/units.json").read_text()
    )
    for code in {unit for unit, _ in units["units"].values()} | {"person"}:
        # Named in the tables, or by babel's currency data in both languages.
        for lang in ("fr", "en"):
            named = get_language(lang).label("unit", code)
            assert named != code or code in {*vocab.UNITS, *CURRENCIES}, (code, lang)
    assert get_language("fr").label("unit", "JPY") == "yens japonais"
    for kind in vocab.QUANTITY_KINDS:
        assert get_language("en").label("kind", kind) != vocab.QUANTITY_KINDS[kind] or kind in {
            "production"
        }
    assert {"people", "area"} <= set(vocab.QUANTITY_KINDS)


def test_plural_rules_of_french_and_english() -> None:
    from suivi.presentation import get_language

    fr, en = get_language("fr"), get_language("en")
    outlets = ("%(num)s média", "%(num)s médias")
    assert [fr.ngettext(*outlets, n) for n in (0, 1, 2)] == ["0 média", "1 média", "2 médias"]
    assert [en.ngettext(*outlets, n) for n in (0, 1, 2)] == ["0 outlets", "1 outlet", "2 outlets"]
