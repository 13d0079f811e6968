"""Records never stay behind the facts: a run stopped between storing documents and writing
records is repaired by the next ingest, even one that stores nothing new."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from suivi.models import ExtractionInput
from suivi.pipeline import ensure_current, ingest, records_behind
from suivi.sources import ReadOptions
from suivi.store import RecordFilter, create, query_records

TEXTS = [
    "Le Mali et la Russie ont signé un accord sur le nucléaire civil à Moscou.",
    "À Moscou, la Russie et le Mali ont signé un accord de coopération nucléaire.",
    "Le Niger et la Russie ont signé un accord de sécurité à Niamey.",
]
STATES = {"Mali": "ML", "Russie": "RU", "Niger": "NE"}


class Reader:
    """Facts read from the texts above without a model: each state named, and the
    agreement the first sentence tells."""

    def extract_many(self, inputs: Iterable[ExtractionInput]) -> Iterator[dict[str, Any]]:
        for given in inputs:
            actors = [
                {
                    "name": name,
                    "type": "country",
                    "country": code,
                    "evidence": {
                        "start": given.text.find(name),
                        "end": given.text.find(name) + len(name),
                    },
                }
                for name, code in STATES.items()
                if name in given.text
            ]
            parties = sorted(a["country"] for a in actors)
            sector = "security" if "sécurité" in given.text else "nuclear"
            agreement = {
                "title": "accord",
                "sectors": [sector],
                "parties": parties,
                "date": "2025-03-03",
                "status": "signed",
                "evidence": {"start": 0, "end": len(given.text)},
            }
            yield {"actors": actors, "agreements": [agreement]}


def _inputs(folder: Path) -> list[str]:
    folder.mkdir()
    for number, text in enumerate(TEXTS):
        (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    return [str(folder)]


def _records(path: Path) -> str:
    found = query_records(create(str(path)), RecordFilter(published=None))
    return json.dumps(sorted(found, key=lambda r: r["id"]), sort_keys=True)


def _ingest(path: Path, inputs: list[str], consolidate: bool = True) -> None:
    ingest(
        create(str(path)), inputs, ReadOptions(), Reader(), lambda *_: None, consolidate=consolidate
    )


def test_an_interrupted_ingest_is_repaired_by_the_next_one(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in")
    _ingest(tmp_path / "whole.db", inputs)
    # Stopped after the documents were stored, before the records were written.
    _ingest(tmp_path / "stopped.db", inputs, consolidate=False)
    assert records_behind(create(str(tmp_path / "stopped.db")))
    assert _records(tmp_path / "stopped.db") == "[]"

    _ingest(tmp_path / "stopped.db", inputs)  # the same input again: nothing new to store

    assert not records_behind(create(str(tmp_path / "stopped.db")))
    assert _records(tmp_path / "stopped.db") == _records(tmp_path / "whole.db") != "[]"


def test_records_are_repaired_when_read(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in")
    _ingest(tmp_path / "whole.db", inputs)
    _ingest(tmp_path / "stopped.db", inputs, consolidate=False)
    engine = create(str(tmp_path / "stopped.db"))

    assert ensure_current(engine) == len(json.loads(_records(tmp_path / "whole.db")))
    assert ensure_current(engine) is None  # current now: nothing recomputed
    assert _records(tmp_path / "stopped.db") == _records(tmp_path / "whole.db")


def test_current_records_are_left_alone(tmp_path: Path) -> None:
    _ingest(tmp_path / "whole.db", _inputs(tmp_path / "in"))
    assert not records_behind(create(str(tmp_path / "whole.db")))
