"""The import's fast paths give exactly what the plain per-cell code gives."""

from __future__ import annotations

import gc
import math
from datetime import date, datetime

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from data_access.bulk.insert import processed
from data_access.ingest.cell_text import escape_text
from data_access.ingest.context import add_column
from data_access.ingest.lookup import pack
from data_access.ingest.read import read_workbook
from data_access.ingest.records import stored_column, stored_value
from data_access.models import Problem
from tests.support.ledger_files import PROBLEMS, problem_records, sheet, xlsx_bytes

COLUMNS = Problem.__table__.c  # type: ignore[attr-defined]
# A NOT NULL column with a default, a nullable one, a date, a text column, no column at all.
COLUMN_NAMES = ("recovered_yuan", "village_id", "found_on", "description", None)
CELLS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.dates(date(2018, 1, 1), date(2018, 12, 31)),
    st.text(max_size=4).map(lambda text: escape_text("=" + text) if text[:1] == "x" else text),
    st.sampled_from([1.0, 2.5, math.nan, np.int64(3), np.float64(4.0)]),
)


def same(left: list, right: list) -> bool:
    """Equal lists, NaN equal to NaN, and each value of the same type."""
    return len(left) == len(right) and all(
        type(a) is type(b) and (a == b or (a != a and b != b))
        for a, b in zip(left, right, strict=True)
    )


@given(name=st.sampled_from(COLUMN_NAMES), values=st.lists(CELLS, max_size=8))
def test_stored_column_is_stored_value_of_each_cell(name: str | None, values: list) -> None:
    """Mixed, uniform, blank and escaped columns alike."""
    column = COLUMNS[name] if name else None
    assert same(stored_column(column, values), [stored_value(column, v) for v in values])


@pytest.mark.parametrize(
    "values",
    [["a", "'=1", "b"], [1, 2, 3], [date(2018, 1, 1), None], [None, None], [True, False]],
)
def test_stored_column_uniform_columns(values: list) -> None:
    """The shapes a parsed frame really has, in each column kind."""
    for name in COLUMN_NAMES:
        column = COLUMNS[name] if name else None
        assert same(stored_column(column, values), [stored_value(column, v) for v in values])


def test_bind_processing_keeps_none_and_processes_each_distinct_value_once() -> None:
    """None kept, a repeated value processed once, the order kept."""
    calls: list[object] = []

    def process(value: object) -> str:
        """A bind processor that records its calls."""
        calls.append(value)
        return f"<{value}>"

    days = [date(2018, 6, 8), date(2018, 6, 9), date(2018, 6, 8), None, date(2018, 6, 9)]
    assert processed(days, process) == [
        "<2018-06-08>",
        "<2018-06-09>",
        "<2018-06-08>",
        None,
        "<2018-06-09>",
    ]
    assert calls == [date(2018, 6, 8), date(2018, 6, 9)]


def test_bind_processing_keeps_dates_and_datetimes_apart() -> None:
    """A date and the datetime at its midnight are different values, processed apart."""
    values = [date(2018, 1, 1), datetime(2018, 1, 1), date(2018, 1, 1)]
    assert processed(values, repr) == [
        "datetime.date(2018, 1, 1)",
        "datetime.datetime(2018, 1, 1, 0, 0)",
        "datetime.date(2018, 1, 1)",
    ]


def test_read_rows_are_tuples_the_collector_stops_tracking() -> None:
    """A sheet's rows (and a column added to them) are tuples of plain values: untracked.

    A full collection then no longer walks every row of a large import (docs/performance.md).
    """
    records = problem_records(3)
    book = read_workbook(xlsx_bytes(sheet(PROBLEMS.name, records)), "xlsx")
    (raw,) = book.sheets
    add_column(raw, "round", "轮次", ["第一轮"] * len(raw.rows))
    gc.collect()  # a collection untracks the tuples that hold only untracked values
    assert all(type(row) is tuple and not gc.is_tracked(row) for row in raw.rows)
    assert raw.values("round") == ["第一轮"] * 3
    assert raw.values("code") == [record["问题编号"] for record in records]


def test_in_batches_keeps_exactly_the_listed_codes(seeded_engine) -> None:
    """One parameter for every code (array or JSON) selects the same rows as IN lists would."""
    from sqlalchemy import select

    from data_access.db import session_scope
    from data_access.ingest.lookup import in_batches
    from data_access.ingest.records import CHUNK

    code = COLUMNS["code"]
    with session_scope(seeded_engine) as session:
        stored = sorted(session.scalars(select(code)))
        # Unknown codes (quotes, Chinese, many of them) mixed in: they match nothing.
        unknown = ["x'\"]", "问题-1", *(f"NONE-{n}" for n in range(CHUNK + 10))]
        wanted = [*stored[::2], *unknown, stored[0]]
        found = [
            value
            for condition in in_batches(session, code, wanted)
            for value in session.scalars(select(code).where(condition))
        ]
        assert sorted(found) == stored[::2]
        assert list(in_batches(session, code, [])) == []


def test_fetch_compared_holds_the_compared_fields_of_fetch_stored(seeded_engine) -> None:
    """The diff's tuples are the full rows' compared fields, in order, on every ledger sheet."""
    from sqlalchemy import select

    from data_access.db import session_scope
    from data_access.ingest.lookup import fetch_compared, fetch_stored
    from data_access.ingest.records import LEDGER_TABLES

    with session_scope(seeded_engine) as session:
        for ledger_table in LEDGER_TABLES:
            codes = list(session.scalars(select(ledger_table.table.c.code)))
            assert codes, ledger_table.name
            whole = fetch_stored(session, ledger_table, codes)
            compared = fetch_compared(session, ledger_table, codes)
            assert compared == {
                code: tuple(row[name] for name in ledger_table.fields)
                for code, row in whole.items()
            }


def test_packed_rows_equal_the_packed_compared_fields(seeded_engine) -> None:
    """SQLite's JSON text of a stored row is what pack() makes of its compared fields, so an
    unchanged row is found without fetching its fields; elsewhere there is no packing."""
    from sqlalchemy import select

    from data_access.db import session_scope
    from data_access.ingest.lookup import fetch_compared, fetch_packed, pack
    from data_access.ingest.records import LEDGER_TABLES

    with session_scope(seeded_engine) as session:
        sqlite = session.get_bind().dialect.name == "sqlite"
        for ledger_table in LEDGER_TABLES:
            codes = list(session.scalars(select(ledger_table.table.c.code)))
            packed = fetch_packed(session, ledger_table, codes)
            if not sqlite:
                assert packed is None
                continue
            compared = fetch_compared(session, ledger_table, codes)
            assert packed == {code: pack(values) for code, values in compared.items()}


def test_pack_tells_apart_what_compares_unequal() -> None:
    """Values that differ in type or value pack differently (or not at all)."""
    assert pack([1, True, None, "a", date(2018, 1, 2)]) == '[1,true,null,"a","2018-01-02"]'
    assert pack([1]) != pack([1.0]) and pack([1]) != pack(["1"]) and pack([True]) != pack([1])
    assert pack([object()]) is None


@given(
    st.lists(
        st.one_of(
            st.just(""), st.none(), st.integers(0, 2), st.booleans(),
            st.sampled_from(["合计", " 注：", "填报人", "a", "1", "（一）城关镇"]),
        ),
        max_size=8,
    )
)  # fmt: skip
def test_plain_data_counts_the_row_as_the_filtered_values_would(row: list) -> None:
    """The row-level fast check says what the rule over the row's non-blank values says."""
    from data_access.ingest.layout_words import SPECIAL_STARTS
    from data_access.ingest.rows import _plain_data

    values = [c for c in row if c is not None and c != ""]
    expected = (
        len(values) >= 3
        and values.count(values[0]) != len(values)
        and not any(type(v) is str and v.lstrip()[:1] in SPECIAL_STARTS for v in values[:3])
    )
    assert _plain_data(row) == expected
