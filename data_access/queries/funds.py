"""Read functions behind 资金挽损: money recovered by township, sub-category and month; rules."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Select, Subquery, func, select
from sqlmodel import Session

from data_access.categories import fetch_category_labels
from data_access.filters import Filter
from data_access.models import Township
from data_access.queries.facts import (
    CHART_TOWNSHIPS,
    largest_townships,
    period_facts,
    problem_facts,
    sub_category_facts,
    weighted,
)
from data_access.queries.labels import month_label
from data_access.queries.overview import to_frame
from data_access.queries.problems import fetch_problem_ledger
from data_access.queries.shaped import by_shape, execute

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


@dataclass(frozen=True)
class FundsTotals:
    """The funds page's KPIs: money recovered, rules improved, and the problems behind them."""

    recovered_yuan: int
    rules_improved: int
    problems_with_recovery: int
    problems_with_rules: int


def fetch_funds_totals(*, session: Session, flt: Filter) -> FundsTotals:
    """Sums of recovered money and rules improved for flt, and how many problems hold them."""
    row = execute(session, _totals_query(flt), flt).one()
    return FundsTotals(*(int(value) for value in row))


@by_shape
def _totals_query(flt: Filter) -> Select:
    """fetch_funds_totals' statement for flt's shape."""
    facts = problem_facts(flt, sums_only=True, by_township=False, by_focus_area=False)
    return select(
        weighted(facts.c.recovered_yuan),
        weighted(facts.c.rules_improved),
        weighted(facts.c.with_recovery),
        weighted(facts.c.with_rules),
    )


def _money_by(facts: Subquery, *keys, tie_break) -> Select:
    """keys, money recovered and problems with money, for groups with money, most first.

    facts is a fact table with recovered_yuan and with_recovery (queries.facts); the
    caller adds the joins and the GROUP BY (keys plus anything tie_break needs).
    """
    recovered = func.sum(facts.c.recovered_yuan)
    return (
        select(*keys, recovered, weighted(facts.c.with_recovery))
        .having(recovered > 0)
        .order_by(recovered.desc(), tie_break)
    )


def fetch_recovered_by_township(*, session: Session, flt: Filter) -> pd.DataFrame:
    """Money recovered per township (those with any), most first, with the problems behind it
    (the facts.CHART_TOWNSHIPS townships with the most)."""
    columns = ["township_id", "township", "recovered_yuan", "problems"]
    dtypes = {"township_id": "int64", "recovered_yuan": "int64", "problems": "int64"}
    return to_frame(execute(session, _by_township_query(flt), flt).all(), columns, dtypes)


@by_shape
def _by_township_query(flt: Filter) -> Select:
    """fetch_recovered_by_township's statement for flt's shape."""
    facts = problem_facts(flt, by_focus_area=False)
    return (
        _money_by(facts, facts.c.township_id, Township.name, tie_break=Township.sort_order)
        .join(Township, Township.id == facts.c.township_id)
        .group_by(facts.c.township_id, Township.name, Township.sort_order)
        .limit(CHART_TOWNSHIPS)
    )


def fetch_recovered_by_sub_category(*, session: Session, flt: Filter) -> pd.DataFrame:
    """Money recovered per focus area and sub-category (those with any), most first; the
    area's label and area_rank from the store."""
    columns = ["focus_area", "sub_category", "recovered_yuan", "problems"]
    dtypes = {"recovered_yuan": "int64", "problems": "int64"}
    frame = to_frame(execute(session, _by_sub_category_query(flt), flt).all(), columns, dtypes)
    fetch_category_labels(session=session, round_ids=flt.rounds).add_to(frame)
    return frame[["focus_area", "focus_area_label", "area_rank", *columns[1:]]]


@by_shape
def _by_sub_category_query(flt: Filter) -> Select:
    """fetch_recovered_by_sub_category's statement for flt's shape."""
    facts = sub_category_facts(flt)
    keys = (facts.c.focus_area, facts.c.sub_category)
    return _money_by(facts, *keys, tie_break=facts.c.sub_category).group_by(*keys)


def fetch_recovered_by_month(*, session: Session, flt: Filter) -> pd.DataFrame:
    """Money recovered per month it was recovered (queries.dated.recovery_day), as of
    flt.as_of, with the problems behind it and the running total (recovered_cumulative),
    which ends at the headline's recovered total."""
    columns = ["month", "recovered_yuan", "problems"]
    frame = to_frame(
        execute(session, _by_month_query(flt), flt).all(),
        columns,
        {"recovered_yuan": "int64", "problems": "int64"},
    )
    frame["month_label"] = [month_label(month, "") for month in frame["month"]]
    frame["recovered_cumulative"] = frame["recovered_yuan"].cumsum()
    return frame[["month", "month_label", "recovered_yuan", "problems", "recovered_cumulative"]]


@by_shape
def _by_month_query(flt: Filter) -> Select:
    """fetch_recovered_by_month's statement for flt's shape."""
    facts = period_facts(flt, "recovered_month")
    month = facts.c.period_start
    recovered = func.sum(facts.c.recovered_yuan)
    return (
        select(month, recovered, weighted(facts.c.with_recovery))
        .group_by(month)
        .having(recovered > 0)
        .order_by(month)
    )


def fetch_largest_recoveries(
    *, session: Session, flt: Filter, limit: int = LARGEST_RECOVERIES
) -> pd.DataFrame:
    """The ledger rows with the most money recovered (ties by code), at most limit rows."""
    ledger = fetch_problem_ledger(session=session, flt=flt, sort="recovered", limit=limit)
    return ledger[ledger["recovered_yuan"] > 0].reset_index(drop=True)


def fetch_rules_by_township(*, session: Session, flt: Filter) -> pd.DataFrame:
    """Rules improved (完善制度) per township and focus area (only where there are any), for
    the facts.CHART_TOWNSHIPS townships with the most; area labels and area_rank."""
    columns = ["township_id", "township", "focus_area", "rules_improved"]
    dtypes = {"township_id": "int64", "rules_improved": "int64"}
    frame = to_frame(execute(session, _rules_query(flt), flt).all(), columns, dtypes)
    return fetch_category_labels(session=session, round_ids=flt.rounds).add_to(frame)


@by_shape
def _rules_query(flt: Filter) -> Select:
    """fetch_rules_by_township's statement for flt's shape."""
    facts = problem_facts(flt)
    rules = func.sum(facts.c.rules_improved)
    return (
        select(facts.c.township_id, Township.name, facts.c.focus_area, rules)
        .join(Township, Township.id == facts.c.township_id)
        .where(facts.c.township_id.in_(largest_townships(facts, facts.c.rules_improved)))
        .group_by(facts.c.township_id, Township.name, Township.sort_order, facts.c.focus_area)
        .having(rules > 0)
        .order_by(Township.sort_order, facts.c.township_id, facts.c.focus_area)
    )
