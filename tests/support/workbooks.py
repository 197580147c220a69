"""Helpers: the exported ledger workbook, edited the way a staff member would in Excel."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.exports.ledger import write_ledger_workbook
from data_access.ingest.parse import ParsedLedger, parse_ledger
from data_access.models import Problem

PROBLEMS_SHEET, ACCOUNTABILITY_SHEET, LEADS_SHEET = "整改台账", "问责情况", "移交线索"


def export_ledger(engine: Engine) -> bytes:
    """The stored ledger as the export writes it."""
    with session_scope(engine) as session:
        return write_ledger_workbook(session=session)


def parse_bytes(engine: Engine, data: bytes, file_name: str = "台账.xlsx") -> ParsedLedger:
    """parse_ledger in a read session of engine."""
    with session_scope(engine) as session:
        return parse_ledger(data, file_name, session=session)


def edit_workbook(data: bytes, edit: Callable[[openpyxl.Workbook], None]) -> bytes:
    """data with edit applied to its openpyxl workbook, saved again as xlsx."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    edit(workbook)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def headers(sheet: Worksheet) -> dict[str, int]:
    """Column number (1-based) of each header of a data sheet."""
    return {cell.value: cell.column for cell in sheet[1]}


def row_of(sheet: Worksheet, code: str, header: str = "问题编号") -> int:
    """The Excel row holding code in the column header."""
    column = headers(sheet)[header]
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, column).value == code:
            return row
    raise KeyError(code)


def set_cells(sheet: Worksheet, row: int, values: dict[str, Any]) -> None:
    """Write values (by header) into one row."""
    columns = headers(sheet)
    for header, value in values.items():
        sheet.cell(row, columns[header], value)


def copy_row(sheet: Worksheet, source_row: int, changes: dict[str, Any]) -> int:
    """Append a copy of source_row with changes (by header); returns the new row number."""
    target = sheet.max_row + 1
    for column in range(1, sheet.max_column + 1):
        source = sheet.cell(source_row, column)
        sheet.cell(target, column, source.value).number_format = source.number_format
    set_cells(sheet, target, changes)
    return target


def open_problem_codes(engine: Engine, count: int) -> list[str]:
    """The first count problems still in progress, in ledger order."""
    with session_scope(engine) as session:
        query = select(Problem.code).where(Problem.status == "in_progress").order_by(Problem.id)
        return list(session.scalars(query.limit(count)))


def rectify(sheet: Worksheet, code: str, day: str = "2018-08-06") -> None:
    """Mark one problem of the problems sheet rectified on day."""
    set_cells(sheet, row_of(sheet, code), {"整改状态": "已完成", "完成日期": day})
