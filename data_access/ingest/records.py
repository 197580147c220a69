"""Stored rows of the three ledger tables as plain dicts: what an import compares and restores."""

from __future__ import annotations

import math
import typing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple, TypeVar

import orjson
import pandas as pd
from sqlalchemy import (
    JSON,
    Column,
    ColumnElement,
    Date,
    DateTime,
    SQLColumnExpression,
    Table,
    bindparam,
    cast,
    type_coerce,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Session

from data_access.bulk.insert import column_default
from data_access.ingest.cell_text import ESCAPE, unescape_text
from data_access.models import AccountabilityAction, Lead, Problem

T = TypeVar("T")
LedgerModel = type[Problem] | type[AccountabilityAction] | type[Lead]  # a ledger table class

# Bound parameters per IN (...) query: far below SQLite's 32,766 and PostgreSQL's 65,535.
CHUNK = 5_000
PROBLEM_CODE = "problem_code"
ROW = "_row"  # the Excel row number column of a parsed frame
_AS_IS = frozenset({int, bool, date})
_AS_IS_OR_NONE = _AS_IS | {type(None)}
# An insert's image: its id (undo deletes by it), region (summaries) and status (live feed).
# The rest of the row is in its table; a later batch that changes it keeps it whole as its
# before image. Full copies would make the undo log larger than the rows (docs/performance.md).
INSERT_IMAGE_FIELDS = ("id", "code", "township_id", "status", "problem_id")


class FileRow(NamedTuple):
    """One row of a parsed sheet, ready to compare."""

    code: str
    excel_row: int
    values: tuple[object, ...]  # the compared fields in LedgerTable.fields order, as stored


@dataclass(frozen=True)
class LedgerTable:
    """One ledger sheet and the table it is stored in."""

    sheet: str  # the ParsedLedger attribute: problems / accountability / leads
    model: LedgerModel
    fields: tuple[str, ...]  # file columns compared with the stored row (problem_code, not id)

    @property
    def table(self) -> Table:
        """The SQLAlchemy table of the model."""
        return self.model.__table__

    @property
    def name(self) -> str:
        """The table's name in the database, as a plain str.

        Table.name is a quoted_name: the SQLite driver looks for __conform__ on every str
        subclass it binds, through SQLAlchemy's __getattr__ (slow per row; docs/performance.md).
        """
        return str(self.table.name)


PROBLEMS_TABLE = LedgerTable(
    "problems",
    Problem,
    (
        "round_id",
        "group_id",
        "township_id",
        "village_id",
        "focus_area",
        "sub_category",
        "description",
        "source",
        "lead_leader",
        "responsible_unit",
        "responsible_person",
        "measures",
        "found_on",
        "found_on_inferred",
        "deadline",
        "deadline_kind",
        "status",
        "rectified_on",
        "closed",
        "recovered_yuan",
        "rules_improved",
        "recovered_on",
        "rules_improved_on",
        "evidence",
        "progress",
        "remarks",
    ),
)
ACCOUNTABILITY_TABLE = LedgerTable(
    "accountability",
    AccountabilityAction,
    (
        PROBLEM_CODE,
        "township_id",
        "person_name",
        "position",
        "category",
        "form",
        "decided_on",
        "is_organisation",
        "is_leadership_responsibility",
    ),
)
LEADS_TABLE = LedgerTable(
    "leads",
    Lead,
    (
        "township_id",
        PROBLEM_CODE,
        "subject_position",
        "transferred_to",
        "transferred_on",
        "outcome",
    ),
)
# In write order: problems first, because the other two point at them.
LEDGER_TABLES: tuple[LedgerTable, ...] = (PROBLEMS_TABLE, ACCOUNTABILITY_TABLE, LEADS_TABLE)
TABLES_BY_NAME: dict[str, LedgerTable] = {t.name: t for t in LEDGER_TABLES}


def id_of(row: dict[str, object], name: str = "id") -> int:
    """An id column of a row image."""
    value = row[name]
    if not isinstance(value, int):
        raise TypeError(f"{name} {value!r}")
    return value


def text_of(row: dict[str, object], name: str) -> str:
    """A text column of a row image."""
    value = row[name]
    if not isinstance(value, str):
        raise TypeError(f"{name} {value!r}")
    return value


def chunks(values: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """values in slices of at most size."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def plain(value: object) -> object:
    """A pandas/numpy cell as a plain Python value (NaN, NaT and pd.NA become None)."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        return value.item()  # numpy scalar -> int / float / bool
    return value


def stored_value(column: Column | None, value: object) -> object:
    """value as the column stores it: a blank in a NOT NULL column takes the column default."""
    if type(value) is str:
        return unescape_text(value)  # the export's formula escape, if the reader left it
    if type(value) in _AS_IS:  # the common case, kept fast: 100k rows x 20 fields pass here
        return value
    value = plain(value)
    if column is None:
        return value
    if value is None and not column.nullable and column.default is not None:
        return column_default(column)
    if isinstance(value, float) and value.is_integer() and column.type.python_type is int:
        return int(value)
    return value


def stored_column(column: Column | None, values: list[object]) -> list[object]:
    """stored_value of each value, with the per-cell call skipped where it changes nothing.

    A parsed column is nearly always all text, or all ints / bools / dates: text needs only
    the rare formula escape undone, the others are stored as they are.
    """
    kinds = set(map(type, values))
    if kinds == {str}:
        texts = typing.cast("list[str]", values)  # every value is a str, as kinds says
        if ESCAPE not in "".join(texts):  # one search in C: then no text starts with it
            return values
        return [unescape_text(v) if v[:1] == ESCAPE else v for v in texts]
    if kinds <= _AS_IS or (kinds <= _AS_IS_OR_NONE and _keeps_none(column)):
        return values
    return [stored_value(column, value) for value in values]


def _keeps_none(column: Column | None) -> bool:
    """True when stored_value leaves a blank as None in column (no default replaces it)."""
    return column is None or column.nullable or column.default is None


def file_rows(ledger_table: LedgerTable, frame: pd.DataFrame) -> list[FileRow]:
    """The rows of a parsed sheet: code, Excel row and the compared fields as stored."""
    count = len(frame)
    if not count:
        return []
    columns = ledger_table.table.c
    # Column by column: one tolist() per field is far cheaper than a dict per row.
    converted = [
        stored_column(columns.get(name), _column(frame, name, count))
        for name in ledger_table.fields
    ]
    codes = [str(code) for code in frame["code"].tolist()]
    excel_rows = [_excel_row(plain(row)) for row in _column(frame, ROW, count)]
    # Tuples: a weekly update leaves most rows unchanged, and only the others need a dict.
    return list(map(FileRow, codes, excel_rows, zip(*converted, strict=True)))


def _excel_row(value: object) -> int:
    """A ROW cell as its row number (0 when blank)."""
    return int(value) if isinstance(value, int | float) else 0


def _column(frame: pd.DataFrame, name: str, count: int) -> list[object]:
    """One column of frame as a list (all None when the frame lacks it)."""
    return frame[name].tolist() if name in frame.columns else [None] * count


def update_by_id(
    session: Session, table: Table, rows: list[dict[str, object]], names: list[str]
) -> None:
    """Set the columns names of each row (matched on its "id") in one executemany."""
    if not rows:
        return
    statement = (
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values({name: bindparam(f"v_{name}") for name in names})
    )
    params = [{"row_id": row["id"], **{f"v_{n}": row[n] for n in names}} for row in rows]
    for part in chunks(params):
        session.execute(statement, part)


def table_row(ledger_table: LedgerTable, row: dict[str, object]) -> dict[str, object]:
    """Only the table's own columns of row (drops problem_code and other extras)."""
    return {c.name: row[c.name] for c in ledger_table.table.c if c.name in row}


def row_to_json(row: dict[str, object]) -> str:
    """A row image as JSON text (ISO dates, keys sorted, Chinese kept readable).

    orjson: an import writes an image per row, and the standard library's encoder was a
    large part of the apply step (docs/performance.md).
    """
    return orjson.dumps(row, option=orjson.OPT_SORT_KEYS).decode()


def image_field(
    session: Session, image: SQLColumnExpression[str | None], name: str
) -> ColumnElement[str]:
    """One field of a row image (JSON text; NULL stays NULL) as text, read by the database.

    PostgreSQL reads it as jsonb; SQLite with json_extract (a CAST to JSON would give the
    text numeric affinity there). Far quicker than parsing the images in Python
    (docs/performance.md).
    """
    if session.get_bind().dialect.name == "postgresql":
        return cast(image, JSONB)[name].astext
    return type_coerce(image, JSON)[name].as_string()


def row_from_json(table: Table, text: str) -> dict[str, object]:
    """A row image back as column values of table (ISO text -> date / datetime)."""
    values = orjson.loads(text)
    for name, value in values.items():
        if value is None:
            continue
        column_type = table.c[name].type
        column_type = getattr(column_type, "impl", column_type)  # UTCDateTime decorates one
        if isinstance(column_type, DateTime):
            values[name] = datetime.fromisoformat(value)
        elif isinstance(column_type, Date):
            values[name] = date.fromisoformat(value)
    return values
