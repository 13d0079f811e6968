"""Throughput of extraction against the plain spaCy pipeline it is built on.

Usage: python benchmarks/extract_speed.py [--docs 300] [--rounds 3]

Documents are the project's own texts (tests/evaluation/articles and suivi/samples),
repeated with light variations (paragraphs rotated) up to --docs. Both runs use the SAME
pipeline: fr_core_news_md without the pipes extraction drops (the lemmatizer), loaded once;
plain spaCy is ``nlp.pipe`` through the model's own pipes only, extraction adds suivi's
components. The two are alternated for --rounds rounds (so neither always runs on a warmer
machine), and the medians are printed with their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from suivi.extraction import Extractor, pipeline
from suivi.extraction.factories import COMPONENTS
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


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    """Alternate both measurements, then print the medians and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts = corpus(args.docs)
    words = sum(len(t.split()) for t in texts)
    nlp = pipeline.build()
    extractor = Extractor(nlp)
    model_pipes = [name for name in nlp.pipe_names if name not in COMPONENTS]
    inputs = [ExtractionInput(doc=f"bench_{i}", text=t, language="fr") for i, t in enumerate(texts)]

    def plain() -> None:
        with nlp.select_pipes(enable=model_pipes):
            for _doc in nlp.pipe(texts, batch_size=extractor.batch_size):
                pass

    def ours() -> None:
        for _result in extractor.extract_many(inputs):
            pass

    plain_times, our_times = [], []
    for _round in range(args.rounds):
        plain_times.append(_timed(plain))
        our_times.append(_timed(ours))
    spacy_s, ours_s = statistics.median(plain_times), statistics.median(our_times)
    print(f"documents: {len(texts)}, words: {words}, rounds: {args.rounds} (medians)")
    print(f"pipes: {', '.join(nlp.pipe_names)}")
    print(f"{'run':<34}{'docs/s':>10}{'words/s':>12}")
    for label, seconds in (
        ("nlp.pipe (model pipes, same nlp)", spacy_s),
        ("extraction (model + components)", ours_s),
    ):
        print(f"{label:<34}{len(texts) / seconds:>10.2f}{words / seconds:>12.0f}")
    print(f"ratio extraction / nlp.pipe: {spacy_s / ours_s:.2f}")


if __name__ == "__main__":
    main()
