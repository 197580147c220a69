"""Statements built once per shape of a Filter and day, executed with the Filter's values.

Building a SQLAlchemy statement costs more Python than SQLite spends answering it (the
headline as of last week: dozens of clauses, three nested subqueries, 15–20 ms of 25;
docs/performance.md). A read function's statement depends on which Filter fields are set,
not on their values, so by_shape builds it once per shape with the values as bound
parameters (queries/binds.py) and execute() passes the values each time. A Filter of the
same shape with other townships, rounds or dates gets its own figures; the as-of day and
today are part of the key (the correction's subqueries are built for them), so the
statement of "last week" is built once a day. Nothing here depends on the data, so a data
change needs no new statements.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from contextlib import AbstractContextManager
from contextvars import ContextVar
from functools import wraps
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import Executable, Result
from sqlmodel import Session

from data_access.filters import Filter
from data_access.formatting import local_today
from data_access.queries.binds import BINDING, filter_params, shape
from data_access.queries.facts import USE_SUMMARIES, switched_off

P = ParamSpec("P")
S = TypeVar("S")
USE_SHAPES: ContextVar[bool] = ContextVar("use_shapes", default=True)
LIMIT = 512  # statements kept; a few dozen shapes a day in practice
_STATEMENTS: dict[Hashable, Any] = {}


def by_shape(builder: Callable[Concatenate[Filter, P], S]) -> Callable[Concatenate[Filter, P], S]:
    """builder(flt, *args) cached by flt's shape, args, today and the summaries switch."""

    @wraps(builder)
    def cached(flt: Filter, *args: P.args, **kwargs: P.kwargs) -> S:
        if not USE_SHAPES.get():
            return builder(flt, *args, **kwargs)
        key = (builder, shape(flt), args, tuple(kwargs.items()), local_today(), USE_SUMMARIES.get())
        statement = _STATEMENTS.get(key)
        if statement is None:
            token = BINDING.set(flt)
            try:
                statement = builder(flt, *args, **kwargs)
            finally:
                BINDING.reset(token)
            if len(_STATEMENTS) >= LIMIT:
                _STATEMENTS.clear()
            _STATEMENTS[key] = statement
        return statement

    return cached


def execute(session: Session, statement: Executable, flt: Filter) -> Result:
    """statement (from a by_shape builder) executed with flt's values.

    On the session's connection: the statements select columns, never ORM objects, and the
    ORM's execution path adds about 0.07 ms a statement (30 a page)."""
    return session.connection().execute(statement, filter_params(flt))


def forget_statements() -> None:
    """Drop every kept statement (tests: the next Filter of a shape builds it)."""
    _STATEMENTS.clear()


def unshaped() -> AbstractContextManager[None]:
    """Within: by_shape builds every statement anew with the values inline (tests compare)."""
    return switched_off(USE_SHAPES)
