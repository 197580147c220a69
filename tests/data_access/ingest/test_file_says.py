"""A file changes only what it says: absent columns keep stored values, blank cells keep them
unless the uploader clears blanks (counted on their own); undo restores exactly."""

from __future__ import annotations

from datetime import date

from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.ingest.apply import apply_ledger
from data_access.ingest.diff import LedgerDiff, compute_diff
from data_access.ingest.options import ImportOptions
from data_access.ingest.parse import ParsedLedger, parse_ledger
from data_access.ingest.undo import revert_batch
from data_access.models import Problem
from tests.support.stored import HISTORY_TABLES, dump_tables
from tests.support.workbooks import (
    PROBLEMS_SHEET,
    edit_workbook,
    export_ledger,
    headers,
    open_problem_codes,
    row_of,
)

KEPT = ("问题编号", "乡镇", "问题类别", "问题描述", "整改状态")  # the short file's columns
BLANKED = {"责任单位": None, "整改措施": None, "挽回损失(元)": None}


def parsed_of(engine: Engine, data: bytes, **options: object) -> ParsedLedger:
    """parse_ledger of data with options, in a read session of engine."""
    with session_scope(engine) as session:
        return parse_ledger(data, "台账.xlsx", session=session, options=ImportOptions(**options))


def diff_of(engine: Engine, parsed: ParsedLedger) -> LedgerDiff:
    """compute_diff of parsed against engine's store."""
    with session_scope(engine) as session:
        return compute_diff(parsed, session=session)


def stored(engine: Engine, code: str) -> dict[str, object]:
    """The stored problem code as a dict of its columns."""
    with session_scope(engine) as session:
        row = session.scalars(select(Problem).where(Problem.code == code)).one()
        return row.model_dump()


def only_columns(keep: tuple[str, ...], code: str, values: dict[str, object]):
    """An edit: the problem sheet cut to the columns keep and the row of code, with values."""

    def edit(workbook: Workbook) -> None:
        """Delete the other sheets, the other rows and the other columns; write values."""
        for name in workbook.sheetnames:
            if name != PROBLEMS_SHEET:
                del workbook[name]
        sheet = workbook[PROBLEMS_SHEET]
        row = row_of(sheet, code)
        for header, value in values.items():  # set_cells (openpyxl's cell()) skips None
            sheet.cell(row, headers(sheet)[header]).value = value
        sheet.delete_rows(row + 1, sheet.max_row)
        sheet.delete_rows(2, row - 2)
        for column in sorted(headers(sheet).values(), reverse=True):
            if sheet.cell(1, column).value not in keep:
                sheet.delete_cols(column)

    return edit


def test_a_short_file_changes_only_its_own_columns_and_undo_restores(
    writable_seeded_engine: Engine,
) -> None:
    engine = writable_seeded_engine
    code = open_problem_codes(engine, 1)[0]
    before_row = stored(engine, code)
    data = edit_workbook(export_ledger(engine), only_columns(KEPT, code, {"整改状态": "基本完成"}))
    parsed = parsed_of(engine, data, today=date(2018, 9, 1))
    assert parsed.is_valid, parsed.errors
    diff = diff_of(engine, parsed)
    [changed] = diff.sheets["problems"].changed
    assert changed.fields == {"status": ("in_progress", "basically_done")}
    assert diff.blank_cells == [] and diff.kept_blanks == 0
    before = dump_tables(engine, skip=HISTORY_TABLES)
    result = apply_ledger(parsed, engine=engine, uploader="张录入")
    after_row = stored(engine, code)
    assert {k: v for k, v in after_row.items() if before_row[k] != v}.keys() == {
        "status",
        "import_batch_id",
        "updated_at",
    }
    revert_batch(result.batch_id, engine=engine, actor="李管理")
    assert dump_tables(engine, skip=HISTORY_TABLES) == before


def test_blank_cells_keep_stored_values_unless_cleared(writable_seeded_engine: Engine) -> None:
    engine = writable_seeded_engine
    code = open_problem_codes(engine, 1)[0]
    with session_scope(engine) as session:  # give the row an amount a blank could clear
        session.get(Problem, stored(engine, code)["id"]).recovered_yuan = 5000
    before_row = stored(engine, code)
    data = edit_workbook(export_ledger(engine), only_columns(KEPT + tuple(BLANKED), code, BLANKED))

    kept = diff_of(engine, parsed_of(engine, data))
    assert kept.counts()["unchanged"] == 1 and not kept.has_changes
    assert kept.kept_blanks == 3 and kept.cleared_blanks == 0
    assert {(c.field, c.stored) for c in kept.blank_cells} == {
        ("responsible_unit", before_row["responsible_unit"]),
        ("measures", before_row["measures"]),
        ("recovered_yuan", 5000),
    }

    parsed = parsed_of(engine, data, clear_blanks=True)
    cleared = diff_of(engine, parsed)
    assert (cleared.kept_blanks, cleared.cleared_blanks) == (0, 3)
    [changed] = cleared.sheets["problems"].changed
    assert changed.fields == {
        "responsible_unit": (before_row["responsible_unit"], ""),
        "measures": (before_row["measures"], ""),
        "recovered_yuan": (5000, 0),
    }
    before = dump_tables(engine, skip=HISTORY_TABLES)
    result = apply_ledger(parsed, engine=engine, uploader="张录入")
    assert stored(engine, code)["recovered_yuan"] == 0
    revert_batch(result.batch_id, engine=engine, actor="李管理")
    assert dump_tables(engine, skip=HISTORY_TABLES) == before


def test_a_new_row_of_a_short_file_takes_the_defaults(writable_seeded_engine: Engine) -> None:
    engine = writable_seeded_engine
    code = open_problem_codes(engine, 1)[0]
    data = edit_workbook(export_ledger(engine), only_columns(KEPT, code, {"问题编号": "NEW-0001"}))
    diff = diff_of(engine, parsed_of(engine, data))
    [new] = diff.sheets["problems"].new
    assert new.values["found_on_inferred"] is True
    assert (new.values["recovered_yuan"], new.values["responsible_unit"]) == (0, "")


def test_the_exported_ledger_still_reads_back_unchanged(writable_seeded_engine: Engine) -> None:
    diff = diff_of(
        writable_seeded_engine,
        parsed_of(writable_seeded_engine, export_ledger(writable_seeded_engine)),
    )
    assert not diff.has_changes and diff.blank_cells == []
