"""Export → (edit in Excel) → parse → diff → apply, through the real reader."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.ingest.apply import apply_ledger
from data_access.ingest.diff import compute_diff
from data_access.models import Problem, StatusEvent
from tests.support.stored import dump_tables
from tests.support.workbooks import (
    PROBLEMS_SHEET,
    copy_row,
    edit_workbook,
    export_ledger,
    headers,
    parse_bytes,
    row_of,
    set_cells,
)

DONE_ON = date(2018, 8, 6)


def test_exported_demo_imports_as_no_change(writable_seeded_engine: Engine) -> None:
    engine = writable_seeded_engine
    parsed = parse_bytes(engine, export_ledger(engine))
    assert parsed.errors == []
    with session_scope(engine) as session:
        diff = compute_diff(parsed, session=session)
    assert diff.counts_by_sheet()["problems"] == {
        "new": 0,
        "changed": 0,
        "unchanged": 414,
        "rejected": 0,
    }
    assert diff.counts()["new"] == diff.counts()["changed"] == 0
    before = dump_tables(engine)
    assert apply_ledger(parsed, engine=engine, uploader="张录入").batch_id is None
    assert dump_tables(engine) == before


def test_formula_like_text_survives_the_round_trip(writable_seeded_engine: Engine) -> None:
    engine = writable_seeded_engine
    with session_scope(engine, write=True) as session:
        first = session.scalars(select(Problem.code).order_by(Problem.id)).first()
        session.execute(
            update(Problem).where(Problem.code == first).values(measures="=HYPERLINK(1)")
        )
    parsed = parse_bytes(engine, export_ledger(engine))
    with session_scope(engine) as session:
        diff = compute_diff(parsed, session=session)
    assert not diff.has_changes


def test_an_edited_export_changes_exactly_the_edited_rows(writable_seeded_engine: Engine) -> None:
    engine = writable_seeded_engine
    with session_scope(engine) as session:
        open_code = session.scalars(
            select(Problem.code).where(Problem.status == "in_progress").order_by(Problem.id)
        ).first()
        amount_code = session.scalars(select(Problem.code).order_by(Problem.id)).first()

    def weekly_update(workbook) -> None:
        """Rectify one problem, change an amount, add a problem."""
        sheet = workbook[PROBLEMS_SHEET]
        set_cells(sheet, row_of(sheet, open_code), {"整改状态": "已完成", "完成日期": DONE_ON})
        set_cells(sheet, row_of(sheet, amount_code), {"挽回损失(元)": "1.5万"})
        copy_row(sheet, row_of(sheet, open_code), {"问题编号": "ZY2018-901", "序号": 415})

    data = edit_workbook(export_ledger(engine), weekly_update)
    parsed = parse_bytes(engine, data, "第10周台账.xlsx")
    assert parsed.errors == []
    result = apply_ledger(parsed, engine=engine, uploader="张录入")
    assert result.diff.counts() == {"new": 1, "changed": 2, "unchanged": 412 + 179 + 40,
                                    "rejected": 0}  # fmt: skip
    with session_scope(engine) as session:
        stored = {p.code: p for p in session.scalars(select(Problem))}
        events = session.execute(
            select(StatusEvent.status, StatusEvent.changed_on)
            .join(Problem, Problem.id == StatusEvent.problem_id)
            .where(Problem.code == open_code, StatusEvent.import_batch_id == result.batch_id)
        ).all()
    assert (stored[open_code].status, stored[open_code].rectified_on) == ("rectified", DONE_ON)
    assert stored[amount_code].recovered_yuan == 15_000
    assert stored["ZY2018-901"].import_batch_id == result.batch_id
    assert [tuple(e) for e in events] == [("rectified", DONE_ON)]


def test_dates_typed_as_text_read_the_same(writable_seeded_engine: Engine) -> None:
    engine = writable_seeded_engine
    data = export_ledger(engine)

    def as_text(workbook) -> None:
        """Rewrite some 发现日期 cells as Chinese date text."""
        sheet = workbook[PROBLEMS_SHEET]
        column = headers(sheet)["发现日期"]
        for row in range(2, 12):
            cell = sheet.cell(row, column)
            if isinstance(cell.value, datetime):
                cell.value = f"{cell.value:%Y年%-m月%-d日}"

    parsed = parse_bytes(engine, edit_workbook(data, as_text))
    with session_scope(engine) as session:
        assert not compute_diff(parsed, session=session).has_changes
