"""For team leads: the statistics (charts and CSV) and the audit log."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import datetime, timezone

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from bot.desk import statistics
from bot.desk.charts import bar_chart
from bot.desk.ui.common import (
    Forbidden,
    NotFound,
    Viewer,
    audit,
    templates,
    viewer,
)
from bot.store.models import (
    AuditEvent,
)

router = APIRouter(prefix="/desk")


def team_lead_only(me: Viewer) -> None:
    if not {"teamlead", "admin"} & set(me.consultant.roles):
        raise Forbidden


def _charts(table: statistics.Table) -> str | None:
    """A bar chart for the tables with one number per row."""
    if not table.rows:
        return None
    if table.name == "tickets":
        per_week: Counter = Counter()
        for week, _, _, count in table.rows:
            per_week[week] += count
        return bar_chart(table.title, sorted(per_week.items()), ident=table.name)
    if table.name == "handovers":
        bars = [(f"{kind} ({queue})", n) for kind, queue, n in table.rows]
        return bar_chart(table.title, bars, ident=table.name)
    if table.name == "faq":
        bars = [(topic, pct) for topic, _, _, pct in table.rows]
        return bar_chart(table.title, bars, "%", ident=table.name)
    return None


@router.get("/stats", response_class=HTMLResponse)
def stats_page(request: Request) -> Response:
    with viewer(request) as (me, session):
        team_lead_only(me)
        tables = statistics.all_tables(session, datetime.now(timezone.utc))
        return templates.TemplateResponse(
            "desk/stats.html",
            {
                "request": request,
                "me": me.consultant,
                "csrf": me.session.csrf,
                "tables": [(table, _charts(table)) for table in tables],
            },
        )


@router.get("/stats/{name}.csv")
def stats_csv(request: Request, name: str) -> Response:
    with viewer(request) as (me, session):
        team_lead_only(me)
        tables = {t.name: t for t in statistics.all_tables(session, datetime.now(timezone.utc))}
        if name not in tables:
            raise NotFound
        audit(session, me.consultant.username, "stats.exported", "statistics", name)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(tables[name].columns)
        writer.writerows(tables[name].rows)
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="baken-{name}.csv"'},
    )


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request) -> Response:
    with viewer(request) as (me, session):
        team_lead_only(me)
        events = list(
            session.execute(select(AuditEvent).order_by(AuditEvent.at.desc()).limit(300)).scalars()
        )
        return templates.TemplateResponse(
            "desk/audit.html",
            {
                "request": request,
                "me": me.consultant,
                "csrf": me.session.csrf,
                "events": events,
            },
        )
