"""Control characters in a cell are row errors on both databases (issue 18, finding 5).

Before: a NUL in an xlsx cell (``_x0000_``, which xlsxwriter writes for "\\x00") was stored
on SQLite, and made the PostgreSQL import exit 1 with a psycopg traceback and no JSON.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from data_access.__main__ import main
from data_access.db import session_scope
from data_access.ingest.parse import parse_ledger
from tests.support.ledger_files import PROBLEMS, problem_records, sheet, xlsx_bytes
from tests.support.stored import dump_tables

REASON = "控制字符"
# Column -> a value with a control character (NUL, escape, backspace, DEL, a C1 control).
DIRTY = {
    "问题描述": "资金\x00公示不及时",
    "问题编号": "T2018-\x00001",
    "乡镇": "枞阳镇\x1b",
    "责任单位": "党委\x08办公室",
    "责任人": "李\x7f主任",
    "整改措施": "建立台账\x85逐项整改",
}


def dirty_ledger() -> tuple[bytes, dict[str, int]]:
    """A ledger whose rows 3.. each carry one dirty cell; the Excel row of each column's."""
    records = problem_records(len(DIRTY) + 2)
    rows = {}
    for offset, (column, value) in enumerate(DIRTY.items(), start=1):
        records[offset][column] = value
        rows[column] = offset + 2  # the header is row 1, records start at row 2
    return xlsx_bytes(sheet(PROBLEMS.name, records)), rows


def test_control_characters_are_row_errors(seeded_engine: Engine) -> None:
    """Each dirty cell is a row error naming its column; the clean rows go through."""
    data, rows = dirty_ledger()
    with session_scope(seeded_engine) as session:
        parsed = parse_ledger(data, "台账.xlsx", session=session)
    found = {(e.row, e.column) for e in parsed.errors if REASON in e.reason}
    assert found == {(row, column) for column, row in rows.items()}
    assert all("\x00" not in e.value for e in parsed.errors)
    assert len(parsed.problems) == 2


def test_the_command_line_reports_them_as_json_and_writes_nothing(
    writable_seeded_engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit code 1 with the errors in JSON, nothing stored, on either database."""
    path = tmp_path / "台账.xlsx"
    path.write_bytes(dirty_ledger()[0])
    before = dump_tables(writable_seeded_engine)
    url = writable_seeded_engine.url.render_as_string(hide_password=False)
    code = main(["import", str(path), "--json", "--database-url", url])
    report = json.loads(capsys.readouterr().out)
    assert code == 1 and report["applied"] is False
    assert sum(REASON in error["reason"] for error in report["errors"]) == len(DIRTY)
    assert dump_tables(writable_seeded_engine) == before
