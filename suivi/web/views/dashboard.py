"""The dashboard: what is late first, then counts, the timeline and promises against deliveries."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from suivi.store import RecordFilter
from suivi.store.reviews import recent_reviews
from suivi.web import charts, formatting
from suivi.web.filters import url
from suivi.web.i18n import labeller, translator
from suivi.web.render import lang_of, render
from suivi.web.stats import dashboard

router = APIRouter()


def _status_chart(
    chart_id: str, title: str, kind: str, figures: dict[str, int], lang: str
) -> Markup:
    label = labeller(lang)
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


def _sector_chart(title: str, figures: dict[str, dict[str, int]], lang: str) -> Markup:
    label = labeller(lang)
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


def _localised(items: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    # An event's stored title is consolidation's French one: say it in the reader's language.
    return [
        {**item, "label": formatting.event_title({**item, "start": item["date"]}, lang)}
        if item.get("lane") == "event"
        else item
        for item in items
    ]


def _timeline(items: list[dict[str, Any]], lang: str) -> Markup:
    t = translator(lang)
    lanes = [(key, t(f"dash.lane.{key}")) for key in ("agreement", "event", "milestone")]
    points = []
    for item in items:
        day = formatting.parse_date(item["date"])
        if day is not None:
            points.append(
                charts.Point(
                    day,
                    str(item["lane"]),
                    str(item["label"]),
                    f"/records/{item['record']}",
                    formatting.when(item["date"], lang),
                )
            )
    ticks = None
    if points and min(p.when for p in points).year == max(p.when for p in points).year:
        year = points[0].when.year
        ticks = [
            (date(year, m, 15), formatting.month(date(year, m, 1), lang)) for m in range(1, 13, 3)
        ]
    return charts.timeline("chart-timeline", t("dash.timeline"), points, lanes, ticks)


def _pledges(items: list[dict[str, object]], lang: str) -> Markup:
    t = translator(lang)
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
                promised_shown=formatting.quantity(
                    {"min": item["min"], "max": item["max"], **unit_fields}, lang
                ),
                delivered_shown=formatting.quantity(
                    {"min": delivered, "max": delivered, "unit": item["unit"]}, lang
                ),
                names=(t("dash.promised"), t("dash.delivered")),
            )
        )
    return charts.pledge_chart("chart-pledges", t("dash.pledges"), rows) if rows else Markup("")


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def dashboard_page(request: Request) -> HTMLResponse:
    """The home page."""
    lang = lang_of(request)
    t = translator(lang)
    engine = request.app.state.engine
    data = dashboard(engine)
    data["timeline"] = _localised(data["timeline"], lang)
    context = {
        "data": data,
        "agreements_chart": _status_chart(
            "chart-agreements",
            t("dash.agreements_by_status"),
            "agreement",
            data["by_status"]["agreement"],
            lang,
        ),
        "projects_chart": _status_chart(
            "chart-projects",
            t("dash.projects_by_status"),
            "project",
            data["by_status"]["project"],
            lang,
        ),
        "sector_chart": _sector_chart(t("dash.by_sector"), data["by_sector"], lang),
        "timeline_chart": _timeline(data["timeline"], lang),
        "pledge_chart": _pledges(data["pledges"], lang),
        "recent": recent_reviews(engine, 8),
    }
    return render(request, "dashboard.html", context)
