"""Read functions behind 资金挽损: money recovered by township, sub-category and month; rules."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Select, Subquery, func, select
from sqlmodel import Session

from data_access.codes import FOCUS_AREAS
from data_access.filters import Filter
from data_access.models import Problem, Township
from data_access.queries.aggregates import count_where
from data_access.queries.conditions import problem_conditions, problem_status_as_of
from data_access.queries.labels import label_codes
from data_access.queries.months import MonthStart
from data_access.queries.overview import to_frame
from data_access.queries.problems import fetch_problem_ledger, rectified_day_shown

__all__ = [
    "FundsTotals",
    "fetch_funds_totals",
    "fetch_largest_recoveries",
    "fetch_recovered_by_month",
    "fetch_recovered_by_sub_category",
    "fetch_recovered_by_township",
    "fetch_rules_by_township",
]

LARGEST_RECOVERIES = 20
NOT_RECTIFIED_LABEL = "尚未完成整改"  # money recorded on a problem not yet rectified


@dataclass(frozen=True)
class FundsTotals:
    """The funds page's KPIs: money recovered, rules improved, and the problems behind them."""

    recovered_yuan: int
    rules_improved: int
    problems_with_recovery: int
    problems_with_rules: int


def _money_scope(flt: Filter) -> Subquery:
    """The problems flt selects with their money, rules, as-of status and rectification day."""
    status = problem_status_as_of(flt)
    return (
        select(
            Problem.id,
            Problem.township_id,
            Problem.focus_area,
            Problem.sub_category,
            Problem.recovered_yuan,
            Problem.rules_improved,
            status.label("status"),
            rectified_day_shown(status, flt).label("rectified_day"),
        )
        .where(*problem_conditions(flt))
        .subquery("money_scope")
    )


def fetch_funds_totals(*, session: Session, flt: Filter) -> FundsTotals:
    """Sums of recovered money and rules improved for flt, and how many problems hold them."""
    scope = _money_scope(flt)
    query = select(
        func.coalesce(func.sum(scope.c.recovered_yuan), 0),
        func.coalesce(func.sum(scope.c.rules_improved), 0),
        count_where(scope.c.recovered_yuan > 0),
        count_where(scope.c.rules_improved > 0),
    )
    row = session.exec(query).one()
    return FundsTotals(*(int(value) for value in row))


def _money_by(scope: Subquery, *keys, tie_break) -> Select:
    """keys, money recovered and problems with money, for groups with money, most first.

    The caller adds the joins and the GROUP BY (keys plus anything tie_break needs).
    """
    recovered = func.sum(scope.c.recovered_yuan)
    return (
        select(*keys, recovered, count_where(scope.c.recovered_yuan > 0))
        .having(recovered > 0)
        .order_by(recovered.desc(), tie_break)
    )


def fetch_recovered_by_township(*, session: Session, flt: Filter) -> pd.DataFrame:
    """Money recovered per township (those with any), most first, with the problems behind it."""
    scope = _money_scope(flt)
    query = (
        _money_by(scope, scope.c.township_id, Township.name, tie_break=Township.sort_order)
        .join(Township, Township.id == scope.c.township_id)
        .group_by(scope.c.township_id, Township.name, Township.sort_order)
    )
    columns = ["township_id", "township", "recovered_yuan", "problems"]
    dtypes = {"township_id": "int64", "recovered_yuan": "int64", "problems": "int64"}
    return to_frame(session.exec(query).all(), columns, dtypes)


def fetch_recovered_by_sub_category(*, session: Session, flt: Filter) -> pd.DataFrame:
    """Money recovered per focus area and sub-category (those with any), most first."""
    scope = _money_scope(flt)
    keys = (scope.c.focus_area, scope.c.sub_category)
    query = _money_by(scope, *keys, tie_break=scope.c.sub_category).group_by(*keys)
    columns = ["focus_area", "sub_category", "recovered_yuan", "problems"]
    dtypes = {"recovered_yuan": "int64", "problems": "int64"}
    frame = to_frame(session.exec(query).all(), columns, dtypes)
    frame.insert(1, "focus_area_label", label_codes(frame["focus_area"], FOCUS_AREAS))
    return frame


def fetch_recovered_by_month(*, session: Session, flt: Filter) -> pd.DataFrame:
    """Money recovered per month of rectification (as of flt.as_of).

    Money on a problem not rectified by then has no month (month is None) and is labelled
    NOT_RECTIFIED_LABEL, so the months add up to the headline's recovered total.
    """
    scope = _money_scope(flt)
    month = MonthStart(scope.c.rectified_day)
    recovered = func.sum(scope.c.recovered_yuan)
    query = (
        select(month, recovered, count_where(scope.c.recovered_yuan > 0))
        .group_by(month)
        .having(recovered > 0)
        .order_by(month.is_(None), month)
    )
    columns = ["month", "recovered_yuan", "problems"]
    frame = to_frame(
        session.exec(query).all(), columns, {"recovered_yuan": "int64", "problems": "int64"}
    )
    frame["month_label"] = [
        f"{month.year}年{month.month}月" if month is not None else NOT_RECTIFIED_LABEL
        for month in frame["month"]
    ]
    return frame[["month", "month_label", "recovered_yuan", "problems"]]


def fetch_largest_recoveries(
    *, session: Session, flt: Filter, limit: int = LARGEST_RECOVERIES
) -> pd.DataFrame:
    """The ledger rows with the most money recovered (ties by code), at most limit rows."""
    ledger = fetch_problem_ledger(session=session, flt=flt, sort="recovered", limit=limit)
    return ledger[ledger["recovered_yuan"] > 0].reset_index(drop=True)


def fetch_rules_by_township(*, session: Session, flt: Filter) -> pd.DataFrame:
    """Rules improved (完善制度) per township and focus area (only where there are any)."""
    scope = _money_scope(flt)
    rules = func.sum(scope.c.rules_improved)
    query = (
        select(scope.c.township_id, Township.name, scope.c.focus_area, rules)
        .join(Township, Township.id == scope.c.township_id)
        .group_by(scope.c.township_id, Township.name, Township.sort_order, scope.c.focus_area)
        .having(rules > 0)
        .order_by(Township.sort_order, scope.c.township_id, scope.c.focus_area)
    )
    columns = ["township_id", "township", "focus_area", "rules_improved"]
    dtypes = {"township_id": "int64", "rules_improved": "int64"}
    frame = to_frame(session.exec(query).all(), columns, dtypes)
    frame["focus_area_label"] = label_codes(frame["focus_area"], FOCUS_AREAS)
    return frame
