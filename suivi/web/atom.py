"""Atom 1.0 feeds, written by feedgen: of a filtered list of records, of one record's
changes, of every change; and the ``<link rel="alternate">`` each page points to them with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from fastapi import Request
from feedgen.feed import FeedGenerator

from suivi.models import RecordBase
from suivi.presentation import N_, Language, record_title
from suivi.store.changes import LoggedChange
from suivi.web.changes import KIND_LABELS, describe
from suivi.web.filters import read_query, url

ATOM_TYPE = "application/atom+xml"


@dataclass(frozen=True)
class FeedLink:
    """A feed a page offers: its address and its title."""

    href: str
    title: str


def alternate_feeds(request: Request, language: Language) -> list[FeedLink]:
    """The feeds a page links to: every change, and the feed of what the page shows (the
    records of a filtered list, one record's changes)."""
    say = language.gettext
    out = []
    path = request.url.path
    if path == "/records":
        flt, _refused = read_query(request.query_params)
        out.append(FeedLink(url("/records.atom", flt), say(N_("Ces fiches (Atom)"))))
    elif path.startswith("/records/") and path.count("/") == 2:
        out.append(FeedLink(f"{path}.atom", say(N_("Les changements de cette fiche (Atom)"))))
    out.append(FeedLink("/changes.atom", say(N_("Nouveautés (Atom)"))))
    return out


@dataclass(frozen=True)
class Entry:
    """One entry of a feed, before it is written."""

    id: str
    title: str
    link: str
    updated: datetime
    summary: str
    published: datetime | None = None


def atom(
    *,
    feed_id: str,
    title: str,
    self_url: str,
    page_url: str,
    language: Language,
    updated: datetime,
    entries: Sequence[Entry],
) -> bytes:
    """A valid Atom 1.0 document (RFC 4287) with ``entries`` in the order given; ``updated``
    dates it when it has none."""
    feed = FeedGenerator()
    feed.id(feed_id)
    feed.title(title)
    feed.author({"name": "suivi"})
    feed.link(href=page_url, rel="alternate", type="text/html")
    feed.link(href=self_url, rel="self", type=ATOM_TYPE)
    feed.language(language.code)
    feed.generator("suivi")
    # The feed changed when its newest entry did; an empty one, when the store last did.
    feed.updated(max(entry.updated for entry in entries) if entries else updated)
    for entry in entries:
        item = feed.add_entry(order="append")
        item.id(entry.id)
        item.title(entry.title)
        item.link(href=entry.link, rel="alternate", type="text/html")
        item.updated(entry.updated)
        if entry.published is not None:
            item.published(entry.published)
        item.summary(entry.summary)
    return bytes(feed.atom_str(pretty=True))


def change_entry(base: str, change: LoggedChange, title: str, language: Language) -> Entry:
    """One change of the record titled ``title`` as an entry: what changed, when."""
    link = f"{base}records/{change.record_id}"
    return Entry(
        id=f"{link}#change-{change.id}",
        title=f"{language.gettext(KIND_LABELS[change.kind])} — {title}",
        link=link,
        updated=change.at,
        published=change.at,
        summary=describe(change, language),
    )


def record_entry(
    base: str,
    item: RecordBase,
    latest: Sequence[LoggedChange],
    updated: datetime,
    language: Language,
) -> Entry:
    """One record as an entry: its title, its latest changes, when it last changed."""
    link = f"{base}records/{item['id']}"
    said = [describe(change, language) for change in latest[:3]]
    created = [c.at for c in latest if c.kind == "created"]
    return Entry(
        id=link,
        title=record_title(item, language),
        link=link,
        updated=updated,
        published=created[0] if created else None,
        summary=" · ".join(said) or record_title(item, language),
    )
