"""Bulk loading of generated columns: executemany on SQLite, COPY on PostgreSQL (psycopg 3).

Both run on the DBAPI connection of the caller's session, so the rows land in the caller's
transaction (all or nothing). Columns arrive as numpy arrays or lists; dates as
datetime64[D] (NaT = NULL), timestamps as datetime64[s] in UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np
from psycopg import sql
from sqlalchemy import Index, Table, func, insert, select
from sqlalchemy.schema import CreateIndex, DropIndex
from sqlmodel import Session

Columns = Mapping[str, Sequence[Any] | np.ndarray]
SQLITE_CHUNK = 50_000  # rows per executemany call: bounded memory for the converted tuples


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


def _rows(columns: Columns, names: Sequence[str], dialect: str) -> Iterator[tuple]:
    """Row tuples in the order of names, converted chunk by chunk."""
    length = len(next(iter(columns.values())))
    for start in range(0, length, SQLITE_CHUNK):
        part = [
            python_values(columns[name][start : start + SQLITE_CHUNK], dialect) for name in names
        ]
        yield from zip(*part, strict=True)


def write_columns(session: Session, table: Table, columns: Columns) -> int:
    """Append the rows given as columns to table inside the session's transaction."""
    if not columns or len(next(iter(columns.values()))) == 0:
        return 0
    connection = session.connection()
    dbapi = connection.connection.driver_connection
    dialect = connection.dialect.name
    if dialect == "postgresql":
        return _copy_rows(dbapi, table, columns)
    compiled = insert(table).compile(dialect=connection.dialect, column_keys=list(columns))
    names = list(compiled.positiontup or ())
    cursor = dbapi.cursor()
    count = 0
    rows = _rows(columns, names, dialect)
    while chunk := _take(rows, SQLITE_CHUNK):
        cursor.executemany(str(compiled), chunk)
        count += len(chunk)
    cursor.close()
    return count


def _take(rows: Iterator[tuple], count: int) -> list[tuple]:
    """Up to count rows from the iterator."""
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == count:
            break
    return chunk


def _copy_rows(dbapi: Any, table: Table, columns: Columns) -> int:
    """COPY the rows into a PostgreSQL table (text format)."""
    names = list(columns)
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, names))
    )
    count = 0
    with dbapi.cursor() as cursor, cursor.copy(statement) as copy:
        for row in _rows(columns, names, "postgresql"):
            copy.write_row(row)
            count += 1
    return count


def secondary_indexes(tables: Iterable[Table]) -> list[Index]:
    """The non-unique indexes of tables as the models declare them (dropped while loading)."""
    return [index for table in tables for index in table.indexes if not index.unique]


def drop_indexes(session: Session, indexes: Iterable[Index]) -> None:
    """Drop indexes (they are rebuilt in one sorted pass afterwards, much faster)."""
    for index in indexes:
        session.execute(DropIndex(index, if_exists=True))


def create_indexes(session: Session, indexes: Iterable[Index]) -> None:
    """Create indexes again after the load."""
    for index in indexes:
        session.execute(CreateIndex(index, if_not_exists=True))


def reset_sequences(session: Session, tables: Iterable[Table]) -> None:
    """PostgreSQL: move each id sequence past the explicitly written ids."""
    if session.connection().dialect.name != "postgresql":
        return
    for table in tables:
        next_id = select(func.coalesce(func.max(table.c.id), 0) + 1).scalar_subquery()
        sequence = func.pg_get_serial_sequence(table.name, "id")
        session.execute(select(func.setval(sequence, next_id, False)))
