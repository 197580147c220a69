"""The same SheetData written as .xls (xlwt), .xlsb (pyxlsbwriter) and .ods (odfpy).

Each writer is a real third-party writer of its format, so the tests read files as an office
would send them; title rows are merged across the header's width wherever the format can.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import CoveredTableCell, Table, TableCell, TableRow
from odf.text import P
from pyxlsbwriter import XlsbWriter

from tests.support.ledger_files import SheetData


def _width(data: SheetData) -> int:
    """Columns a title row is merged across (at least two)."""
    return max(len(data.headers), 2)


def xls_bytes(*sheets: SheetData) -> bytes:
    """A real Excel 97-2003 workbook (BIFF8); dates as Excel dates."""
    workbook = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for data in sheets:
        worksheet = workbook.add_sheet(data.name)
        for row, title in enumerate(data.titles):
            worksheet.write_merge(row, row, 0, _width(data) - 1, title)
        top = len(data.titles)
        for column, header in enumerate(data.headers):
            worksheet.write(top, column, header)
        for offset, cells in enumerate(data.rows, start=top + 1):
            for column, value in enumerate(cells):
                if isinstance(value, date):
                    worksheet.write(offset, column, value, date_style)
                elif value is not None:
                    worksheet.write(offset, column, value)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsb_bytes(*sheets: SheetData) -> bytes:
    """A real Excel binary workbook; dates as Excel dates. (pyxlsbwriter cannot merge cells.)"""
    out = io.BytesIO()
    with XlsbWriter(out) as writer:
        for data in sheets:
            writer.add_sheet(data.name)
            titles = [[title] + [None] * (_width(data) - 1) for title in data.titles]
            writer.write_sheet([*titles, list(data.headers), *data.rows])
    return out.getvalue()


def ods_bytes(*sheets: SheetData) -> bytes:
    """A real OpenDocument spreadsheet; dates as date cells, titles merged (spanned)."""
    document = OpenDocumentSpreadsheet()
    for data in sheets:
        table = Table(name=data.name)
        for title in data.titles:
            row = TableRow()
            row.addElement(_ods_cell(title, numbercolumnsspanned=_width(data)))
            for _ in range(_width(data) - 1):
                row.addElement(CoveredTableCell())
            table.addElement(row)
        for cells in [data.headers, *data.rows]:
            row = TableRow()
            for value in cells:
                row.addElement(_ods_cell(value))
            table.addElement(row)
        document.spreadsheet.addElement(table)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def ods_text_cell(text: str, **attributes: object) -> TableCell:
    """An ODS cell holding text."""
    return _ods_cell(text, **attributes)


def _ods_cell(value: object, **attributes: object) -> TableCell:
    """One ODS cell holding value as its own type (text, number, date) or nothing."""
    if value is None:
        return TableCell(**attributes)
    if isinstance(value, date):
        cell = TableCell(valuetype="date", datevalue=value.isoformat(), **attributes)
    elif isinstance(value, int | float):
        cell = TableCell(valuetype="float", value=value, **attributes)
    else:
        cell = TableCell(valuetype="string", **attributes)
    cell.addElement(P(text=str(value)))
    return cell


# An Excel-encrypted .xls (tests/fixtures/README.md) and the sentence that refuses it.
ENCRYPTED_XLS = Path(__file__).resolve().parents[1] / "fixtures" / "encrypted_rc4.xls"
ENCRYPTED = "文件已加密：请在 Excel/WPS 中取消密码后另存再上传"
