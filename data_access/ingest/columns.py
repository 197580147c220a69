"""The single definition of the ledger workbook: sheets, canonical headers, variants, kinds.

Both the reader (ingest) and the writer (export template) use these specs, so an exported
workbook reads back unchanged. Fields named township / village / group / round hold names
in the workbook and resolve to township_id / village_id / group_id / round_id on reading.
Coded columns are written with their Chinese labels (codes maps code -> label).
"""
# i18n-data-file: the interchange format, the Chinese sheet names and headers the parser reads

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Literal

from data_access.codes import (
    ACCOUNTABILITY_CATEGORIES,
    FORMS,
    LEAD_OUTCOMES,
    SOURCES,
    STATUSES,
    LabelMap,
)

Kind = Literal["text", "date", "int", "yuan", "bool", "code"]
WORKBOOK_LANGUAGE = "zh"  # the language of the workbook's headers and labels, whatever the UI's

INSTRUCTIONS_SHEET = "填写说明"
# Name columns of the workbook and the id column each resolves to.
NAME_FIELDS: dict[str, str] = {
    "township": "township_id",
    "village": "village_id",
    "group": "group_id",
    "round": "round_id",
}
_UNIT = re.compile(r"\(([^()]*)\)$")  # a trailing "(元)" / "(万元)" / "(项)"
_NOISE = re.compile(r"[\s*※\u3000]+")  # spaces, line breaks and required-markers in headers


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a ledger sheet."""

    field: str  # model field name (or a NAME_FIELDS key, or "seq" for 序号)
    header: str  # canonical Chinese header, as the template writes it
    variants: tuple[str, ...] = ()  # other accepted spellings (normalised when matched)
    required: bool = False
    kind: Kind = "text"
    codes: dict | LabelMap | None = None  # code -> label for kind "code"

    def labels_in(self, lang: str) -> dict:
        """code -> label of a coded column in lang (a plain dict of codes is the same in any)."""
        if isinstance(self.codes, LabelMap):
            return self.codes.in_language(lang)
        return dict(self.codes or {})

    def workbook_labels(self) -> dict:
        """code -> label as the workbook writes it (Chinese, whatever the UI language)."""
        return self.labels_in(WORKBOOK_LANGUAGE)


@dataclass(frozen=True)
class SheetSpec:
    """One sheet of the ledger workbook."""

    key: str  # problems / accountability / leads (the ParsedLedger attribute)
    name: str  # canonical sheet name
    variants: tuple[str, ...]
    columns: tuple[ColumnSpec, ...]

    def column(self, field: str) -> ColumnSpec:
        """The spec of field (KeyError when the sheet has no such column)."""
        for spec in self.columns:
            if spec.field == field:
                return spec
        raise KeyError(field)

    @property
    def headers(self) -> list[str]:
        """Canonical headers in template order."""
        return [spec.header for spec in self.columns]


_TOWNSHIP = ColumnSpec(
    "township", "乡镇", ("乡镇名称", "所属乡镇", "乡(镇)", "镇(乡)", "乡镇(街道)", "镇乡"), True
)
_PROBLEM_CODE = ("关联问题编号", ("问题编号", "对应问题编号", "涉及问题编号"))

PROBLEMS = SheetSpec(
    "problems",
    "整改台账",
    ("问题清单", "问题台账", "整改清单", "问题整改台账", "台账", "问题"),
    (
        ColumnSpec("seq", "序号", ("序", "No.", "NO", "编次"), kind="int"),
        ColumnSpec("code", "问题编号", ("编号", "问题编码", "问题代码"), True),
        ColumnSpec("group", "巡察组", ("巡察组别", "巡察小组", "所属巡察组")),
        _TOWNSHIP,
        ColumnSpec("village", "村", ("村名", "村(社区)", "行政村", "所属村", "村居", "村名称")),
        # A round's own categories, matched by ingest.category_match (blank: 未分类).
        ColumnSpec(
            "focus_area", "问题类别", ("巡察重点", "问题类型", "问题分类", "类别", "问题大类")
        ),
        ColumnSpec("sub_category", "问题子类", ("具体问题类型", "问题细类", "子类", "问题小类")),
        ColumnSpec(
            "description", "问题描述", ("问题表现", "存在问题", "问题内容", "具体问题"), True
        ),
        ColumnSpec("source", "问题来源", ("来源",), kind="code", codes=SOURCES),
        ColumnSpec("lead_leader", "牵头领导", ("责任领导", "分管领导", "牵头负责领导")),
        ColumnSpec("responsible_unit", "责任单位", ("整改责任单位", "牵头单位", "责任部门")),
        ColumnSpec("responsible_person", "责任人", ("整改责任人", "具体责任人")),
        ColumnSpec("measures", "整改措施", ("整改举措", "整改措施及进展", "整改情况")),
        ColumnSpec("progress", "进展情况", ("整改进展情况",)),
        ColumnSpec("found_on", "发现日期", ("发现时间", "反馈日期", "反馈时间"), kind="date"),
        ColumnSpec("deadline", "整改时限", ("整改期限", "完成时限", "整改时间"), kind="date"),
        ColumnSpec(
            "status",
            "整改状态",
            ("整改进度", "状态", "完成情况", "整改进展"),
            True,
            "code",
            STATUSES,
        ),
        ColumnSpec(
            "rectified_on",
            "完成日期",
            ("完成时间", "整改完成日期", "整改完成时间", "实际完成时间", "实际完成日期"),
            kind="date",
        ),
        ColumnSpec("closed", "是否销号", ("销号", "销号情况", "已销号"), kind="bool"),
        ColumnSpec(
            "recovered_yuan",
            "挽回损失(元)",
            ("挽回损失", "挽回损失金额", "挽回经济损失", "挽回金额", "追缴资金", "收缴资金"),
            kind="yuan",
        ),
        ColumnSpec(
            "recovered_on", "挽损日期", ("挽回损失日期", "挽损时间", "追缴日期"), kind="date"
        ),
        ColumnSpec(
            "rules_improved",
            "完善制度数",
            ("完善制度", "建立完善制度", "建章立制", "新建制度数", "完善制度数量"),
            kind="int",
        ),
        ColumnSpec(
            "rules_improved_on", "制度完善日期", ("完善制度日期", "制度出台日期"), kind="date"
        ),
        ColumnSpec("evidence", "佐证材料", ("佐证资料", "证明材料", "佐证")),
        ColumnSpec("remarks", "备注", ("说明", "备注说明")),
        ColumnSpec("round", "巡察轮次", ("轮次", "巡察批次", "巡察名称")),
    ),
)

ACCOUNTABILITY = SheetSpec(
    "accountability",
    "问责情况",
    ("问责", "问责清单", "问责台账", "追责问责", "问责追责", "问责名单"),
    (
        ColumnSpec("code", "问责编号", ("编号", "处理编号")),
        ColumnSpec("problem_code", *_PROBLEM_CODE),
        _TOWNSHIP,
        ColumnSpec(
            "person_name", "姓名", ("被问责人", "被问责人姓名", "问责对象", "被问责对象"), True
        ),
        ColumnSpec("position", "职务", ("职务职级", "单位职务", "工作单位及职务", "单位及职务")),
        ColumnSpec(
            "category",
            "处理方式",
            ("问责方式", "处理结果", "问责类型", "处理情况", "问责处理方式"),
            True,
            "code",
            ACCOUNTABILITY_CATEGORIES,
        ),
        ColumnSpec("form", "形态", ("四种形态", "运用形态", "所属形态"), kind="code", codes=FORMS),
        ColumnSpec("decided_on", "决定日期", ("处理日期", "问责日期", "处理时间"), kind="date"),
        ColumnSpec(
            "is_leadership_responsibility",
            "是否领导责任",
            ("一案双查", "领导责任", "是否一案双查", "是否领导责任(一案双查)"),
            kind="bool",
        ),
        ColumnSpec("is_organisation", "是否组织", ("组织问责", "是否为组织"), kind="bool"),
    ),
)

LEADS = SheetSpec(
    "leads",
    "移交线索",
    ("线索", "问题线索", "线索清单", "移交问题线索", "线索台账"),
    (
        ColumnSpec("code", "线索编号", ("编号",), True),
        _TOWNSHIP,
        ColumnSpec("problem_code", *_PROBLEM_CODE),
        ColumnSpec(
            "subject_position", "被反映人职务", ("被反映人", "反映对象职务", "涉及人员职务")
        ),
        ColumnSpec("transferred_to", "移交单位", ("移交对象", "接收单位", "移交至")),
        ColumnSpec("transferred_on", "移交日期", ("移交时间",), kind="date"),
        ColumnSpec(
            "outcome",
            "办理结果",
            ("办理情况", "处置结果", "处理结果", "处置情况"),
            kind="code",
            codes=LEAD_OUTCOMES,
        ),
    ),
)

SHEETS: tuple[SheetSpec, ...] = (PROBLEMS, ACCOUNTABILITY, LEADS)
SHEETS_BY_KEY: dict[str, SheetSpec] = {sheet.key: sheet for sheet in SHEETS}

# The regions sheet (行政区划): one row per village, or per township with 村 left empty; the
# township's columns repeat on each of its villages' rows. Read by data_access.regions, not
# by the ledger reader; written into the ledger template too, as a reference.
TOWNSHIP_KIND_CODES = {kind: kind for kind in ("镇", "乡", "街道", "部门")}
REGIONS = SheetSpec(
    "regions",
    "行政区划",
    ("区划", "行政区划表", "乡镇村名单", "区划名单", "行政村名单"),
    (
        ColumnSpec("city", "市", ("地市", "市州", "所属市", "市名称"), True),
        ColumnSpec("county", "县（区）", ("县(区)", "县区", "县", "区县", "所属县区"), True),
        _TOWNSHIP,
        ColumnSpec(
            "kind",
            "类型",
            ("乡镇类型", "镇/乡", "乡镇类别"),
            kind="code",
            codes=TOWNSHIP_KIND_CODES,
        ),
        ColumnSpec("aliases", "别名", ("曾用名", "其他名称", "别称", "旧名")),
        ColumnSpec("village", "村", ("村名", "村(社区)", "行政村", "村居", "村名称")),
        ColumnSpec("is_poverty_village", "是否贫困村", ("贫困村", "是否贫困"), kind="bool"),
        ColumnSpec("valid_from", "启用日期", ("设立日期", "生效日期"), kind="date"),
        ColumnSpec("valid_to", "停用日期", ("撤销日期", "失效日期", "撤并日期"), kind="date"),
        ColumnSpec("merged_into", "并入", ("并入乡镇", "撤并入", "合并到", "现属乡镇")),
    ),
)
REGION_SHEETS: tuple[SheetSpec, ...] = (REGIONS,)
ALL_SHEETS: tuple[SheetSpec, ...] = SHEETS + REGION_SHEETS


def normalise_header(text: object) -> str:
    """A header cell folded for matching: NFKC (full-width brackets → ASCII), no spaces/markers."""
    folded = unicodedata.normalize("NFKC", "" if text is None else str(text))
    folded = folded.replace("【", "(").replace("】", ")").replace("[", "(").replace("]", ")")
    return _NOISE.sub("", folded)


def split_unit(header: str) -> tuple[str, str]:
    """A normalised header without its trailing "(unit)", and the unit ("" if none)."""
    match = _UNIT.search(header)
    if match is None:
        return header, ""
    return header[: match.start()], match.group(1)


@cache
def _header_lookup(sheet_key: str) -> dict[str, ColumnSpec]:
    """Folded header spellings of one sheet (canonical, without unit, variants) -> column."""
    lookup: dict[str, ColumnSpec] = {}
    sheet = next(sheet for sheet in ALL_SHEETS if sheet.key == sheet_key)
    for spec in sheet.columns:
        canonical = normalise_header(spec.header)
        for name in (canonical, split_unit(canonical)[0], *map(normalise_header, spec.variants)):
            lookup.setdefault(name, spec)
    return lookup


def match_column(sheet: SheetSpec, header: object) -> tuple[ColumnSpec | None, str]:
    """The column a header cell names (or None) and the unit it states ("万元", "元", "")."""
    folded = normalise_header(header)
    lookup = _header_lookup(sheet.key)
    for candidate in (folded, split_unit(folded)[0]):
        if candidate and candidate in lookup:
            return lookup[candidate], split_unit(folded)[1]
    return None, ""


def match_sheet(name: object, sheets: tuple[SheetSpec, ...] = SHEETS) -> SheetSpec | None:
    """The sheet of sheets a workbook sheet name stands for (exact, then containing), or None."""
    folded = normalise_header(name)
    for sheet in sheets:
        if folded in {normalise_header(v) for v in (sheet.name, *sheet.variants)}:
            return sheet
    for sheet in sheets:
        if normalise_header(sheet.name) in folded:
            return sheet
    return None


def is_other_family(name: object, sheets: tuple[SheetSpec, ...]) -> bool:
    """True for a sheet named as one of the other family (regions in a ledger, or back)."""
    spec = match_sheet(name, ALL_SHEETS)
    return spec is not None and spec not in sheets and match_sheet(name, sheets) is None
