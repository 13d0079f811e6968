"""Tests of the extraction scorer (suivi.evaluation) and of the evaluation corpus files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from suivi.evaluation import (
    CATEGORIES,
    FormatError,
    fold,
    load_jsonl,
    main,
    match_actor,
    match_agreement,
    match_quantity,
    pair,
    score,
)

Item = dict[str, Any]

CORPUS = Path(__file__).parent
SECTORS = {
    "security", "diplomacy", "trade", "investment", "energy", "nuclear", "mining",
    "agriculture", "education", "science", "health", "digital", "transport",
    "humanitarian", "culture",
}  # fmt: skip


def doc(name: str = "a.txt", **facts: Any) -> Item:
    """An answer for one article, with empty categories unless given."""
    answer: Item = {"doc": name, "published": None}
    for category in CATEGORIES:
        answer[category] = facts.pop(category, [])
    answer.update(facts)
    return answer


def person(name: str, aliases: list[str] | None = None, **extra: Any) -> Item:
    return {"name": name, "type": "person", "country": None, "aliases": aliases or [], **extra}


def quantity(value: float, unit: str = "t", per: str | None = None, **extra: Any) -> Item:
    return {"min": value, "max": value, "unit": unit, "per": per, **extra}


# --------------------------------------------------------------------------- folding


def test_fold_removes_accents_case_hyphens_and_quotes() -> None:
    assert fold("Fédération de Russie.") == "federation de russie"
    assert fold("Côte d’Ivoire") == "cote d'ivoire"
    assert fold("Port-Bouët") == "port bouet"
    assert fold("  Niger\u00a0 ") == "niger"
    assert fold(None) == ""


# --------------------------------------------------------------------------- actors


def test_actor_matches_by_alias_and_family_name() -> None:
    gold = person("Ibrahim Traoré", ["Capitaine Ibrahim Traoré"])
    assert match_actor(gold, {"name": "capitaine Ibrahim Traore", "type": "person"})
    assert match_actor(gold, {"name": "Traoré", "type": "person"})
    assert match_actor(gold, {"name": "M. Traore", "type": "person"})
    assert not match_actor(gold, {"name": "Ibrahim", "type": "person"})
    assert not match_actor(gold, {"name": "Traoré", "type": "organization"})


def test_country_matches_by_code_but_organisation_does_not() -> None:
    gold_country = {"name": "Russie", "type": "country", "country": "RU", "aliases": []}
    assert match_actor(
        gold_country, {"name": "Fédération de Russie", "type": "country", "country": "RU"}
    )
    assert not match_actor(
        gold_country, {"name": "Russie", "type": "organization", "country": "RU"}
    )
    gold_org = {"name": "Rosatom", "type": "organization", "country": "RU", "aliases": []}
    assert not match_actor(gold_org, {"name": "Rusal", "type": "organization", "country": "RU"})


def test_duplicate_actor_is_a_false_positive() -> None:
    gold = [doc(actors=[person("Vladimir Poutine", ["Putin"])])]
    pred = [
        doc(
            actors=[
                {"name": "Vladimir Poutine", "type": "person"},
                {"name": "Poutine", "type": "person"},
            ]
        )
    ]
    actors = score(gold, pred).categories["actors"]
    assert (actors.tp, actors.fp, actors.fn) == (1, 1, 0)
    assert actors.precision == 0.5
    assert actors.recall == 1.0


# --------------------------------------------------------------------------- quantities


def test_quantity_within_half_a_percent_with_subject_word_matches() -> None:
    gold = quantity(55000, subject=["ble"])
    assert match_quantity(gold, quantity(55200, subject="tonnes de blé"))
    assert match_quantity(gold, quantity(55000, subject="Blé russe"))


def test_quantity_near_misses_do_not_match() -> None:
    gold = quantity(55000, per="month", subject=["ble"])
    assert not match_quantity(gold, quantity(55400, per="month", subject="blé"))  # 0.7 % off
    assert not match_quantity(gold, quantity(55000, per=None, subject="blé"))  # not a rate
    assert not match_quantity(gold, quantity(55000, unit="USD", per="month", subject="blé"))
    assert not match_quantity(gold, quantity(55000, per="month", subject="engrais"))


def test_range_needs_both_bounds() -> None:
    gold = {"min": 160000, "max": 200000, "unit": "t", "per": None, "subject": ["petrol"]}
    near = {"min": 160000, "max": 160000, "unit": "t", "per": None, "subject": "pétrole"}
    good = {"min": 160000, "max": 200000, "unit": "t", "per": None, "subject": "pétrole"}
    assert not match_quantity(gold, near)
    assert match_quantity(gold, good)


def test_quantities_value_ignores_the_subject() -> None:
    gold = [doc(quantities=[quantity(5000, unit="person", subject=["homme"])])]
    pred = [doc(quantities=[quantity(5000, unit="person", subject="soldats")])]
    report = score(gold, pred)
    assert report.categories["quantities"].tp == 0
    assert report.categories["quantities"].fp == 1
    assert report.categories["quantities_value"].tp == 1
    # quantities_value is reported but not part of the overall figure
    assert report.overall.tp == 0


# --------------------------------------------------------------------------- agreements


def test_agreements_pair_by_best_sector_overlap_first() -> None:
    gold: list[Item] = [
        {"title": "sécurité", "sectors": ["security"], "date": "2025-06-23", "status": "signed"},
        {"title": "nucléaire", "sectors": ["nuclear", "energy"], "date": None, "status": "signed"},
    ]
    preds: list[Item] = [
        {
            "title": "accord énergie et sécurité",
            "sectors": ["energy", "security"],
            "status": "signed",
        },
        {"title": "accord nucléaire", "sectors": ["nuclear", "energy"], "status": "announced"},
    ]
    result = pair(gold, preds, match_agreement)
    assert (result.tp, result.fp, result.fn) == (2, 0, 0)
    paired = {g["title"]: p["title"] for g, p in result.pairs}
    assert paired == {"nucléaire": "accord nucléaire", "sécurité": "accord énergie et sécurité"}


def test_agreement_without_common_sector_is_not_paired_and_attributes_are_scored() -> None:
    gold = [
        doc(
            agreements=[
                {"title": "x", "sectors": ["mining"], "date": "2024-04-25", "status": "signed"},
            ]
        )
    ]
    wrong = [doc(agreements=[{"title": "x", "sectors": ["trade"], "status": "signed"}])]
    assert score(gold, wrong).categories["agreements"].fn == 1
    right = [
        doc(
            agreements=[
                {"title": "x", "sectors": ["mining"], "date": "2024-04", "status": "signed"}
            ]
        )
    ]
    report = score(gold, right)
    assert report.categories["agreements"].tp == 1
    assert report.attributes["agreements.status"].value == 1.0
    assert report.attributes["agreements.date"].value == 0.0


# --------------------------------------------------------------------------- events and projects


def test_event_needs_an_accepted_type_and_the_same_start() -> None:
    gold = [
        doc(
            events=[
                {"type": ["visit", "meeting"], "start": "2025-06-21", "end": "2025-06-26"},
                {"type": ["summit"], "start": None, "place": "Saint-Pétersbourg"},
            ]
        )
    ]
    pred = [
        doc(
            events=[
                {"type": "meeting", "start": "2025-06-21", "end": "2025-06-26"},
                {"type": "summit", "start": "2023-07-27"},
                {"type": "ceremony", "start": "2025-06-21"},
            ]
        )
    ]
    events = score(gold, pred).categories["events"]
    assert (events.tp, events.fp, events.fn) == (2, 1, 0)
    moved = [doc(events=[{"type": "visit", "start": "2025-06-22"}])]
    assert score(gold[:1], moved).categories["events"].fn == 2


def test_project_matches_a_key_in_name_or_location() -> None:
    gold = [doc(projects=[{"name": "raffinerie d'or", "keys": ["senou"], "status": "planned"}])]
    in_location = [doc(projects=[{"name": "raffinerie", "location": "Sénou", "status": "planned"}])]
    elsewhere = [doc(projects=[{"name": "raffinerie", "location": "Kayes", "status": "planned"}])]
    assert score(gold, in_location).categories["projects"].tp == 1
    assert score(gold, in_location).attributes["projects.status"].value == 1.0
    assert score(gold, elsewhere).categories["projects"].tp == 0


# --------------------------------------------------------------------------- optional, collective


def test_optional_items_are_neither_required_nor_held_against_a_prediction() -> None:
    gold = [
        doc(
            actors=[
                person("Assimi Goïta"),
                {"name": "Kremlin", "type": "organization", "aliases": [], "optional": True},
                {"name": "AFP", "type": "organization", "aliases": [], "optional": True},
            ]
        )
    ]
    pred = [
        doc(
            actors=[
                {"name": "Goïta", "type": "person"},
                {"name": "Kremlin", "type": "organization"},
            ]
        )
    ]
    actors = score(gold, pred).categories["actors"]
    assert (actors.tp, actors.fp, actors.fn) == (1, 0, 0)


def test_collective_item_absorbs_several_predictions() -> None:
    collective = {
        "title": "plusieurs accords",
        "sectors": ["mining", "energy", "trade"],
        "status": "signed",
        "collective": True,
    }
    gold = [doc(agreements=[collective])]
    pred = [
        doc(
            agreements=[
                {"title": "mines", "sectors": ["mining"]},
                {"title": "énergie", "sectors": ["energy"]},
                {"title": "commerce", "sectors": ["trade"]},
                {"title": "santé", "sectors": ["health"]},
            ]
        )
    ]
    report = score(gold, pred)
    agreements = report.categories["agreements"]
    assert (agreements.tp, agreements.fp, agreements.fn) == (1, 1, 0)
    extras = report.per_doc[0].extra["agreements"]
    assert [x["title"] for x in extras] == ["santé"]
    # without the flag, only one prediction pairs
    plain = [doc(agreements=[{**collective, "collective": False}])]
    assert score(plain, pred).categories["agreements"].fp == 3


# --------------------------------------------------------------------------- whole report


def test_evidence_outside_the_file_is_counted_invalid(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Le Mali et la Russie.", encoding="utf-8")  # 21 characters
    pred = [
        doc(
            actors=[
                {"name": "Mali", "type": "country", "evidence": {"start": 3, "end": 7}},
                {"name": "Russie", "type": "country", "evidence": {"start": 14, "end": 99}},
                {"name": "Chine", "type": "country", "evidence": {"start": 5, "end": 5}},
                {"name": "France", "type": "country"},
            ]
        )
    ]
    report = score([doc()], pred, texts_dir=tmp_path)
    assert report.evidence is not None
    assert (report.evidence.hits, report.evidence.total) == (1, 4)
    assert report.evidence_valid == 0.25
    assert score([doc()], pred).evidence_valid is None


def test_published_accuracy_compares_dates_and_nulls() -> None:
    gold = [
        doc("a.txt", published="2025-06-24"),
        doc("b.txt", published=None),
        doc("c.txt", published="2024-10"),
    ]
    pred = [
        doc("a.txt", published="2025-06-24"),
        doc("b.txt", published="2025-06-21"),  # an event date, not a publication date
        doc("c.txt", published="2024-10"),
    ]
    report = score(gold, pred)
    assert report.published.total == 3
    assert report.published_accuracy == pytest.approx(2 / 3)


def test_missing_article_counts_its_gold_as_missed() -> None:
    gold = [doc("a.txt", actors=[person("Assimi Goïta")]), doc("b.txt", actors=[person("X Y")])]
    pred = [doc("a.txt", actors=[{"name": "Goïta", "type": "person"}])]
    report = score(gold, pred)
    assert report.missing_docs == ["b.txt"]
    assert report.categories["actors"].fn == 1
    assert report.per_doc[0].doc == "b.txt"


def test_docs_are_joined_on_their_base_name() -> None:
    gold = [doc("a.txt", actors=[person("Assimi Goïta")])]
    pred = [doc("/some/where/a.txt", actors=[{"name": "Goita", "type": "person"}])]
    assert score(gold, pred).overall.f1 == 1.0


def test_table_ends_with_the_overall_f1_line() -> None:
    gold = [doc(actors=[person("Assimi Goïta"), person("Vladimir Poutine")])]
    pred = [doc(actors=[{"name": "Goïta", "type": "person"}])]
    table = score(gold, pred).table()
    lines = table.splitlines()
    assert lines[0].split() == ["category", "P", "R", "F1", "tp", "fp", "fn"]
    assert lines[-1] == "overall F1 0.667"
    assert any(line.startswith("quantities_value") for line in lines)


# --------------------------------------------------------------------------- files and CLI


def write_jsonl(path: Path, answers: list[Item]) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in answers), encoding="utf-8")
    return path


def test_load_jsonl_rejects_lines_without_doc(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", [doc("a.txt"), doc("b.txt")])
    assert [a["doc"] for a in load_jsonl(good)] == ["a.txt", "b.txt"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "a.txt"}\n\n{"actors": []}\n', encoding="utf-8")
    with pytest.raises(FormatError, match=":3:"):
        load_jsonl(bad)
    (tmp_path / "broken.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(FormatError, match="not JSON"):
        load_jsonl(tmp_path / "broken.jsonl")


def test_main_prints_table_per_doc_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = write_jsonl(tmp_path / "gold.jsonl", [doc(actors=[person("Assimi Goïta")])])
    pred = write_jsonl(
        tmp_path / "pred.jsonl", [doc(actors=[{"name": "Bamako", "type": "person"}])]
    )
    assert main([str(gold), str(pred), "--per-doc"]) == 0
    out = capsys.readouterr().out
    assert "a.txt actors missed:" in out
    assert "a.txt actors extra?:" in out
    assert out.rstrip().endswith("overall F1 0.000")

    assert main([str(gold), str(pred), "--json"]) == 0
    out = capsys.readouterr().out
    figures = json.loads(out[: out.rindex("overall F1")])
    assert figures["actors"] == {
        "tp": 0,
        "fp": 1,
        "fn": 1,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }

    assert main([str(gold), str(tmp_path / "absent.jsonl")]) == 2


# --------------------------------------------------------------------------- the corpus itself


def gold_as_prediction(answer: Item) -> Item:
    """Turn a gold answer into the prediction a perfect extractor would print."""
    pred: Item = {"doc": answer["doc"], "published": answer["published"]}
    for category in CATEGORIES:
        items = []
        for item in answer[category]:
            if item.get("optional"):
                continue
            copy = dict(item)
            if category == "quantities":
                copy["subject"] = " ".join(item["subject"])
            if category == "events":
                copy["type"] = item["type"][0]
            if category == "projects":
                copy["name"] = item["keys"][0]
            items.append(copy)
        pred[category] = items
    return pred


@pytest.mark.parametrize("folder", ["", "multi"])
def test_corpus_gold_is_well_formed_and_scores_perfectly_against_itself(folder: str) -> None:
    base = CORPUS / folder
    gold = load_jsonl(base / "gold.jsonl")
    articles = sorted(p.name for p in (base / "articles").glob("*.txt"))
    assert sorted(a["doc"] for a in gold) == articles
    assert len(articles) >= 14
    for answer in gold:
        text = (base / "articles" / answer["doc"]).read_text(encoding="utf-8")
        assert 200 <= len(text.split()) <= 600, answer["doc"]
        assert answer["language"] in {"fr", "en"}
        for agreement in answer["agreements"]:
            assert set(agreement["sectors"]) <= SECTORS, agreement
        for item in answer["quantities"]:
            assert all(word == fold(word) for word in item["subject"]), item
    report = score(gold, [gold_as_prediction(a) for a in gold])
    assert report.overall.f1 == 1.0
    assert report.published_accuracy == 1.0
