"""The ledger workbook (xlsx): the stored data, or the empty template, in the import format.

Layout comes from data_access.ingest.columns, so an exported workbook imports unchanged.
The workbook is Chinese whatever the UI language: its headers, drop-down values and notes
are the office's interchange format and the parser's input.
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

from data_access.categories import fetch_category_names
from data_access.codes import (
    ACCOUNTABILITY_CATEGORIES,
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
    newest_round_with_categories,
)
from data_access.regions.sheet import REGION_NOTES, fetch_region_rows
from i18n import t, use_language

TEMPLATE_LANGUAGE = "zh"  # the interchange format: the parser reads Chinese headers and values
LISTS_SHEET = "下拉选项"  # i18n-data: a sheet name of the interchange format
LAST_ROW = 1_048_575  # Excel's last row (0-based): drop-downs cover the whole column
MIN_WIDTH, MAX_WIDTH = 8, 48
DATE_FORMAT = "yyyy-mm-dd"
# Columns with a note of their own (catalogue "exports.template.field.<field>"); the others
# get the note of their kind ("exports.template.kind.<kind>").
NOTED_FIELDS = frozenset(
    {"seq", "code", "group", "township", "village", "round", "problem_code"}
    | {"found_on", "rectified_on", "recovered_on", "rules_improved_on", "person_name"}
)
INSTRUCTION_HEADERS = ("sheet", "column", "required", "note", "allowed")


def write_ledger_workbook(
    *,
    session: Session,
    flt: Filter | None = None,
    empty: bool = False,
    round_id: int | None = None,
) -> bytes:
    """The ledger workbook as xlsx bytes: stored rows (flt) or, with empty, the template.

    Either way a 行政区划 sheet lists the stored regions (within flt's scope), as a
    reference of the names the ledger may use and as the regions upload's template. The
    问题类别 drop-down lists the categories of round_id, else of flt's rounds, else of
    the newest round that has categories.
    """
    with use_language(TEMPLATE_LANGUAGE):
        return _ledger_workbook(session, flt, empty, round_id)


def _ledger_workbook(
    session: Session, flt: Filter | None, empty: bool, round_id: int | None
) -> bytes:
    """write_ledger_workbook's body, run in the template's language."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    scope = flt.scope if flt is not None else None
    choices = _choice_lists(session, scope, _category_rounds(session, flt, round_id))
    for sheet in SHEETS:
        rows = [] if empty else fetch_sheet_rows(sheet, session=session, flt=flt)
        _write_data_sheet(workbook, sheet, rows, choices)
    _write_instructions(workbook, choices, (*SHEETS, REGIONS))
    _write_data_sheet(workbook, REGIONS, fetch_region_rows(session=session, scope=scope), choices)
    _write_lists_sheet(workbook, choices)  # referenced by name, so it may come last
    workbook.close()
    return buffer.getvalue()


def write_regions_workbook(*, session: Session, scope: tuple[int, ...] | None = None) -> bytes:
    """The regions workbook (行政区划 sheet filled from the store, and its 填写说明) as xlsx."""
    buffer = io.BytesIO()
    with use_language(TEMPLATE_LANGUAGE):
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        choices = _choice_lists(session, scope, ())
        regions = fetch_region_rows(session=session, scope=scope)
        _write_data_sheet(workbook, REGIONS, regions, choices)
        _write_instructions(workbook, choices, (REGIONS,))
        _write_lists_sheet(workbook, choices)
        workbook.close()
    return buffer.getvalue()


def _category_rounds(session: Session, flt: Filter | None, round_id: int | None) -> tuple:
    """The rounds whose categories the template offers (see write_ledger_workbook)."""
    if round_id is not None:
        return (round_id,)
    if flt is not None and flt.rounds:
        return flt.rounds
    newest = newest_round_with_categories(session=session)
    return () if newest is None else (newest,)


def _choice_lists(
    session: Session, scope: tuple[int, ...] | None, category_rounds: tuple
) -> dict[str, list[str]]:
    """Drop-down values by field: names from the database (townships within scope), labels
    from codes.py; the categories (as the office writes them) of category_rounds (none
    for ())."""
    categories = fetch_category_names(session=session, round_ids=category_rounds)
    return {
        "township": fetch_township_names(session=session, scope=scope),
        "group": fetch_group_names(session=session),
        "round": fetch_round_names(session=session),
        "focus_area": list(categories.values()) if category_rounds else [],
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
        "error_title": t("exports.template.not_allowed"),
        "error_message": t("exports.template.pick_from_list", column=column.header),
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
    intro = "regions_intro" if sheets == (REGIONS,) else "intro"
    sheet.write_string(0, 0, t(f"exports.template.{intro}"))
    for col, header in enumerate(INSTRUCTION_HEADERS):
        sheet.write_string(2, col, t(f"exports.template.header.{header}"), bold)
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
    date_note = t("exports.template.kind.date")
    if column.field in NOTED_FIELDS:
        return t(f"exports.template.field.{column.field}", date_note=date_note)
    return t(f"exports.template.kind.{column.kind}", date_note=date_note)
