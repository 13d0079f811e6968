"""The record yardstick's rules, each on a small hand-written gold/prediction pair."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from suivi.evaluation.record_keys import load_gold, load_records, to_record
from suivi.evaluation.records import main, score_records

HERE = Path(__file__).parent
SETS = ("", "blind", "blind2", "outlets", "multi")


def gold(kind: str, ident: str, docs: list[str], **keys: Any) -> dict[str, Any]:
    return {"id": ident, "type": kind, "title": ident, "docs": docs, **keys}


def rec(kind: str, title: str, sources: list[str], **fields: Any) -> dict[str, Any]:
    top = {k: fields.pop(k) for k in ("status", "published") if k in fields}
    return {"type": kind, "title": title, "fields": fields, "sources": sources, **top}


def score(golds: list[dict[str, Any]], records: list[dict[str, Any]]):  # type: ignore[no-untyped-def]
    return score_records(golds, [to_record(i, r) for i, r in enumerate(records)])


NUCLEAR = gold(
    "agreement",
    "nuclear",
    ["a.txt", "b.txt"],
    sectors=["nuclear", "energy"],
    keywords=["nucleaire", "rosatom"],
    date="2023-10-13",
    status="signed",
)
PUTIN = gold(
    "actor",
    "putin",
    ["a.txt"],
    name="Vladimir Poutine",
    aliases=["Putin"],
    actor_type="person",
    country="RU",
)


def test_agreement_needs_a_common_sector_and_a_keyword() -> None:
    right = rec("agreement", "mémorandum nucléaire", ["a.txt"], sectors=["energy"])
    no_sector = rec("agreement", "mémorandum nucléaire", ["a.txt"], sectors=["trade"])
    no_word = rec("agreement", "mémorandum", ["a.txt"], sectors=["energy"])
    assert score([NUCLEAR], [right]).types["agreement"].tp == 1
    assert score([NUCLEAR], [no_sector]).types["agreement"].tp == 0
    assert score([NUCLEAR], [no_word]).types["agreement"].tp == 0


def test_keywords_are_searched_in_word_fields_not_in_controlled_ones() -> None:
    in_parties = rec("agreement", "accord", ["a.txt"], sectors=["energy"], parties=["Rosatom"])
    in_status = rec("agreement", "accord", ["a.txt"], sectors=["energy"], status="nucleaire")
    assert score([NUCLEAR], [in_parties]).types["agreement"].tp == 1
    assert score([NUCLEAR], [in_status]).types["agreement"].tp == 0


def test_a_record_must_cite_one_of_the_gold_articles() -> None:
    elsewhere = rec("agreement", "accord nucléaire", ["z.txt"], sectors=["nuclear"])
    optional = gold("agreement", "o", ["a.txt"], optional_docs=["z.txt"], sectors=["nuclear"])
    optional["keywords"] = ["nucleaire"]
    assert score([NUCLEAR], [elsewhere]).types["agreement"].fp == 1
    assert score([optional], [elsewhere]).types["agreement"].tp == 1


def test_actor_names_aliases_family_name_and_state_code() -> None:
    for name in ("Vladimir Poutine", "Putin", "M. Poutine"):
        assert (
            score([PUTIN], [rec("actor", name, ["a.txt"], actor_type="person")]).types["actor"].tp
            == 1
        ), name
    org = rec("actor", "Poutine", ["a.txt"], actor_type="organization")
    assert score([PUTIN], [org]).types["actor"].tp == 0
    state = gold("actor", "ru", ["a.txt"], name="Russie", aliases=[], actor_type="country")
    state["country"] = "RU"
    moscow = rec("actor", "Moscou", ["a.txt"], actor_type="country", country="RU")
    assert score([state], [moscow]).types["actor"].tp == 1


def test_project_keyword_in_name_location_or_title() -> None:
    plant = gold("project", "p", ["a.txt"], keywords=["centrale"], status="planned")
    by_location = rec("project", "projet", ["a.txt"], name="x", location="centrale de Kaya")
    assert score([plant], [by_location]).types["project"].tp == 1
    assert (
        score([plant], [rec("project", "usine", ["a.txt"], name="usine")]).types["project"].fp == 1
    )


def test_event_type_and_start_open_start_accepts_any() -> None:
    dated = gold("event", "e", ["a.txt"], event_type=["visit", "meeting"], start=["2024-03-01"])
    open_start = gold("event", "e", ["a.txt"], event_type="summit", start=None)
    assert (
        score([dated], [rec("event", "v", ["a.txt"], event_type="meeting", start="2024-03-01")])
        .types["event"]
        .tp
        == 1
    )
    assert (
        score([dated], [rec("event", "v", ["a.txt"], event_type="visit", start="2024-03-02")])
        .types["event"]
        .tp
        == 0
    )
    assert (
        score([dated], [rec("event", "v", ["a.txt"], event_type="summit", start="2024-03-01")])
        .types["event"]
        .tp
        == 0
    )
    assert (
        score([open_start], [rec("event", "s", ["a.txt"], event_type="summit", start="2020-01-01")])
        .types["event"]
        .tp
        == 1
    )


def test_quantity_unit_rate_tolerance_and_subject() -> None:
    wheat = gold("quantity", "q", ["a.txt"], min=25000, max=25000, unit="t", per=None)
    wheat["subject"] = ["ble"]

    def q(value: float, **other: Any) -> dict[str, Any]:
        fields = {"min": value, "max": value, "unit": "t", "per": None, "subject": "blé"}
        return rec("quantity", "x", ["a.txt"], **{**fields, **other})

    assert score([wheat], [q(25100)]).types["quantity"].tp == 1  # 0.4 %
    assert score([wheat], [q(25200)]).types["quantity"].tp == 0  # 0.8 %
    assert score([wheat], [q(25000, per="year")]).types["quantity"].tp == 0
    assert score([wheat], [q(25000, unit="USD")]).types["quantity"].tp == 0
    assert score([wheat], [q(25000, subject="engrais")]).types["quantity"].tp == 0


def test_required_gold_is_paired_before_optional_gold() -> None:
    required = dict(NUCLEAR, docs=["a.txt"])
    optional = dict(NUCLEAR, id="opt", optional=True, docs=["a.txt", "b.txt"])
    record = rec("agreement", "accord nucléaire", ["a.txt", "b.txt"], sectors=["nuclear"])
    figures = score([optional, required], [record]).types["agreement"]
    assert (figures.tp, figures.paired_optional) == (1, 0)


def test_optional_gold_absorbs_without_counting() -> None:
    optional = dict(NUCLEAR, optional=True)
    figures = score([optional], [rec("agreement", "nucléaire", ["a.txt"], sectors=["nuclear"])])
    agreement = figures.types["agreement"]
    assert (agreement.tp, agreement.fp, agreement.fn, agreement.paired_optional) == (0, 0, 0, 1)
    assert agreement.precision == 0.0 and agreement.gold_optional == 1


def test_most_shared_articles_pair_first_then_better_key() -> None:
    other = dict(NUCLEAR, id="other", docs=["a.txt"], keywords=["nucleaire"])
    both = rec("agreement", "nucléaire Rosatom", ["a.txt", "b.txt"], sectors=["nuclear"])
    one = rec("agreement", "nucléaire Rosatom", ["a.txt"], sectors=["nuclear"])
    result = score([NUCLEAR, other], [one, both])
    assert result.types["agreement"].tp == 2
    assert result.types["agreement"].exact.hits == 2  # both records fit their gold exactly
    weak = rec("agreement", "nucléaire", ["a.txt"], sectors=["nuclear"])
    strong = rec("agreement", "nucléaire Rosatom", ["a.txt"], sectors=["nuclear"])
    result = score([dict(NUCLEAR, docs=["a.txt"])], [weak, strong])
    assert result.extra == ['extra    agreement "nucléaire" [a] (duplicate of nuclear)']


def test_attribute_agreement_breaks_ties() -> None:
    single = dict(NUCLEAR, docs=["a.txt"])
    wrong = rec("agreement", "nucléaire", ["a.txt"], sectors=["nuclear"], status="announced")
    right = rec("agreement", "nucléaire", ["a.txt"], sectors=["nuclear"], status="signed")
    result = score([single], [wrong, right])
    assert result.attributes["agreement.status"].hits == 1


def test_collective_gold_absorbs_further_records() -> None:
    many = dict(NUCLEAR, id="many", collective=True, docs=["a.txt"])
    records = [
        rec("agreement", f"accord nucléaire {i}", ["a.txt"], sectors=["nuclear"]) for i in range(3)
    ]
    figures = score([many], records).types["agreement"]
    assert (figures.tp, figures.fp, figures.absorbed, figures.precision) == (1, 0, 2, 1.0)


def test_duplicates_are_false_positives_and_counted() -> None:
    records = [
        rec("actor", "Vladimir Poutine", ["a.txt"], actor_type="person"),
        rec("actor", "Putin", ["a.txt"], actor_type="person"),
        rec("actor", "Macron", ["a.txt"], actor_type="person"),
    ]
    figures = score([PUTIN], records).types["actor"]
    assert (figures.tp, figures.fp, figures.duplicates) == (1, 2, 1)


def test_held_back_records_are_not_scored_but_counted() -> None:
    held = rec("actor", "Putin", ["a.txt"], actor_type="person", published=False)
    nothing = rec("actor", "Personne", ["a.txt"], actor_type="person", published=False)
    figures = score([PUTIN], [held, nothing]).types["actor"]
    assert (figures.tp, figures.fp, figures.fn) == (0, 0, 1)
    assert (figures.held_back, figures.held_back_matching, figures.public) == (2, 1, 0)


def test_source_recall_precision_and_exact() -> None:
    gold_record = dict(NUCLEAR, optional_docs=["c.txt"])
    record = rec("agreement", "nucléaire", ["a.txt", "c.txt", "d.txt"], sectors=["nuclear"])
    figures = score([gold_record], [record]).types["agreement"]
    assert (figures.source_recall.hits, figures.source_recall.total) == (1, 2)
    assert (figures.source_precision.hits, figures.source_precision.total) == (2, 3)
    assert figures.exact.value == 0.0
    exact = rec("agreement", "nucléaire", ["a.txt", "b.txt", "c.txt"], sectors=["nuclear"])
    assert score([gold_record], [exact]).types["agreement"].exact.value == 1.0


def test_attributes_lists_accept_any_and_null_accepts_only_nothing() -> None:
    listed = dict(NUCLEAR, status=["announced", "signed"], date=None)
    record = rec("agreement", "nucléaire", ["a.txt"], sectors=["nuclear"], status="announced")
    result = score([listed], [record])
    assert result.attributes["agreement.status"].value == 1.0
    assert result.attributes["agreement.date"].value == 1.0
    dated = rec("agreement", "nucléaire", ["a.txt"], sectors=["nuclear"], date="2023-10-13")
    assert score([listed], [dated]).attributes["agreement.date"].value == 0.0


def test_overall_is_the_mean_of_the_five_types_f1() -> None:
    result = score([PUTIN, NUCLEAR], [rec("actor", "Putin", ["a.txt"], actor_type="person")])
    assert result.types["actor"].f1 == 1.0
    assert result.f1 == 0.2  # four types score 0 (nothing to pair)


def test_reading_plural_types_string_sources_and_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    lines = [
        {
            "type": "actors",
            "title": "Putin",
            "fields": {"actor_type": "person"},
            "sources": ["dir/a.txt"],
        }
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    records = load_records(path)
    assert records[0].type == "actor" and records[0].sources == ("a.txt",)
    assert score_records([PUTIN], records).types["actor"].tp == 1


def test_command_line_last_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.json"
    gold_path.write_text(json.dumps(PUTIN) + "\n", encoding="utf-8")
    pred_path.write_text(json.dumps([rec("actor", "Putin", ["a.txt"], actor_type="person")]))
    assert main([str(gold_path), str(pred_path), "--show", "--json"]) == 0
    out = capsys.readouterr().out.rstrip().splitlines()
    assert out[-1] == "overall record F1 0.200"
    assert main([str(gold_path), str(tmp_path / "missing.json")]) == 2


@pytest.mark.parametrize("folder", SETS)
def test_gold_sets_are_well_formed(folder: str) -> None:
    base = HERE / folder
    path = base / "records.jsonl"
    records = load_gold(path)
    article_gold = [
        json.loads(line) for line in (base / "gold.jsonl").read_text().splitlines() if line.strip()
    ]
    names = {Path(a["doc"]).name for a in article_gold}
    seen: set[str] = set()
    for record in records:
        assert {"id", "type", "title", "docs", "from"} <= set(record), record.get("id")
        assert set(record["docs"]) | set(record.get("optional_docs", [])) <= names, record["id"]
        for ref in record["from"]:
            assert ref not in seen, ref
            seen.add(ref)
    # every non-optional article gold item belongs to exactly one record
    plural = {"actors", "agreements", "projects", "events", "quantities"}
    for article in article_gold:
        stem = Path(article["doc"]).stem
        for category in plural:
            for index, item in enumerate(article.get(category) or []):
                if not item.get("optional"):
                    assert f"{stem}:{category}:{index}" in seen, f"{stem}:{category}:{index}"
