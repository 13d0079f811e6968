"""Throughput of extraction against the plain spaCy pipeline it is built on.

Usage: python benchmarks/extract_speed.py [--docs 500]

Documents are the project's own texts (tests/evaluation/articles and suivi/samples),
repeated with light variations (paragraphs rotated) up to --docs. Prints documents/s and
words/s of ``nlp.pipe`` with the full fr_core_news_md pipeline, of ``Extractor.extract_many``
(same model), and their ratio.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from suivi.extraction import Extractor
from suivi.models import ExtractionInput
from suivi.sources.decoding import decode_bytes

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "tests" / "evaluation" / "articles", ROOT / "suivi" / "samples"]


def corpus(count: int) -> list[str]:
    """``count`` texts made from the project's own articles and samples."""
    base: list[str] = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*")):
            if path.suffix in (".txt", ".md") and path.is_file():
                text = decode_bytes(path.read_bytes(), str(path))
                if len(text.split()) > 50:
                    base.append(text)
    if not base:
        raise SystemExit("no texts found under tests/evaluation/articles or suivi/samples")
    texts: list[str] = []
    turn = 0
    while len(texts) < count:
        for text in base:
            paragraphs = [p for p in text.split("\n") if p.strip()]
            shift = turn % max(1, len(paragraphs))
            texts.append("\n".join(paragraphs[shift:] + paragraphs[:shift]))
            if len(texts) == count:
                break
        turn += 1
    return texts


def main() -> None:
    """Run both measurements and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=500)
    args = parser.parse_args()
    texts = corpus(args.docs)
    words = sum(len(t.split()) for t in texts)

    nlp = spacy.load("fr_core_news_md")
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=16):
        pass
    plain = time.perf_counter() - start

    extractor = Extractor()
    inputs = [ExtractionInput(doc=f"bench_{i}", text=t, language="fr") for i, t in enumerate(texts)]
    start = time.perf_counter()
    for _result in extractor.extract_many(inputs):
        pass
    ours = time.perf_counter() - start

    print(f"documents: {len(texts)}, words: {words}")
    print(f"{'run':<28}{'docs/s':>10}{'words/s':>12}")
    print(f"{'nlp.pipe (full pipeline)':<28}{len(texts) / plain:>10.2f}{words / plain:>12.0f}")
    print(f"{'extraction':<28}{len(texts) / ours:>10.2f}{words / ours:>12.0f}")
    print(f"ratio extraction / nlp.pipe: {plain / ours:.2f}")


if __name__ == "__main__":
    main()
