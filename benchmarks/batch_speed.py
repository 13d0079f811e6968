"""Throughput of extraction in one process against N local worker processes.

Usage: python benchmarks/batch_speed.py [--docs 200] [--workers 2]

Documents are made as in benchmarks/extract_speed.py (its ``corpus`` function). Prints
documents/s for one process (``extract_parallel`` with workers=1, the model already loaded
and warmed on a few documents) and for N workers, twice: "cold", the first call, which
includes starting the processes and loading one model in each, and "warm", a second call
on the same processes, which is what every call after the first costs. The speed-ups
compare both with the one process.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

# The benchmarks are scripts, not a package: reach the sibling module by its folder.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract_speed import corpus

from suivi.extraction import Extractor
from suivi.models import ExtractionInput
from suivi.pipeline.batch import BatchOptions, extract_parallel, shutdown


def timed(inputs: list[ExtractionInput], options: BatchOptions, extractor: Extractor) -> float:
    """Seconds taken by one ``extract_parallel`` call over ``inputs``."""
    start = time.perf_counter()
    results = extract_parallel(inputs, options, extractor)
    elapsed = time.perf_counter() - start
    if len(results) != len(inputs):
        raise SystemExit(f"{len(results)} results for {len(inputs)} inputs")
    return elapsed


def main() -> None:
    """Run the measurements and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    texts = corpus(args.docs)
    words = sum(len(t.split()) for t in texts)
    inputs = [ExtractionInput(doc=f"bench_{i}", text=t, language="fr") for i, t in enumerate(texts)]

    start = time.perf_counter()
    extractor = Extractor()
    load = time.perf_counter() - start
    # A few documents first, so the one-process figure is warm like the "warm" N-worker one.
    extract_parallel(inputs[:16], BatchOptions(workers=1), extractor)
    one = timed(inputs, BatchOptions(workers=1), extractor)
    parallel = BatchOptions(workers=args.workers)
    try:
        cold = timed(inputs, parallel, extractor)
        warm = timed(inputs, parallel, extractor)
    finally:
        shutdown()

    n = len(texts)
    print(f"documents: {n}, words: {words}; model load in this process: {load:.1f} s")
    print(f"{'run':<34}{'seconds':>9}{'docs/s':>9}{'words/s':>10}")
    rows = [
        ("1 process (model loaded)", one),
        (f"{args.workers} workers, cold (with loads)", cold),
        (f"{args.workers} workers, warm", warm),
    ]
    for label, seconds in rows:
        print(f"{label:<34}{seconds:>9.1f}{n / seconds:>9.2f}{words / seconds:>10.0f}")
    print(f"speed-up, {args.workers} workers warm / 1 process: {one / warm:.2f}x")
    print(f"speed-up, {args.workers} workers cold / 1 process: {one / cold:.2f}x")


if __name__ == "__main__":
    main()
