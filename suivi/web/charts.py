"""Charts as SVG written on the server: no script, readable on a slow connection.

Every label comes from records (untrusted): it is escaped by Markup.format. Every bar and
point is a link, so each figure leads on to the records and from there to the sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from markupsafe import Markup

WIDTH = 640
# For a chart in a half-width column: fewer units across, so its text is drawn larger.
NARROW = 400
YEARS = 5


@dataclass(frozen=True)
class Segment:
    """One part of a bar: its value, its series (a CSS class) and the series' name."""

    value: float
    series: str
    name: str


@dataclass(frozen=True)
class Bar:
    """One row of a bar chart."""

    label: str
    href: str
    segments: list[Segment]
    shown: str = ""


def _svg(
    chart_id: str,
    title: str,
    desc: str,
    height: int,
    body: list[Markup],
    width: int = WIDTH,
    css: str = "",
) -> Markup:
    head = Markup(
        '<svg class="chart{5}" id="{0}" role="img" aria-labelledby="{0}-t {0}-d" '
        'viewBox="0 0 {1} {2}" preserveAspectRatio="xMinYMin meet" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<title id="{0}-t">{3}</title><desc id="{0}-d">{4}</desc>'
    ).format(chart_id, width, height, title, desc, f" {css}" if css else "")
    return head + Markup("").join(body) + Markup("</svg>")


def _bar_link(href: str, parts: list[Markup]) -> Markup:
    # A bar and its labels, one link to the list or record it counts.
    return (
        Markup('<a href="{}" class="bar">').format(href) + Markup("").join(parts) + Markup("</a>")
    )


def bar_chart(
    chart_id: str,
    title: str,
    bars: list[Bar],
    legend: list[Segment] | None = None,
    *,
    width: int = WIDTH,
    css: str = "",
) -> Markup:
    """Horizontal bars, stacked when a bar has several segments, with their totals written.

    ``width`` is in the chart's own units: a narrower chart shows its text larger.
    """
    narrow = width < WIDTH
    label_w, row_h, top = (170, 30, 8) if narrow else (190, 26, 8)
    legend = legend or []
    if legend:
        top += 22
    scale_w = width - label_w - 60
    biggest = max((sum(s.value for s in bar.segments) for bar in bars), default=0) or 1
    body: list[Markup] = []
    x = label_w
    for item in legend:
        body.append(
            Markup(
                '<rect class="s-{}" x="{}" y="6" width="12" height="12"/>'
                '<text x="{}" y="16" class="legend">{}</text>'
            ).format(item.series, x, x + 16, item.name)
        )
        x += 24 + 8 * len(item.name)
    for row, bar in enumerate(bars):
        y = top + row * row_h
        total = sum(s.value for s in bar.segments)
        text_y = y + row_h // 2 + 4
        parts = [
            Markup('<text x="{}" y="{}" class="label" text-anchor="end">{}</text>').format(
                label_w - 8, text_y, bar.label
            )
        ]
        x0 = float(label_w)
        for segment in bar.segments:
            w = scale_w * segment.value / biggest
            parts.append(
                Markup(
                    '<rect class="s-{}" x="{:.1f}" y="{}" width="{:.1f}" height="{}">'
                    "<title>{}: {}</title></rect>"
                ).format(segment.series, x0, y + 3, w, row_h - 8, segment.name, segment.value)
            )
            x0 += w
        parts.append(
            Markup('<text x="{:.1f}" y="{}" class="value">{}</text>').format(
                x0 + 6, text_y, bar.shown or f"{total:g}"
            )
        )
        body.append(_bar_link(bar.href, parts))
    desc = "; ".join(
        f"{bar.label}: {bar.shown or sum(s.value for s in bar.segments):g}"
        if not bar.shown
        else f"{bar.label}: {bar.shown}"
        for bar in bars
    )
    return _svg(chart_id, title, desc, top + row_h * max(len(bars), 1) + 6, body, width, css)


@dataclass(frozen=True)
class Point:
    """One dated item on the timeline."""

    when: date
    lane: str
    label: str
    href: str
    shown_date: str = ""


def timeline(
    chart_id: str,
    title: str,
    points: list[Point],
    lanes: list[tuple[str, str]],
    ticks: list[tuple[date, str]] | None = None,
) -> Markup:
    """Dated items on a time axis, one lane per kind; each point links to its record."""
    label_w, lane_h, top = 170, 40, 10
    axis_y = top + lane_h * len(lanes)
    if not points:
        return _svg(chart_id, title, "", axis_y + 30, [])
    last = max(p.when for p in points)
    # A stray old date would squeeze the recent years into a corner: show the last
    # YEARS years; the list under the chart keeps every item.
    first = max(min(p.when for p in points), date(last.year - YEARS + 1, 1, 1))
    points = [p for p in points if p.when >= first]
    start = date(first.year, 1, 1)
    end = date(last.year + 1, 1, 1)
    span = (end - start).days or 1
    usable = WIDTH - label_w - 20

    def x_of(day: date) -> float:
        return label_w + usable * (day - start).days / span

    body: list[Markup] = []
    for index, (key, name) in enumerate(lanes):
        y = top + index * lane_h + lane_h / 2
        body.append(
            Markup(
                '<line class="lane" x1="{}" x2="{}" y1="{}" y2="{}"/>'
                '<text x="{}" y="{}" class="label" text-anchor="end">{}</text>'
            ).format(label_w, WIDTH - 20, y, y, label_w - 8, y + 4, name)
        )
        for point in (p for p in points if p.lane == key):
            # Named for screen readers (aria-label) and for a pointer (the <title> tooltip).
            said = f"{point.shown_date} — {point.label}" if point.shown_date else point.label
            body.append(
                Markup(
                    '<a href="{}" class="point" aria-label="{}"><title>{}</title>'
                    '<circle class="p-{}" cx="{:.1f}" cy="{}" r="6"/></a>'
                ).format(point.href, said, said, key, x_of(point.when), y)
            )
    for year in range(start.year, end.year + 1):
        x = x_of(date(year, 1, 1))
        body.append(
            Markup('<line class="tick" x1="{:.1f}" x2="{:.1f}" y1="{}" y2="{}"/>').format(
                x, x, top, axis_y + 4
            )
        )
    for day, name in ticks or [(date(y, 7, 1), str(y)) for y in range(start.year, end.year)]:
        body.append(
            Markup('<text x="{:.1f}" y="{}" class="axis" text-anchor="middle">{}</text>').format(
                x_of(day), axis_y + 18, name
            )
        )
    desc = "; ".join(f"{p.shown_date} {p.label}" for p in sorted(points, key=lambda p: p.when))
    return _svg(chart_id, title, desc, axis_y + 28, body)


@dataclass(frozen=True)
class Pledge:
    """A promise and what was reported delivered against it, in the same unit."""

    label: str
    href: str
    promised: float
    delivered: float
    promised_shown: str
    delivered_shown: str
    names: tuple[str, str] = ("promised", "delivered")
    extra: list[str] = field(default_factory=list)


def pledge_chart(chart_id: str, title: str, pledges: list[Pledge]) -> Markup:
    """Two bars per promise, promised above delivered, each scaled to the larger of the two."""
    row_h, label_h, bar_h = 70, 18, 18
    body: list[Markup] = []
    for row, pledge in enumerate(pledges):
        y = 8 + row * row_h
        biggest = max(pledge.promised, pledge.delivered) or 1
        scale = WIDTH - 330
        parts = [Markup('<text x="0" y="{}" class="label">{}</text>').format(y + 12, pledge.label)]
        for index, (amount, shown, css, name) in enumerate(
            (
                (pledge.promised, pledge.promised_shown, "promised", pledge.names[0]),
                (pledge.delivered, pledge.delivered_shown, "delivered", pledge.names[1]),
            )
        ):
            by = y + label_h + index * (bar_h + 4)
            w = max(scale * amount / biggest, 1.5)
            parts.append(
                Markup(
                    '<text x="0" y="{}" class="axis">{}</text>'
                    '<rect class="s-{}" x="90" y="{}" width="{:.1f}" height="{}"/>'
                    '<text x="{:.1f}" y="{}" class="value">{}</text>'
                ).format(by + 13, name, css, by, w, bar_h, 96 + w, by + 13, shown)
            )
        body.append(_bar_link(pledge.href, parts))
    desc = "; ".join(
        f"{p.label}: {p.names[0]} {p.promised_shown}, {p.names[1]} {p.delivered_shown}"
        for p in pledges
    )
    return _svg(chart_id, title, desc, 8 + row_h * max(len(pledges), 1), body)
