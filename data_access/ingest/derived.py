"""Rows an import derives from the rows it has just inserted, written by the database itself.

An inserted row's undo image and a problem's status event are functions of the stored
row, so one INSERT … SELECT writes them all: no Python dict, JSON encoding or parameter
tuple per row. The new rows' images and first events are written right after the batch's
inserts and before its updates stamp the changed rows with the batch too, so the rows
stamped with the batch are exactly the new ones. In id order, which is the file's order.
A large insert goes through bulk.indexes.rebuilt_after like any other: on PostgreSQL the
per-row foreign-key checks and index updates would make the two statements slower
(docs/performance.md).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Select, Table, Text, and_, case, cast, func, insert, literal, select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session

from data_access.bulk.indexes import rebuilt_after
from data_access.codes import COMPLETED_STATUS
from data_access.ingest.records import INSERT_IMAGE_FIELDS, LedgerTable
from data_access.models import ImportChange, Problem, StatusEvent

_CHANGE_COLUMNS = ["batch_id", "table_name", "row_key", "action", "after_json"]
_EVENT_COLUMNS = ["problem_id", "status", "changed_on", "import_batch_id", "note"]


def record_insert_images(
    session: Session, ledger_table: LedgerTable, batch_id: int, *, inserted: int
) -> None:
    """One ImportChange "insert" per row of ledger_table this batch inserted (its image).

    inserted: how many rows that is.
    """
    table = ledger_table.table
    names = sorted(name for name in INSERT_IMAGE_FIELDS if name in table.c)
    image = json_object(session, {name: table.c[name] for name in names})
    rows = (
        select(
            literal(batch_id),
            literal(ledger_table.name),
            table.c.code,
            literal("insert"),
            image,
        )
        .where(table.c.import_batch_id == batch_id)
        .order_by(table.c.id)
    )
    _insert_from(session, ImportChange.__table__, _CHANGE_COLUMNS, rows, inserted)


def record_status_events(
    session: Session,
    batch_id: int,
    which: ColumnElement[bool],
    *,
    events: int,
    note: str,
    today: date,
) -> None:
    """A status event of this batch for each problem which selects, with its stored status.

    Dated rectified_on when the problem is rectified (and has the date), else today: the
    one place that rule lives, for new problems and for changed statuses alike. Run after
    the problems are written; events: how many that makes.
    """
    problem: Table = Problem.__table__
    rectified = and_(problem.c.status == COMPLETED_STATUS, problem.c.rectified_on.is_not(None))
    day = case((rectified, problem.c.rectified_on), else_=literal(today, Date))
    rows = (
        select(problem.c.id, problem.c.status, day, literal(batch_id), literal(note))
        .where(which)
        .order_by(problem.c.id)
    )
    _insert_from(session, StatusEvent.__table__, _EVENT_COLUMNS, rows, events)


def _insert_from(
    session: Session, table: Table, names: list[str], rows: Select, incoming: int
) -> None:
    """INSERT INTO table (names) the incoming rows selected by rows."""
    with rebuilt_after(session, table, incoming):
        session.execute(insert(table).from_select(names, rows))


def json_object(session: Session, fields: dict[str, ColumnElement]) -> ColumnElement[str]:
    """A JSON object of fields as text, built by the database (keys in the order given).

    SQLite's json_object writes the same compact text as records.row_to_json for these
    plain values; PostgreSQL's jsonb text has its own spacing, which readers never see
    (they parse the image, or read a field with records.image_field).
    """
    pairs = [part for name, column in fields.items() for part in (literal(name), column)]
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.jsonb_build_object(*pairs), Text)
    return func.json_object(*pairs)
