"""The command line, through click's runner and once as the installed command."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ARTICLE_EN, ARTICLE_FR, ARTICLE_FR_CHROME, HTML_PAGE

from suivi.cli import cli


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "niger.txt").write_text(ARTICLE_FR)
    (folder / "sub" / "senegal.txt").write_text(ARTICLE_FR_CHROME)
    (folder / "ghana.md").write_text(ARTICLE_EN)
    (folder / "faso.html").write_text(HTML_PAGE)
    return folder


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def stats(db: Path) -> dict[str, int]:
    code, out, _ = run(db, "stats", "--json")
    assert code == 0
    figures: dict[str, int] = json.loads(out)
    return figures


def test_ingest_then_again_adds_nothing(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "s.db"
    code, out, err = run(db, "ingest", "--no-extract", str(corpus))
    assert code == 0, err
    assert "4 stored" in out
    assert stats(db) == {"documents": 4, "facts": 0, "records": 0}
    code, out, err = run(db, "ingest", "--no-extract", str(corpus / "niger.txt"))
    assert code == 0
    assert "0 stored" in out and "1 already stored" in out
    assert "already stored, nothing added" in err
    assert stats(db)["documents"] == 4


def test_bad_inputs_fail_alone(tmp_path: Path, corpus: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 50)
    db = tmp_path / "s.db"
    code, out, err = run(db, "ingest", "--no-extract", str(corpus), str(tmp_path / "nothing.txt"))
    assert code == 1
    assert "4 stored" in out and "3 failed" in out
    errors = [line for line in err.splitlines() if line.startswith("suivi: ")]
    assert len(errors) == 3
    assert any("empty.txt: empty file" in line for line in errors)
    assert any("photo.txt: binary content" in line for line in errors)
    assert any("nothing.txt: no such file" in line for line in errors)
    assert "Traceback" not in err
    assert stats(db)["documents"] == 4


def test_db_from_environment(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "env.db"
    result = CliRunner().invoke(
        cli, ["ingest", "--no-extract", "-q", str(corpus / "niger.txt")], env={"SUIVI_DB": str(db)}
    )
    assert result.exit_code == 0, result.stderr
    assert sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_documents_listing(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "s.db"
    run(db, "ingest", "--no-extract", "-q", str(corpus))
    code, out, _ = run(db, "documents", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 4
    by_name = {row["name"]: row for row in rows}
    assert by_name["faso.html"]["published"] == "2023-10-13"
    assert by_name["faso.html"]["outlet"] == "Le Journal du Faso"
    assert by_name["ghana.md"]["language"] == "en"
    assert by_name["niger.txt"]["title"].startswith("Niger et Turquie")
    assert all(len(row["id"]) == 16 for row in rows)
    code, out, _ = run(db, "documents")
    assert code == 0 and "Niger et Turquie" in out


def test_extract_prints_one_json_object_per_file(tmp_path: Path) -> None:
    path = tmp_path / "niger.txt"
    path.write_text(ARTICLE_FR_CHROME)
    code, out, err = run(tmp_path / "unused.db", "extract", str(path), str(tmp_path / "absent.txt"))
    assert code == 1 and "absent.txt: no such file" in err
    [line] = out.splitlines()
    result = json.loads(line)
    assert result["doc"] == "niger.txt"
    for category in ("actors", "quantities", "agreements", "events", "projects"):
        assert isinstance(result[category], list)
        for item in result[category]:
            start, end = item["evidence"]["start"], item["evidence"]["end"]
            assert 0 <= start < end <= len(ARTICLE_FR_CHROME)
    assert not (tmp_path / "unused.db").exists()


def test_ingest_stores_facts_with_evidence_in_stored_text(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "s.db"
    code, _, err = run(db, "ingest", "-q", str(corpus / "niger.txt"))
    assert code == 0, err
    connection = sqlite3.connect(db)
    text = connection.execute("SELECT text FROM documents").fetchone()[0]
    rows = connection.execute("SELECT category, evidence_start, evidence_end FROM facts").fetchall()
    assert rows, "the Niger article reports an agreement and figures"
    assert {"agreements", "quantities"} <= {category for category, _, _ in rows}
    for _, start, end in rows:
        assert 0 <= start < end <= len(text)


def test_installed_command_runs_as_a_subprocess(tmp_path: Path, corpus: Path) -> None:
    command = shutil.which("suivi", path=str(Path(os.sys.executable).parent)) or shutil.which(
        "suivi"
    )
    assert command, "the suivi command is installed with the package"
    env = {**os.environ, "SUIVI_DB": str(tmp_path / "sub.db")}
    done = subprocess.run(
        [command, "ingest", "--no-extract", str(corpus / "niger.txt"), str(tmp_path / "x.txt")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1
    assert "1 stored" in done.stdout
    assert f"suivi: {tmp_path / 'x.txt'}: no such file or folder" in done.stderr.splitlines()
    assert "Traceback" not in done.stderr
    broken = subprocess.run(
        [command, "--db", str(tmp_path), "stats"], capture_output=True, text=True, timeout=60
    )
    assert broken.returncode == 1
    assert (
        broken.stderr.strip()
        == f"suivi: {tmp_path}: is a folder, not a database file (use --db FILE)"
    )


def test_reading_commands_do_not_create_a_store(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such.db"
    for command in (["stats"], ["documents"], ["records"], ["rebuild", "--keep-facts"]):
        result = CliRunner().invoke(cli, ["--db", str(missing), *command])
        assert result.exit_code != 0
        assert "no store here yet" in str(result.exception) + result.stderr
    assert not missing.parent.exists()


def test_messages_follow_the_order_of_the_inputs(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "s.db"
    niger = str(corpus / "niger.txt")
    _, _, err = run(db, "ingest", "--no-extract", niger, str(tmp_path / "absent.txt"), niger)
    lines = err.splitlines()
    assert lines[0].startswith(f"{niger}: stored as")
    assert lines[1].endswith("absent.txt: no such file or folder")
    assert lines[2] == f"{niger}: already stored, nothing added"


def test_documents_are_tab_separated_when_piped(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "s.db"
    run(db, "ingest", "--no-extract", "-q", str(corpus))
    _, out, _ = run(db, "documents")
    header, *rows = out.splitlines()
    assert header.split("\t") == ["title", "published", "outlet", "language", "id"]
    assert len(rows) == 4 and all(len(row.split("\t")) == 5 for row in rows)
    assert any(row.startswith("Niger et Turquie") and "\t2024-03-14\t" in row for row in rows)


def test_extract_refuses_pages_and_feeds_with_advice(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(HTML_PAGE)
    code, out, err = run(tmp_path / "x.db", "extract", str(page))
    assert code == 1 and out == ""
    assert err.strip() == (
        f"suivi: {page}: extract reads plain-text files, whose offsets it reports; "
        "use `suivi ingest` for pages, feeds, PDF and JSON Lines"
    )


def test_commands_do_not_load_the_portal() -> None:
    import sys

    code = "import sys, suivi.cli; print('fastapi' in sys.modules, 'alembic' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["False", "False"]


def test_serve_says_when_its_port_is_taken(tmp_path: Path) -> None:
    import socket

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        done = subprocess.run(
            [
                str(Path(os.sys.executable).parent / "suivi"),
                "--db",
                str(tmp_path / "s.db"),
                "serve",
                "--port",
                str(port),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"suivi: cannot listen on 127.0.0.1:{port}: the address is already in use; choose another --port"
    )


def test_records_show_what_analysts_reviewed(tmp_path: Path) -> None:
    from suivi.models import Article
    from suivi.review import add_record_review
    from suivi.store import add_document, create
    from suivi.store.accounts import add_user

    db = tmp_path / "s.db"
    engine = create(str(db))
    text = "Le Niger recevra 30 000 tonnes de blé de la Russie, selon le ministre."
    add_document(
        engine,
        Article("n.txt", "n.txt", text.encode(), text, language="fr"),
        {
            "quantities": [
                {
                    "min": 30000,
                    "max": 30000,
                    "unit": "t",
                    "per": None,
                    "subject": "blé",
                    "kind": "pledge",
                    "year": None,
                    "evidence": {"start": 0, "end": len(text)},
                }
            ],
        },
    )
    CliRunner().invoke(cli, ["--db", str(db), "rebuild", "--keep-facts"])
    [record] = json.loads(CliRunner().invoke(cli, ["--db", str(db), "records"]).stdout)
    analyst = add_user(engine, "awa", "un mot de passe solide")
    add_record_review(
        engine, analyst, record["id"], "max", "correct", 35000, 30000, "le communiqué dit 35 000"
    )
    [shown] = json.loads(CliRunner().invoke(cli, ["--db", str(db), "records"]).stdout)
    assert shown["fields"]["max"] == 35000
    assert shown["title"].startswith("30\u202f000–35\u202f000 t")


def test_extract_on_two_workers_prints_what_one_process_prints(tmp_path: Path) -> None:
    files = []
    for number, text in enumerate((ARTICLE_FR, ARTICLE_FR_CHROME, ARTICLE_EN)):
        path = tmp_path / f"a{number}.txt"
        path.write_text(text)
        files.append(str(path))
    one = CliRunner().invoke(cli, ["extract", *files])
    two = CliRunner().invoke(cli, ["extract", "--workers", "2", *files])
    assert one.exit_code == two.exit_code == 0
    assert [json.loads(line)["doc"] for line in two.stdout.splitlines()] == [
        "a0.txt",
        "a1.txt",
        "a2.txt",
    ]
    assert two.stdout == one.stdout


def test_nothing_new_to_read_loads_no_model(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "s.db"
    run(db, "ingest", "--no-extract", "-q", str(corpus / "niger.txt"))
    code = (
        "import sys; from suivi.cli import main; "
        f"sys.argv = ['suivi', '--db', {str(db)!r}, 'ingest', '-q', {str(corpus / 'niger.txt')!r}, 'absent.txt']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('fr_core_news_md' in sys.modules or 'suivi.extraction.pipeline' in sys.modules)"
    )
    done = subprocess.run(
        [os.sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert done.stdout.strip().splitlines()[-1] == "False", done.stderr
    assert "1 already stored, 1 failed" in done.stdout


def test_db_after_the_command_name(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "after.db"
    assert (
        CliRunner()
        .invoke(cli, ["ingest", "--no-extract", "-q", "--db", str(db), str(corpus)])
        .exit_code
        == 0
    )
    result = CliRunner().invoke(cli, ["stats", "--json", "--db", str(db)])
    assert json.loads(result.stdout)["documents"] == 4


def test_extract_blanks_markdown_markup_keeping_offsets(tmp_path: Path) -> None:
    text = "# Niger et Turquie\n\nLe **Niger** a signé un *accord* sur les drones_de_surveillance.\n- Ankara livrera 6 drones.\n"
    path = tmp_path / "tribune.md"
    path.write_text(text)
    result = json.loads(CliRunner().invoke(cli, ["extract", str(path)]).stdout)
    for category in ("actors", "agreements", "quantities", "events", "projects"):
        for item in result[category]:
            span = text[item["evidence"]["start"] : item["evidence"]["end"]]
            assert span.strip() and "**" not in json.dumps(item, ensure_ascii=False)
    niger = next(a for a in result["actors"] if a["name"] == "Niger")
    assert text[niger["evidence"]["start"] : niger["evidence"]["end"]].count("Niger") >= 1


def test_rebuild_finds_a_date_an_older_reading_missed(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "s.db"
    path = tmp_path / "d.txt"
    path.write_text(
        "Accord minier\n\nNIAMEY, 12 mars 2024 (Agence) – Le Niger et la Turquie ont signé un accord minier.\n"
    )
    run(db, "ingest", "-q", str(path))
    connection = sqlite3.connect(db)
    connection.execute("UPDATE documents SET published = NULL")
    connection.commit()
    result = CliRunner().invoke(cli, ["--db", str(db), "rebuild"])
    assert result.exit_code == 0 and "dated 2024-03-12" in result.stderr
    assert connection.execute("SELECT published FROM documents").fetchone()[0] == "2024-03-12"
