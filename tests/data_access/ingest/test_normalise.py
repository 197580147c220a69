"""Each normalisation rule: dates, amounts, counts, flags, coded labels, text and names."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from data_access.ingest.cell_dates import parse_date, parse_deadline, reason_date, reason_date_range
from data_access.ingest.cell_values import Invalid
from data_access.ingest.columns import ACCOUNTABILITY, LEADS, PROBLEMS
from data_access.ingest.distinct import check_distinct, map_distinct, map_distinct_rows
from data_access.ingest.normalise import (
    clean_code,
    clean_name,
    clean_text,
    code_parser,
    parse_bool,
    parse_int,
    parse_yuan,
    parser_for,
    reason_yuan,
)
from i18n import t

JUNE_8 = date(2018, 6, 8)


@pytest.mark.parametrize(
    "cell",
    [
        JUNE_8,
        datetime(2018, 6, 8, 0, 0),
        datetime(2018, 6, 8, 15, 30),
        43259.0,
        43259,
        43259.75,
        "43259",
        "2018年6月8日",
        "2018年06月08日",
        "2018 年 6 月 8 日",
        "2018年6月8号",
        "2018.6.8",
        "2018/6/8",
        "2018-06-08",
        "2018-06-08 00:00:00",
        "20180608",
        "２０１８年６月８日",
        " 2018-6-8 ",
    ],
)
def test_dates_in_every_form_read_as_the_same_day(cell: object) -> None:
    assert parse_date(cell) == JUNE_8


@pytest.mark.parametrize("cell", [None, "", "  ", "/", "无", "-"])
def test_blank_dates_are_none(cell: object) -> None:
    assert parse_date(cell) is None


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("2018/13/8", reason_date()),
        ("2018年2月30日", reason_date()),
        ("六月八日", reason_date()),
        ("1899-01-01", reason_date_range()),
        (12.0, reason_date_range()),
        ("20991340", reason_date()),
    ],
)
def test_unreadable_dates_are_invalid_with_a_reason(cell: object, reason: str) -> None:
    result = parse_date(cell)
    assert isinstance(result, Invalid)
    assert result.reason == reason


def test_deadlines_accept_year_and_month_ends_and_open_ended_wording() -> None:
    assert parse_deadline("2018年底前") == date(2018, 12, 31)
    assert parse_deadline("2018年9月底") == date(2018, 9, 30)
    assert parse_deadline("2020年2月底前") == date(2020, 2, 29)
    assert parse_deadline("长期坚持") is None
    assert parse_deadline("2018-08-08") == date(2018, 8, 8)


@pytest.mark.parametrize(
    ("cell", "scale", "yuan"),
    [
        (12000, 1, 12000),
        (12000.0, 1, 12000),
        ("12000", 1, 12000),
        ("12,000元", 1, 12000),
        ("12，000 元", 1, 12000),
        ("1.2万", 1, 12000),
        ("3.5万元", 1, 35000),
        ("１２０００", 1, 12000),
        ("￥1,200.50", 1, 1201),
        ("1200.49", 1, 1200),
        ("0.5", 1, 1),
        (117.0128, 10_000, 1_170_128),
        ("3.5", 10_000, 35_000),
        ("12000元", 10_000, 12000),
        ("1.2万", 10_000, 12000),
        ("-500", 1, -500),
    ],
)
def test_amounts_become_integer_yuan_rounded_half_up(cell: object, scale: int, yuan: int) -> None:
    assert parse_yuan(cell, scale) == yuan


@pytest.mark.parametrize("cell", [None, "", "无", "/", "-"])
def test_blank_amounts_are_none(cell: object) -> None:
    assert parse_yuan(cell) is None


@pytest.mark.parametrize("cell", ["一万二", "12000美元", "约1万", True])
def test_unreadable_amounts_are_invalid(cell: object) -> None:
    assert parse_yuan(cell) == Invalid(
        str(cell).strip() if cell is not True else "True", reason_yuan()
    )


def test_counts_accept_units_and_full_width_digits_but_not_fractions() -> None:
    assert [parse_int(v) for v in (3, 3.0, "3", "3项", "３个", "2 条", "无", None)] == [
        3,
        3,
        3,
        3,
        3,
        2,
        None,
        None,
    ]
    assert parse_int(1.5) == Invalid("1.5", t("ingest.reason.int"))
    assert parse_int("三项") == Invalid("三项", t("ingest.reason.int"))


@pytest.mark.parametrize(
    ("cell", "flag"),
    [
        ("是", True),
        ("否", False),
        ("√", True),
        ("×", False),
        ("Y", True),
        ("n", False),
        ("已销号", True),
        ("未销号", False),
        (True, True),
        (0.0, False),
        (1, True),
        (" 是 ", True),
        ("", None),
        (None, None),
    ],
)
def test_yes_no_flags(cell: object, flag: bool | None) -> None:
    assert parse_bool(cell) == flag


def test_an_unknown_flag_is_invalid() -> None:
    assert parse_bool("可能") == Invalid("可能", t("ingest.reason.bool"))


@pytest.mark.parametrize(
    ("words", "code"),
    [
        (("已完成", "已整改", "完成", "整改完成", "已销号", "rectified"), "rectified"),
        (("基本完成",), "basically_done"),
        (("正在整改", "整改中", "推进中"), "in_progress"),
        (("未启动", "未整改", "未开始"), "not_started"),
    ],
)
def test_status_synonyms(words: tuple[str, ...], code: str) -> None:
    parse = code_parser(PROBLEMS.column("status"))
    assert {parse(word) for word in words} == {code}


def test_source_category_form_and_outcome_labels_become_codes() -> None:
    source = code_parser(PROBLEMS.column("source"))
    assert [source(w) for w in ("巡察反馈", "立行立改", "移交线索", "立查立改")] == [
        "inspection_feedback",
        "immediate_fix",
        "transferred_lead",
        "immediate_fix",
    ]
    category = code_parser(ACCOUNTABILITY.column("category"))
    assert category("党纪处分") == "disciplinary_sanction"
    assert category("诫勉谈话") == "admonishment"
    assert category("书面检查") == "written_self_criticism"
    form = code_parser(ACCOUNTABILITY.column("form"))
    assert [form(w) for w in ("第一种形态", "一", "1", 1.0, "第二种", "４", "")] == [
        1,
        1,
        1,
        1,
        2,
        4,
        None,
    ]
    outcome = code_parser(LEADS.column("outcome"))
    assert outcome("已了结（未立案）") == "closed_no_case"
    assert outcome("已立案") == "case_opened"


def test_an_unknown_label_lists_the_choices() -> None:
    result = code_parser(PROBLEMS.column("status"))("差不多了")
    assert result == Invalid(
        "差不多了", "不是有效的“整改状态”，可填：未启动、正在整改、长期坚持、基本完成、已完成"
    )


def test_text_is_trimmed_and_full_width_digits_letters_spaces_become_half_width() -> None:
    assert (
        clean_text("  第１２３号ＡＢ\u3000问题（已核实），整改中。 ")
        == "第123号AB 问题（已核实），整改中。"
    )
    assert clean_text(12.0) == "12"
    assert clean_text("   ") is None
    assert clean_name(" 钱 桥 镇 ") == "钱桥镇"
    assert clean_code("ＺＹ２０１８－００１ ") == "ZY2018-001"


def test_a_wan_yuan_header_scales_plain_numbers() -> None:
    spec = PROBLEMS.column("recovered_yuan")
    assert parser_for(spec, "万元")("1.5") == 15_000
    assert parser_for(spec, "元")("1.5") == 2


def test_distinct_helpers_call_once_per_distinct_value() -> None:
    calls: list[object] = []

    def record(value: object) -> object:
        """Remember the value and return it."""
        calls.append(value)
        return value

    assert map_distinct(["a", "b", "a", None, "b"], record) == ["a", "b", "a", None, "b"]
    assert sorted(map(str, calls)) == ["None", "a", "b"]
    pairs = map_distinct_rows([[1, 1, 2, 1], ["x", "y", "x", "x"]], lambda a, b: f"{a}{b}")
    assert pairs == ["1x", "1y", "2x", "1x"]
    verdicts = check_distinct(pd.Series(["a", "bb", "a"], index=[5, 6, 7]), lambda v: v == "a")
    assert verdicts.tolist() == [True, False, True]
    assert verdicts.index.tolist() == [5, 6, 7]


@pytest.mark.parametrize(
    ("words", "code"),
    [
        (("已完成", "已整改", "已办结", "是", "√"), "rectified"),
        (("基本完成",), "basically_done"),
        (("序时推进", "整改中", "持续整改"), "in_progress"),
        (("尚未完成", "未整改", "尚未启动", "否", "×"), "not_started"),
        (("持续推进", "长期坚持"), "long_term"),
    ],
)
def test_status_words_of_real_ledgers(words: tuple[str, ...], code: str) -> None:
    parse = code_parser(PROBLEMS.column("status"))
    assert {parse(word) for word in words} == {code}


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("已完成（已追回资金）", "rectified"),
        ("已完成(已追回资金2万元)", "rectified"),
        ("整改中，预计6月完成", "in_progress"),
        ("基本完成；待验收", "basically_done"),
        ("长期坚持 每季度通报", "long_term"),
    ],
)
def test_a_status_with_a_note_reads_as_its_leading_word(cell: str, code: str) -> None:
    assert code_parser(PROBLEMS.column("status"))(cell) == code


def test_a_note_after_an_unknown_word_is_still_invalid() -> None:
    assert isinstance(code_parser(PROBLEMS.column("status"))("差不多（快好了）"), Invalid)
