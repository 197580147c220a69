"""Small SQL aggregate expressions shared by the page queries."""

from __future__ import annotations

from sqlalchemy import ColumnElement, case, func


def count_where(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """How many rows meet condition (0, never NULL, when there are none)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
