"""A news site on 127.0.0.1 for watch tests: an RSS feed whose entries the test adds between
polls, each entry's page, conditional GET, and ways to fail (500, too slow, a redirect).
The articles are written for the tests."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

# Each article: a slug, a title, a date, and its text (a few French paragraphs).
ARTICLES = {
    "kayes-forage": (
        "Kayes : l’Égypte financera quarante forages",
        "Mon, 06 Oct 2025 08:00:00 +0000",
        "KAYES – Le gouvernement malien et l’Égypte ont signé lundi une convention pour le "
        "creusement de quarante forages dans la région de Kayes. Les travaux, confiés à une "
        "entreprise publique égyptienne, doivent commencer en janvier et durer dix-huit mois. "
        "Le ministre de l’Eau a salué un partenariat « concret et rapide ».",
    ),
    "sikasso-coton": (
        "Sikasso : une usine d’égrenage promise par l’Inde",
        "Tue, 07 Oct 2025 09:30:00 +0000",
        "SIKASSO – L’Inde a promis mardi de construire une usine d’égrenage de coton à "
        "Sikasso, d’une capacité de 60 000 tonnes par an. Le protocole d’accord a été paraphé "
        "par le ministre malien de l’Industrie et l’ambassadeur indien à Bamako.",
    ),
    "gao-pont": (
        "Gao : la Turquie relance le chantier du pont sur le Niger",
        "Wed, 08 Oct 2025 07:15:00 +0000",
        "GAO – Les travaux du pont de Wabaria reprendront en novembre grâce à un prêt turc de "
        "25 milliards de francs CFA, a annoncé mercredi le gouverneur de la région de Gao. "
        "L’ouvrage, long de 900 mètres, doit être livré fin 2027.",
    ),
    "mopti-riz": (
        "Mopti : la Chine livre 5 000 tonnes de riz",
        "Thu, 09 Oct 2025 11:00:00 +0000",
        "MOPTI – Un premier convoi de riz offert par la Chine est arrivé jeudi à Mopti. Le don, "
        "de 5 000 tonnes au total, sera distribué aux familles touchées par les inondations, a "
        "précisé le commissaire à la sécurité alimentaire.",
    ),
    "segou-solaire": (
        "Ségou : une centrale solaire avec les Émirats",
        "Fri, 10 Oct 2025 10:45:00 +0000",
        "SÉGOU – Le Mali et les Émirats arabes unis ont posé vendredi la première pierre d’une "
        "centrale solaire de 50 mégawatts à Ségou. La mise en service est annoncée pour la fin "
        "de l’année prochaine, selon la société d’énergie du Mali.",
    ),
    "tombouctou-manuscrits": (
        "Tombouctou : le Maroc aide à restaurer les manuscrits",
        "Sat, 11 Oct 2025 16:20:00 +0000",
        "TOMBOUCTOU – Le Maroc enverra dix restaurateurs à Tombouctou pour sauver des "
        "manuscrits anciens abîmés par l’humidité, selon un accord conclu samedi entre les "
        "ministères de la Culture des deux pays. Un atelier de reliure sera ouvert en mars.",
    ),
}


def page_html(slug: str) -> bytes:
    """The article's own page, with a menu around it."""
    title, _date, text = ARTICLES[slug]
    sentences = [s.strip().rstrip(".") + "." for s in text.split(". ") if s.strip()]
    paragraphs = "".join(f"<p>{escape(s)}</p>" for s in sentences)
    return (
        "<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title>"
        "<meta property='og:site_name' content='Le Courrier du Fleuve'></head><body>"
        "<nav><a href='/'>Accueil</a> <a href='/politique'>Politique</a></nav>"
        f"<article><h1>{escape(title)}</h1>{paragraphs}</article>"
        "<footer>© Le Courrier du Fleuve</footer></body></html>"
    ).encode()


@dataclass
class Site:
    """What the site serves now, and what it was asked."""

    slugs: list[str] = field(default_factory=list)
    mode: str = "ok"  # ok, error (500), slow (answers after ``slow`` seconds)
    slow: float = 5.0
    robots: str | None = None  # robots.txt's text; None: 404
    page_delay: float = 0.0  # seconds before each article page answers
    broken: set[str] = field(default_factory=set)  # article pages answering 500
    requests: list[tuple[str, str | None, int]] = field(default_factory=list)
    asked_page: threading.Event = field(default_factory=threading.Event)
    base: str = ""

    def feed(self) -> bytes:
        items = "".join(
            f"<item><title>{escape(ARTICLES[s][0])}</title>"
            f"<link>{self.base}/articles/{s}.html</link>"
            f"<guid>{self.base}/articles/{s}.html</guid>"
            f"<pubDate>{ARTICLES[s][1]}</pubDate>"
            f"<description>{escape(ARTICLES[s][0])}</description></item>"
            for s in reversed(self.slugs)
        )
        return (
            "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>Le Courrier du Fleuve</title><link>{self.base}/</link>"
            f"<description>Actualités</description>{items}</channel></rss>"
        ).encode()

    def paths(self, path: str) -> list[str]:
        """The paths of requests the site answered with ``path``."""
        return [p for p, _etag, _status in self.requests if p == path]


def _answer(site: Site, handler: BaseHTTPRequestHandler) -> int:
    path = handler.path.split("?")[0]
    if site.mode == "error":
        return _send(handler, 500, b"panne", "text/plain")
    if site.mode == "slow":
        time.sleep(site.slow)
        return _send(handler, 200, site.feed(), "application/rss+xml")
    if path == "/robots.txt":
        if site.robots is None:
            return _send(handler, 404, b"", "text/plain")
        return _send(handler, 200, site.robots.encode(), "text/plain")
    if path == "/old-feed.xml":
        handler.send_response(301)
        handler.send_header("Location", "/feed.xml")
        handler.send_header("Content-Length", "0")
        handler.end_headers()
        return 301
    if path == "/feed.xml":
        body = site.feed()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.end_headers()
            return 304
        return _send(handler, 200, body, "application/rss+xml", etag)
    slug = path.removeprefix("/articles/").removesuffix(".html")
    if path.startswith("/articles/") and slug in site.broken:
        return _send(handler, 500, b"panne", "text/plain")
    if path.startswith("/articles/") and slug in site.slugs:
        site.asked_page.set()
        time.sleep(site.page_delay)
        return _send(handler, 200, page_html(slug), "text/html; charset=utf-8")
    return _send(handler, 404, b"", "text/plain")


def _send(
    handler: BaseHTTPRequestHandler, status: int, body: bytes, kind: str, etag: str = ""
) -> int:
    handler.send_response(status)
    handler.send_header("Content-Type", kind)
    handler.send_header("Content-Length", str(len(body)))
    handler.send_header("Last-Modified", formatdate(usegmt=True))
    if etag:
        handler.send_header("ETag", etag)
    handler.end_headers()
    handler.wfile.write(body)
    return status


@contextmanager
def serving(site: Site) -> Iterator[Site]:
    """``site`` served on its own port of 127.0.0.1 (its own host, for back-off)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            # Counted as it arrives (a slow answer ends after the client gave up).
            index = len(site.requests)
            site.requests.append((self.path, self.headers.get("If-None-Match"), 0))
            with suppress(BrokenPipeError, ConnectionResetError):
                status = _answer(site, self)
                site.requests[index] = (self.path, self.headers.get("If-None-Match"), status)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
