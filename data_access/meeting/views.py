"""The data of one view of 会议模式 and of the briefing: the query results a view shows.

A view is a kind (data_access.meeting.paths.VIEW_KINDS) and a Filter; fetch_view runs the
same read functions as the pages, so a meeting shows exactly what the pages show.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd
from sqlmodel import Session

from data_access.filters import Filter
from data_access.queries import (
    AccountabilityTotals,
    Headline,
    fetch_accountability_breakdown,
    fetch_accountability_totals,
    fetch_completion_by_township,
    fetch_dual_check_pairs,
    fetch_headline,
    fetch_lead_funnel,
    fetch_lead_outcomes,
    fetch_problem_ledger,
    fetch_problems_by_focus_area,
    fetch_status_by_focus_area,
)
from data_access.queries.changes import WEEK, Comparison, fetch_comparisons
from data_access.queries.deadlines import fetch_overdue_list
from data_access.queries.townships import fetch_region_comparison
from data_access.roles import VIEWER

MAX_LIST_ROWS = 200  # problem lists of a view (a projector or a briefing shows no more)


@dataclass(frozen=True)
class ViewData:
    """What one view shows: its kind, the headline figures and named query results."""

    kind: str
    headline: Headline
    frames: Mapping[str, pd.DataFrame] = field(default_factory=dict)
    accountability: AccountabilityTotals | None = None


def _overview(session: Session, flt: Filter, role: str) -> dict[str, pd.DataFrame]:
    """Status by township (every township of the region) and by focus area."""
    del role
    return {
        "townships": fetch_completion_by_township(session=session, flt=flt),
        "areas": fetch_problems_by_focus_area(session=session, flt=flt),
    }


def _townships(session: Session, flt: Filter, role: str) -> dict[str, pd.DataFrame]:
    """The township comparison (figures per township)."""
    del role
    return {"members": fetch_region_comparison(session=session, flt=flt, level="township")}


def _township_problems(session: Session, flt: Filter, role: str) -> dict[str, pd.DataFrame]:
    """Problems by focus area × status, and the problem list."""
    del role
    return {
        "matrix": fetch_status_by_focus_area(session=session, flt=flt),
        "problems": fetch_problem_ledger(session=session, flt=flt, limit=MAX_LIST_ROWS),
    }


def _overdue(session: Session, flt: Filter, role: str) -> dict[str, pd.DataFrame]:
    """Overdue problems per township, and the 逾期清单 (longest overdue first, names by role)."""
    return {
        "members": fetch_region_comparison(session=session, flt=flt, level="township"),
        "problems": fetch_overdue_list(session=session, flt=flt, role=role, limit=MAX_LIST_ROWS),
    }


def _accountability(session: Session, flt: Filter, role: str) -> dict[str, pd.DataFrame]:
    """People by category and form, and the 一案双查 pairs with names as role may see them."""
    return {
        "breakdown": fetch_accountability_breakdown(session=session, flt=flt),
        "pairs": fetch_dual_check_pairs(session=session, flt=flt, role=role),
    }


def _leads(session: Session, flt: Filter, role: str) -> dict[str, pd.DataFrame]:
    """Every lead's outcome (the funnel is among the view's figures)."""
    del role
    return {"leads": fetch_lead_outcomes(session=session, flt=flt)}


FETCHERS: Mapping[str, Callable[[Session, Filter, str], dict[str, pd.DataFrame]]] = {
    "overview": _overview,
    "townships": _townships,
    "township_problems": _township_problems,
    "overdue": _overdue,
    "accountability": _accountability,
    "leads": _leads,
}


def fetch_view(*, session: Session, flt: Filter, kind: str, role: str = VIEWER) -> ViewData:
    """The headline and the query results of view kind for flt (names masked for role)."""
    if kind not in FETCHERS:
        raise ValueError(f"unknown view kind: {kind!r}")
    figures = fetch_view_figures(session=session, flt=flt, kind=kind)
    return replace(figures, frames={**figures.frames, **FETCHERS[kind](session, flt, role)})


@dataclass(frozen=True)
class ComparedView:
    """A view's figures at one comparison: now (None: the view itself) and then."""

    comparison: Comparison
    now: ViewData | None
    then: ViewData


def fetch_view_figures(*, session: Session, flt: Filter, kind: str) -> ViewData:
    """Only what view kind's KPI cards show: the headline, and the accountability totals
    or the lead funnel where its cards are those."""
    return ViewData(
        kind=kind,
        headline=fetch_headline(session=session, flt=flt),
        frames={"funnel": fetch_lead_funnel(session=session, flt=flt)} if kind == "leads" else {},
        accountability=(
            fetch_accountability_totals(session=session, flt=flt)
            if kind == "accountability"
            else None
        ),
    )


def fetch_compared_views(
    *, session: Session, flt: Filter, kind: str, since: str = WEEK, today: date | None = None
) -> tuple[ComparedView, ...]:
    """The figures of view kind at each of flt's comparisons (queries/changes.py)."""
    compared = []
    for comparison in fetch_comparisons(session=session, flt=flt, since=since, today=today):
        now = None
        if comparison.now != flt:
            now = fetch_view_figures(session=session, flt=comparison.now, kind=kind)
        then = fetch_view_figures(session=session, flt=comparison.then, kind=kind)
        compared.append(ComparedView(comparison, now, then))
    return tuple(compared)
