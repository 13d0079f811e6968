"""How consolidation grows with the store: full rebuild and one-article ingest at each size.

For each size a synthetic store is written (``benchmarks/corpus.py``), every record is
rebuilt (``suivi.pipeline.refresh``), then one more article is ingested through
``suivi.pipeline.ingest`` with its facts given directly (no spaCy). Times are CPU seconds
of this process; "×" is the growth from the previous size, per doubling; "written" is how
many records the one-article ingest added, changed or deleted.

usage: python benchmarks/consolidate_scale.py [--sizes 1000,2000,4000,8000,10000]
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

# The checkout this script lives in, before any installed copy of suivi.
sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parent.parent)]

from corpus import Facts, articles  # noqa: E402

from suivi.models import ExtractionInput  # noqa: E402
from suivi.pipeline import ingest, refresh  # noqa: E402
from suivi.sources import ReadOptions  # noqa: E402
from suivi.store import add_document, counts, create  # noqa: E402


class GivenFacts:
    """An extractor that returns facts made in advance, their evidence found in the text as
    the reader normalised it."""

    def __init__(self, text: str, facts: Facts) -> None:
        self.items = {
            k: [(text[f["evidence"]["start"] : f["evidence"]["end"]], f) for f in v]
            for k, v in facts.items()
        }

    def extract_many(self, inputs: Iterable[ExtractionInput]) -> Iterator[dict[str, Any]]:
        for given in inputs:
            out: dict[str, Any] = {}
            for category, items in self.items.items():
                out[category] = []
                for sentence, fact in items:
                    start = given.text.find(sentence)
                    span = {"start": start, "end": start + len(sentence)}
                    out[category].append({**fact, "evidence": span})
            yield out


def measure(size: int, folder: Path) -> dict[str, float]:
    """Store ``size`` articles, rebuild every record, then ingest one article more."""
    engine = create(str(folder / f"scale-{size}.db"))
    stream = articles(size + 1)
    for _ in range(size):
        article, facts = next(stream)
        add_document(engine, article, facts)
    began = time.process_time()
    made = refresh(engine)
    rebuild = time.process_time() - began
    article, facts = next(stream)
    path = folder / f"extra-{size}.txt"
    path.write_text(article.text, encoding="utf-8")
    before = _stored(engine)
    began = time.process_time()
    report = ingest(
        engine, [str(path)], ReadOptions(), GivenFacts(article.text, facts), lambda *_: None
    )
    one = time.process_time() - began
    assert report.stored, report.failed
    written = len(set(_stored(engine).items()) ^ set(before.items()))
    return {
        "facts": counts(engine)["facts"],
        "records": made,
        "rebuild": rebuild,
        "ingest": one,
        "written": written,
    }


def _stored(engine: Engine) -> dict[str, str]:
    # Each stored record's id and data: what an ingest may have written.
    with engine.connect() as connection:
        return {row[0]: row[1] for row in connection.execute(text("SELECT id, data FROM records"))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,4000,8000,10000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'docs':>7} {'facts':>8} {'records':>8} {'rebuild s':>10} {'×/doubling':>10} "
          f"{'ingest 1 s':>10} {'×/doubling':>10} {'written':>8}")  # fmt: skip
    before: tuple[int, dict[str, float]] | None = None
    # Models are loaded once per process, before anything is timed (the language
    # identifier's model takes about a second; spaCy's is not used here).
    from suivi.sources.language import detect_language

    detect_language("Le Mali et la Russie ont signé un accord de coopération.")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            got = measure(size, Path(folder))
            growth = ["", ""]
            if before:
                doublings = math.log2(size / before[0])
                growth = [
                    f"{(got[k] / max(before[1][k], 1e-9)) ** (1 / doublings):.2f}"
                    for k in ("rebuild", "ingest")
                ]
            print(
                f"{size:>7} {got['facts']:>8.0f} {got['records']:>8.0f} {got['rebuild']:>10.1f} "
                f"{growth[0]:>10} {got['ingest']:>10.2f} {growth[1]:>10} {got['written']:>8.0f}",
                flush=True,
            )
            before = (size, got)


if __name__ == "__main__":
    main()
