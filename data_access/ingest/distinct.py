"""Apply Python functions once per distinct value (pandas.factorize), then spread the results.

Ledgers repeat their dates, names and labels, so a 100,000-row column usually holds a few
hundred distinct cells; hashing is done in C, the Python work per distinct value only.
Note: factorize treats equal values as one (an Excel TRUE equals 1), which every parser
here maps consistently.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import numpy as np
import pandas as pd

F = TypeVar("F", bound=Callable[..., object])
Values = Sequence[object] | np.ndarray  # a column: a list, a Series or an object array


def _factorize_input(values: Values) -> Values:
    """A Series as its object values (positional), anything else unchanged."""
    return values.to_numpy(dtype=object) if isinstance(values, pd.Series) else values


def _factorize(values: Values) -> tuple[np.ndarray, np.ndarray]:
    """Codes (-1 for None/NaN) and the distinct values of a column of Python objects."""
    array = np.asarray(_factorize_input(values), dtype=object)
    codes, uniques = pd.factorize(array, use_na_sentinel=True)
    return codes, np.asarray(uniques, dtype=object)


def batched(many: Callable[[list[object]], Sequence[object]]) -> Callable[[F], F]:
    """Give a per-value function a whole-list version with the same results (many).

    map_distinct then calls many once on a column's distinct values: for columns where
    nearly every value is distinct (descriptions, codes), one vectorised pass beats a
    Python call per value.
    """

    def mark(func: F) -> F:
        """func, carrying many."""
        func.many = many  # type: ignore[attr-defined]  # a function attribute map_distinct reads
        return func

    return mark


def map_distinct(values: Sequence[object], func: Callable[[object], object]) -> list[object]:
    """[func(v) for v in values], calling func once per distinct value (None for blanks)."""
    codes, uniques = _factorize(values)
    results = np.empty(len(uniques) + 1, dtype=object)
    many = getattr(func, "many", None)
    distinct = uniques.tolist()
    results[:-1] = many(distinct) if many else [func(value) for value in distinct]
    results[-1] = func(None)  # code -1 (blank) picks the last slot
    return results[codes].tolist()


def map_distinct_rows(
    columns: Sequence[Sequence[object]], func: Callable[..., object]
) -> list[object]:
    """[func(*row) for row in zip(*columns)], calling func once per distinct row."""
    arrays = [np.asarray(_factorize_input(column), dtype=object) for column in columns]
    size = len(arrays[0])
    keys = np.zeros(size, dtype=np.int64)
    for column in arrays:
        codes, uniques = _factorize(column)
        keys = keys * (len(uniques) + 1) + (codes + 1)
    distinct, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    results = np.empty(len(distinct), dtype=object)
    results[:] = [func(*(column[i] for column in arrays)) for i in first] if size else []
    return results[inverse.reshape(-1)].tolist()


def check_distinct(series: pd.Series, predicate: Callable[[object], bool]) -> pd.Series:
    """A boolean Series: predicate(v) per value, evaluated once per distinct value."""
    codes, uniques = _factorize(series)
    verdicts = np.array([bool(predicate(v)) for v in uniques] + [bool(predicate(None))])
    return pd.Series(verdicts[codes], index=series.index)
