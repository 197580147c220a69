"""The ledger workbook (xlsx): the stored data, or the empty template, in the import format.

Layout comes from data_access.ingest.columns, so an exported workbook imports unchanged.
Every text cell is written as a string, never a formula; text that a spreadsheet could take
for a formula (starting with = + - @ tab or CR) gets a leading apostrophe, the usual escape.
"""

from __future__ import annotations

import io
import unicodedata
from datetime import date
from typing import Any

import xlsxwriter
from sqlmodel import Session

from data_access.codes import (
    ACCOUNTABILITY_CATEGORIES,
    FOCUS_AREAS,
    FORMS,
    LEAD_OUTCOMES,
    SOURCES,
    STATUSES,
)
from data_access.filters import Filter
from data_access.ingest.cell_text import escape_text
from data_access.ingest.columns import (
    INSTRUCTIONS_SHEET,
    REGIONS,
    SHEETS,
    TOWNSHIP_KIND_CODES,
    ColumnSpec,
    SheetSpec,
)
from data_access.ingest.sheet_rows import (
    NO,
    YES,
    fetch_group_names,
    fetch_round_names,
    fetch_sheet_rows,
    fetch_township_names,
)
from data_access.regions.sheet import REGION_NOTES, fetch_region_rows

LISTS_SHEET = "下拉选项"
LAST_ROW = 1_048_575  # Excel's last row (0-based): drop-downs cover the whole column
MIN_WIDTH, MAX_WIDTH = 8, 48
DATE_FORMAT = "yyyy-mm-dd"
DATE_NOTE = "日期：如 2018-06-08；也可写 2018/6/8、2018.6.8、2018年6月8日，或用 Excel 日期格式"
KIND_NOTES = {
    "text": "文字",
    "int": "整数，如 3",
    "yuan": "金额（元）：整数，如 12000；也可写 12,000元、1.2万、3.5万元",
    "bool": "填“是”或“否”",
    "date": DATE_NOTE,
}
INTRO = (
    "整改台账导入模板：每个数据工作表的第一行是表头，请勿改动；从第二行起每行一条记录。"
    "红色表头为必填列。同一问题编号再次导入时更新原记录，不会重复新增。"
)
REGIONS_INTRO = (
    "行政区划导入模板：每个村一行（乡镇各列重复），或只登记乡镇时“村”留空。红色表头为必填列。"
    "再次导入时只新增和修改，不删除；撤并的乡镇填写停用日期和“并入”，原记录保留。"
)
FIELD_NOTES = {
    "seq": "序号，仅便于查看，导入时不使用",
    "code": "唯一编号：系统中已有的编号会更新该行，新编号会新增一行",
    "group": "巡察组名称，须为该轮次已登记的巡察组，如 第一巡察组",
    "township": "乡镇名称（下拉选择）；旧名、别名如 欧山镇、雨坛镇 也能识别",
    "village": "村（社区）名称，须为该乡镇已登记的村；可留空",
    "round": "巡察轮次名称；留空则归入上传时所选的轮次（默认最近一轮）",
    "problem_code": "关联的问题编号，须为本文件或系统中已有的问题",
    "found_on": DATE_NOTE + "；留空则取本轮巡察反馈日期",
    "rectified_on": DATE_NOTE + "；整改状态为“已完成”时必填",
    "person_name": "被问责人姓名；组织问责填组织名称",
}


def write_ledger_workbook(
    *, session: Session, flt: Filter | None = None, empty: bool = False
) -> bytes:
    """The ledger workbook as xlsx bytes: stored rows (flt) or, with empty, the template.

    Either way a 行政区划 sheet lists the stored regions (within flt's scope), as a
    reference of the names the ledger may use and as the regions upload's template.
    """
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    choices = _choice_lists(session)
    for sheet in SHEETS:
        rows = [] if empty else fetch_sheet_rows(sheet, session=session, flt=flt)
        _write_data_sheet(workbook, sheet, rows, choices)
    _write_instructions(workbook, choices, (*SHEETS, REGIONS))
    scope = flt.scope if flt is not None else None
    _write_data_sheet(workbook, REGIONS, fetch_region_rows(session=session, scope=scope), choices)
    _write_lists_sheet(workbook, choices)  # referenced by name, so it may come last
    workbook.close()
    return buffer.getvalue()


def write_regions_workbook(*, session: Session, scope: tuple[int, ...] | None = None) -> bytes:
    """The regions workbook (行政区划 sheet filled from the store, and its 填写说明) as xlsx."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    choices = _choice_lists(session)
    _write_data_sheet(workbook, REGIONS, fetch_region_rows(session=session, scope=scope), choices)
    _write_instructions(workbook, choices, (REGIONS,))
    _write_lists_sheet(workbook, choices)
    workbook.close()
    return buffer.getvalue()


def _choice_lists(session: Session) -> dict[str, list[str]]:
    """Drop-down values by field: names from the database, labels from codes.py."""
    return {
        "township": fetch_township_names(session=session),
        "group": fetch_group_names(session=session),
        "round": fetch_round_names(session=session),
        "focus_area": list(FOCUS_AREAS.values()),
        "source": list(SOURCES.values()),
        "status": list(STATUSES.values()),
        "category": list(ACCOUNTABILITY_CATEGORIES.values()),
        "form": list(FORMS.values()),
        "outcome": list(LEAD_OUTCOMES.values()),
        "bool": [YES, NO],
        "kind": list(TOWNSHIP_KIND_CODES),
    }


def _choices_for(
    spec: ColumnSpec, choices: dict[str, list[str]], sheet: SheetSpec | None = None
) -> str | None:
    """The key into choices of a column's drop-down, or None (regions are names to enter)."""
    if spec.kind == "bool":
        return "bool"
    if sheet is REGIONS and spec.kind != "code":
        return None
    return spec.field if spec.field in choices else None


def _write_lists_sheet(workbook: Any, choices: dict[str, list[str]]) -> None:
    """A hidden sheet holding one column per drop-down list."""
    sheet = workbook.add_worksheet(LISTS_SHEET)
    for col, (key, values) in enumerate(choices.items()):
        sheet.write_string(0, col, key)
        for row, value in enumerate(values, start=1):
            sheet.write_string(row, col, escape_text(value))
    sheet.hide()


def _list_range(choices: dict[str, list[str]], key: str) -> str:
    """The absolute range of one list on the lists sheet, for a validation source."""
    col = list(choices).index(key)
    letter = xlsxwriter.utility.xl_col_to_name(col)
    return f"='{LISTS_SHEET}'!${letter}$2:${letter}${max(2, len(choices[key]) + 1)}"


def _write_data_sheet(
    workbook: Any, spec: SheetSpec, rows: list[list[Any]], choices: dict[str, list[str]]
) -> None:
    """One data sheet: bold frozen header, typed cells, drop-downs, widths."""
    sheet = workbook.add_worksheet(spec.name)
    formats = _formats(workbook)
    for col, column in enumerate(spec.columns):
        header_format = formats["required"] if column.required else formats["header"]
        sheet.write_string(0, col, column.header, header_format)
        key = _choices_for(column, choices, spec)
        if key is not None:
            sheet.data_validation(1, col, LAST_ROW, col, _validation(column, choices, key))
    for row_index, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            _write_cell(sheet, row_index, col, value, formats)
    for col, column in enumerate(spec.columns):
        sheet.set_column(col, col, _width(column, [row[col] for row in rows]))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(rows), 1), len(spec.columns) - 1)


def _validation(column: ColumnSpec, choices: dict[str, list[str]], key: str) -> dict[str, Any]:
    """A list validation; a warning (not a stop) so accepted variants can still be typed."""
    return {
        "validate": "list",
        "source": _list_range(choices, key),
        "error_type": "warning",
        "error_title": "不在可选值中",
        "error_message": f"「{column.header}」请从下拉列表中选择。",
        "ignore_blank": True,
    }


def _formats(workbook: Any) -> dict[str, Any]:
    """The cell formats of a data sheet (xlsxwriter de-duplicates repeated formats)."""
    return {
        "header": workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1}),
        "required": workbook.add_format(
            {"bold": True, "bg_color": "#FCE4D6", "border": 1, "font_color": "#9C0006"}
        ),
        "date": workbook.add_format({"num_format": DATE_FORMAT}),
        "int": workbook.add_format({"num_format": "0"}),
    }


def _write_cell(sheet: Any, row: int, col: int, value: Any, formats: dict[str, Any]) -> None:
    """One typed cell: real dates, integer numbers, escaped text, nothing for None."""
    if value is None or value == "":
        return
    if isinstance(value, bool):
        sheet.write_string(row, col, YES if value else NO)
    elif isinstance(value, date):
        sheet.write_datetime(row, col, value, formats["date"])
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, formats["int"])
    else:
        sheet.write_string(row, col, escape_text(str(value)))


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _width(column: ColumnSpec, values: list[Any]) -> int:
    """A column width fitting the header and most values, within sensible bounds."""
    if column.kind == "date":
        return 12
    sample = [display_width(str(v)) for v in values[:500] if v is not None]
    widest = max([display_width(column.header), *sample])
    return max(MIN_WIDTH, min(MAX_WIDTH, widest + 2))


def _write_instructions(
    workbook: Any, choices: dict[str, list[str]], sheets: tuple[SheetSpec, ...]
) -> None:
    """The 填写说明 sheet: one row per column of every data sheet."""
    sheet = workbook.add_worksheet(INSTRUCTIONS_SHEET)
    bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    sheet.write_string(0, 0, REGIONS_INTRO if sheets == (REGIONS,) else INTRO)
    headers = ("工作表", "列名", "是否必填", "填写说明", "可选值")
    for col, header in enumerate(headers):
        sheet.write_string(2, col, header, bold)
    row = 3
    for spec in sheets:
        for column in spec.columns:
            key = _choices_for(column, choices, spec)
            allowed = "、".join(choices[key]) if key else ""
            note = REGION_NOTES[column.field] if spec is REGIONS else _column_note(column)
            cells = (spec.name, column.header, YES if column.required else NO,
                     note, allowed)  # fmt: skip
            for col, text in enumerate(cells):
                sheet.write_string(row, col, escape_text(text), wrap)
            row += 1
    for col, width in enumerate((12, 16, 10, 60, 60)):
        sheet.set_column(col, col, width)
    sheet.freeze_panes(3, 0)


def _column_note(column: ColumnSpec) -> str:
    """What to write in a column: its own note, else one for its kind."""
    if column.field in FIELD_NOTES:
        return FIELD_NOTES[column.field]
    if column.kind == "code":
        return "从下拉列表选择（也可写常见同义词，如 已整改 = 已完成）"
    return KIND_NOTES[column.kind]
