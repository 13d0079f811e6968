"""Actors: one record per person, organisation or state across articles."""

from __future__ import annotations

from typing import Any

from builders import (
    A3,
    TODAY,
    article,
    by_type,
    docs_of,
    fact,
    load_visit_articles,
    person,
    state,
)
from sqlalchemy import Engine

from suivi.pipeline import refresh


def test_one_actor_per_person_titles_ignored_namesakes_apart(engine: Engine) -> None:
    load_visit_articles(engine)
    article(
        engine,
        "a3.txt",
        A3,
        {
            "actors": [
                person(A3, "Goita"),
                fact(A3, "AES", name="AES", type="organization", country=None),
                state(A3, "Mali", "ML"),
                state(A3, "Russie", "RU"),
            ],
        },
        published="2025-07-03",
    )
    refresh(engine, TODAY)
    actors = {record["title"]: record for record in by_type(engine, "actor")}
    assert docs_of(actors["Assimi Goïta"]) == {"a1.txt", "a2.txt", "a3.txt"}
    assert actors["Assimi Goïta"]["fields"]["roles"] == ["colonel", "général"]
    rank = next(c for c in actors["Assimi Goïta"]["conflicts"] if c["field"] == "rank")
    assert {v["value"]: v["sources"] for v in rank["values"]} == {
        "colonel": ["a1.txt"],
        "général": ["a2.txt"],
    }
    # Two ministers of one family name stay two people.
    assert "Amadou Keïta" in actors and "Modibo Keïta" in actors
    assert docs_of(actors["Amadou Keïta"]) == {"a1.txt"}
    # The acronym joins the full name; states join by ISO code.
    assert docs_of(actors["Alliance des États du Sahel"]) == {"a2.txt", "a3.txt"}
    assert "AES" in actors["Alliance des États du Sahel"]["fields"]["aliases"]
    assert docs_of(actors["Mali"]) == {"a1.txt", "a3.txt"}


def test_sources_without_outlet_count_as_sources_not_outlets(engine: Engine) -> None:
    load_visit_articles(engine)
    article(engine, "a3.txt", A3, {"actors": [person(A3, "Goita")]})  # no outlet known
    refresh(engine, TODAY)
    goita = next(r for r in by_type(engine, "actor") if r["title"] == "Assimi Goïta")
    assert goita["outlets"] == 2 and goita["independent_sources"] == 3


def test_copies_of_one_dispatch_count_once(engine: Engine) -> None:
    body = (
        "BAMAKO, 24 juin 2025 – Le Mali et la Russie ont signé lundi un accord sur le nucléaire "
        "civil, a annoncé la présidence malienne dans un communiqué publié en fin de journée. "
        "Le texte prévoit la formation de spécialistes maliens et des études techniques."
    )
    copy = body + " (avec agences)"
    other = "Moscou et Bamako ont paraphé un texte sur l’atome civil, selon un diplomate russe."

    def item(t: str, p: str) -> dict[str, Any]:
        return {
            "agreements": [
                fact(
                    t,
                    p,
                    title="accord nucléaire civil",
                    sectors=["nuclear"],
                    parties=["ML", "RU"],
                    date="2025-06-23",
                    status="signed",
                )
            ]
        }

    article(engine, "c1.txt", body, item(body, body[:60]), outlet="Agence A")
    article(engine, "c2.txt", copy, item(copy, copy[:60]), outlet="Site B")
    article(engine, "c3.txt", other, item(other, other), outlet="Journal C")
    refresh(engine, TODAY)
    [record] = by_type(engine, "agreement")
    assert len(record["sources"]) == 3
    assert record["outlets"] == 3
    assert record["independent_sources"] == 2


def _people(engine: Engine, texts: dict[str, tuple[str, list[tuple[str, str | None]]]]) -> None:
    for name, (text, people) in texts.items():
        article(
            engine,
            name,
            text,
            {"actors": [person(text, who, country=country) for who, country in people]},
            published="2025-07-01",
        )
    refresh(engine, TODAY)


def test_one_person_across_languages_and_transliterations(engine: Engine) -> None:
    _people(
        engine,
        {
            "fr.txt": (
                "Vladimir Poutine a reçu Sergueï Tsivilev au Kremlin.",
                [("Vladimir Poutine", "RU"), ("Sergueï Tsivilev", "ML")],
            ),
            "en.txt": (
                "Vladimir Putin met Sergei Tsivilev in Moscow.",
                [("Vladimir Putin", "RU"), ("Sergei Tsivilev", "RU")],
            ),
            "ru.txt": ("Владимир Путин провёл встречу.", [("Владимир Путин", None)]),
            "tass.txt": (
                "Le ministre Sergueï Tsiviliov est attendu à Bamako.",
                [("Sergueï Tsiviliov", "RU")],
            ),
        },
    )
    people = {r["title"]: docs_of(r) for r in by_type(engine, "actor")}
    assert people["Vladimir Poutine"] == {"fr.txt", "en.txt", "ru.txt"}
    # One slip of the country does not keep two spellings of one minister apart.
    [tsivilev] = [docs for title, docs in people.items() if "Tsivil" in title]
    assert tsivilev == {"fr.txt", "en.txt", "tass.txt"}


def test_namesakes_and_sound_alikes_stay_apart(engine: Engine) -> None:
    _people(
        engine,
        {
            "a.txt": (
                "Amadou Keïta et Assimi Goïta étaient présents.",
                [("Amadou Keïta", "ML"), ("Assimi Goïta", "ML")],
            ),
            "b.txt": (
                "Mamadou Keita et Assimi Keïta ont parlé.",
                [("Mamadou Keita", "ML"), ("Assimi Keïta", "ML")],
            ),
        },
    )
    titles = sorted(r["title"] for r in by_type(engine, "actor"))
    assert titles == ["Amadou Keïta", "Assimi Goïta", "Assimi Keïta", "Mamadou Keita"]


def test_a_shortened_name_in_one_article_is_the_same_actor(engine: Engine) -> None:
    text = (
        "Le président Mahamat Idriss Déby Itno est arrivé à Abou Dhabi. "
        "Mahamat Idriss Déby a signé une convention avec le Fonds d’Abou Dhabi pour le "
        "développement. Le Fonds d’Abou Dhabi prêtera 500 millions de dollars."
    )
    article(
        engine,
        "td.txt",
        text,
        {
            "actors": [
                person(text, "Mahamat Idriss Déby Itno", country="TD"),
                person(text, "Mahamat Idriss Déby", country="TD"),
                fact(
                    text,
                    "Fonds d’Abou Dhabi pour le développement",
                    name="Fonds d’Abou Dhabi pour le développement",
                    type="organization",
                    country="AE",
                ),
                fact(
                    text,
                    "Fonds d’Abou Dhabi prêtera",
                    name="Fonds d’Abou Dhabi",
                    type="organization",
                    country="AE",
                ),
            ]
        },
        published="2023-10-17",
    )
    refresh(engine, TODAY)
    titles = sorted(r["title"] for r in by_type(engine, "actor"))
    assert titles == ["Fonds d’Abou Dhabi pour le développement", "Mahamat Idriss Déby Itno"]


def _organisation(name: str, doc: str, country: str | None = None) -> Any:
    from suivi.models import Document, Fact

    document = Document(doc, f"{doc}.txt", None, None, 0, name)
    return Fact(
        0,
        "actors",
        {"name": name, "type": "organization", "country": country},
        document,
        0,
        len(name),
    )


def test_an_acronym_joins_its_long_form_whatever_the_legal_form_or_language() -> None:
    from suivi.consolidation.actors import same_organisation

    pairs = [
        ("KPLC Ltd", "Kenya Power and Lighting Company Limited"),
        ("TICAD", "Tokyo International Conference on African Development"),
        ("BIDC", "Banque d'investissement et de développement de la CEDEAO"),
    ]
    for short, long in pairs:
        assert same_organisation(_organisation(short, "a"), _organisation(long, "b")), short
    kenya = _organisation("Kenya Power and Lighting Company Limited", "b")
    assert not same_organisation(_organisation("KPC Ltd", "a"), kenya)


def test_a_widely_known_body_meets_itself_in_any_language() -> None:
    from suivi.consolidation.actors import same_organisation

    english = _organisation("International Monetary Fund", "a")
    french = _organisation("FMI", "b")
    assert not same_organisation(english, french)
    for fact_ in (english, french):
        fact_.data["known_as"] = "Fonds monétaire international"
    assert same_organisation(english, french)
