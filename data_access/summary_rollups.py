"""Rollup summaries: coarser tables summed from summary_problem and summary_period.

They are rebuilt right after the tables they sum, in the same refresh
(data_access.summaries.refresh_summaries), so they never disagree with them.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, func, select

from data_access.models import County, Township
from data_access.summary_models import PeriodSummary, ProblemSummary

# The condition a rows builder puts on a region column (all rows, or some townships' or cities').
Where = Callable[[SQLColumnExpression[int | None]], list[ColumnElement[bool]]]


def _problem_rollup(key: SQLColumnExpression[int], grouping: tuple, where: Where) -> Select:
    """summary_problem's measures summed per key and grouping (rebuilt just before)."""
    s = ProblemSummary
    keys = (key, *grouping, s.status, s.open_deadline)
    measures = (s.problems, s.recovered_yuan, s.rules_improved, s.with_recovery, s.with_rules)
    query = select(*keys, *(func.sum(measure) for measure in measures))
    return query.where(*where(key)).group_by(*keys)


def problem_city_rows(where: Where) -> Select:
    """summary_problem_city rows: the cities' summary_problem rows."""
    rows = _problem_rollup(County.city_id, (ProblemSummary.focus_area,), where)
    rows = rows.select_from(ProblemSummary)
    rows = rows.join(Township, Township.id == ProblemSummary.township_id)
    return rows.join(County, County.id == Township.county_id)


def problem_status_rows(where: Where) -> Select:
    """summary_problem_status rows: the townships' summary_problem rows without focus area."""
    return _problem_rollup(ProblemSummary.township_id, (), where)


def period_total_rows(_where: Where) -> Select:
    """summary_period_total rows: summary_period summed over cities and focus areas."""
    s = PeriodSummary
    keys = (s.kind, s.period_start)
    measures = (s.problems, s.recovered_yuan, s.with_recovery, s.rules_improved)
    return select(*keys, *(func.sum(measure) for measure in measures)).group_by(*keys)
