"""Names -> ids: townships with aliases and without suffixes, villages, groups, suggestions."""

from __future__ import annotations

from data_access.ingest.cell_values import Invalid
from data_access.ingest.resolve import NameBook, chinese_number, closest


def test_chinese_numbers() -> None:
    assert [chinese_number(t) for t in ("一", "四", "十", "十二", "二十一", "7", "甲")] == [
        1,
        4,
        10,
        12,
        21,
        7,
        None,
    ]


def test_township_names_aliases_and_names_without_suffix(names: NameBook) -> None:
    ou_shan = names.township_id("藕山镇")
    yu_tan = names.township_id("雨坛乡")
    assert isinstance(ou_shan, int) and isinstance(yu_tan, int)
    assert names.township_id("欧山镇") == ou_shan
    assert names.township_id("欧山") == ou_shan
    assert names.township_id("雨坛镇") == yu_tan
    assert names.township_id("雨坛") == yu_tan
    assert names.township_id("钱桥") == names.township_id("钱桥镇")


def test_an_unknown_township_suggests_the_closest_names(names: NameBook) -> None:
    assert names.township_id("雨潭乡") == Invalid("雨潭乡", "未知乡镇“雨潭乡”，是否为：雨坛乡？")
    assert names.township_id("藕山乡") == Invalid("藕山乡", "未知乡镇“藕山乡”，是否为：藕山镇？")
    assert names.township_id("火星镇") == Invalid(
        "火星镇", "未知乡镇“火星镇”，系统中没有这个名称。"
    )


def test_villages_resolve_within_their_township(names: NameBook) -> None:
    qian_qiao = names.township_id("钱桥镇")
    village = names.village_id(qian_qiao, "邹姚村")
    assert isinstance(village, int)
    assert names.village_id(qian_qiao, "邹姚") == village
    unknown = names.village_id(qian_qiao, "邹桃村")
    assert unknown == Invalid("邹桃村", "未知村“邹桃村”（钱桥镇），是否为：邹姚村？")
    assert isinstance(names.village_id(names.township_id("老洲镇"), "邹姚村"), Invalid)


def test_groups_resolve_by_name_or_ordinal(names: NameBook) -> None:
    round_id = names.newest_round_id
    assert round_id is not None
    first = names.group_id(round_id, "第一巡察组")
    assert isinstance(first, int)
    assert {names.group_id(round_id, n) for n in ("一组", "第1组", "巡察一组", "第一组")} == {first}
    assert isinstance(names.group_id(round_id, "第九巡察组"), Invalid)


def test_suggestions_keep_the_given_order_among_equally_close_names() -> None:
    assert closest("第五巡察组", ["第一巡察组", "第二巡察组", "第三巡察组", "第四巡察组"]) == [
        "第一巡察组",
        "第二巡察组",
        "第三巡察组",
    ]
    assert closest("火星", ["钱桥镇", "义津镇"]) == []
