"""Reading real files: encodings, title rows, header variants, sheet names, formulas, blank rows."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pandas as pd
import pytest
import xlsxwriter

from data_access.ingest.csv_text import decode_csv
from data_access.ingest.errors import FileRejectedError
from data_access.ingest.read import read_workbook
from i18n import t
from tests.support.ledger_files import (
    PROBLEMS,
    Parse,
    SheetData,
    csv_bytes,
    problem_records,
    rewrite_zip,
    sheet,
    xlsx_bytes,
)

SHORT_HEADERS = ["问题编号", "乡镇", "问题类别", "问题描述", "整改状态", "发现日期", "完成日期"]


def short_sheet(count: int = 3, **overrides: object) -> SheetData:
    """A problems sheet with a few columns; overrides replace cells of the first row."""
    records = problem_records(count)
    records[0].update(overrides)
    return sheet(PROBLEMS.name, records, SHORT_HEADERS)


def test_csv_encodings_are_detected_not_guessed() -> None:
    text = "问题编号,乡镇\nA-1,钱桥镇\n"
    assert decode_csv(text.encode("utf-8-sig")) == (text, "utf-8-sig")
    assert decode_csv(text.encode("utf-8")) == (text, "utf-8")
    assert decode_csv(text.encode("gbk")) == (text, "gb18030")
    assert decode_csv(text.encode("gb18030")) == (text, "gb18030")
    with pytest.raises(FileRejectedError) as caught:
        decode_csv(b"\xa1\xa1\xff\xfe\x80")
    assert caught.value.message == t("ingest.file.encoding")


def test_gbk_utf8_and_bom_csvs_of_the_same_content_parse_identically(parse: Parse) -> None:
    data = sheet(PROBLEMS.name, problem_records(12))
    data.rows[3][PROBLEMS.headers.index("乡镇")] = "欧山镇"  # a character outside ASCII-ish
    results = [
        parse(csv_bytes(data, encoding), "台账.csv")
        for encoding in ("utf-8", "utf-8-sig", "gbk", "gb18030")
    ]
    assert results[0].errors == []
    assert len(results[0].problems) == 12
    for other in results[1:]:
        pd.testing.assert_frame_equal(other.problems, results[0].problems)
        assert other.errors == results[0].errors
    assert "GBK/GB18030" in results[2].notices[0]


def test_the_header_is_found_below_merged_title_rows(parse: Parse) -> None:
    data = short_sheet()
    data.titles = ["枞阳县脱贫攻坚专项巡察整改台账", "填报单位：县委巡察办    截至2018年8月"]
    parsed = parse(xlsx_bytes(data))
    assert parsed.errors == []
    assert parsed.problems["_row"].tolist() == [4, 5, 6]
    assert parsed.problems["code"].tolist() == ["T2018-000001", "T2018-000002", "T2018-000003"]


def test_a_csv_with_a_title_line_finds_its_header(parse: Parse) -> None:
    data = short_sheet()
    data.titles = ["整改台账（第一批）"]
    parsed = parse(csv_bytes(data, "gbk"), "台账.csv")
    assert parsed.errors == []
    assert parsed.problems["_row"].tolist() == [3, 4, 5]


def test_header_variants_and_a_wan_yuan_amount_column(parse: Parse) -> None:
    headers = [
        " 问题编号 ",
        "乡（镇）",
        "巡察重点",
        "问题表现",
        "整改进度",
        "发现时间",
        "整改完成时间",
        "挽回经济损失（万元）",
        "完善制度（项）",
    ]
    rows = [
        ["V-1", "钱桥镇", "主体责任", "描述", "已完成", date(2018, 6, 8), "2018.7.1", 1.2, "2项"],
        ["V-2", "义津镇", "四风", "描述", "整改中", "2018年6月9日", None, "3.5万", 0],
    ]
    parsed = parse(xlsx_bytes(SheetData("问题清单", headers, rows)))
    assert parsed.errors == []
    assert parsed.problems["recovered_yuan"].tolist() == [12_000, 35_000]
    assert parsed.problems["rules_improved"].tolist() == [2, 0]
    assert parsed.problems["rectified_on"].tolist() == [date(2018, 7, 1), None]


def test_an_unknown_column_with_data_waits_on_the_uploaders_yes(parse: Parse) -> None:
    """Nothing is dropped in silence: the column is named, and left out only when accepted."""
    data = short_sheet()
    data.headers.append("联系电话")
    for row in data.rows:
        row.append("随便写点什么")
    parsed = parse(xlsx_bytes(data))
    assert parsed.errors == [] and not parsed.is_valid
    assert [c.message for c in parsed.pending_consents] == [
        "工作表「整改台账」的列「联系电话」有数据，但不对应任何字段（未导入）。"
        "可在列对应中指定字段，或确认不导入。"
    ]
    assert parse(xlsx_bytes(data), accept_skips=True).is_valid


def test_an_unknown_empty_column_is_a_notice(parse: Parse) -> None:
    """A header over no data loses nothing: a notice, no consent needed."""
    data = short_sheet()
    data.headers.append("联系电话")
    for row in data.rows:
        row.append(None)
    parsed = parse(xlsx_bytes(data))
    assert parsed.is_valid
    assert "工作表「整改台账」中未识别的列已忽略：「联系电话」。" in parsed.notices


def test_a_sheet_with_an_unknown_name_is_found_by_its_headers(parse: Parse) -> None:
    data = short_sheet()
    data.name = "Sheet1"
    parsed = parse(xlsx_bytes(data, SheetData("说明", ["随便"], [["x"]])))
    assert parsed.errors == []
    assert len(parsed.problems) == 3
    assert [c.message for c in parsed.pending_consents] == [
        "工作表「说明」有数据，但认不出是台账（未导入）。确认不导入后才能提交。"
    ]


def test_blank_rows_are_skipped_and_row_numbers_stay_as_in_excel(parse: Parse) -> None:
    data = short_sheet()
    data.rows.insert(1, [None] * len(data.headers))
    data.rows.insert(2, ["  "] * len(data.headers))
    parsed = parse(xlsx_bytes(data))
    assert parsed.errors == []
    assert parsed.problems["_row"].tolist() == [2, 5, 6]


def test_a_total_row_is_skipped_with_a_notice(parse: Parse) -> None:
    data = short_sheet()
    data.rows.append([None, "合计", None, None, None, None, None])
    parsed = parse(xlsx_bytes(data))
    assert parsed.errors == []
    assert "工作表「整改台账」第 5 行是合计行，已跳过。" in parsed.notices


def test_a_header_only_sheet_is_refused_with_no_data_rows(parse: Parse) -> None:
    parsed = parse(xlsx_bytes(SheetData(PROBLEMS.name, SHORT_HEADERS, [])))
    assert [e.describe() for e in parsed.errors] == ["工作表「整改台账」：只有表头，没有数据行。"]


def test_a_sheet_without_any_known_header_is_reported(parse: Parse) -> None:
    parsed = parse(xlsx_bytes(SheetData(PROBLEMS.name, ["甲", "乙"], [["1", "2"]])))
    assert [e.reason for e in parsed.errors] == ["前 20 行中找不到表头行（列名）。"]
    plain = parse("名字,年龄\n张三,30\n".encode(), "通讯录.csv")
    assert [e.reason for e in plain.errors] == [
        "文件中找不到台账：没有一个工作表含有“问题编号”“乡镇”等列名。请使用下载的模板填写。"
    ]


def test_formulas_are_never_evaluated(parse: Parse) -> None:
    """A cached formula result is used as is; a formula without one is read as its text."""
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = PROBLEMS.name
    worksheet.append([*SHORT_HEADERS, "挽回损失(元)"])
    worksheet.append(["F-1", "钱桥镇", "主体责任", '=HYPERLINK("http://x","点我")', "未启动"])
    worksheet.append(["F-2", "钱桥镇", "主体责任", "描述", "未启动", None, None, "=1+2"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    parsed = parse(buffer.getvalue())
    assert [(e.row, e.column, e.value) for e in parsed.errors] == [(3, "挽回损失(元)", "=1+2")]
    assert parsed.problems["description"].tolist() == ['=HYPERLINK("http://x","点我")']


def test_a_cached_formula_value_is_read_not_recomputed(parse: Parse) -> None:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    worksheet = workbook.add_worksheet(PROBLEMS.name)
    worksheet.write_row(0, 0, [*SHORT_HEADERS[:5], "挽回损失(元)"])
    worksheet.write_row(1, 0, ["C-1", "钱桥镇", "主体责任", "描述", "未启动"])
    worksheet.write_formula(1, 5, "=1+2", None, 1200)
    workbook.close()
    parsed = parse(buffer.getvalue())
    assert parsed.errors == []
    assert parsed.problems["recovered_yuan"].tolist() == [1200]


def test_read_workbook_reports_sheets_columns_and_units() -> None:
    data = short_sheet()
    data.headers[0] = "问题编号"
    data.headers.append("挽回经济损失（万元）")
    book = read_workbook(xlsx_bytes(data), "xlsx")
    (raw,) = book.sheets
    assert raw.header_row == 1
    assert raw.columns["recovered_yuan"].unit == "万元"
    assert raw.header_of("recovered_yuan") == "挽回经济损失（万元）"
    assert raw.header_of("deadline") == "整改时限"
    assert raw.row_numbers == [2, 3, 4]


def test_the_canonical_header_wins_over_a_variant_naming_the_same_column(parse: Parse) -> None:
    data = short_sheet()
    data.headers.insert(0, "编号")
    for number, row in enumerate(data.rows, start=1):
        row.insert(0, number)
    parsed = parse(xlsx_bytes(data))
    assert parsed.errors == []
    assert parsed.problems["code"].tolist()[0] == "T2018-000001"


def test_a_workbook_with_a_malformed_sheet_is_refused_as_broken(parse: Parse) -> None:
    data = rewrite_zip(xlsx_bytes(short_sheet()), {"xl/worksheets/sheet1.xml": b"<worksheet><"})
    with pytest.raises(FileRejectedError) as caught:
        parse(data)
    assert caught.value.message == t("ingest.file.broken")


def test_hidden_helper_sheets_and_the_instructions_sheet_are_not_read(parse: Parse) -> None:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    instructions = workbook.add_worksheet("填写说明")
    instructions.write_row(0, 0, ["工作表", "列名", "说明"])
    instructions.write_row(1, 0, ["整改台账", "问题编号", "乡镇"])
    lists = workbook.add_worksheet("下拉选项")
    lists.write_row(0, 0, ["问题编号", "乡镇", "整改状态"])
    lists.write_row(1, 0, ["X-1", "钱桥镇", "已完成"])
    lists.hide()
    problems = workbook.add_worksheet(PROBLEMS.name)
    problems.write_row(0, 0, SHORT_HEADERS[:5])
    problems.write_row(1, 0, ["H-1", "钱桥镇", "主体责任", "描述", "未启动"])
    workbook.close()
    parsed = parse(buffer.getvalue())
    assert parsed.errors == []
    assert parsed.problems["code"].tolist() == ["H-1"]
    assert not any("下拉选项" in notice or "填写说明" in notice for notice in parsed.notices)


def test_csv_separators_are_detected(parse: Parse) -> None:
    lines = [
        "问题编号\t乡镇\t问题类别\t问题描述\t整改状态",
        "S-1\t钱桥镇\t四风\t描述，含逗号,和分号;\t未启动",
    ]
    text = "\n".join(lines) + "\n"
    parsed = parse(text.encode("gbk"), "制表符.csv")
    assert parsed.errors == []
    assert parsed.problems["description"].tolist() == ["描述，含逗号,和分号;"]
    quoted = '问题编号,乡镇,问题类别,问题描述,整改状态\nS-2,钱桥镇,四风,"甲;乙;丙",未启动\n'
    assert parse(quoted.encode(), "逗号.csv").problems["description"].tolist() == ["甲;乙;丙"]
