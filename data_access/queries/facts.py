"""Fact tables to aggregate over: from the summaries when they can answer, else the ledger.

Each function returns a derived table of the same columns either way, with a weight column
(problems / actions / leads) that aggregates SUM instead of COUNT, so a read function is
written once and is right for both sources. A summary answers a Filter when every field
the Filter sets is one the summary keeps (data_access.summary_models): its region at its
grain (a township-keyed summary: cities, counties, townships and the account's scope; a
city-keyed one: cities only) plus the fields listed per summary. Anything else (as_of,
dates, villages, rounds, groups, sources, merged-township rollup ...) reads the ledger,
which the indexes keep quick once the Filter is narrow.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    Subquery,
    case,
    func,
    literal,
    or_,
    select,
    true,
)

from data_access import summary_models as summary
from data_access.codes import COMPLETED_STATUS, OVERDUE
from data_access.filters import Filter
from data_access.models import Problem
from data_access.queries.as_of import problem_status_as_of, rectified_day_as_of
from data_access.queries.as_of_facts import (
    corrected_problem_facts,
)
from data_access.queries.binds import bound
from data_access.queries.conditions import (
    overdue_clause,
    problem_conditions,
    scoped_problems,
    township_clauses,
)
from data_access.queries.dated import recovered_as_of, recovery_day, rules_as_of, rules_day
from data_access.queries.months import MonthStart
from data_access.queries.problem_rows import ledger_problem_rows
from data_access.queries.weeks import WeekStart

USE_SUMMARIES: ContextVar[bool] = ContextVar("use_summaries", default=True)
REGION_FIELDS = {
    "township": {"cities", "counties", "townships"},
    "city": {"cities"},
    "province": set(),
}
NOT_FIELDS = ("scope", "rollup")  # not choices of what to see (rollup: when false)
PERIOD_KINDS = ("found_week", "rectified_week", "recovered_week", "recovered_month", "rules_week")
CHART_TOWNSHIPS = 30  # a by-township chart shows at most this many (a province has 1,500)
ProblemTable = (
    type[summary.ProblemSummary]
    | type[summary.ProblemCitySummary]
    | type[summary.ProblemStatusSummary]
)


@contextmanager
def switched_off(switch: ContextVar[bool]) -> Iterator[None]:
    """Within: switch (a shortcut of the read path that tests compare without) is off."""
    token = switch.set(False)
    try:
        yield
    finally:
        switch.reset(token)


def ledger_only() -> AbstractContextManager[None]:
    """Within: every read function reads the ledger tables (tests compare both sources)."""
    return switched_off(USE_SUMMARIES)


def answerable(flt: Filter, *, grain: str, keeps: frozenset[str] = frozenset()) -> bool:
    """True when a summary keyed by grain ("township"/"city") and keeping keeps answers flt."""
    if not USE_SUMMARIES.get() or flt.rollup:
        return False
    if grain != "township" and flt.scope is not None:
        return False  # an account's township scope is finer than a city
    chosen = {f.name for f in fields(flt) if f.name not in NOT_FIELDS and getattr(flt, f.name)}
    return chosen <= REGION_FIELDS[grain] | keeps


def city_clauses(
    city_id: SQLColumnExpression[int | None], flt: Filter
) -> list[ColumnElement[bool]]:
    """The Filter's cities on a city-keyed summary."""
    return [city_id.in_(bound(flt, "cities"))] if flt.cities else []


def _summary_status_clause(table, flt: Filter) -> list[ColumnElement[bool]]:
    """flt.statuses on summary_problem (overdue from its open deadline)."""
    if not flt.statuses:
        return []
    stored = any(s != OVERDUE for s in flt.statuses)
    alternatives = [table.status.in_(bound(flt, "statuses"))] if stored else []
    if OVERDUE in flt.statuses:
        alternatives.append(overdue_clause(table.status, table.open_deadline, flt))
    return [or_(*alternatives)]


def weighted(
    weight: SQLColumnExpression[int | None], condition: SQLColumnExpression[bool] | None = None
):
    """SUM of weight over the rows meeting condition (all rows without one); 0, never NULL."""
    value = weight if condition is None else case((condition, weight), else_=0)
    return func.coalesce(func.sum(value), 0)


def largest_townships(
    facts: Subquery, weight: ColumnElement[int], limit: int = CHART_TOWNSHIPS
) -> Select:
    """Ids of the limit townships with the most weight in facts (ties: lower id): the
    members a by-township chart shows, chosen by the database so the chart stays small."""
    return (
        select(facts.c.township_id)
        .group_by(facts.c.township_id)
        .order_by(func.sum(weight).desc(), facts.c.township_id)
        .limit(limit)
    )


@dataclass(frozen=True)
class _ProblemSummary:
    """A problem summary table: its region grain and whether it keeps the focus area."""

    table: ProblemTable
    grain: str  # "township" or "city" (then there is no township_id column)
    focus_area: bool


# Coarsest first: the first whose columns the caller needs and that answers the Filter.
PROBLEM_SUMMARIES = (
    _ProblemSummary(summary.ProblemCitySummary, "city", focus_area=True),
    _ProblemSummary(summary.ProblemStatusSummary, "township", focus_area=False),
    _ProblemSummary(summary.ProblemSummary, "township", focus_area=True),
)


def problem_facts(
    flt: Filter,
    *,
    with_village: bool = False,
    sums_only: bool = False,
    by_township: bool = True,
    by_focus_area: bool = True,
) -> Subquery:
    """township_id, focus_area, status, deadline, problems, recovered_yuan, rules_improved,
    with_recovery, with_rules (and village_id when asked, from the ledger only).

    Status, money and rules are as of flt.as_of; deadline only matters for overdue, which
    comes out the same from either source. The ledger path is conditions.scoped_problems
    (merged-township rollup and all), so every figure built on this keeps its rules.
    sums_only: the caller sums the measures and lists no groups (as_of_facts._summed).
    by_township / by_focus_area False: the caller never reads that column, so a coarser
    summary may answer (one without the column).
    """
    today_flt = flt.with_(as_of=None)
    for source in [] if with_village else PROBLEM_SUMMARIES:
        if (by_township and source.grain != "township") or (
            by_focus_area and not source.focus_area
        ):
            continue
        keeps = frozenset({"statuses", *(("focus_areas",) if source.focus_area else ())})
        if answerable(flt, grain=source.grain, keeps=keeps):
            return _problem_summary_rows(flt, source).subquery("problem_fact")
        if flt.as_of and answerable(today_flt, grain=source.grain, keeps=keeps):
            now = _problem_summary_rows(today_flt, source)
            return corrected_problem_facts(flt, now, sums_only=sums_only)
    query = ledger_problem_rows(flt, with_village=with_village)
    if flt.as_of is not None:
        # OFFSET 0 keeps SQLite and PostgreSQL from merging these rows into the reading query,
        # where the as-of status (a correlated subquery) would run once per use of it (the
        # headline uses it five times; 1M problems on SQLite: 22 s, fenced about 6 s).
        query = query.offset(0)
    return query.subquery("problem_fact")


def _problem_summary_rows(flt: Filter, source: _ProblemSummary) -> Select:
    """problem_facts' columns that source keeps, for a Filter it answers."""
    s = source.table
    if source.grain == "city":
        region, clauses = [], city_clauses(summary.ProblemCitySummary.city_id, flt)
    else:
        township_id = s.township_id  # type: ignore[union-attr]
        region, clauses = [township_id], township_clauses(township_id, flt)
    query = select(
        *region, *([s.focus_area] if source.focus_area else []),  # type: ignore[union-attr]
        s.status, s.open_deadline.label("deadline"),
        s.problems, s.recovered_yuan, s.rules_improved, s.with_recovery, s.with_rules,
    ).where(*clauses, *_summary_status_clause(s, flt))  # fmt: skip
    if flt.focus_areas:
        query = query.where(s.focus_area.in_(bound(flt, "focus_areas")))  # type: ignore[union-attr]
    return query


def round_facts(flt: Filter) -> Subquery:
    """round_id, township_id, status, problems: the problems flt selects, by round."""
    if answerable(flt, grain="township", keeps=frozenset({"rounds"})):
        s = summary.RoundSummary
        query = select(s.round_id, s.township_id, s.status, s.problems)
        query = query.where(*township_clauses(s.township_id, flt))
        if flt.rounds:
            query = query.where(s.round_id.in_(bound(flt, "rounds")))
        return query.subquery("round_fact")
    scope = scoped_problems(flt)
    return select(
        scope.c.round_id, scope.c.township_id, scope.c.status, literal(1).label("problems")
    ).subquery("round_fact")


def period_facts(flt: Filter, kind: str) -> Subquery:
    """period_start, problems, recovered_yuan, with_recovery, rules_improved per problem or
    summary row, for one of PERIOD_KINDS (as of flt.as_of):

    found_week: the week found; rectified_week: the week it (last) became rectified
    (rectified problems only); recovered_week / recovered_month: the week / month its money
    was recovered (dated.recovery_day; problems with money only); rules_week: the week its
    rules were improved (dated.rules_day; problems with rules only).
    """
    if answerable(flt, grain="province"):
        total = summary.PeriodTotalSummary
        columns = (total.problems, total.recovered_yuan, total.with_recovery, total.rules_improved)
        query = select(total.period_start, *columns).where(total.kind == kind)
        return query.subquery("period_fact")
    if answerable(flt, grain="city", keeps=frozenset({"focus_areas"})):
        s = summary.PeriodSummary
        query = select(
            s.period_start, s.problems, s.recovered_yuan, s.with_recovery, s.rules_improved
        ).where(s.kind == kind, *city_clauses(s.city_id, flt))
        if flt.focus_areas:
            query = query.where(s.focus_area.in_(bound(flt, "focus_areas")))
        return query.subquery("period_fact")
    start, condition = _period_of(flt, kind)
    recovered = recovered_as_of(flt)
    return (
        select(
            start.label("period_start"),
            literal(1).label("problems"),
            recovered.label("recovered_yuan"),
            case((recovered > 0, 1), else_=0).label("with_recovery"),
            rules_as_of(flt).label("rules_improved"),
        )
        .where(*problem_conditions(flt), condition)
        .subquery("period_fact")
    )


def _period_of(flt: Filter, kind: str) -> tuple[ColumnElement[date], ColumnElement[bool]]:
    """The period start of a problem for kind, and the condition for it to have one."""
    if kind == "found_week":
        return WeekStart(Problem.found_on), true()
    if kind == "rectified_week":
        return WeekStart(rectified_day_as_of(flt)), problem_status_as_of(flt) == COMPLETED_STATUS
    if kind == "recovered_week":
        return WeekStart(recovery_day()), recovered_as_of(flt) > 0
    if kind == "recovered_month":
        return MonthStart(recovery_day()), recovered_as_of(flt) > 0
    if kind == "rules_week":
        return WeekStart(rules_day()), rules_as_of(flt) > 0
    raise ValueError(f"unknown period kind: {kind!r}")


def sub_category_facts(flt: Filter) -> Subquery:
    """focus_area, sub_category, problems, recovered_yuan, with_recovery."""
    keeps = frozenset({"focus_areas", "sub_categories"})
    if answerable(flt, grain="city", keeps=keeps):
        s = summary.SubCategorySummary
        query = select(
            s.focus_area, s.sub_category, s.problems, s.recovered_yuan, s.with_recovery
        ).where(*city_clauses(s.city_id, flt))
        if flt.focus_areas:
            query = query.where(s.focus_area.in_(bound(flt, "focus_areas")))
        if flt.sub_categories:
            query = query.where(s.sub_category.in_(bound(flt, "sub_categories")))
        return query.subquery("sub_category_fact")
    recovered = recovered_as_of(flt)
    return (
        select(
            Problem.focus_area,
            Problem.sub_category,
            literal(1).label("problems"),
            recovered.label("recovered_yuan"),
            case((recovered > 0, 1), else_=0).label("with_recovery"),
        )
        .where(*problem_conditions(flt))
        .subquery("sub_category_fact")
    )
