"""The regions upload in English: row errors, notices, preview tables, undo reasons.

Only the data (place names, values as written) stays Chinese; the template's notes stay
Chinese whatever the UI language, since the workbook is the interchange format.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.ingest.columns import REGIONS
from data_access.models import Township
from data_access.regions.diff import compute_regions_diff
from data_access.regions.preview import changes_frame, counts_frame, places_frame, report_lines
from data_access.regions.sheet import REGION_NOTES
from data_access.regions.undo_checks import region_undo_blocker
from i18n import use_language
from tests.support.office import (
    ROUND_1,
    add_round,
    parse_regions_bytes,
    region_records,
    regions_xlsx,
    upload_regions,
)

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
MERGED = date(2021, 1, 1)


def row(township: str | None, village: str | None = None, **cells: object) -> dict[str, object]:
    """One regions row of 铜陵市/枞阳县 keyed by header."""
    return {"市": "铜陵市", "县（区）": "枞阳县", "乡镇": township, "村": village, **cells}


def without_data(text: str, records: list[dict[str, object]]) -> str:
    """text less the names and values written in records (the data, which stays Chinese)."""
    values = {str(value) for record in records for value in record.values() if value}
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, "")
    return text


def test_a_bad_file_is_reported_in_english(empty_engine: Engine) -> None:
    records = [
        row("城关"),
        row("长沙乡", "红旗村", 类型="乡"),
        row("长沙乡", "红旗村", 类型="镇"),
        row("汤沟镇", 别名="老汤沟"),
        row("白梅乡", 别名="老汤沟", 停用日期=MERGED, 并入="汤沟填"),
        row("钱桥镇", 是否贫困村="是"),
        row(None),
    ]
    with use_language("en"):
        parsed = parse_regions_bytes(empty_engine, regions_xlsx(records))
    reasons = {(error.row, error.reason) for error in parsed.errors}
    assert {
        (2, "The name does not show whether it is a town, a township, a subdistrict or a "
            "department; please fill in the type"),
        (4, "Village “红旗村” appears more than once in this file (row 3)"),
        (4, "Differs from the “Type” written in row 3 (乡)"),
        (6, "Alias “老汤沟” is also given for township “汤沟镇”"),
        (7, "“Poverty village” applies to villages only; please fill in the village too"),
        (8, "Required; must not be empty"),
    } <= reasons  # fmt: skip
    merge = next(reason for line, reason in reasons if line == 6 and "merge" in reason)
    assert merge.startswith(
        "The township “汤沟填” to merge into (枞阳县) is not known; did you mean:"
    )
    assert "汤沟镇" in merge
    for error in parsed.errors:
        assert not CJK.search(without_data(error.reason, records)), error.reason
    with use_language("en"), session_scope(empty_engine) as session:
        lines = report_lines(compute_regions_diff(parsed, session=session))
    assert lines[0] == "City: New 1  Changed 0  Unchanged 0"
    assert all(line.startswith("Error: ") for line in lines[len(REGION_LEVELS) :])


REGION_LEVELS = ["City", "County/district", "Township", "Alias", "Village"]


def test_a_new_township_named_like_an_alias_is_noticed_in_english(empty_engine: Engine) -> None:
    upload_regions(empty_engine, regions_xlsx([row("藕山镇", 别名="欧山镇")]))
    with use_language("en"):
        parsed = parse_regions_bytes(empty_engine, regions_xlsx([row("欧山镇")]))
    assert parsed.errors == []
    assert parsed.notices == [
        "New township “欧山镇” has the name of an alias of “藕山镇”; “欧山镇” in ledgers will "
        "now mean the new township."
    ]


def _second_file_diff(engine: Engine, lang: str):
    """The diff of the 2021 file (a merge, a poverty flag, a new alias) after the first one."""
    upload_regions(engine, regions_xlsx(region_records()))
    records = region_records(merged=True)
    for record in records:
        if record["村"] == "钱桥村":
            record["是否贫困村"] = "是"
        if record["乡镇"] == "钱桥镇":
            record["别名"] = "钱桥乡"
    with use_language(lang):
        parsed = parse_regions_bytes(engine, regions_xlsx(records))
        with session_scope(engine) as session:
            return compute_regions_diff(parsed, session=session)


def test_the_preview_tables_are_labelled_in_english(empty_engine: Engine) -> None:
    diff = _second_file_diff(empty_engine, "en")
    with use_language("en"):
        counts, new, changes = counts_frame(diff), places_frame(diff, "new"), changes_frame(diff)
        lines = report_lines(diff)
    assert list(counts.columns) == ["Level", "New", "Changed", "Unchanged"]
    assert counts["Level"].tolist() == REGION_LEVELS
    assert list(new.columns) == ["Level", "Row", "Name"]
    assert new.values.tolist() == [["Alias", 7, "铜陵市 / 枞阳县 / 钱桥镇 (alias: 钱桥乡)"]]
    assert list(changes.columns) == ["Level", "Row", "Name", "Column", "Old value", "New value"]
    shown = {tuple(line[2:]) for line in changes.values.tolist()}
    assert shown == {
        ("铜陵市 / 枞阳县 / 铁铜乡", "Valid to", "", "2021-01-01"),
        ("铜陵市 / 枞阳县 / 铁铜乡", "Merged into", "", "枞阳镇"),
        ("铜陵市 / 枞阳县 / 钱桥镇 / 钱桥村", "Poverty village", "No", "Yes"),
    }
    assert lines[2] == "Township: New 0  Changed 1  Unchanged 4"
    labels = [*counts.columns, *counts["Level"], *changes.columns, *changes["Column"], *lines]
    assert not [label for label in labels if CJK.search(label)]


def test_the_preview_stays_chinese_by_default(empty_engine: Engine) -> None:
    diff = _second_file_diff(empty_engine, "zh")
    counts, changes = counts_frame(diff), changes_frame(diff)
    assert list(counts.columns) == ["层级", "新增", "变更", "未变"]
    assert counts["层级"].tolist() == ["市", "县（区）", "乡镇", "别名", "村"]
    assert list(changes.columns) == ["层级", "行号", "名称", "列", "原值", "新值"]
    assert set(changes["列"]) == {"停用日期", "并入", "是否贫困村"}
    assert "否" in set(changes["原值"])
    alias = places_frame(diff, "new")["名称"].tolist()
    assert alias == ["铜陵市 / 枞阳县 / 钱桥镇（别名：钱桥乡）"]


def test_an_undo_blocker_is_given_in_english(empty_engine: Engine) -> None:
    first = upload_regions(empty_engine, regions_xlsx(region_records()))
    with session_scope(empty_engine) as session:
        county_id = session.scalar(select(Township.county_id))
    add_round(empty_engine, ROUND_1, "city", date(2018, 4, 16), ("第一巡察组",), county_id)
    with session_scope(empty_engine) as session:
        chinese = region_undo_blocker(session, first)
        with use_language("en"):
            english = region_undo_blocker(session, first)
    assert chinese == (
        f"不能撤销第 {first} 批：本批新增的县（区）已被其他数据使用（巡察轮次）。"
        "请先撤销或修改使用它们的数据。"
    )
    assert english == (
        f"Cannot undo batch {first}: the counties/districts it added are used by other data "
        "(inspection rounds). Undo or change that data first."
    )


def test_the_template_notes_stay_chinese_under_an_english_interface() -> None:
    with use_language("en"):
        assert REGION_NOTES["city"] == "Name of the city, e.g. Tongling"
        with use_language("zh"):  # as data_access/exports/ledger.py writes the template
            assert REGION_NOTES["city"] == "地级市名称，如 铜陵市"
    fields = [spec.field for spec in REGIONS.columns]
    for lang in ("zh", "en"):
        notes = REGION_NOTES.in_language(lang)
        assert list(notes) == fields and all(notes.values())
