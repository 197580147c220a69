"""When each headline figure happened, for the as-of view: recovered money and rules improved.

A problem's status as of a day comes from its status history (conditions.problem_status_as_of);
accountability, leads and cases carry their own days (decided_on, transferred_on, opened_on).
Recovered money (挽回损失) and rules improved (完善制度) count from a day of their own when
the ledger has one (挽损日期 / 制度完善日期), else from the day the problem was rectified
(完成日期), else — not rectified and undated — from the day it was found, as an undated
accountability record counts from its problem's finding. So as of today every figure equals
the ledger's current total, and as of any earlier day only what had happened by then.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, SQLColumnExpression, case, func
from sqlalchemy.orm import InstrumentedAttribute

from data_access.filters import Filter
from data_access.models import Problem
from data_access.queries.aggregates import SqlValue


def recovery_day() -> ColumnElement[date]:
    """The day a problem's recovered money counts from: its 挽损日期, else the day it was
    rectified (完成日期), else (not rectified, undated) the day it was found."""
    return func.coalesce(Problem.recovered_on, Problem.rectified_on, Problem.found_on)


def rules_day() -> ColumnElement[date]:
    """The day a problem's improved rules count from: its 制度完善日期, else as recovery_day."""
    return func.coalesce(Problem.rules_improved_on, Problem.rectified_on, Problem.found_on)


def recovered_as_of(flt: Filter) -> SqlValue[int]:
    """A problem's recovered money (元) known at the end of flt.as_of: 0 before recovery_day."""
    return _dated_amount(Problem.recovered_yuan, recovery_day(), flt)


def rules_as_of(flt: Filter) -> SqlValue[int]:
    """A problem's rules improved at the end of flt.as_of: 0 before rules_day."""
    return _dated_amount(Problem.rules_improved, rules_day(), flt)


def _dated_amount(
    amount: InstrumentedAttribute[int], day: SQLColumnExpression[date | None], flt: Filter
) -> SqlValue[int]:
    """amount once day has come by flt.as_of (always without as_of), else 0."""
    if flt.as_of is None:
        return amount
    return case((day <= flt.as_of, amount), else_=0)
