"""What every page shares: errors in the reader's language, static assets, the serve command."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from web_pages import page, texts


def test_errors_are_pages_in_the_readers_language(client: TestClient) -> None:
    tree = page(client, "/nowhere?lang=en", 404)
    assert texts(tree, "//p[@role='alert']") == ["Page not found."]
    assert client.get("/api/records/nowhere").json() == {"detail": "no record with id 'nowhere'"}


def test_not_found_says_what_was_not_found(client: TestClient) -> None:
    # The API says it in English as ``detail``; a page in the reader's language.
    said = [
        ("/api/records/nope", "no record with id 'nope'"),
        ("/api/documents/nope", "no document with id 'nope'"),
        ("/api/actors/nope", "no actor with id 'nope'"),
        ("/api/nowhere", "nothing at '/api/nowhere'"),
        ("/records/nope?lang=fr", "Aucune fiche n’a l’identifiant « nope »."),
        ("/records/nope?lang=en", "No record with id 'nope'."),
        ("/documents/nope?lang=en", "No document with id 'nope'."),
        ("/actors/nope?lang=fr", "Aucun acteur n’a l’identifiant « nope »."),
    ]
    for url, message in said:
        if url.startswith("/api/"):
            response = client.get(url)
            assert response.status_code == 404 and response.json() == {"detail": message}, url
        else:
            assert texts(page(client, url, 404), "//p[@role='alert']") == [message], url


def test_static_assets_are_served_and_cached(client: TestClient) -> None:
    response = client.get("/static/suivi.css")
    assert response.status_code == 200 and "max-age" in response.headers["cache-control"]
    assert "@import" not in response.text and "url(http" not in response.text


def test_serve_command_help_and_database_option(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from suivi.cli.portal import serve

    result = CliRunner().invoke(serve, ["--help"])
    assert result.exit_code == 0 and "--port" in result.output and "--db" in result.output
    bad = CliRunner().invoke(serve, ["--db", str(tmp_path), "--port", "0"])
    assert bad.exit_code == 1 and "is a folder" in bad.output
