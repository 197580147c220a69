"""Stored ledger rows looked up by code: what a diff compares and what undo images keep."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

import orjson
from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    Select,
    any_,
    bindparam,
    case,
    func,
    null,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import aliased
from sqlmodel import Session

from data_access.ingest.records import PROBLEM_CODE, LedgerTable, chunks
from data_access.models import Problem

K = TypeVar("K", str, int)  # codes or ids
LINKED = aliased(Problem)  # the problem an accountability or lead row points at


def fetch_stored(
    session: Session, ledger_table: LedgerTable, codes: Iterable[str]
) -> dict[str, dict[str, object]]:
    """Full stored rows with these codes (plus problem_code for linked rows), keyed by code."""
    table = ledger_table.table
    columns = [*table.c, *([PROBLEM_CODE] if PROBLEM_CODE in ledger_table.fields else [])]
    rows: dict[str, dict[str, object]] = {}
    for query in _queries(session, ledger_table, columns, codes):
        result = session.execute(query)
        names = list(result.keys())
        # all() fetches in one call; .mappings() went to the driver row by row.
        for values in result.all():
            row = dict(zip(names, values, strict=True))
            rows[row["code"]] = row
    return rows


def fetch_compared(
    session: Session, ledger_table: LedgerTable, codes: Iterable[str]
) -> dict[str, tuple[object, ...]]:
    """code → the stored values of the compared fields, as a tuple in ledger_table.fields order.

    A weekly update compares 100,000 rows and keeps whole rows (before images) only for the
    few that changed; tuples compare in one C call where dicts were built row by row.
    """
    table = ledger_table.table
    columns = [table.c.code, *(table.c.get(name, name) for name in ledger_table.fields)]
    rows: dict[str, tuple[object, ...]] = {}
    for query in _queries(session, ledger_table, columns, codes):
        rows.update((row[0], tuple(row[1:])) for row in session.execute(query).all())
    return rows


def fetch_packed(
    session: Session, ledger_table: LedgerTable, codes: Iterable[str]
) -> dict[str, str] | None:
    """SQLite: code → the compared fields packed by the database as one JSON array text.

    pack() of a file row's values equals it when the stored row holds those values (an
    unequal text only means "compare field by field"). Fetching one text per row instead
    of every field took a 100,000-row update's lookup from 1.0 to 0.35 s. None elsewhere.
    """
    if session.get_bind().dialect.name != "sqlite":
        return None
    table = ledger_table.table
    fields = [
        LINKED.code if name == PROBLEM_CODE else _json_value(table.c[name])
        for name in ledger_table.fields
    ]
    packed: dict[str, str] = {}
    for query in _queries(session, ledger_table, [table.c.code, func.json_array(*fields)], codes):
        packed.update(session.execute(query).all())
    return packed


def pack(values: Iterable[object]) -> str | None:
    """Values as the JSON array text fetch_packed compares with (None if not JSON-able)."""
    try:
        return orjson.dumps(tuple(values)).decode()
    except TypeError:
        return None


def _json_value(column: Column) -> ColumnElement:
    """A column as json_array should take it: SQLite stores booleans as 0 and 1, orjson
    writes true and false."""
    if not isinstance(column.type, Boolean):
        return column
    true, false = func.json("true"), func.json("false")
    return case((column.is_(None), null()), (column, true), else_=false)


def _queries(
    session: Session,
    ledger_table: LedgerTable,
    columns: list[Column | ColumnElement | str],
    codes: Iterable[str],
) -> Iterator[Select]:
    """SELECTs of columns for the rows with these codes; PROBLEM_CODE is the linked code."""
    table = ledger_table.table
    # The one name among the columns stands for the code of the problem the row points at.
    selected = [LINKED.code.label(c) if isinstance(c, str) else c for c in columns]
    for condition in in_batches(session, table.c.code, codes):
        query = select(*selected).where(condition)
        if PROBLEM_CODE in ledger_table.fields:
            query = query.select_from(table).outerjoin(LINKED, LINKED.id == table.c.problem_id)
        yield query


def in_batches(
    session: Session, column: Column, values: Iterable[K]
) -> Iterator[ColumnElement[bool]]:
    """WHERE conditions that together keep the rows whose column holds one of values.

    One parameter holds them all: an array on PostgreSQL (= ANY), a JSON array on SQLite
    (json_each); IN lists of CHUNK parameters fetched many codes much more slowly
    (docs/performance.md). Another database gets an IN list per chunk.
    """
    distinct = sorted(set(values))
    if not distinct:
        return
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        yield column == any_(bindparam(None, distinct, type_=ARRAY(column.type)))
    elif dialect == "sqlite":
        listed = func.json_each(orjson.dumps(distinct).decode()).table_valued("value")
        yield column.in_(select(listed.c.value))
    else:
        yield from (column.in_(part) for part in chunks(distinct))


def problem_ids(session: Session, codes: Iterable[str]) -> dict[str, int]:
    """Problem id by code for the codes that are stored."""
    ids: dict[str, int] = {}
    code_column = Problem.__table__.c.code
    for condition in in_batches(session, code_column, (c for c in codes if c)):
        ids.update(session.execute(select(Problem.code, Problem.id).where(condition)).all())
    return ids
