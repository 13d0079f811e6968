"""Test helpers: sample texts written for the tests, and a local HTTP server."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ARTICLE_FR = """Niger et Turquie : un accord sur la formation des pilotes

Publié le jeudi 14 mars 2024

NIAMEY – Le ministre nigérien de la Défense, Salifou Mody, a signé mercredi à Niamey un
accord de coopération militaire avec son homologue turc. Le texte prévoit la formation de
120 pilotes et la livraison de six drones d’ici la fin de l’année.

Les deux pays souhaitent aussi relancer leurs échanges commerciaux, estimés à 45 milliards
de francs CFA en 2023, selon le ministère du Commerce.
"""

ARTICLE_FR_CHROME = """Accueil » Actualités » Économie
Sénégal : la Chine finance un nouveau pont sur le fleuve

Publié le 3 février 2025
Partager sur Facebook
Partager sur X
Le gouvernement sénégalais et la Chine ont conclu lundi une convention de financement de
85 milliards de francs CFA pour la construction d’un pont à Rosso, sur le fleuve Sénégal.
Les travaux doivent durer trois ans et employer près de 900 personnes.
Lire aussi : Dakar et Pékin renforcent leur partenariat portuaire
Ce site utilise des cookies pour améliorer votre navigation. En continuant, vous acceptez.
Contact : redaction@exemple-dakar.info
Tél : +221 33 800 00 00
Laisser un commentaire
Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *
"""

ARTICLE_EN = """Ghana and China sign a grain storage agreement

ACCRA, May 6, 2024 – Ghana and China signed an agreement on Monday to build grain silos
with a capacity of 50,000 tonnes in the Northern Region, the agriculture ministry said.
The project is expected to cost 40 million dollars and to open in 2026.
"""

HTML_PAGE = """<!DOCTYPE html>
<html lang="fr"><head>
<meta charset="utf-8">
<title>Burkina Faso : un mémorandum nucléaire avec Rosatom</title>
<meta property="article:published_time" content="2023-10-13T08:30:00+00:00">
<meta property="og:site_name" content="Le Journal du Faso">
</head><body>
<nav><a href="/">Accueil</a> <a href="/politique">Politique</a> <a href="/eco">Économie</a></nav>
<article>
<h1>Burkina Faso : un mémorandum nucléaire avec Rosatom</h1>
<p>Le Burkina Faso et la société d’État russe Rosatom ont signé un mémorandum d’entente
pour la construction d’une centrale nucléaire, lors de la Semaine russe de l’énergie à Moscou.</p>
<script>document.title = "piraté"; alert("x");</script>
<p>Le texte prévoit aussi la formation d’ingénieurs burkinabè et une étude de faisabilité.
Le capitaine Ibrahim Traoré a salué une étape vers la souveraineté énergétique du pays,
qui importe encore une grande partie de son électricité de ses voisins.</p>
</article>
<footer>© Le Journal du Faso – Tous droits réservés</footer>
</body></html>
"""


def rss_feed(entries: list[tuple[str, str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (title, link, pubDate, html content) entries."""
    items = "".join(
        f"<item><title>{title}</title><link>{link}</link><pubDate>{date}</pubDate>"
        f"<content:encoded><![CDATA[{content}]]></content:encoded></item>"
        for title, link, date, content in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Sahel Info</title><link>https://sahel.example/</link>{items}"
        "</channel></rss>"
    ).encode()


def without_fact_ids(records: list[dict[str, Any]]) -> str:
    """Records as JSON, less the fact row numbers a rebuild renews: what must stay the same."""
    return json.dumps(
        [
            {**r, "sources": [{k: v for k, v in s.items() if k != "fact_id"} for s in r["sources"]]}
            for r in records
        ],
        sort_keys=True,
    )


def run(nlp: Any, text: str, published: str | None = None, language: str = "fr") -> Any:
    """``text`` through the pipeline ``nlp``, with what extraction is told beforehand."""
    doc = nlp.make_doc(text)
    doc._.language = language
    doc._.published = published
    return nlp(doc)


def extract(extractor: Any, text: str, published: str | None = None) -> dict[str, Any]:
    """One invented text through the full extractor, its metadata read as the sources do."""
    from suivi.sources.metadata import extraction_input

    return dict(extractor.extract(extraction_input("t.txt", text, published=published)))


def dates(text: str, published: str | None) -> list[tuple[str, str | None]]:
    """The dates named in ``text`` as (value, until)."""
    from suivi.extraction.dates import find_dates
    from suivi.folding import fold_chars

    return [(m.value, m.until) for m in find_dates(fold_chars(text), published)]


Route = tuple[int, str, bytes]


@contextmanager
def http_server(routes: dict[str, Route], delay_paths: set[str] | None = None) -> Iterator[str]:
    """Serve ``routes`` (path → status, content type, body) on 127.0.0.1; yield the base URL."""
    slow = delay_paths or set()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path in slow:
                time.sleep(3)
            status, kind, body = routes.get(self.path, (404, "text/plain", b"not found"))
            try:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def refuse_reading(monkeypatch: Any, locked: Path) -> None:
    """Make reading the folder ``locked`` fail as a permission error would."""
    # Tests run as root, where chmod 000 does not stop reading: the refusal is simulated
    # where the operating system gives it, at os.scandir.
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(os.fspath(path)) == locked:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
