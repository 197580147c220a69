"""Small SQL aggregate expressions shared by the page queries."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import ColumnElement, case, func
from sqlalchemy.orm import InstrumentedAttribute

T = TypeVar("T")
# A column to select, compare or label: a table class's field (Problem.status) or an expression.
SqlValue = ColumnElement[T] | InstrumentedAttribute[T]


def count_where(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """How many rows meet condition (0, never NULL, when there are none)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
