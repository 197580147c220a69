"""The ledger workbook: layout, drop-downs, typed cells and formula-injection safety."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl
import pytest
from openpyxl.utils.escape import unescape
from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from data_access.codes import STATUSES
from data_access.db import session_scope
from data_access.exports.ledger import LISTS_SHEET, write_ledger_workbook
from data_access.filters import Filter
from data_access.ingest.cell_text import escape_text, unescape_text
from data_access.ingest.columns import INSTRUCTIONS_SHEET, SHEETS
from data_access.models import Problem, Township

FORMULA_LIKE = ["=1+1", "+1", "-1", "@SUM(A1:A2)", "\t=1", "\r=1"]


def load(data: bytes) -> openpyxl.Workbook:
    """Open workbook bytes with openpyxl (formulas kept as written)."""
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.mark.parametrize("text", FORMULA_LIKE)
def test_escape_text_prefixes_formula_triggers(text: str) -> None:
    assert escape_text(text) == "'" + text
    assert unescape_text(escape_text(text)) == text


@pytest.mark.parametrize("text", ["整改完成", "1+1", "a=b", "", "'已转义"])
def test_escape_text_keeps_ordinary_text(text: str) -> None:
    assert escape_text(text) == text
    assert unescape_text(text) == text


def test_formula_like_text_is_written_as_escaped_text(writable_seeded_engine: Engine) -> None:
    with session_scope(writable_seeded_engine, write=True) as session:
        codes = session.scalars(select(Problem.code).order_by(Problem.id).limit(6)).all()
        for code, text in zip(codes, FORMULA_LIKE, strict=True):
            session.execute(
                update(Problem)
                .where(Problem.code == code)
                .values(description=text, recovered_yuan=-1, responsible_person="-张三")
            )
    with session_scope(writable_seeded_engine) as session:
        data = write_ledger_workbook(session=session)
    sheet = load(data)[SHEETS[0].name]
    headers = [cell.value for cell in sheet[1]]
    description, amount = headers.index("问题描述") + 1, headers.index("挽回损失(元)") + 1
    person = headers.index("责任人") + 1
    for row, text in enumerate(FORMULA_LIKE, start=2):
        cell = sheet.cell(row, description)
        # openpyxl leaves the OOXML escape of CR (_x000D_) in place; Excel and calamine do not.
        assert (cell.data_type, unescape(cell.value)) == ("s", "'" + text)
        assert sheet.cell(row, person).value == "'-张三"
        amount_cell = sheet.cell(row, amount)
        assert (amount_cell.data_type, amount_cell.value) == ("n", -1)
    formulas = [c.coordinate for r in sheet.iter_rows() for c in r if c.data_type == "f"]
    assert formulas == []


def test_export_holds_every_stored_row_in_canonical_order(seeded_engine: Engine) -> None:
    with session_scope(seeded_engine) as session:
        workbook = load(write_ledger_workbook(session=session))
        problem_count = len(session.scalars(select(Problem.id)).all())
    assert workbook.sheetnames[:4] == [s.name for s in SHEETS] + [INSTRUCTIONS_SHEET]
    for spec in SHEETS:
        sheet = workbook[spec.name]
        assert [c.value for c in sheet[1]] == spec.headers
        assert sheet.freeze_panes == "A2"
    assert workbook[SHEETS[0].name].max_row == problem_count + 1


def test_dates_are_excel_dates_and_amounts_integers(seeded_engine: Engine) -> None:
    with session_scope(seeded_engine) as session:
        sheet = load(write_ledger_workbook(session=session))[SHEETS[0].name]
        first = session.scalars(select(Problem).order_by(Problem.id).limit(1)).one()
    row = {h.value: c for h, c in zip(sheet[1], sheet[2], strict=True)}
    assert row["发现日期"].is_date
    assert row["发现日期"].value == datetime.combine(first.found_on, datetime.min.time())
    assert row["挽回损失(元)"].data_type == "n"
    assert row["挽回损失(元)"].value == first.recovered_yuan
    assert row["整改状态"].value == STATUSES[first.status]
    assert row["是否销号"].value == ("是" if first.closed else "否")


def test_template_has_headers_dropdowns_and_instructions(seeded_engine: Engine) -> None:
    with session_scope(seeded_engine) as session:
        workbook = load(write_ledger_workbook(session=session, empty=True))
        townships = session.scalars(select(Township.name).order_by(Township.sort_order)).all()
    problems = workbook[SHEETS[0].name]
    assert problems.max_row == 1
    lists = workbook[LISTS_SHEET]
    assert lists.sheet_state == "hidden"
    columns = {cells[0].value: [c.value for c in cells[1:] if c.value] for cells in lists.columns}
    assert columns["township"] == list(townships)
    # The demo round's categories, as the round names them (the newest round with any).
    assert columns["focus_area"] == [
        "扶贫工作主体责任落实", "扶贫工作监督责任落实", "扶贫工作任务推进", "扶贫资金项目落实",
        "扶贫领域“四风”",
    ]  # fmt: skip
    validated = {str(v.sqref).split(":")[0][:-1] for v in problems.data_validations.dataValidation}
    headers = {c.value: c.column_letter for c in problems[1]}
    for header in ("乡镇", "问题类别", "问题来源", "整改状态", "是否销号", "巡察组", "巡察轮次"):
        assert headers[header] in validated, header
    notes = workbook[INSTRUCTIONS_SHEET]
    described = {(r[0].value, r[1].value) for r in notes.iter_rows(min_row=4)}
    assert {(s.name, c.header) for s in SHEETS for c in s.columns} <= described


@pytest.mark.parametrize("empty", [True, False], ids=["template", "export"])
def test_a_scoped_workbook_names_only_the_scope_townships(
    seeded_engine: Engine, empty: bool
) -> None:
    """Finding 10 of issue 18: the hidden 下拉选项 sheet listed all 22 townships; a township
    merged into the scope's is outside it too (its rows are refused, its figures not shown)."""
    with session_scope(seeded_engine) as session:
        towns = session.execute(select(Township.id, Township.name, Township.merged_into_id)).all()
        mine = towns[0].id
        workbook = load(
            write_ledger_workbook(session=session, flt=Filter(scope=(mine,)), empty=empty)
        )
    allowed = {name for tid, name, _ in towns if tid == mine}
    assert any(merged == mine for _, _, merged in towns), "the demo merges one into it"
    foreign = {name for _, name, _ in towns} - allowed
    cells = {
        str(cell.value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
    }
    assert not {name for name in foreign if any(name in text for text in cells)}
    assert allowed <= cells


def test_template_of_an_empty_store_still_opens(empty_engine: Engine) -> None:
    with session_scope(empty_engine) as session:
        workbook = load(write_ledger_workbook(session=session, empty=True))
    assert [c.value for c in workbook[SHEETS[1].name][1]] == SHEETS[1].headers


def test_filter_narrows_the_export(seeded_engine: Engine) -> None:
    with session_scope(seeded_engine) as session:
        township = session.scalars(select(Township).order_by(Township.sort_order)).first()
        wanted = session.scalars(
            select(Problem.code).where(Problem.township_id == township.id).order_by(Problem.id)
        ).all()
        flt = Filter().with_(townships=(township.id,))
        sheet = load(write_ledger_workbook(session=session, flt=flt))[SHEETS[0].name]
    codes = [row[1].value for row in sheet.iter_rows(min_row=2)]
    assert codes == list(wanted)
    assert {row[3].value for row in sheet.iter_rows(min_row=2)} == {township.name}
    found_on = SHEETS[0].headers.index("发现日期") + 1
    assert isinstance(sheet.cell(2, found_on).value, datetime | date)
