"""A Filter's values as bound parameters, so a statement built for one Filter serves every
Filter of the same shape (queries/shaped.py).

While shaped.by_shape builds a statement, bound() gives a named parameter (flt_townships …)
instead of the value; filter_params() gives the values to execute it with. Outside such a
build bound() gives the value itself, so the same condition code serves both.

The shape is which fields are set, plus the fields that change the statement's form and so
stay values: as_of (a day: the as-of correction's subqueries depend on it and today), rollup,
and for statuses whether overdue and whether stored statuses are chosen.
"""

from __future__ import annotations

from collections.abc import Hashable
from contextvars import ContextVar
from dataclasses import fields
from typing import Any

from sqlalchemy import BindParameter, bindparam

from data_access.codes import OVERDUE
from data_access.filters import Filter

# The Filter whose statement is being built with parameters (None: values inline).
BINDING: ContextVar[Filter | None] = ContextVar("binding", default=None)
BY_VALUE = ("as_of", "rollup")  # part of the shape itself, never a parameter
SINGLE_VALUES = ("date_from", "date_to", "rectified_from", "rectified_to")
PREFIX = "flt_"


def bound(flt: Filter, name: str) -> Any:
    """flt's value of field name for a condition, or its parameter while a shape is built."""
    binding = BINDING.get()
    if binding is None:
        return _value(flt, name)
    if name in BY_VALUE or not _same(getattr(flt, name), getattr(binding, name)):
        # Another Filter's values in the same statement would share these parameters.
        raise ValueError(f"{name} of a Filter other than the one being bound, or not a parameter")
    return _parameter(name)


def filter_params(flt: Filter) -> dict[str, Any]:
    """The parameters a statement built by shape needs for flt (its set fields' values)."""
    params: dict[str, Any] = {}
    for field in fields(flt):
        value = getattr(flt, field.name)
        if field.name not in BY_VALUE and value is not None:
            params[PREFIX + field.name] = _value(flt, field.name)
    return params


def shape(flt: Filter) -> tuple[Hashable, ...]:
    """What a statement's form depends on in flt: see the module docstring."""
    return tuple(_shape_of(field.name, getattr(flt, field.name)) for field in fields(flt))


def _shape_of(name: str, value: Any) -> Hashable:
    """One field's part of the shape."""
    if name in BY_VALUE:
        return value
    if name == "statuses":
        return (any(s != OVERDUE for s in value), OVERDUE in value)
    if value is None:
        return None
    return bool(value) if isinstance(value, tuple) else True


def _same(value: Any, other: Any) -> bool:
    """Equal field values (tuples as sets: Filter.with_ sorts them, IN does not care)."""
    if isinstance(value, tuple) and isinstance(other, tuple):
        return set(value) == set(other)
    return value == other


def _value(flt: Filter, name: str) -> Any:
    """The value a condition on field name compares with (stored statuses: without overdue)."""
    value = getattr(flt, name)
    if name == "statuses":
        return [s for s in value if s != OVERDUE]
    return list(value) if isinstance(value, tuple) else value


def _parameter(name: str) -> BindParameter:
    """The named parameter of field name (a list for the tuple fields, expanded in IN)."""
    return bindparam(PREFIX + name, expanding=name not in SINGLE_VALUES)
