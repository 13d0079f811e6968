"""The store on a real PostgreSQL server: the same code as SQLite, migrations included.

A server is started for the session in a temporary folder (initdb + pg_ctl), on a free
port of 127.0.0.1, and stopped at the end. CI installs PostgreSQL; elsewhere the tests are
skipped when it is absent.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine, text

from suivi.models import Article
from suivi.pipeline import refresh
from suivi.store import (
    RecordFilter,
    add_document,
    counts,
    create,
    facet_counts,
    query_records,
    replace_records,
    schema_version,
)
from suivi.store.database import MIGRATIONS
from suivi.store.state import store_version

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def server(postgres_server: str) -> str:
    """The session's PostgreSQL server (tests/conftest.py)."""
    return postgres_server


@pytest.fixture
def engine(server: str) -> Iterator[Engine]:
    engine = create(server)
    yield engine
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()


TEXT = (
    "Le Mali et la Russie ont signé le 23 juin 2025 un accord sur le nucléaire civil avec "
    "Rosatom. Le texte prévoit la formation de spécialistes maliens."
)


def test_migrations_reach_the_newest_version(engine: Engine) -> None:
    heads = {
        path.split("_")[0] for path in os.listdir(MIGRATIONS / "versions") if path[0].isdigit()
    }
    assert schema_version(engine) == max(heads)
    with engine.connect() as connection:
        assert connection.dialect.name == "postgresql"


def test_documents_facts_and_records_on_postgresql(engine: Engine) -> None:
    start = TEXT.index("Le Mali")
    end = TEXT.index(".") + 1
    extracted = {
        "agreements": [
            {
                "title": "accord sur le nucléaire civil",
                "sectors": ["nuclear", "energy"],
                "parties": ["ML", "RU", "Rosatom"],
                "date": "2025-06-23",
                "status": "signed",
                "evidence": {"start": start, "end": end},
            }
        ],
        "actors": [
            {
                "name": "Mali",
                "type": "country",
                "country": "ML",
                "evidence": {"start": start, "end": end},
            }
        ],
    }
    article = Article(
        source="pg.txt",
        name="pg.txt",
        raw=TEXT.encode(),
        text=TEXT,
        published="2025-06-24",
        language="fr",
    )
    assert add_document(engine, article, extracted).new
    assert not add_document(engine, article, extracted).new
    bad = Article(
        source="bad.txt",
        name="bad.txt",
        raw=b"x",
        text="Un autre texte qui ne sera pas stocké.",
        language="fr",
    )
    with pytest.raises(ValueError):
        add_document(
            engine, bad, {"actors": [{"name": "Mali", "evidence": {"start": 0, "end": 9999}}]}
        )
    assert counts(engine)["documents"] == 1
    assert refresh(engine, date(2026, 1, 1)) == 2
    [agreement] = query_records(
        engine, RecordFilter(type="agreement", sector="nuclear", partner="RU")
    )
    assert agreement["sources"][0]["evidence"]["text"].startswith("Le Mali et la Russie")
    # Words are searched in titles and evidence sentences, as on SQLite.
    found = {r["id"] for r in query_records(engine, RecordFilter(q="nucléaire"))}
    assert agreement["id"] in found
    assert query_records(engine, RecordFilter(q="pétrole")) == []
    # PostgreSQL's own text search: accents folded, French stems, prefixes, all words needed;
    # a word in the title ranks its record first (the actor's sentence holds it too).
    for words in ("nucleaire", "NUCLÉAIRES", "nuclé", "accords nucléaires"):
        ranked = [r["id"] for r in query_records(engine, RecordFilter(q=words))]
        assert ranked and ranked[0] == agreement["id"], words
    assert query_records(engine, RecordFilter(q="nucléaire pétrole")) == []
    plan = (
        engine.connect()
        .execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_records_search'"))
        .scalar_one()
    )
    assert "to_tsvector('suivi_french'" in plan
    # Accents folded by PostgreSQL itself (unaccent), then French stems.
    lexemes = (
        engine.connect()
        .execute(text("SELECT to_tsvector('suivi_french', 'Énergies électriques')::text"))
        .scalar_one()
    )
    assert lexemes == "'electr':2 'energ':1"
    assert facet_counts(engine)["type"] == {"agreement": 1, "actor": 1}
    # Records written again as they are: nothing is rewritten, the store's version stays.
    version = store_version(engine).number
    assert refresh(engine, date(2026, 1, 1)) == 2
    assert store_version(engine).number == version
    # One record fewer: the other one's rows go, search row included.
    replace_records(engine, [agreement])
    assert store_version(engine).number == version + 1
    assert [r["id"] for r in query_records(engine, RecordFilter(q="Mali", published=None))] == [
        agreement["id"]
    ]
