"""Each validation rule, with the exact message the user reads; all errors are collected."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.ingest.errors import RowError
from data_access.ingest.parse import parse_ledger
from data_access.schema import upgrade_schema
from i18n import t
from tests.support.ledger_files import (
    ACCOUNTABILITY,
    LEADS,
    PROBLEMS,
    Parse,
    accountability_record,
    lead_record,
    problem_records,
    sheet,
    xlsx_bytes,
)

SHEET = PROBLEMS.name


def base_problems(count: int = 3) -> list[dict[str, object]]:
    """count valid problems, all 正在整改 (no completion date needed)."""
    records = problem_records(count)
    for record in records:
        record.update({"整改状态": "正在整改", "完成日期": None, "是否销号": "否"})
    return records


def problem_errors(parse: Parse, **first_row: object) -> list[RowError]:
    """The errors of a 3-row problems sheet whose first row (Excel row 2) has first_row cells."""
    records = base_problems()
    records[0].update(first_row)
    return parse(xlsx_bytes(sheet(SHEET, records))).errors


@pytest.mark.parametrize(
    ("cells", "column", "value", "reason"),
    [
        ({"乡镇": None}, "乡镇", "", "此项必填，不能为空"),
        ({"问题描述": "   "}, "问题描述", "", "此项必填，不能为空"),
        ({"问题编号": None}, "问题编号", "", "此项必填，不能为空"),
        ({"发现日期": "2018/13/8"}, "发现日期", "2018/13/8", t("ingest.reason.date")),
        ({"挽回损失(元)": "-100"}, "挽回损失(元)", "-100", "不能为负数"),
        (
            {"挽回损失(元)": "一百元"},
            "挽回损失(元)",
            "一百元",
            "不是有效金额（可写成 12000、12,000元 或 1.2万）",
        ),
        ({"完善制度数": 1.5}, "完善制度数", "1.5", "应为整数"),
        ({"是否销号": "也许"}, "是否销号", "也许", "应填“是”或“否”"),
        (
            {"整改状态": "已完成", "完成日期": date(2018, 6, 1), "发现日期": date(2018, 6, 8)},
            "完成日期",
            "2018-06-01",
            "完成日期早于发现日期",
        ),
        (
            {"整改时限": date(2018, 5, 1), "发现日期": date(2018, 6, 8)},
            "整改时限",
            "2018-05-01",
            "整改时限早于发现日期",
        ),
        ({"乡镇": "雨潭乡"}, "乡镇", "雨潭乡", "未知乡镇“雨潭乡”，是否为：雨坛乡？"),
        (
            {"乡镇": "钱桥镇", "村": "邹桃村"},
            "村",
            "邹桃村",
            "未知村“邹桃村”（钱桥镇），是否为：邹姚村？",
        ),
        (
            {"巡察组": "第五巡察组"},
            "巡察组",
            "第五巡察组",
            "未知巡察组“第五巡察组”（2018年脱贫攻坚专项巡察），是否为：第一巡察组、第二巡察组、第三巡察组？",
        ),
        (
            {"巡察轮次": "2099年巡察"},
            "巡察轮次",
            "2099年巡察",
            "未知巡察轮次“2099年巡察”，是否为：2018年脱贫攻坚专项巡察？",
        ),
        ({"责任人": "张" * 65}, "责任人", "张" * 65, "内容过长（最多 64 个字）"),
    ],
)
def test_each_problem_rule_has_its_exact_message(
    parse: Parse, cells: dict[str, object], column: str, value: str, reason: str
) -> None:
    assert problem_errors(parse, **cells) == [RowError(SHEET, 2, column, value, reason)]


def test_a_completion_date_without_rectified_status_is_accepted(parse: Parse) -> None:
    assert problem_errors(parse, 整改状态="基本完成", 完成日期=date(2018, 7, 1)) == []


def test_duplicate_problem_codes_report_both_rows(parse: Parse) -> None:
    records = base_problems()
    records[2]["问题编号"] = records[0]["问题编号"]
    parsed = parse(xlsx_bytes(sheet(SHEET, records)))
    reason = "“T2018-000001”在本文件中重复出现（第 2、4 行）"
    assert parsed.errors == [
        RowError(SHEET, 2, "问题编号", "T2018-000001", reason),
        RowError(SHEET, 4, "问题编号", "T2018-000001", reason),
    ]
    assert parsed.rejected_rows["problems"] == {2, 4}
    assert parsed.problems["_row"].tolist() == [3]


def test_all_errors_are_collected_not_only_the_first(parse: Parse) -> None:
    records = base_problems(6)
    records[0].update({"乡镇": None, "发现日期": "昨天"})
    records[3].update({"整改状态": "好了", "挽回损失(元)": -1})
    records[5].update({"问题类别": None})  # 未分类: never an error
    parsed = parse(xlsx_bytes(sheet(SHEET, records)))
    assert [(e.row, e.column) for e in parsed.errors] == [
        (2, "乡镇"),
        (2, "发现日期"),
        (5, "整改状态"),
        (5, "挽回损失(元)"),
    ]
    assert parsed.rejected_rows["problems"] == {2, 5}
    assert parsed.problems["_row"].tolist() == [3, 4, 6, 7]


def test_a_missing_required_column_is_one_error_not_one_per_row(parse: Parse) -> None:
    headers = [h for h in PROBLEMS.headers if h != "乡镇"]
    parsed = parse(xlsx_bytes(sheet(SHEET, base_problems(), headers)))
    [error] = parsed.errors
    assert (error.sheet, error.row, error.column) == (SHEET, 1, "乡镇")
    assert error.reason.startswith(
        "缺少必填列「乡镇」。本表的列名：「序号」、「问题编号」、「巡察组」"
    )
    assert parsed.rejected_rows["problems"] == {2, 3, 4}
    assert parsed.problems.empty


def accountability_errors(parse: Parse, **cells: object) -> list[RowError]:
    """The errors of a ledger whose single accountability row has cells replaced."""
    problems = base_problems(2)
    person = accountability_record(problems[0], "张三")
    person.update(cells)
    data = xlsx_bytes(sheet(SHEET, problems), sheet(ACCOUNTABILITY.name, [person]))
    return parse(data).errors


def test_accountability_rows_must_point_at_known_problems(parse: Parse) -> None:
    assert accountability_errors(parse) == []
    assert accountability_errors(parse, 关联问题编号="ZY2018-001") == []  # stored by the seed
    assert accountability_errors(parse, 关联问题编号=None) == []
    assert accountability_errors(parse, 关联问题编号="X-404") == [
        RowError(
            ACCOUNTABILITY.name,
            2,
            "关联问题编号",
            "X-404",
            "关联问题编号“X-404”在本文件和系统中都找不到",
        )
    ]


def test_form_is_required_except_for_pending_cases_and_organisations(parse: Parse) -> None:
    assert accountability_errors(parse, 形态=None) == [
        RowError(
            ACCOUNTABILITY.name,
            2,
            "形态",
            "",
            "处理方式为“诫勉谈话”时必须填写形态（第一种至第四种形态）",
        )
    ]
    assert accountability_errors(parse, 形态=None, 处理方式="正在立案审查") == []
    assert accountability_errors(parse, 形态=None, 处理方式="书面检查", 是否组织="是") == []
    assert accountability_errors(parse, 形态="第五种形态") == [
        RowError(
            ACCOUNTABILITY.name,
            2,
            "形态",
            "第五种形态",
            "不是有效的“形态”，可填：第一种形态、第二种形态、第三种形态、第四种形态",
        )
    ]


def test_accountability_name_and_category_are_required(parse: Parse) -> None:
    assert accountability_errors(parse, 姓名=None, 处理方式=None) == [
        RowError(ACCOUNTABILITY.name, 2, "姓名", "", "此项必填，不能为空"),
        RowError(ACCOUNTABILITY.name, 2, "处理方式", "", "此项必填，不能为空"),
    ]


def test_lead_rows_need_a_code_and_a_known_problem(parse: Parse) -> None:
    problems = base_problems(2)
    leads = [lead_record(1, problems[0]), lead_record(2, problems[1])]
    leads[0]["线索编号"] = None
    leads[1]["关联问题编号"] = "X-1"
    parsed = parse(xlsx_bytes(sheet(SHEET, problems), sheet(LEADS.name, leads)))
    assert parsed.errors == [
        RowError(LEADS.name, 2, "线索编号", "", "此项必填，不能为空"),
        RowError(LEADS.name, 3, "关联问题编号", "X-1", "关联问题编号“X-1”在本文件和系统中都找不到"),
    ]
    assert len(parsed.problems) == 2
    assert parsed.leads.empty


def test_no_inspection_round_at_all_is_a_file_error(empty_engine: Engine) -> None:
    upgrade_schema(empty_engine)
    with session_scope(empty_engine) as session:
        parsed = parse_ledger(xlsx_bytes(sheet(SHEET, base_problems())), "a.xlsx", session=session)
    assert parsed.errors == [RowError("", 0, "", "", t("ingest.file.no_round"))]
    assert parsed.problems.empty


def test_an_unknown_round_id_is_a_file_error(parse: Parse) -> None:
    parsed = parse(xlsx_bytes(sheet(SHEET, base_problems())), round_id=999_999)
    assert [e.reason for e in parsed.errors] == ["指定的巡察轮次（编号 999999）不存在。"]
