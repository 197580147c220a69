"""The first day of a date's month as one SQL expression on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import Date
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class MonthStart(FunctionElement):
    """month_start(day): the first day of day's month, typed as a date (NULL stays NULL)."""

    type = Date()
    name = "month_start"
    inherit_cache = True


@compiles(MonthStart, "sqlite")
def _month_start_sqlite(element: MonthStart, compiler, **kw) -> str:
    """SQLite: the 'start of month' modifier."""
    return f"date({compiler.process(element.clauses, **kw)}, 'start of month')"


@compiles(MonthStart, "postgresql")
def _month_start_postgresql(element: MonthStart, compiler, **kw) -> str:
    """PostgreSQL: truncate a plain timestamp (no time zone) to the month."""
    day = compiler.process(element.clauses, **kw)
    return f"CAST(date_trunc('month', CAST({day} AS TIMESTAMP)) AS DATE)"
