"""A made-up French press for property tests: articles from templates, with their facts.

Names, dates, places and figures come from small lists of near variants ("Goïta",
"Goita", "colonel Assimi Goïta"; "2025-06", "2025-06-23"; "Koulikoro", "Koulikoro Nord";
200 000 and 200 500 t), so that reports of one thing and of different things meet in every
way the consolidation rules tell apart. Some articles are reprints of an earlier one.

    articles = data.draw(press())      # [(Article, facts), …], facts as extraction gives them
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from suivi.models import Article, Document, Fact

Facts = dict[str, list[dict[str, Any]]]

COUNTRIES = [
    ("Mali", "ML"), ("Russie", "RU"), ("Burkina Faso", "BF"), ("Niger", "NE"),
    ("Fédération de Russie", "RU"), ("Russie", None),
]  # fmt: skip
# Each story's cast: spellings of one person or organisation, or near namesakes.
PEOPLE = [
    ["Assimi Goïta", "Assimi Goita", "colonel Assimi Goïta", "Goïta"],
    ["Amadou Keïta", "Modibo Keïta", "Keïta"], ["Vladimir Poutine", "Vladimir Putin"],
    ["Sergueï Lavrov", "Sergei Lavrov"], ["Ibrahim Traoré", "Ibrahima Traore"],
    ["Mahamat Idriss Déby Itno", "Mahamat Idriss Déby"], ["Amadou Sanogo", "Amadou Sanogho"],
]  # fmt: skip
ORGANISATIONS = [
    ["Alliance des États du Sahel", "AES"], ["Rosatom"],
    ["Société des mines de Sadiola", "Société des mines de Sadiolla"],
    ["Banque mondiale", "Fonds monétaire international", "FMI"],
    ["Agence de l'énergie atomique 12", "Agence de l'énergie atomique 13"],
    ["NNPC Ltd", "Nigerian National Petroleum Company Limited", "NNPC"],
]  # fmt: skip
SECTORS = [
    ["nuclear", "energy"], ["energy"], ["trade"], ["trade", "science"], ["security"],
    ["mining"], [],
]  # fmt: skip
TITLES = [
    "accord de coopération", "mémorandum d'entente", "accord sur le nucléaire civil",
    "traité de la Confédération du Liptako", "accord",
]  # fmt: skip
DATES = [
    "2025-06-23", "2025-06-24", "2025-07-02", "2025-07-15", "2025-09-30", "2025-06", "2025",
    None, "juin 2025",
]  # fmt: skip
PUBLISHED = ["2025-06-24", "2025-06-25", "2025-07-20", "2025-10-10", None]
EVENTS = ["visit", "meeting", "summit"]
PLACES = ["Bamako", "Saint-Pétersbourg", "St Petersbourg", None]
PROJECTS = [
    ("raffinerie d'or", "Sénou"), ("raffinerie d'or", None),
    ("première raffinerie d'or nationale", "Sénou"), ("centrale solaire", "Koulikoro"),
    ("centrale solaire de Koulikoro", None), ("centrale solaire", "Koulikoro Nord"),
    ("mine de lithium", "Bougouni"), ("mine de lithium de Bougouni", None),
]  # fmt: skip
AMOUNTS = [200000.0, 200500.0, 199800.0, 60.0, 62.0, 25000.0, 1e9]
UNITS = [("t", None), ("t", "month"), ("USD", None), ("%", None)]
SUBJECTS = [
    "blé", "céréales", "produits pétroliers", "produits pétroliers raffinés", "engrais",
    "ce montant", None, "tracteurs agricoles", "part de l'État",
]  # fmt: skip
KINDS = ["pledge", "delivery", "share", None]
YEARS = [2025, 2024, None]
OUTLETS = ["Journal du Mali", "Sahel Matin", None]


class _Writer:
    def __init__(self) -> None:
        self.sentences: list[str] = []
        self.facts: Facts = {}

    def say(self, sentence: str, category: str | None = None, **item: Any) -> None:
        start = sum(len(s) + 1 for s in self.sentences)
        self.sentences.append(sentence)
        if category:
            span = {"start": start, "end": start + len(sentence)}
            self.facts.setdefault(category, []).append({**item, "evidence": span})


@st.composite
def _article(
    draw: st.DrawFn, number: int, people: list[str], organisations: list[str], dates: list[Any]
) -> tuple[str, Facts, str | None]:
    writer = _Writer()
    writer.say(f"Dépêche numéro {number} de notre correspondant.")
    states = draw(st.lists(st.sampled_from(COUNTRIES), max_size=3, unique=True))
    for name, code in states:
        writer.say(f"{name} est cité ici.", "actors", name=name, type="country", country=code)
    people = draw(st.lists(st.sampled_from(people), max_size=3, unique=True))
    for person in people:
        country = draw(st.sampled_from([None, "ML", "RU"]))
        writer.say(f"Le {person} a pris la parole.", "actors", name=person, type="person",
                   country=country)  # fmt: skip
    for name in draw(st.lists(st.sampled_from(organisations), max_size=2, unique=True)):
        country = draw(st.sampled_from([None, "ML", "RU"]))
        writer.say(f"La {name} est partie prenante.", "actors", name=name,
                   type="organization", country=country)  # fmt: skip
    for _ in range(draw(st.integers(0, 2))):
        sectors, title, date = (draw(st.sampled_from(x)) for x in (SECTORS, TITLES, dates))
        parties = [code for _, code in states if code] if draw(st.booleans()) else []
        writer.say(f"Un {title} a été signé le {date or 'mois dernier'} ({len(writer.sentences)}).",
                   "agreements", title=title, sectors=sectors, parties=parties, date=date,
                   status=draw(st.sampled_from(["signed", "announced"])))  # fmt: skip
    for _ in range(draw(st.integers(0, 2))):
        kind, place, start = (draw(st.sampled_from(x)) for x in (EVENTS, PLACES, DATES[:6]))
        start = start if draw(st.booleans()) else None
        writer.say(f"Une rencontre a eu lieu à {place or 'huis clos'} ({len(writer.sentences)}).",
                   "events", type=kind, start=start, end=None, place=place,
                   participants=people[:2])  # fmt: skip
    for _ in range(draw(st.integers(0, 2))):
        name, location = draw(st.sampled_from(PROJECTS))
        writer.say(f"Le projet de {name} avance ({len(writer.sentences)}).", "projects",
                   name=name, location=location, sectors=["mining"],
                   status=draw(st.sampled_from(["planned", "under_construction"])))  # fmt: skip
        if draw(st.booleans()):
            # The project's own sentence states a figure of it (its power, its cost).
            amount, (unit, per) = draw(st.sampled_from([50.0, 50.1, 120.0])), ("MW", None)
            writer.facts.setdefault("quantities", []).append(
                {"min": amount, "max": amount, "unit": unit, "per": per, "subject": None,
                 "kind": None, "year": None, "parties": [],
                 "evidence": writer.facts["projects"][-1]["evidence"]}
            )  # fmt: skip
    for _ in range(draw(st.integers(0, 3))):
        (unit, per), subject = draw(st.sampled_from(UNITS)), draw(st.sampled_from(SUBJECTS))
        amount, kind, year = (draw(st.sampled_from(x)) for x in (AMOUNTS, KINDS, YEARS))
        writer.say(f"Il s'agit de {amount:g} {unit} de {subject or 'biens'} ({len(writer.sentences)}).",
                   "quantities", min=amount, max=amount, unit=unit, per=per, subject=subject,
                   kind=kind, year=year, parties=[])  # fmt: skip
    if draw(st.integers(0, 2)):
        town = draw(st.sampled_from(["Koulikoro", "Sénou", "Bougouni", "Bamako"]))
        writer.say(f"La ville de {town} attend ce chantier.")
    return " ".join(writer.sentences), writer.facts, draw(st.sampled_from(PUBLISHED))


@st.composite
def press(draw: st.DrawFn, most: int = 8, iso: bool = False) -> list[tuple[Article, Facts]]:
    """Up to ``most`` articles with their facts; some reprint an earlier one. With ``iso``,
    every date is written as extraction writes it (no "juin 2025")."""
    dates = [d for d in DATES if not iso or d is None or d[:4].isdigit()]
    out: list[tuple[Article, Facts]] = []
    cast = draw(st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=3, unique_by=tuple))
    bodies = draw(st.lists(st.sampled_from(ORGANISATIONS), min_size=1, max_size=2, unique_by=tuple))
    people = [name for group in cast for name in group]
    organisations = [name for group in bodies for name in group]
    for number in range(draw(st.integers(1, most))):
        if out and draw(st.integers(0, 5)) == 0:
            # A reprint of an earlier article under another header.
            earlier, told = out[draw(st.integers(0, len(out) - 1))]
            header = f"Repris le {number}."
            shift = len(header) + 1
            facts = {
                k: [dict(f, evidence={"start": f["evidence"]["start"] + shift,
                                      "end": f["evidence"]["end"] + shift}) for f in v]
                for k, v in told.items()
            }  # fmt: skip
            text, published = f"{header} {earlier.text}", None
        else:
            text, facts, published = draw(_article(number, people, organisations, dates))
        name = f"press-{number:03d}.txt"
        outlet = draw(st.sampled_from(OUTLETS))
        article = Article(name, name, text.encode(), text, published=published, outlet=outlet,
                          language="fr")  # fmt: skip
        out.append((article, facts))
    return out


def as_stored(articles: list[tuple[Article, Facts]]) -> tuple[list[Document], list[Fact]]:
    """Documents and facts as the store gives them back to consolidation, in order."""
    documents, facts = [], []
    for order, (article, extracted) in enumerate(articles):
        document = Document(f"doc{order:03d}", article.name, article.outlet, article.published,
                            order, article.text)  # fmt: skip
        documents.append(document)
        for category in ("actors", "quantities", "agreements", "events", "projects"):
            for item in extracted.get(category) or []:
                data = {k: v for k, v in item.items() if k != "evidence"}
                span = item["evidence"]
                facts.append(Fact(len(facts) + 1, category, data, document, span["start"],
                                  span["end"]))  # fmt: skip
    facts.sort(key=lambda fact: fact.order)
    return documents, facts
