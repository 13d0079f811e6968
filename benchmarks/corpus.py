"""Synthetic stores for scale measurements: many reports of the same things, told with small
differences, written straight through ``suivi.store.add_document`` (no spaCy).

The press is imitated in the ways that matter to consolidation: the number of real things
(stories) grows with the number of articles, as it does over the years of a real store;
articles come in roughly in the order of the news; each story is told by several outlets,
with dates a day apart, figures rounded differently and other wordings; some articles are
reprints of one dispatch.

    for article, facts in articles(1000, seed=7):
        add_document(engine, article, facts)
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from suivi.models import Article

Facts = dict[str, list[dict[str, Any]]]

COUNTRIES = [
    ("Mali", "ML"), ("Russie", "RU"), ("Niger", "NE"), ("Burkina Faso", "BF"),
    ("Chine", "CN"), ("Turquie", "TR"), ("Sénégal", "SN"), ("Guinée", "GN"),
    ("Algérie", "DZ"), ("Maroc", "MA"), ("Tchad", "TD"), ("Iran", "IR"),
    ("Inde", "IN"), ("Émirats arabes unis", "AE"), ("Qatar", "QA"), ("Togo", "TG"),
    ("Bénin", "BJ"), ("Ghana", "GH"), ("Côte d'Ivoire", "CI"), ("Mauritanie", "MR"),
    ("Cameroun", "CM"), ("Gabon", "GA"), ("Égypte", "EG"), ("Brésil", "BR"),
]  # fmt: skip
GIVEN = (
    "Assimi Amadou Modibo Ibrahim Abdourahamane Alousséni Karim Awa Fatoumata Moussa Oumar "
    "Aminata Issa Boubacar Mariam Sergueï Dmitri Ali Hamza Yacouba Salif Rokia Cheick"
).split()
FAMILY = (
    "Goïta Keïta Traoré Tiani Sanou Diarra Coulibaly Maïga Touré Diallo Konaté Sidibé Cissé "
    "Lavrov Choïgou Ouattara Sangaré Kanté Dembélé Camara Sylla Bathily Doumbia Kouyaté"
).split()
ORG_HEADS = ["Agence", "Banque", "Société", "Office", "Fonds", "Compagnie", "Institut"]
ORG_TOPICS = (
    "énergie atomique|développement|mines|pétrole|céréales|transports|télécommunications|"
    "eau potable|crédit agricole|construction navale|aviation civile|investissement"
).split("|")
SECTORS = [
    ["nuclear", "energy"], ["trade", "science"], ["security"], ["mining"],
    ["agriculture", "trade"], ["education"], ["health"], ["digital"], ["transport"],
    ["culture"], ["humanitarian"], ["energy"],
]  # fmt: skip
PROJECT_KINDS = [
    "raffinerie d'or", "centrale solaire", "mine de lithium", "port sec", "chemin de fer",
    "barrage", "hôpital", "université", "usine de ciment", "centrale nucléaire",
    "aéroport", "route", "silo à grains", "câble sous-marin", "zone industrielle",
]  # fmt: skip
PLACES = (
    "Sénou Sanankoroba Bougouni Kayes Koulikoro Ségou Sikasso Mopti Gao Tombouctou Kidal "
    "Niamey Agadez Zinder Tahoua Ouagadougou Bobo-Dioulasso Koudougou Dori Kaya Banfora "
    "Conakry Kindia Boké Dakar Thiès Saint-Louis Nouakchott Zouerate Ndjamena Moundou"
).split()
GOODS = [
    "blé", "engrais", "produits pétroliers", "carburant", "maïs", "riz", "ciment",
    "tracteurs agricoles", "vaccins", "uranium enrichi", "gaz naturel", "huile végétale",
]  # fmt: skip
UNITS = [("t", None), ("t", "month"), ("USD", None), ("EUR", None), ("MW", None), ("km", None)]
EVENT_TYPES = ["visit", "meeting", "summit", "ceremony", "delivery"]
OUTLETS = [f"Journal {n}" for n in "Sahel Matin Soir Écho Nouvelles Aurore Relais Tribune".split()]

# Real stores grow over the years: about two stories a day, each told by about four articles.
STORIES_PER_DOC = 0.25
DAYS_PER_STORY = 0.5
EPOCH = date(2012, 1, 1)


@dataclass(frozen=True)
class Story:
    """One real thing the press tells: an agreement with a visit, a project and figures."""

    number: int
    day: date
    states: tuple[tuple[str, str], tuple[str, str]]
    people: tuple[str, ...]
    organisation: str
    sectors: list[str]
    project: tuple[str, str]
    figures: tuple[tuple[float, str, str | None, str, str], ...]
    event: str


def _story(number: int, rng: random.Random) -> Story:
    a, b = rng.sample(COUNTRIES, 2)
    people = tuple(f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(3))
    figures = tuple(
        (
            float(rng.choice([1, 2, 5, 12, 25, 50, 60, 150]) * 10 ** rng.randint(2, 6)),
            *rng.choice(UNITS),
            rng.choice(GOODS),
            rng.choice(["pledge", "delivery"]),
        )
        for _ in range(2)
    )
    return Story(
        number=number,
        day=EPOCH + timedelta(days=int(number * DAYS_PER_STORY)),
        states=(a, b),
        people=people,
        organisation=f"{rng.choice(ORG_HEADS)} de {rng.choice(ORG_TOPICS)} {number % 97}",
        sectors=rng.choice(SECTORS),
        project=(rng.choice(PROJECT_KINDS), rng.choice(PLACES)),
        figures=figures,  # type: ignore[arg-type]
        event=rng.choice(EVENT_TYPES),
    )


class _Writer:
    """An article's sentences and the facts each one supports."""

    def __init__(self) -> None:
        self.sentences: list[str] = []
        self.facts: Facts = {
            k: [] for k in ("actors", "agreements", "events", "projects", "quantities")
        }

    def say(self, sentence: str, category: str | None = None, **item: Any) -> None:
        start = sum(len(s) + 1 for s in self.sentences)
        self.sentences.append(sentence)
        if category:
            span = {"start": start, "end": start + len(sentence)}
            self.facts[category].append({**item, "evidence": span})

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def _tell(writer: _Writer, story: Story, number: int, rng: random.Random) -> None:
    (name_a, code_a), (name_b, code_b) = story.states
    for name, code in story.states:
        writer.say(f"{name} est cité (n° {number}).", "actors", name=name, type="country",
                   country=code)  # fmt: skip
    for person in rng.sample(story.people, 2):
        writer.say(f"{person} a pris la parole ({number}).", "actors", name=person,
                   type="person", country=code_a)  # fmt: skip
    if rng.random() < 0.5:
        writer.say(f"La {story.organisation} est partie prenante ({number}).", "actors",
                   name=story.organisation, type="organization", country=code_b)  # fmt: skip
    signed = story.day + timedelta(days=rng.choice([0, 0, 0, 1]))
    title = rng.choice(["accord", "mémorandum d'entente", "accord de coopération"])
    writer.say(
        f"Un {title} sur {' et '.join(story.sectors)} a été signé entre {name_a} et {name_b} "
        f"le {signed.day} ({number}).",
        "agreements",
        title=f"{title} {' '.join(story.sectors)} {name_a} {name_b}",
        sectors=story.sectors,
        parties=[code_a, code_b],
        date=signed.isoformat() if rng.random() < 0.8 else signed.isoformat()[:7],
        status="signed",
    )
    writer.say(
        f"Une rencontre a eu lieu à {name_b} ({number}).",
        "events",
        type=story.event,
        start=(story.day + timedelta(days=rng.choice([0, 0, 1]))).isoformat(),
        end=None,
        place=name_b if rng.random() < 0.8 else None,
        participants=[],
    )
    kind, place = story.project
    writer.say(
        f"Le projet de {kind} à {place} avance ({number}).",
        "projects",
        name=f"{kind} de {place}" if rng.random() < 0.7 else kind,
        location=place,
        sectors=story.sectors[:1],
        status=rng.choice(["planned", "under_construction", "operational"]),
    )
    for amount, unit, per, good, kind_of in story.figures:
        # Another outlet rounds the figure ("près de 60 000") or words the goods otherwise.
        told = amount * rng.choice([1, 1, 1, 1.002])
        subject = good if rng.random() < 0.8 else f"{good} livrés"
        writer.say(
            f"{told:,.0f} {unit} de {subject} ({number}).",
            "quantities",
            min=told, max=told, unit=unit, per=per, subject=subject, kind=kind_of,
            year=story.day.year,
        )  # fmt: skip


def articles(count: int, seed: int = 7) -> Iterator[tuple[Article, Facts]]:
    """``count`` articles with their facts, in the order of the news."""
    rng = random.Random(seed)
    stories = [_story(n, rng) for n in range(max(4, int(count * STORIES_PER_DOC)))]
    sent: list[tuple[str, Facts]] = []
    for number in range(count):
        if sent and rng.random() < 0.05:
            # A reprint of a recent dispatch under another outlet's header.
            text, facts = rng.choice(sent[-20:])
            header = f"Repris par {rng.choice(OUTLETS)} ({number})."
            shift = len(header) + 1
            moved = {
                k: [{**f, "evidence": _shifted(f["evidence"], shift)} for f in v]
                for k, v in facts.items()
            }
            yield _article(number, f"{header} {text}", rng), moved
            continue
        writer = _Writer()
        # The news of the day: stories near this article's place in the flow.
        here = min(len(stories) - 1, int(number * STORIES_PER_DOC))
        for index in {min(len(stories) - 1, max(0, here + rng.randint(-6, 2))) for _ in "ab"}:
            _tell(writer, stories[index], number, rng)
        writer.say(f"Fin de l'article {number}, filler {rng.random():.6f}.")
        sent.append((writer.text, writer.facts))
        yield _article(number, writer.text, rng, stories[here].day), writer.facts


def _shifted(span: dict[str, int], by: int) -> dict[str, int]:
    return {"start": span["start"] + by, "end": span["end"] + by}


def _article(number: int, text: str, rng: random.Random, day: date | None = None) -> Article:
    published = (day + timedelta(days=rng.randint(0, 2))).isoformat() if day else None
    name = f"synthetic-{number:06d}.txt"
    return Article(
        name,
        name,
        text.encode("utf-8"),
        text,
        published=published,
        outlet=rng.choice(OUTLETS),
        language="fr",
    )
