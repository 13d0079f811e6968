"""Consolidation at scale: time and memory to rebuild every record from N documents' facts.

The facts are made up here from combinations of names, places and figures, so that many
reports describe the same things with small differences, as the press does.

usage: python benchmarks/consolidate_speed.py [--docs 2000]
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

from suivi.models import Article
from suivi.pipeline import refresh
from suivi.store import add_document, counts, create

STATES = [
    ("Mali", "ML"),
    ("Russie", "RU"),
    ("Niger", "NE"),
    ("Burkina Faso", "BF"),
    ("Chine", "CN"),
    ("Turquie", "TR"),
]
PEOPLE = [
    "Assimi Goïta",
    "Amadou Keïta",
    "Modibo Keïta",
    "Ibrahim Traoré",
    "Abdourahamane Tiani",
    "Alousséni Sanou",
    "Karim Keïta",
    "Awa Traoré",
]
SECTORS = [
    ["nuclear", "energy"],
    ["trade", "science"],
    ["security"],
    ["mining"],
    ["agriculture", "trade"],
    ["education"],
]
PROJECTS = [
    ("raffinerie d’or", "Sénou"),
    ("centrale solaire", "Sanankoroba"),
    ("mine de lithium", "Bougouni"),
    ("port sec", "Kayes"),
    ("chemin de fer", "Koulikoro"),
]
GOODS = ["blé", "engrais", "produits pétroliers", "carburant"]


def synthetic(number: int, rng: random.Random) -> tuple[str, dict[str, list[dict[str, object]]]]:
    """One article's text and facts: every fact's evidence is a sentence of the text."""
    sentences: list[str] = []
    facts: dict[str, list[dict[str, object]]] = {
        k: [] for k in ("actors", "agreements", "events", "projects", "quantities")
    }

    def say(sentence: str, category: str, item: dict[str, object]) -> None:
        start = sum(len(s) + 1 for s in sentences)
        sentences.append(sentence)
        facts[category].append({**item, "evidence": {"start": start, "end": start + len(sentence)}})

    (name_a, code_a), (name_b, code_b) = rng.sample(STATES, 2)
    year, month = rng.choice([2023, 2024, 2025]), rng.randint(1, 12)
    day = rng.randint(1, 27)
    for name, code in ((name_a, code_a), (name_b, code_b)):
        say(
            f"Article {number} : {name} est cité.",
            "actors",
            {"name": name, "type": "country", "country": code},
        )
    for person in rng.sample(PEOPLE, 3):
        say(
            f"{person} a parlé (article {number}).",
            "actors",
            {"name": person, "type": "person", "country": code_a},
        )
    sectors = rng.choice(SECTORS)
    say(
        f"Un accord sur {' et '.join(sectors)} a été signé le {day} ({number}).",
        "agreements",
        {
            "title": f"accord {' '.join(sectors)}",
            "sectors": sectors,
            "parties": [code_a, code_b],
            "date": f"{year}-{month:02d}-{day + rng.randint(0, 1):02d}",
            "status": "signed",
        },
    )
    say(
        f"Une visite a eu lieu ({number}).",
        "events",
        {
            "type": "visit",
            "start": f"{year}-{month:02d}-{day:02d}",
            "end": None,
            "place": name_b,
            "participants": [],
        },
    )
    kind, place = rng.choice(PROJECTS)
    say(
        f"Le projet {kind} de {place} avance ({number}).",
        "projects",
        {
            "name": f"{kind} de {place}",
            "location": place,
            "sectors": ["mining"],
            "status": rng.choice(["planned", "under_construction", "operational"]),
        },
    )
    for good in rng.sample(GOODS, 2):
        amount = rng.choice([25000, 50000, 55000, 60000, 100000])
        say(
            f"{amount} tonnes de {good} ({number}).",
            "quantities",
            {
                "min": amount,
                "max": amount,
                "unit": "t",
                "per": None,
                "subject": good,
                "kind": rng.choice(["pledge", "delivery"]),
                "year": year,
            },
        )
    return " ".join(sentences), facts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        engine = create(str(Path(folder) / "bench.db"))
        for number in range(args.docs):
            text, facts = synthetic(number, rng)
            add_document(
                engine,
                Article(f"{number}.txt", f"{number}.txt", text.encode(), text, language="fr"),
                facts,
            )
        figures = counts(engine)
        began = time.perf_counter()
        made = refresh(engine)
        elapsed = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents {figures['documents']}  facts {figures['facts']}  records {made}")
    rate = figures["facts"] / elapsed
    print(f"consolidation {elapsed:.1f} s  ({rate:,.0f} facts/s)  peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
