"""Bulk INSERT: tuples bound by the SQLite driver, COPY on PostgreSQL, indexes rebuilt around.

SQLAlchemy's executemany builds and processes a parameter dict per row, and psycopg's
pipelined executemany is slow for the rows of a large import (docs/performance.md). Rows
arrive as dicts or lists per column (an import: insert_rows / insert_lists, each value
through its column's bind processor,
so what is stored is what SQLAlchemy would store, tests/data_access/bulk/test_insert.py)
or as columns of numpy arrays or lists (generated data: insert_columns, dates as
datetime64[D] with NaT for NULL, timestamps as datetime64[s] in UTC). Either way the rows
land in the caller's transaction (all or nothing), a column at a time per chunk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np
from sqlalchemy import Table, bindparam, insert
from sqlalchemy.engine import Connection
from sqlalchemy.sql.schema import Column, ColumnDefault
from sqlmodel import Session

from data_access.bulk.indexes import rebuilt_after

CHUNK = 5_000  # rows per executemany call or COPY slice: bounded memory for the tuples
Columns = Mapping[str, Sequence[Any] | np.ndarray]
# One column's driver values for a slice of the rows: (column name, slice) -> values.
ColumnSlice = Callable[[str, slice], list[Any]]


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT rows (all with the same keys) inside the session's transaction."""
    if rows:
        insert_lists(session, table, {name: [row[name] for row in rows] for name in rows[0]})


def insert_lists(session: Session, table: Table, columns: Mapping[str, Sequence[Any]]) -> None:
    """INSERT the rows given as one list per column (of equal lengths), like insert_rows."""
    names = list(columns)
    count = len(columns[names[0]]) if names else 0
    if not count:
        return
    processors = dict(zip(names, bind_processors(session.connection(), table, names), strict=True))

    def column(name: str, part: slice) -> list[Any]:
        """One column of a slice of rows, through the column's bind processor."""
        return processed(list(columns[name][part]), processors[name])

    _insert(session, table, names, count, column)


def insert_columns(session: Session, table: Table, columns: Columns) -> int:
    """Append the rows given as columns to table inside the session's transaction; how many."""
    count = len(next(iter(columns.values()), ()))
    if not count:
        return 0
    dialect = session.connection().dialect.name

    def column(name: str, part: slice) -> list[Any]:
        """One column of a slice of rows as plain values the driver accepts."""
        return python_values(columns[name][part], dialect)

    _insert(session, table, list(columns), count, column)
    return count


def _insert(
    session: Session, table: Table, names: list[str], count: int, column: ColumnSlice
) -> None:
    """COPY on PostgreSQL, the driver's executemany elsewhere; large loads rebuild indexes."""
    with rebuilt_after(session, table, count):
        connection = session.connection()
        if connection.dialect.name == "postgresql":
            _copy_rows(connection, table, names, count, column)
            return
        compiled = insert(table).values({n: bindparam(n) for n in names}).compile(connection)
        if not compiled.positional:  # SQLite's driver binds by position; so does any we use
            raise NotImplementedError(f"bulk insert on {connection.dialect.name}")
        ordered = list(compiled.positiontup or ())  # the parameter names in statement order
        # A column the rows leave out that has a Python default is a parameter of the compiled
        # INSERT too: it gets that default, as SQLAlchemy's own executemany would give it.
        defaults = {name: column_default(table.c[name]) for name in ordered if name not in names}
        sql = str(compiled)
        for part in _slices(count):
            connection.exec_driver_sql(sql, _tuples(ordered, part, column, defaults))


def _copy_rows(
    connection: Connection, table: Table, names: list[str], count: int, column: ColumnSlice
) -> None:
    """COPY rows into table through psycopg, in the connection's transaction."""
    quote = connection.dialect.identifier_preparer
    columns = ", ".join(quote.quote(name) for name in names)
    sql = f"COPY {quote.format_table(table)} ({columns}) FROM STDIN"
    cursor = connection.connection.cursor()  # the DBAPI cursor of this transaction
    try:
        with cursor.copy(sql) as copy:
            for part in _slices(count):
                for values in _tuples(names, part, column):
                    copy.write_row(values)
    finally:
        cursor.close()


def _slices(count: int) -> Iterator[slice]:
    """The rows 0..count in slices of at most CHUNK."""
    for start in range(0, count, CHUNK):
        yield slice(start, min(start + CHUNK, count))


def _tuples(
    names: list[str], part: slice, column: ColumnSlice, defaults: dict[str, Any] | None = None
) -> list[tuple[Any, ...]]:
    """A slice of the rows as parameter tuples in names' order; defaults fill absent columns.

    Column by column: one list per column costs far less than a generator per row.
    """
    size = part.stop - part.start
    values = [
        [defaults[name]] * size if defaults and name in defaults else column(name, part)
        for name in names
    ]
    return list(zip(*values, strict=True))


def column_default(column: Column) -> object:
    """A column's Python default (SQLModel's Field(default=...)); None without one."""
    default = column.default
    return default.arg if isinstance(default, ColumnDefault) else None


def bind_processors(connection: Connection, table: Table, names: list[str]) -> list[Any]:
    """Each named column's bind processor on this connection's dialect (None: none needed)."""
    dialect = connection.dialect
    return [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names]


def processed(values: list[Any], process: Callable[[Any], Any] | None) -> list[Any]:
    """values through a bind processor, each distinct value once (None stays None).

    Most columns (text, integers) have no processor at all; the ones that have (dates,
    booleans, timestamps) repeat a few values, and a bind processor is a pure function of
    an immutable cell value.
    """
    if process is None:
        return values
    done: dict[Any, Any] = {None: None}
    return [done[v] if v in done else done.setdefault(v, process(v)) for v in values]


def python_values(values: Sequence[Any] | np.ndarray, dialect: str) -> list[Any]:
    """One column as plain Python values the driver accepts (dates as ISO text, NULL as None)."""
    if not isinstance(values, np.ndarray):
        return list(values)
    if values.dtype.kind == "M":
        return _date_texts(values, dialect)
    return values.tolist()


def _date_texts(values: np.ndarray, dialect: str) -> list[str | None]:
    """ISO text of dates or UTC timestamps, in the form each backend stores them."""
    texts = np.datetime_as_string(values, unit="D" if values.dtype == "<M8[D]" else "s")
    if values.dtype != "<M8[D]":
        # SQLite keeps SQLAlchemy's naive UTC form; PostgreSQL needs the zone for timestamptz.
        suffix = ".000000" if dialect == "sqlite" else "+00:00"
        texts = np.char.add(np.char.replace(texts, "T", " "), suffix)
    result = texts.tolist()
    if np.isnat(values).any():
        missing = np.isnat(values).tolist()
        result = [None if gap else text for text, gap in zip(result, missing, strict=True)]
    return result
