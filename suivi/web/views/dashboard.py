"""The dashboard: what is late first, then counts, the timeline and promises against deliveries."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from suivi.presentation import Language, figure, parse_date
from suivi.presentation.titles import event_title
from suivi.store import RecordFilter
from suivi.store.reviews import recent_reviews
from suivi.web import charts
from suivi.web.caching import version_seen
from suivi.web.filters import url
from suivi.web.render import language_of, render
from suivi.web.stats import dashboard

router = APIRouter()
# The home page shows this many items of each list, with a link to the whole filtered list:
# its size stays the same whatever the store holds.
TOP = 15
TIMELINE = 40


def _bounded(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, tuple[int, str]]]:
    # A copy: the figures are shared by every request until the store changes.
    out = dict(data)
    more: dict[str, tuple[int, str]] = {}
    links = {
        "overdue": (TOP, url("/records", RecordFilter(overdue=True))),
        "pledges": (TOP, url("/records", RecordFilter(type="quantity"))),
    }
    for key, (size, href) in links.items():
        if len(out[key]) > size:
            more[key] = (len(out[key]), href)
            out[key] = out[key][:size]
    if len(out["timeline"]) > TIMELINE:
        # The latest steps: the timeline is sorted by date.
        more["timeline"] = (len(out["timeline"]), "/records")
        out["timeline"] = out["timeline"][-TIMELINE:]
    return out, more


def _status_chart(
    chart_id: str, title: str, kind: str, figures: dict[str, int], language: Language
) -> Markup:
    label = language.label
    bars = [
        charts.Bar(
            label=label("status", status),
            href=url(
                "/records", RecordFilter(type=kind, status=status if status != "unknown" else None)
            ),
            segments=[charts.Segment(n, kind, label("type", kind))],
        )
        for status, n in sorted(figures.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    # Drawn narrow: it sits in a half-width column, and its labels must stay readable there.
    return charts.bar_chart(chart_id, title, bars, width=charts.NARROW, css="narrow")


def _sector_chart(title: str, figures: dict[str, dict[str, int]], language: Language) -> Markup:
    label = language.label
    legend = [
        charts.Segment(0, "agreement", label("type", "agreement")),
        charts.Segment(0, "project", label("type", "project")),
    ]
    bars = [
        charts.Bar(
            label=label("sector", sector),
            href=url("/records", RecordFilter(sector=sector)),
            segments=[
                charts.Segment(row["agreement"], "agreement", label("type", "agreement")),
                charts.Segment(row["project"], "project", label("type", "project")),
            ],
        )
        for sector, row in figures.items()
    ]
    return charts.bar_chart("chart-sectors", title, bars, legend)


def _localised(items: list[dict[str, Any]], language: Language) -> list[dict[str, Any]]:
    # An event's stored title is consolidation's French one: say it in the reader's language.
    return [
        {**item, "label": event_title({**item, "start": item["date"]}, language)}
        if item.get("lane") == "event"
        else item
        for item in items
    ]


def _timeline(items: list[dict[str, Any]], language: Language) -> Markup:
    lanes = [(key, language.label("lane", key)) for key in ("agreement", "event", "milestone")]
    points = []
    for item in items:
        day = parse_date(item["date"])
        if day is not None:
            points.append(
                charts.Point(
                    day,
                    str(item["lane"]),
                    str(item["label"]),
                    f"/records/{item['record']}",
                    language.when(item["date"]),
                )
            )
    ticks = None
    if points and min(p.when for p in points).year == max(p.when for p in points).year:
        year = points[0].when.year
        ticks = [(date(year, m, 15), language.month(date(year, m, 1))) for m in range(1, 13, 3)]
    title = language.gettext("Chronologie : accords, visites et étapes")
    return charts.timeline("chart-timeline", title, points, lanes, ticks)


def _pledges(items: list[dict[str, object]], language: Language) -> Markup:
    t = language.gettext
    rows = []
    for item in items:
        high = item["max"] if isinstance(item["max"], int | float) else item["min"]
        if not isinstance(high, int | float):
            continue
        delivered = item["delivered"] if isinstance(item["delivered"], int | float) else 0
        unit_fields = {"unit": item["unit"], "per": item["per"]}
        rows.append(
            charts.Pledge(
                label=str(item["subject"] or item["title"]),
                href=f"/records/{item['record']}",
                promised=float(high),
                delivered=float(delivered),
                promised_shown=figure(
                    {"min": item["min"], "max": item["max"], **unit_fields}, language
                ),
                delivered_shown=figure(
                    {"min": delivered, "max": delivered, "unit": item["unit"]}, language
                ),
                names=(t("promis"), t("livré")),
            )
        )
    return charts.pledge_chart("chart-pledges", t("Promis et livré"), rows) if rows else Markup("")


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def dashboard_page(request: Request) -> HTMLResponse:
    """The home page."""
    language = language_of(request)
    t = language.gettext
    engine = request.app.state.engine
    data, more = _bounded(dashboard(engine, version_seen(request)))
    data["timeline"] = _localised(data["timeline"], language)
    context = {
        "data": data,
        "agreements_chart": _status_chart(
            "chart-agreements",
            t("Accords par statut"),
            "agreement",
            data["by_status"]["agreement"],
            language,
        ),
        "projects_chart": _status_chart(
            "chart-projects",
            t("Projets par statut"),
            "project",
            data["by_status"]["project"],
            language,
        ),
        "sector_chart": _sector_chart(
            t("Accords et projets par secteur"), data["by_sector"], language
        ),
        "timeline_chart": _timeline(data["timeline"], language),
        "pledge_chart": _pledges(data["pledges"], language),
        "recent": recent_reviews(engine, 8),
        "more": more,
    }
    return render(request, "dashboard.html", context)
