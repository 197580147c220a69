"""The Monday of a date's week as one SQL expression on SQLite and PostgreSQL (一周一汇总)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Date
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class WeekStart(FunctionElement):
    """week_start(day): the Monday on or before day, typed as a date."""

    type = Date()
    name = "week_start"
    inherit_cache = True


@compiles(WeekStart, "sqlite")
def _week_start_sqlite(element: WeekStart, compiler, **kw) -> str:
    """SQLite: move on to Sunday (a Sunday stays), then back six days."""
    return f"date({compiler.process(element.clauses, **kw)}, 'weekday 0', '-6 days')"


@compiles(WeekStart, "postgresql")
def _week_start_postgresql(element: WeekStart, compiler, **kw) -> str:
    """PostgreSQL: ISO weeks start on Monday; a plain timestamp keeps the time zone out."""
    day = compiler.process(element.clauses, **kw)
    return f"CAST(date_trunc('week', CAST({day} AS TIMESTAMP)) AS DATE)"


def monday_of(day: date) -> date:
    """The Monday on or before day (the Python twin used to bound the week range)."""
    return day - timedelta(days=day.weekday())
