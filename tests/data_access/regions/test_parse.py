"""Reading a regions file: both row shapes, and every problem reported on its row in Chinese."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.engine import Engine

from data_access.ingest.columns import REGIONS
from data_access.ingest.errors import FileRejectedError
from tests.support.ledger_files import SheetData, csv_bytes, xlsx_bytes
from tests.support.ledger_formats import ods_bytes, xls_bytes
from tests.support.office import parse_regions_bytes, region_records, regions_xlsx, upload_regions


def row(township: str, village: str | None = None, **cells: object) -> dict[str, object]:
    """One regions row of 铜陵市/枞阳县 keyed by header."""
    return {"市": "铜陵市", "县（区）": "枞阳县", "乡镇": township, "村": village, **cells}


def errors_of(engine: Engine, records: list[dict[str, object]]) -> list[tuple[int, str, str]]:
    """(row, column, reason) of every error of a regions file holding records."""
    parsed = parse_regions_bytes(engine, regions_xlsx(records))
    return [(e.row, e.column, e.reason) for e in parsed.errors]


def test_village_rows_and_township_rows_are_both_accepted(empty_engine: Engine) -> None:
    parsed = parse_regions_bytes(empty_engine, regions_xlsx(region_records()))
    assert parsed.errors == []
    plan = parsed.plan
    assert list(plan.cities) == ["铜陵市"]
    assert [key[2] for key in plan.townships] == ["枞阳镇", "铁铜乡", "雨坛乡", "钱桥镇", "白梅乡"]
    assert len(plan.villages) == 8
    assert plan.townships[("铜陵市", "枞阳县", "雨坛乡")].aliases == {"雨坛镇": 6}
    assert plan.villages[("铜陵市", "枞阳县", "铁铜乡", "铁铜村")].is_poverty_village is True


def test_kind_is_read_from_the_name_and_aliases_split(empty_engine: Engine) -> None:
    records = [row("藕山镇", 别名="欧山镇、藕山, 欧山；藕山镇"), row("长沙乡"), row("城关街道")]
    parsed = parse_regions_bytes(empty_engine, regions_xlsx(records))
    assert parsed.errors == []
    townships = {key[2]: plan for key, plan in parsed.plan.townships.items()}
    assert [townships[n].kind for n in ("藕山镇", "长沙乡", "城关街道")] == ["镇", "乡", "街道"]
    assert list(townships["藕山镇"].aliases) == ["欧山镇", "藕山", "欧山"]


def test_a_csv_in_gbk_reads_like_the_workbook(empty_engine: Engine) -> None:
    records = region_records()
    cells = [[record.get(header) for header in REGIONS.headers] for record in records]
    data = SheetData(REGIONS.name, REGIONS.headers, cells)
    parsed = parse_regions_bytes(empty_engine, csv_bytes(data, "gbk"), "行政区划.csv")
    assert parsed.errors == []
    assert len(parsed.plan.villages) == 8


@pytest.mark.parametrize(
    ("name", "writer"), [("行政区划.ods", ods_bytes), ("行政区划.xls", xls_bytes)]
)
def test_an_ods_or_xls_regions_file_reads_like_the_workbook(
    empty_engine: Engine, name: str, writer
) -> None:
    records = region_records(merged=True)
    cells = [[record.get(header) for header in REGIONS.headers] for record in records]
    reference = parse_regions_bytes(empty_engine, regions_xlsx(records))
    parsed = parse_regions_bytes(
        empty_engine, writer(SheetData(REGIONS.name, REGIONS.headers, cells)), name
    )
    assert parsed.errors == [] and reference.errors == []
    assert parsed.plan == reference.plan


MERGED = date(2021, 1, 1)
CASES = {
    "required": ([row(None)], (2, "乡镇", "此项必填，不能为空")),
    "kind-unknown": (
        [row("城关")],
        (2, "类型", "名称不以“镇”“乡”“街道”或“局”“委”“办”等结尾，请填写类型（镇、乡、街道或部门）"),
    ),
    "kind-bad": (
        [row("长沙乡", 类型="县")],
        (2, "类型", "不是有效的“类型”，可填：镇、乡、街道、部门"),
    ),
    "merge-without-date": (
        [row("长沙乡", 并入="汤沟镇")],
        (2, "停用日期", "填写了“并入”时，须同时填写停用日期（并入的日期）"),
    ),
    "dates": (
        [row("长沙乡", 启用日期=date(2020, 1, 1), 停用日期=date(2019, 1, 1))],
        (2, "停用日期", "停用日期早于启用日期"),
    ),
    "poverty-flag": (
        [row("长沙乡", 是否贫困村="是")],
        (2, "是否贫困村", "“是否贫困村”只用于村，请同时填写“村”"),
    ),
    "duplicate-village": (
        [row("长沙乡", "红旗村"), row("长沙乡", "红旗村")],
        (3, "村", "村“红旗村”在本文件中重复出现（第 2 行）"),
    ),
    "conflict": (
        [row("长沙乡", "红旗村", 类型="乡"), row("长沙乡", "新华村", 类型="镇")],
        (3, "类型", "与第 2 行填写的“类型”（乡）不一致"),
    ),
    "merge-unknown": (
        [row("长沙乡", 停用日期=MERGED, 并入="汤沟")],
        (2, "并入", "并入的乡镇不存在：“汤沟”（枞阳县），系统中没有这个名称。"),
    ),
    "merge-suggestion": (
        [row("汤沟镇"), row("长沙乡", 停用日期=MERGED, 并入="汤沟填")],
        (3, "并入", "并入的乡镇不存在：“汤沟填”（枞阳县），是否为：汤沟镇？"),
    ),
    "merge-self": (
        [row("长沙乡", 停用日期=MERGED, 并入="长沙乡")],
        (2, "并入", "乡镇不能并入自己"),
    ),
    "alias-is-a-name": (
        [row("汤沟镇", 别名="长沙乡"), row("长沙乡")],
        (2, "别名", "别名“长沙乡”与乡镇“长沙乡”重名"),
    ),
    "alias-twice": (
        [row("汤沟镇", 别名="老汤沟"), row("长沙乡", 别名="老汤沟")],
        (3, "别名", "别名“老汤沟”也写在乡镇“汤沟镇”上"),
    ),
}


@pytest.mark.parametrize(("records", "expected"), list(CASES.values()), ids=list(CASES))
def test_each_problem_is_reported_on_its_row(
    empty_engine: Engine, records: list, expected: tuple
) -> None:
    assert expected in errors_of(empty_engine, records)


def test_a_merge_cycle_through_the_store_is_refused(empty_engine: Engine) -> None:
    merged = row("乙镇", 停用日期=date(2020, 1, 1), 并入="甲镇")
    upload_regions(empty_engine, regions_xlsx([row("甲镇"), merged]))
    found = errors_of(empty_engine, [row("甲镇", 停用日期=date(2021, 1, 1), 并入="乙镇")])
    assert found == [(2, "并入", "并入关系形成循环：甲镇 → 乙镇 → 甲镇")]


def test_a_merge_target_may_be_a_stored_alias(empty_engine: Engine) -> None:
    upload_regions(empty_engine, regions_xlsx([row("藕山镇", 别名="欧山镇")]))
    parsed = parse_regions_bytes(
        empty_engine, regions_xlsx([row("凤仪乡", 停用日期=date(2021, 1, 1), 并入="欧山镇")])
    )
    assert parsed.errors == []
    assert parsed.plan.townships[("铜陵市", "枞阳县", "凤仪乡")].merged_into == "藕山镇"


def test_files_without_a_regions_sheet_are_named(empty_engine: Engine) -> None:
    other = xlsx_bytes(SheetData("说明", ["标题", "内容"], [["a", "b"]]))
    parsed = parse_regions_bytes(empty_engine, other)
    assert [e.reason for e in parsed.errors] == [
        "文件中找不到行政区划表：没有一个工作表含有“市”“县（区）”“乡镇”等列名。"
        "请使用下载的行政区划模板填写。"
    ]
    header_only = parse_regions_bytes(empty_engine, regions_xlsx([]))
    assert [e.reason for e in header_only.errors] == ["只有表头，没有数据行。"]
    with pytest.raises(FileRejectedError):
        parse_regions_bytes(empty_engine, b"MZ\x90\x00" + b"\x00" * 64)


def test_a_missing_required_column_is_one_error(empty_engine: Engine) -> None:
    headers = ["市", "乡镇", "村"]
    data = xlsx_bytes(SheetData(REGIONS.name, headers, [["铜陵市", "长沙乡", None]]))
    parsed = parse_regions_bytes(empty_engine, data)
    assert [(e.column, e.reason) for e in parsed.errors] == [
        (
            "县（区）",
            "缺少必填列「县（区）」。本表的列名：「市」、「乡镇」、「村」。可在列对应中指定。",
        )
    ]
