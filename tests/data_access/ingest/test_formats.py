"""Every spreadsheet an office has — xlsx, xls, xlsb, ods, CSV in any encoding — reads alike."""

from __future__ import annotations

import io
from collections.abc import Callable

import pandas as pd
import pytest
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import CoveredTableCell, Table, TableCell, TableRow

from data_access.ingest.csv_text import decode_csv, read_csv
from data_access.ingest.errors import FileRejectedError
from data_access.ingest.safety import check_upload
from data_access.ingest.spreadsheet import load_spreadsheet
from i18n import t
from tests.support.ledger_files import (
    FRAMES,
    PROBLEMS,
    Parse,
    SheetData,
    csv_bytes,
    ledger_sheets,
    xlsx_bytes,
)
from tests.support.ledger_formats import ods_bytes, ods_text_cell, xls_bytes, xlsb_bytes

Writer = Callable[..., bytes]
WORKBOOKS: dict[str, Writer] = {
    "台账.xlsx": xlsx_bytes,
    "台账.xls": xls_bytes,
    "台账.xlsb": xlsb_bytes,
    "台账.ods": ods_bytes,
}
# One sheet as text: Excel's "Unicode text" (UTF-16, tabs), its GBK "CSV", and "CSV UTF-8".
TEXTS: dict[str, Callable[[SheetData], bytes]] = {
    "台账.txt": lambda data: csv_bytes(data, "utf-16", "\t"),
    "台账.csv": lambda data: csv_bytes(data, "gbk"),
    "台账_utf8.csv": lambda data: csv_bytes(data, "utf-8-sig"),
    "台账_分号.csv": lambda data: csv_bytes(data, "gb18030", ";"),
}


def assert_same_frames(parsed, reference) -> None:
    """Identical valid rows on every sheet, and identical errors."""
    for name in FRAMES:
        pd.testing.assert_frame_equal(getattr(parsed, name), getattr(reference, name))
    assert parsed.errors == reference.errors


def test_the_same_ledger_in_every_workbook_format_parses_identically(parse: Parse) -> None:
    sheets = ledger_sheets()
    reference = parse(xlsx_bytes(*sheets), "台账.xlsx")
    assert reference.errors == []
    assert [len(reference.problems), len(reference.accountability), len(reference.leads)] == [
        24,
        5,
        3,
    ]
    for file_name, writer in WORKBOOKS.items():
        assert_same_frames(parse(writer(*sheets), file_name), reference)


def test_the_same_sheet_as_text_in_every_encoding_parses_identically(parse: Parse) -> None:
    problems = ledger_sheets()[0]
    reference = parse(xlsx_bytes(problems), "台账.xlsx")
    assert reference.errors == [] and len(reference.problems) == 24
    for file_name, writer in TEXTS.items():
        parsed = parse(writer(problems), file_name)
        assert_same_frames(parsed, reference)
        assert parsed.notices[0].startswith("CSV 文件按")


def test_the_csv_notice_names_the_encoding_and_the_separator(parse: Parse) -> None:
    problems = ledger_sheets()[0]
    notices = {name: parse(writer(problems), name).notices[0] for name, writer in TEXTS.items()}
    assert notices["台账.txt"] == "CSV 文件按 UTF-16（Unicode 文本） 编码读取，分隔符为制表符。"
    assert notices["台账.csv"] == "CSV 文件按 GBK/GB18030 编码读取，分隔符为逗号。"
    assert notices["台账_utf8.csv"] == "CSV 文件按 UTF-8（带 BOM） 编码读取，分隔符为逗号。"
    assert notices["台账_分号.csv"] == "CSV 文件按 GBK/GB18030 编码读取，分隔符为分号。"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_detected(encoding: str) -> None:
    text = "问题编号\t乡镇\r\nA-1\t钱桥镇\r\n"
    data = text.encode(encoding)
    assert check_upload(data, file_name="台账.txt") == "csv"
    assert decode_csv(data) == (text, encoding)
    assert read_csv(data).rows == [["问题编号", "乡镇"], ["A-1", "钱桥镇"]]


def test_bytes_that_are_no_text_in_any_office_encoding_are_refused() -> None:
    with pytest.raises(FileRejectedError) as caught:
        decode_csv(bytes(range(0x81, 0xFF)) * 8)
    assert caught.value.message == t("ingest.file.encoding")


def test_merged_ranges_are_reported_where_the_format_records_them() -> None:
    data = ledger_sheets()[0]
    data.titles = ["台账标题", "填报单位：县委巡察办"]
    width = len(data.headers)
    expected = ((0, 0, 0, width - 1), (1, 0, 1, width - 1))
    for file_name, writer in WORKBOOKS.items():
        content = writer(data)
        grid = load_spreadsheet(content, check_upload(content, file_name=file_name)).grids[0]
        assert grid.name == PROBLEMS.name
        assert grid.rows[0][0] == "台账标题" and grid.rows[2][1] == "问题编号"
        # calamine reports no merges of an xlsb (and pyxlsbwriter cannot write any).
        assert grid.merged == (() if file_name.endswith(".xlsb") else expected), file_name


def test_ods_merges_are_placed_past_repeated_rows_and_cells() -> None:
    document = OpenDocumentSpreadsheet()
    table = Table(name=PROBLEMS.name)
    first = [ods_text_cell("A", numberrowsspanned=2), TableCell(numbercolumnsrepeated=2)]
    cells = [
        [*first, ods_text_cell("B", numbercolumnsspanned=2), CoveredTableCell()],
        [CoveredTableCell(), ods_text_cell("x")],
        [TableCell()],  # this row repeated three times
        [ods_text_cell("C", numbercolumnsspanned=3), CoveredTableCell(numbercolumnsrepeated=2)],
    ]
    for number, row_cells in enumerate(cells):
        row = TableRow(numberrowsrepeated=3) if number == 2 else TableRow()
        for cell in row_cells:
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    out = io.BytesIO()
    document.write(out)
    grid = load_spreadsheet(out.getvalue(), "ods").grids[0]
    assert grid.merged == ((0, 0, 1, 0), (0, 3, 0, 4), (5, 0, 5, 2))
    assert grid.rows[0][:4] == ["A", "", "", "B"] and grid.rows[5][0] == "C"
