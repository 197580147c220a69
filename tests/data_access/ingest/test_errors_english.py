"""The upload in English: row errors, refusals and notices read in the reader's language.

The file stays Chinese (headers, sheet names, values): only what we say about it changes.
"""

from __future__ import annotations

import re

import pytest

from data_access.ingest.columns import PROBLEMS
from data_access.ingest.errors import FileRejectedError, RowError
from data_access.ingest.parse import ParsedLedger
from data_access.ingest.preview import errors_frame
from data_access.ingest.safety import check_upload
from i18n import use_language
from tests.support.ledger_files import Parse, csv_bytes, problem_records, sheet, xlsx_bytes

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SHEET = PROBLEMS.name


def parse_in_english(parse: Parse, data: bytes, **options: object) -> ParsedLedger:
    """parse_ledger of data with the UI in English."""
    with use_language("en"):
        return parse(data, **options)


def spoiled(**first_row: object) -> bytes:
    """A 3-row problems sheet, all in progress, whose first row (Excel row 2) has first_row."""
    records = problem_records(3)
    for record in records:
        record.update({"整改状态": "正在整改", "完成日期": None, "是否销号": "否"})
    records[0].update(first_row)
    return xlsx_bytes(sheet(SHEET, records))


def by_column(errors: list[RowError]) -> dict[str, RowError]:
    """The errors keyed by the column they sit in."""
    return {error.column: error for error in errors}


def without_data(text: str, error: RowError) -> str:
    """text less the data values it quotes (sheet name, header, the cell as written)."""
    for value in (error.sheet, error.column, error.value):
        text = text.replace(value, "") if value else text
    return text


def test_a_bad_spreadsheet_reports_sheet_row_column_and_reason_in_english(parse: Parse) -> None:
    data = spoiled(**{"发现日期": "2018/13/8", "挽回损失(元)": "-100", "是否销号": "也许"})
    errors = by_column(parse_in_english(parse, data).errors)
    assert errors["发现日期"] == RowError(
        SHEET, 2, "发现日期", "2018/13/8", "Not a valid date (write e.g. 2018-06-08 or 2018/6/8)"
    )
    assert errors["挽回损失(元)"].reason == "Must not be negative"
    assert errors["是否销号"].reason == "Must be yes or no"
    with use_language("en"):
        line = errors["发现日期"].describe()
    assert line == (
        "Sheet “整改台账”, row 2, column “发现日期”: "
        "Not a valid date (write e.g. 2018-06-08 or 2018/6/8)"
    )
    for error in errors.values():
        assert not CJK.search(without_data(error.reason, error)), error.reason


def test_reasons_fill_their_placeholders_in_english(parse: Parse) -> None:
    data = spoiled(**{"乡镇": "雨潭乡", "整改状态": "差不多", "问题编号": "T2018-000002"})
    errors = by_column(parse_in_english(parse, data).errors)
    assert errors["乡镇"].reason == "Unknown township “雨潭乡”; did you mean: 雨坛乡?"
    assert errors["整改状态"].reason.startswith("Not a valid “整改状态”; use one of: ")
    assert "已完成" in errors["整改状态"].reason  # the labels the file may use stay Chinese
    assert errors["问题编号"].reason == (
        "“T2018-000002” appears more than once in this file (rows 2, 3)"
    )


def test_chinese_labels_are_read_whatever_the_ui_language(parse: Parse) -> None:
    records = problem_records(8)
    parsed = parse_in_english(parse, xlsx_bytes(sheet(SHEET, records)))
    assert parsed.errors == []
    assert set(parsed.problems["status"]) <= {
        "rectified",
        "basically_done",
        "in_progress",
        "not_started",
    }


def test_whole_file_errors_and_notices_are_in_english(parse: Parse) -> None:
    data = csv_bytes(sheet(SHEET, problem_records(2)), "utf-8-sig")
    parsed = parse_in_english(parse, data, file_name="ledger.csv", round_id=99_999)
    assert parsed.notices == ["The CSV file was read as UTF-8 (with BOM), separated by commas."]
    assert [error.reason for error in parsed.errors] == [
        "The chosen inspection round (id 99999) does not exist."
    ]
    with use_language("en"):
        assert parsed.errors[0].describe().startswith("File: ")
        assert errors_frame(parsed.errors).columns.tolist() == [
            "Sheet", "Row", "Column", "Value", "Reason",
        ]  # fmt: skip


def test_refusals_are_in_english() -> None:
    with use_language("en"), pytest.raises(FileRejectedError) as caught:
        check_upload(b"x" * 2_000_000, max_bytes=1024 * 1024)
    assert caught.value.message == (
        "The file is too large (1.9 MB); the limit is 1 MB. Remove unneeded sheets or "
        "pictures and upload it again."
    )
    with use_language("en"), pytest.raises(FileRejectedError) as caught:
        check_upload(b"")
    assert not CJK.search(caught.value.message)


def test_the_same_file_still_reports_in_chinese_by_default(parse: Parse) -> None:
    error = by_column(parse(spoiled(**{"发现日期": "2018/13/8"})).errors)["发现日期"]
    assert error.describe() == (
        "工作表「整改台账」第 2 行「发现日期」：不是有效日期（可写成 2018-06-08 或 2018年6月8日）"
    )
