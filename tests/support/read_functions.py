"""The read functions of data_access.queries, found by walking the package, and how tests
call and compare them (tests/data_access/queries: test_scope, test_shaped)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable

import pandas as pd
from sqlalchemy.engine import Engine

import data_access.queries as queries_package
from data_access.db import session_scope
from data_access.filters import Filter
from data_access.queries.changes import Comparison
from data_access.roles import ADMIN

READ_PREFIXES = ("fetch_", "count_")
# Values for the extra keyword-only parameters some read functions require.
EXTRA_ARGUMENTS: dict[str, object] = {"role": ADMIN, "level": "township"}


def filtered_read_functions() -> list[Callable]:
    """Every public fetch_/count_ function of the queries package that takes a Filter.

    Found by walking the package, so read functions added later are covered without
    editing this test.
    """
    found: dict[str, Callable] = {}
    for info in pkgutil.iter_modules(queries_package.__path__):
        module = importlib.import_module(f"{queries_package.__name__}.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or not name.startswith(READ_PREFIXES):
                continue
            if "flt" in inspect.signature(function).parameters:
                found[f"{module.__name__}.{name}"] = function
    return [found[key] for key in sorted(found)]


def takes_code(function: Callable) -> bool:
    """True for the read functions of one problem (selected by its code)."""
    return "code" in inspect.signature(function).parameters


READ_FUNCTIONS = filtered_read_functions()
FILTER_FUNCTIONS = [f for f in READ_FUNCTIONS if not takes_code(f)]
PROBLEM_FUNCTIONS = [f for f in READ_FUNCTIONS if takes_code(f)]


def run(engine: Engine, function: Callable, flt: Filter, **extra: object):
    """function's answer for flt on engine, with EXTRA_ARGUMENTS where it takes them."""
    parameters = inspect.signature(function).parameters
    for name, value in EXTRA_ARGUMENTS.items():
        if name in parameters:
            extra.setdefault(name, value)
    with session_scope(engine) as session:
        return function(session=session, flt=flt, **extra)


def assert_same(left, right) -> None:
    """Equal answers: DataFrames cell by cell, dataclasses and numbers by value; comparison
    plans (fetch_comparisons) by their days and rounds, since each carries its own Filter."""
    if isinstance(left, pd.DataFrame):
        pd.testing.assert_frame_equal(left, right)
    elif isinstance(left, tuple) and all(isinstance(item, Comparison) for item in left):
        assert [compared_days(item) for item in left] == [compared_days(item) for item in right]
    else:
        assert left == right


def compared_days(comparison: Comparison) -> tuple[str, object, str]:
    """What a comparison plan decided, apart from the Filter it was asked for."""
    return comparison.kind, comparison.day, comparison.round_name
