"""Events: one record per visit or meeting, with the dates each source gives."""

from __future__ import annotations

from builders import TODAY, article, by_type, docs_of, fact, load_visit_articles
from sqlalchemy import Engine

from suivi.pipeline import refresh
from suivi.store import RecordFilter, query_records


def test_one_visit_with_conflicting_dates(engine: Engine) -> None:
    load_visit_articles(engine)
    refresh(engine, TODAY)
    [visit] = by_type(engine, "event")
    assert docs_of(visit) == {"a1.txt", "a2.txt"}
    fields = {c["field"]: {v["value"] for v in c["values"]} for c in visit["conflicts"]}
    assert fields == {"start": {"2025-06-21", "2025-06-22"}, "end": {"2025-06-26", "2025-06-27"}}
    assert visit["outlets"] == 2 and visit["independent_sources"] == 2


def summit(engine: Engine, name: str, text: str, phrase: str, **extra: object) -> None:
    published = extra.pop("published", None)
    article(
        engine,
        name,
        text,
        {"events": [fact(text, phrase, type="summit", participants=[], **extra)]},
        published=published,  # type: ignore[arg-type]
    )


def test_one_summit_however_its_place_is_spelt_and_whether_dated_or_not(engine: Engine) -> None:
    dated = "Le deuxième sommet Russie-Afrique s’est ouvert le 27 juillet 2023 à Saint-Pétersbourg."
    wire = "The second Russia-Africa summit opened in St. Petersburg on July 27, 2023."
    later = "Au sommet de Saint-Pétersbourg, les dirigeants africains ont plaidé pour la paix."
    elsewhere = "Un sommet se tiendra à Sotchi, sans date annoncée."
    summit(
        engine,
        "fr.txt",
        dated,
        dated,
        start="2023-07-27",
        place="Saint-Pétersbourg",
        published="2023-07-27",
    )
    summit(
        engine,
        "en.txt",
        wire,
        wire,
        start="2023-07-27",
        place="St. Petersburg",
        published="2023-07-28",
    )
    summit(engine, "later.txt", later, later, place="Saint-Pétersbourg", published="2023-08-02")
    summit(engine, "sochi.txt", elsewhere, elsewhere, place="Sotchi", published="2023-08-03")
    refresh(engine, TODAY)
    every = query_records(engine, RecordFilter(type="event", published=None))
    groups = sorted(sorted(docs_of(r)) for r in every)
    assert groups == [["en.txt", "fr.txt", "later.txt"], ["sochi.txt"]]


def test_a_visit_and_the_talks_held_during_it_are_one_event(engine: Engine) -> None:
    visit = "Le colonel Assimi Goïta est en visite à Moscou ce 22 juin 2025."
    talks = "Assimi Goïta et Vladimir Poutine se sont entretenus à Moscou le 22 juin 2025."
    later = "Assimi Goïta a rencontré des investisseurs à Moscou le 30 juin 2025."
    for name, text, kind, start in (
        ("visit.txt", visit, "visit", "2025-06-22"),
        ("talks.txt", talks, "meeting", "2025-06-22"),
        ("later.txt", later, "meeting", "2025-06-30"),
    ):
        article(
            engine,
            name,
            text,
            {
                "actors": [fact(text, "Assimi Goïta", name="Assimi Goïta", type="person")],
                "events": [
                    fact(
                        text,
                        text,
                        type=kind,
                        start=start,
                        place="Moscou",
                        participants=["Assimi Goïta"],
                    )
                ],
            },
            published=start,
        )
    refresh(engine, TODAY)
    every = query_records(engine, RecordFilter(type="event", published=None))
    assert sorted(sorted(docs_of(r)) for r in every) == [["later.txt"], ["talks.txt", "visit.txt"]]


def test_a_visit_told_first_as_its_talks_is_named_a_visit(engine: Engine) -> None:
    from builders import person

    talks = "Le 3 mars à Niamey, le ministre Karim Sala a eu un entretien avec le président."
    visit = "Le ministre Karim Sala a effectué le 3 mars une visite de travail à Niamey."
    for name, text, kind in (("t.txt", talks, "meeting"), ("v.txt", visit, "visit")):
        article(
            engine,
            name,
            text,
            {
                "actors": [person(text, "Karim Sala")],
                "events": [
                    fact(
                        text,
                        text,
                        type=kind,
                        participants=["Karim Sala"],
                        start="2025-03-03",
                        place="Niamey",
                    )
                ],
            },
        )
    refresh(engine, TODAY)
    [event] = by_type(engine, "event")
    assert docs_of(event) == {"t.txt", "v.txt"}
    assert event["fields"]["event_type"] == "visit"
