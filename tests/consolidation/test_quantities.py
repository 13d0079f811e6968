"""Figures: one record per amount, pledges set against deliveries."""

from __future__ import annotations

from builders import (
    TODAY,
    article,
    by_type,
    docs_of,
    fact,
    state,
)
from sqlalchemy import Engine

from suivi.pipeline import refresh
from suivi.store import get_record

QTY_1 = "En 2023, le Mali a reçu de la Russie 55 000 tonnes de blé. La Russie avait promis 80 000 tonnes de blé au Mali en 2023."


QTY_2 = "Selon Moscou, 55 000 tonnes de blé russe ont été livrées au Mali en 2023."


QTY_3 = "L’État malien détient 62 % de la raffinerie."


QTY_4 = "L’État malien détient près de 60 % de la raffinerie."


def test_figures_merge_conflict_and_deliveries_count_against_pledges(engine: Engine) -> None:
    wheat = {"unit": "t", "per": None, "year": 2023}
    article(
        engine,
        "q1.txt",
        QTY_1,
        {
            "actors": [state(QTY_1, "Mali", "ML"), state(QTY_1, "Russie", "RU")],
            "quantities": [
                fact(
                    QTY_1,
                    QTY_1.split(". ")[0],
                    min=55000,
                    max=55000,
                    subject="blé",
                    kind="delivery",
                    **wheat,
                ),
                fact(
                    QTY_1,
                    QTY_1.split(". ")[1],
                    min=80000,
                    max=80000,
                    subject="blé",
                    kind="pledge",
                    **wheat,
                ),
            ],
        },
        published="2024-02-01",
    )
    article(
        engine,
        "q2.txt",
        QTY_2,
        {
            "actors": [state(QTY_2, "Mali", "ML")],
            "quantities": [
                fact(
                    QTY_2,
                    QTY_2,
                    min=55000,
                    max=55000,
                    subject="tonnes de blé russe",
                    kind="delivery",
                    **wheat,
                )
            ],
        },
        published="2024-02-03",
    )
    article(
        engine,
        "q3.txt",
        QTY_3,
        {
            "quantities": [
                fact(
                    QTY_3,
                    QTY_3,
                    min=62,
                    max=62,
                    unit="%",
                    per=None,
                    subject="part de l’État malien dans la raffinerie",
                    kind="share",
                )
            ]
        },
    )
    article(
        engine,
        "q4.txt",
        QTY_4,
        {
            "quantities": [
                fact(
                    QTY_4,
                    QTY_4,
                    min=60,
                    max=60,
                    unit="%",
                    per=None,
                    subject="part de l’État malien dans la raffinerie",
                    kind="share",
                )
            ]
        },
    )
    refresh(engine, TODAY)
    quantities = by_type(engine, "quantity")
    delivered = next(q for q in quantities if q["fields"]["kind"] == "delivery")
    pledge = next(q for q in quantities if q["fields"]["kind"] == "pledge")
    assert docs_of(delivered) == {"q1.txt", "q2.txt"}
    assert pledge["fields"]["delivered"] == {
        "records": [delivered["id"]],
        "total": 55000.0,
        "unit": "t",
    }
    share = next(q for q in quantities if q["fields"]["unit"] == "%")
    [conflict] = share["conflicts"]
    assert conflict["field"] == "value"
    assert {v["value"]: v["sources"] for v in conflict["values"]} == {
        62: ["q3.txt"],
        60: ["q4.txt"],
    }


def test_a_pledge_told_again_is_not_its_own_delivery(engine: Engine) -> None:
    text = "Moscou promet 30 000 tonnes de blé par mois au Mali. Les 30 000 tonnes de blé seront livrées par bateau."
    first, second = text.split(". ")
    article(
        engine,
        "w1.txt",
        text,
        {
            "actors": [state(text, "Mali", "ML")],
            "quantities": [
                fact(
                    text,
                    first,
                    min=30000,
                    max=30000,
                    unit="t",
                    per="month",
                    subject="blé",
                    kind="pledge",
                    year=2025,
                ),
                fact(
                    text,
                    second,
                    min=30000,
                    max=30000,
                    unit="t",
                    per=None,
                    subject="blé",
                    kind="delivery",
                    year=2025,
                ),
            ],
        },
        published="2025-10-01",
    )
    refresh(engine, TODAY)
    pledge = next(q for q in by_type(engine, "quantity") if q["fields"]["kind"] == "pledge")
    assert "delivered" not in pledge["fields"]


def test_an_analyst_relabelling_a_figure_links_it_as_a_pledge(engine: Engine) -> None:
    from suivi.review import add_record_review
    from suivi.store.accounts import add_user

    text = "Moscou fournira 30 000 tonnes de blé au Mali en 2025. Le Mali a reçu 12 000 tonnes de blé russe en 2025."
    first, second = text.split(". ")
    article(
        engine,
        "p.txt",
        text,
        {
            "actors": [state(text, "Mali", "ML")],
            "quantities": [
                fact(
                    text,
                    first,
                    min=30000,
                    max=30000,
                    unit="t",
                    per=None,
                    subject="blé",
                    kind="delivery",
                    year=2025,
                ),
                fact(
                    text,
                    second,
                    min=12000,
                    max=12000,
                    unit="t",
                    per=None,
                    subject="blé russe",
                    kind="delivery",
                    year=2025,
                ),
            ],
        },
        published="2025-09-01",
    )
    refresh(engine, TODAY)
    promised = next(q for q in by_type(engine, "quantity") if q["fields"]["min"] == 30000)
    assert "delivered" not in promised["fields"]
    add_record_review(
        engine,
        add_user(engine, "awa", "un mot de passe solide"),
        promised["id"],
        "kind",
        "correct",
        "pledge",
        "delivery",
        "« fournira » annonce une promesse",
    )
    refresh(engine, TODAY)
    promised = get_record(engine, promised["id"])
    assert promised is not None and promised["fields"]["delivered"]["total"] == 12000.0
    assert promised["fields"]["kind"] == "delivery"  # the stored record keeps what was extracted


def test_a_shipment_larger_than_a_one_off_pledge_is_not_part_of_it(engine: Engine) -> None:
    text = "La Russie a promis entre 25 000 et 50 000 tonnes de céréales au Mali en 2023. Le Mali a reçu 55 000 tonnes de blé en 2023. En 2024, 25 000 tonnes de blé sont arrivées."
    first, second, third = text.split(". ")
    article(
        engine,
        "g.txt",
        text,
        {
            "actors": [state(text, "Mali", "ML")],
            "quantities": [
                fact(
                    text,
                    first,
                    min=25000,
                    max=50000,
                    unit="t",
                    per=None,
                    subject="céréales",
                    kind="pledge",
                    year=2023,
                ),
                fact(
                    text,
                    second,
                    min=55000,
                    max=55000,
                    unit="t",
                    per=None,
                    subject="blé",
                    kind="delivery",
                    year=2023,
                ),
                fact(
                    text,
                    third,
                    min=25000,
                    max=25000,
                    unit="t",
                    per=None,
                    subject="blé",
                    kind="delivery",
                    year=2024,
                ),
            ],
        },
        published="2024-04-01",
    )
    refresh(engine, TODAY)
    pledge = next(q for q in by_type(engine, "quantity") if q["fields"]["kind"] == "pledge")
    assert pledge["fields"]["delivered"]["total"] == 25000.0


def test_an_ownership_share_told_two_ways_is_one_figure_in_conflict(engine: Engine) -> None:
    one = "À Kayes, la raffinerie de Kayes sera détenue à 51 % par l’État malien et à 49 % par la société Turkuaz."
    two = "La raffinerie de Kayes avance : l’État y aurait près de 50 % du capital, selon le ministre."
    for name, text, shares in (
        ("k1.txt", one, [(51, "capital"), (49, "capital")]),
        ("k2.txt", two, [(50, "capital")]),
    ):
        article(
            engine,
            name,
            text,
            {
                "actors": [fact(text, "Turkuaz", name="Turkuaz", type="organization", country="TR")]
                if "Turkuaz" in text
                else [],
                "projects": [
                    fact(
                        text,
                        text,
                        name="raffinerie de Kayes",
                        location="Kayes",
                        sectors=["mining"],
                        status=None,
                    )
                ],
                "quantities": [
                    fact(text, text, min=v, max=v, unit="%", per=None, subject=s, kind="share")
                    for v, s in shares
                ],
            },
            published="2025-05-01",
        )
    refresh(engine, TODAY)
    shares = {tuple(sorted(docs_of(q))): q for q in by_type(engine, "quantity")}
    state = shares[("k1.txt", "k2.txt")]
    [conflict] = state["conflicts"]
    assert {v["value"]: v["sources"] for v in conflict["values"]} == {
        51: ["k1.txt"],
        50: ["k2.txt"],
    }
    assert shares[("k1.txt",)]["fields"]["min"] == 49  # the partner's share is another figure


def _delivery(
    engine: Engine,
    name: str,
    text: str,
    subject: str,
    states: list[tuple[str, str]],
    year: int,
    published: str,
) -> None:
    article(
        engine,
        name,
        text,
        {
            "actors": [state(text, label, code) for label, code in states],
            "quantities": [
                fact(
                    text,
                    text.split(".")[0] + ".",
                    min=200000,
                    max=200000,
                    unit="t",
                    per=None,
                    subject=subject,
                    kind="delivery",
                    year=year,
                )
            ],
        },
        published=published,
    )


def test_one_figure_however_the_goods_are_named_two_countries_apart(engine: Engine) -> None:
    one = "La Russie a livré 200 000 tonnes de blé au Mali. Le Mali salue ce geste."
    two = "Moscou a expédié 200 000 t de céréales vers le Mali. La Russie tient parole."
    other = "La Russie a livré 200 000 tonnes de blé au Niger. Le Niger remercie Moscou."
    _delivery(engine, "one.txt", one, "blé", [("Russie", "RU"), ("Mali", "ML")], 2024, "2024-03-01")
    _delivery(
        engine, "two.txt", two, "céréales", [("Mali", "ML"), ("Russie", "RU")], 2024, "2024-03-02"
    )
    _delivery(
        engine, "other.txt", other, "blé", [("Russie", "RU"), ("Niger", "NE")], 2025, "2025-05-02"
    )
    refresh(engine, TODAY)
    groups = sorted(sorted(docs_of(r)) for r in by_type(engine, "quantity"))
    assert groups == [["one.txt", "two.txt"], ["other.txt"]]
