"""Assembling the briefing (简报) of a path or of the current view, ready for PDF or DOCX.

It runs without Streamlit: a download button calls it on a thread of its own, after the
click. What needs the page run (the user, filter names from the cache) is decided before,
in a BriefingRequest; assembling only queries, draws the charts and lays out the tables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from charts.images import chart_png
from charts.meeting import view_charts
from components.view_parts import view_kpis, view_table
from data_access.exports.briefing import (
    Briefing,
    BriefingImage,
    BriefingKpi,
    BriefingSection,
    filter_line,
)
from data_access.exports.tables import TableExport, table_export
from data_access.formatting import to_local
from data_access.kpis import Kpi, headline_kpis, with_changes
from data_access.meeting.paths import VIEW_KINDS, Step
from data_access.meeting.views import ComparedView, ViewData, fetch_compared_views, fetch_view
from data_access.queries.notice import fetch_notice
from data_access.settings import get_settings
from i18n import t

# Every briefing lists the overdue problems and the accountability table of its scope.
REQUIRED_VIEWS = ("overdue", "accountability")


def briefing_title() -> str:
    """The usual title of a briefing, in the UI language."""
    return t("meeting.briefing.title")


@dataclass(frozen=True)
class BriefingRequest:
    """Everything decided in the page run: steps, their filter texts, role, notices, times."""

    title: str
    steps: tuple[Step, ...]
    step_filters: tuple[tuple[str, ...], ...]  # the filter lines of each step
    role: str
    as_of: str
    generated_at: datetime
    notices: tuple[str, ...] = ()


def with_required_views(request: BriefingRequest) -> list[tuple[Step, tuple[str, ...]]]:
    """The request's steps, then the required views it lacks, for the first step's Filter."""
    pairs = list(zip(request.steps, request.step_filters, strict=True))
    present = {step.kind for step in request.steps}
    first, first_filters = pairs[0]
    for kind in REQUIRED_VIEWS:
        if kind not in present:
            pairs.append((Step(kind, first.flt, VIEW_KINDS[kind]), first_filters))
    return pairs


def briefing_kpis(kpis: Sequence[Kpi]) -> tuple[BriefingKpi, ...]:
    """KPI cards as the briefing's figures (label, value, explanation, changes)."""
    return tuple(BriefingKpi(k.label, k.value, k.help, k.change_texts()) for k in kpis)


def headline_changes(view: ViewData, compared: Sequence[ComparedView]) -> list[Kpi]:
    """The headline cards of view with their changes (the briefing's KPI table)."""
    cards = headline_kpis(view.headline)
    pairs = [
        (c.comparison, headline_kpis((c.now or view).headline), headline_kpis(c.then.headline))
        for c in compared
    ]
    return with_changes(cards, pairs)


def _tables(view: ViewData, request: BriefingRequest) -> tuple[TableExport, ...]:
    """The view's table for the briefing, names as the role may see them."""
    table = view_table(view)
    if table is None:
        return ()
    export = table_export(
        table.frame,
        table.headers,
        title=table.title,
        role=request.role,
        name_columns=table.name_columns,
        number_formats=table.number_formats,
        escape=False,  # a PDF or Word table runs no formulas
    )
    return (export,)


def _section(
    step: Step,
    filters: tuple[str, ...],
    view: ViewData,
    request: BriefingRequest,
    compared: Sequence[ComparedView],
) -> BriefingSection:
    """One view as a section: figures with their changes (not repeated for the overview),
    charts, table."""
    caption = [filter_line(filters), t("download.as_of", as_of=request.as_of)]
    images = tuple(
        BriefingImage(_chart_title(chart, key), chart_png(chart, caption=caption))
        for key, chart in view_charts(view)
    )
    kpis = () if view.kind == "overview" else briefing_kpis(view_kpis(view, compared))
    return BriefingSection(step.heading, filters, kpis, images, _tables(view, request))


def _chart_title(chart: object, fallback: str) -> str:
    """The chart's title text (themed charts carry one), else fallback."""
    title = getattr(chart, "title", None)
    return str(getattr(title, "text", None) or fallback)


def assemble_briefing(request: BriefingRequest, *, session: Session) -> Briefing:
    """The briefing: the first step's headline figures with their changes, then one section
    per view."""
    pairs = with_required_views(request)
    today = to_local(request.generated_at).date()  # the day of a paragraph without as-of
    views = [
        fetch_view(session=session, flt=step.flt, kind=step.kind, role=request.role)
        for step, _ in pairs
    ]
    since = get_settings().change_since
    compared = [
        fetch_compared_views(
            session=session, flt=step.flt, kind=step.kind, since=since, today=today
        )
        for step, _ in pairs
    ]
    sections = tuple(
        _section(step, filters, view, request, changes)
        for (step, filters), view, changes in zip(pairs, views, compared, strict=True)
    )
    headline = headline_changes(views[0], compared[0])
    return Briefing(
        title=request.title,
        as_of=request.as_of,
        generated_at=request.generated_at,
        filters=request.step_filters[0],
        kpis=briefing_kpis(headline),
        sections=sections,
        notices=request.notices,
        notice=fetch_notice(session=session, flt=pairs[0][0].flt, today=today),
        compared=next((kpi.compared for kpi in headline if kpi.compared), ""),
    )


def briefing_file(
    request: BriefingRequest, writer: Callable[[Briefing], bytes], *, session: Session
) -> bytes:
    """The briefing assembled and written by writer (PDF or DOCX): the download's file."""
    return writer(assemble_briefing(request, session=session))
