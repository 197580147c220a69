"""Words and patterns of ledger layouts: totals, footnotes, section numbering, summaries."""
# i18n-data-file: input vocabulary, the words offices write around their ledgers' rows

from __future__ import annotations

import re

TOTAL_WORDS = ("合计", "总计", "小计", "累计")
FOOTNOTE_WORDS = (
    "填报人",
    "填表人",
    "审核人",
    "制表人",
    "制表",
    "联系电话",
    "联系人",
    "负责人:",
    "分管领导:",
    "填报单位",
    "填报日期",
    "注:",
    "备注:",
    "说明:",
)
SPECIAL_STARTS = frozenset(word[0] for word in (*TOTAL_WORDS, *FOOTNOTE_WORDS))
# 一、 / （一） / (1) / 1. / 第一部分 — the numbering of a section and its level (0 outermost)
LEVELS = (
    re.compile(r"^[一二三四五六七八九十百]+[、.．]"),
    re.compile(r"^[（(][一二三四五六七八九十百]+[)）]"),
    re.compile(r"^\d+[、.．](?!\d)"),
    re.compile(r"^[（(]\d+[)）]"),
)
FIRST_WORD = re.compile(r"^第[一二三四五六七八九十百\d]+(?:部分|项|类|章|节)?[、:：.．\s]*")
COUNT_MARK = re.compile(r"[（(]\s*(?:共|计)?\s*\d+\s*(?:个|项|条|件)?(?:问题)?\s*[)）]\s*$")

# i18n-data: words of a summary table's headers (counts and rates, not problems)
SUMMARY_WORDS = ("问题数", "问题总数", "完成数", "已完成", "未完成", "完成率", "整改率", "个数")
SUMMARY_UNIT_WORDS = ("单位", "乡镇", "街道", "镇", "部门", "名称")
SUMMARY_COUNT_WORDS = ("问题总数", "问题数", "问题个数", "个数", "合计")
# 第一巡察组, 巡察二组, 一组 inside a sheet name or heading (第一巡察组问题台账)
GROUP_IN_TEXT = re.compile(
    r"((?:第)?(?:巡察)?[一二三四五六七八九十\d]{1,3}(?:巡察)?组)(?!长|员|织)"
)
# 铜陵市枞阳县 / 城关区 in a regions file's title
CITY_COUNTY = re.compile(r"([\u4e00-\u9fa5]{1,8}?[市州盟])([\u4e00-\u9fa5]{1,8}?(?:县|区|旗|市))")
COUNTY_ONLY = re.compile(r"([\u4e00-\u9fa5]{1,8}?(?:县|区|旗))")
