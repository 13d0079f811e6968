"""Article text with evidence marked, built by escaping every piece of untrusted text.

Article text comes from the web: it is escaped piece by piece here and only the markup
this module writes itself is trusted. Nothing else in the portal marks article text safe.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    """A fact's evidence in the text, where its marker links, and its label."""

    start: int
    end: int
    anchor: str
    href: str
    label: str
    css: str = ""


def marked(text: str, spans: list[Span]) -> Markup:
    """The whole text, every span marked (overlaps split into pieces), anchors at starts.

    After each span comes a small numbered link to where the fact leads (its record).
    """
    cuts = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    starts: dict[int, list[Span]] = {}
    ends: dict[int, list[tuple[int, Span]]] = {}
    for number, span in enumerate(spans, 1):
        starts.setdefault(span.start, []).append(span)
        ends.setdefault(span.end, []).append((number, span))
    out: list[Markup] = []
    for a, b in itertools.pairwise(cuts):
        out.extend(
            Markup('<span class="anchor" id="{}"></span>').format(s.anchor)
            for s in starts.get(a, [])
        )
        covering = [s for s in spans if s.start <= a and s.end >= b]
        piece = escape(text[a:b])
        if covering:
            css = " ".join(sorted({s.css for s in covering if s.css}))
            ids = " ".join(s.anchor for s in covering)
            out.append(Markup('<mark class="{}" data-facts="{}">{}</mark>').format(css, ids, piece))
        else:
            out.append(piece)
        for number, span in ends.get(b, []):
            out.append(
                Markup('<a class="ref" href="{}" title="{}">{}</a>').format(
                    span.href, span.label, number
                )
            )
    return Markup("").join(out)


def excerpt(text: str, start: int, end: int, context: int = 220) -> Markup:
    """The evidence in its surrounding text: a few lines either side, the evidence marked."""
    start, end = max(0, start), min(len(text), end)
    before_at = max(0, start - context)
    after_at = min(len(text), end + context)
    # Cut on spaces so the context does not begin or end in the middle of a word.
    if before_at > 0:
        space = text.find(" ", before_at, start)
        before_at = space + 1 if space != -1 else before_at
    if after_at < len(text):
        space = text.rfind(" ", end, after_at)
        after_at = space if space != -1 else after_at
    return Markup("{}{}<mark>{}</mark>{}{}").format(
        "… " if before_at > 0 else "",
        text[before_at:start],
        text[start:end],
        text[end:after_at],
        " …" if after_at < len(text) else "",
    )
