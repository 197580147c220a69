"""Ledgers written the way offices write them, generated in code (never the template).

Two offices: a county that keeps one sheet per 巡察组 under a title with its 截至 date, a
two-row header with merged parents, 被巡察单位 cells merged down over their rows, category
sections, a 合计 row, footnotes and a summary sheet in front; and an urban district whose
single sheet groups problems under 街道 sections with 序号 restarting in each. Neither has
a 问题编号 column. Each shape returns the workbook's bytes and the figures it must give.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from tests.support.ledger_files import SheetData, problem_records, xlsx_bytes

AS_OF = date(2025, 3, 31)
TITLE = "中共枞阳县委第二轮巡察反馈意见整改落实台账（截至2025年3月31日）"
PARENTS = (
    ("整改推进情况", ("整改措施", "时限要求", "进展情况")),
    ("整改完成情况", ("完成情况", "完成时间")),
)
SINGLE_BEFORE = ("序号", "被巡察单位", "问题类型", "具体问题")
SINGLE_AFTER = ("挽回（追缴）资金（万元）", "建章立制（项）", "责任主体", "说明")


@dataclass(frozen=True)
class Problem:
    """One problem row: its unit, category, text, status words and figures."""

    unit: str
    category: str
    text: str
    status: str  # as the office writes it
    done_on: date | None = None
    wan_yuan: float = 0.0  # 万元, as the column says
    rules: int = 0


@dataclass
class OfficeLedger:
    """A generated workbook and what it holds."""

    data: bytes
    problems: list[Problem] = field(default_factory=list)
    sheets: dict[str, list[Problem]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """How many problems the workbook holds."""
        return len(self.problems)

    @property
    def recovered_yuan(self) -> int:
        """挽回资金 in yuan over every problem."""
        return round(sum(p.wan_yuan for p in self.problems) * 10_000)


COUNTY_GROUPS: dict[str, list[Problem]] = {
    "第一巡察组": [
        Problem("枞阳镇", "党的建设方面", "党委会议记录不规范", "已完成", date(2025, 2, 1), 0, 1),
        Problem("枞阳镇", "党的建设方面", "发展党员程序不严", "整改中"),
        Problem("钱桥镇", "党风廉政建设方面", "违规发放津补贴", "已完成", date(2025, 3, 1), 1.5),
    ],
    "第二巡察组": [
        Problem("铁铜乡", "党风廉政建设方面", "公务接待超标准", "已完成", date(2025, 1, 20), 0.35),
        Problem("铁铜乡", "选人用人方面", "干部档案管理混乱", "未整改"),
    ],
}


def county_by_groups(groups: dict[str, list[Problem]] | None = None) -> OfficeLedger:
    """The county's workbook: a summary sheet, then one sheet per 巡察组."""
    groups = COUNTY_GROUPS if groups is None else groups
    book = Workbook()
    summary = book.active
    summary.title = "汇总"
    summary.append(["被巡察单位", "问题数", "已完成", "完成率"])
    for name, problems in groups.items():
        _group_sheet(book.create_sheet(name), problems)
    ledger = OfficeLedger(b"", [p for ps in groups.values() for p in ps], dict(groups))
    for unit in dict.fromkeys(p.unit for p in ledger.problems):
        rows = [p for p in ledger.problems if p.unit == unit]
        done = sum(p.status == "已完成" for p in rows)
        summary.append([unit, len(rows), done, f"{done / len(rows):.0%}"])
    ledger.data = _bytes(book)
    return ledger


def _group_sheet(sheet: Worksheet, problems: list[Problem]) -> None:
    """Title, 填报 line, two-row header, category sections, merged units, total, footnote."""
    width = len(SINGLE_BEFORE) + sum(len(c) for _p, c in PARENTS) + len(SINGLE_AFTER)
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.append(
        ["填报单位：县委巡察办", None, None, None, None, None, None, "填报日期：2025年4月2日"]
    )
    _two_row_header(sheet, top=3)
    categories = list(dict.fromkeys(p.category for p in problems))
    numerals = "一二三四五六七八九十"
    for number, category in enumerate(categories):
        sheet.append([f"{numerals[number]}、{category}"] + [None] * (width - 1))
        row = sheet.max_row
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        _unit_rows(sheet, [p for p in problems if p.category == category])
    sheet.append(["合计", None, None, f"{len(problems)}个问题"])
    sheet.append([])
    sheet.append(["填报人：张三", None, None, "审核人：李四", None, None, "联系电话：0562-1234567"])


def _two_row_header(sheet: Worksheet, top: int) -> None:
    """Single headers merged down over two rows; parents merged across their children."""
    first: list[object] = list(SINGLE_BEFORE)
    second: list[object] = [None] * len(SINGLE_BEFORE)
    for parent, children in PARENTS:
        first += [parent] + [None] * (len(children) - 1)
        second += list(children)
    first += list(SINGLE_AFTER)
    second += [None] * len(SINGLE_AFTER)
    sheet.append(first)
    sheet.append(second)
    column = 1
    for header, below in zip(first, second, strict=True):
        if header is not None and below is None:
            sheet.merge_cells(
                start_row=top, start_column=column, end_row=top + 1, end_column=column
            )
        column += 1
    column = len(SINGLE_BEFORE) + 1
    for _parent, children in PARENTS:
        end = column + len(children) - 1
        sheet.merge_cells(start_row=top, start_column=column, end_row=top, end_column=end)
        column = end + 1


def _unit_rows(sheet: Worksheet, problems: list[Problem]) -> None:
    """Problem rows numbered from 1 in the section, each unit's cell merged down its rows."""
    first_row = sheet.max_row + 1
    for number, p in enumerate(problems, start=1):
        done = p.done_on.strftime("%Y.%m.%d") if p.done_on else None
        unit = p.unit if number == 1 or problems[number - 2].unit != p.unit else None
        sheet.append(
            [
                number,
                unit,
                p.category,
                p.text,
                f"落实{p.text}整改",
                "2025年6月底前",
                "按计划推进",
                p.status,
                done,
                p.wan_yuan or None,
                p.rules or None,
                "乡镇党委",
                None,
            ]
        )
    start = first_row
    for index in range(1, len(problems) + 1):
        last = index == len(problems) or problems[index].unit != problems[index - 1].unit
        if last:
            end = first_row + index - 1
            if end > start:
                sheet.merge_cells(start_row=start, start_column=2, end_row=end, end_column=2)
            start = end + 1


DISTRICT_STREETS: dict[str, list[Problem]] = {
    "龙山街道": [
        Problem("龙山街道", "", "社区党组织换届资料不全", "已完成", date(2025, 2, 10)),
        Problem("龙山街道", "", "网格员补贴发放不及时", "整改中"),
    ],
    "菱湖街道": [
        Problem("菱湖街道", "", "老旧小区改造资金拨付滞后", "已完成", date(2025, 3, 5), 2.0, 2),
    ],
}
DISTRICT_HEADER = ("序号", "问题内容", "整改措施", "整改时限", "整改结果", "完成时间", "整改责任人")


def district_by_sections(streets: dict[str, list[Problem]] | None = None) -> OfficeLedger:
    """One sheet: sections "（一）龙山街道（共2个问题）", 序号 restarting, no unit column."""
    streets = DISTRICT_STREETS if streets is None else streets
    book = Workbook()
    sheet = book.active
    sheet.title = "整改台账"
    sheet.append(["区委第二轮巡察反馈问题整改台账"])
    sheet.append(list(DISTRICT_HEADER))
    numerals = "一二三四五六七八九十"
    for number, (street, problems) in enumerate(streets.items()):
        sheet.append([f"（{numerals[number]}）{street}（共{len(problems)}个问题）"])
        for seq, p in enumerate(problems, start=1):
            done = p.done_on if p.done_on else None
            sheet.append([seq, p.text, "制定整改方案", "2025年6月30日前", p.status, done, "王五"])
    problems = [p for ps in streets.values() for p in ps]
    return OfficeLedger(_bytes(book), problems, {"整改台账": problems})


def _bytes(book: Workbook) -> bytes:
    """The workbook as xlsx bytes."""
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# The office writes 镇街 for the township: a word the reader cannot place by itself.
OWN_HEADERS = ("问题编号", "镇街", "问题类别", "问题描述", "整改状态")


TEMPLATE_OF = {"镇街": "乡镇"}


def own_ledger(prefix: str, count: int = 3) -> bytes:
    """count new problems under the office's own headers."""
    records = problem_records(count, seed=11)
    rows = [
        [f"{prefix}-{n}", *(r[TEMPLATE_OF.get(h, h)] for h in OWN_HEADERS[1:-1]), "整改中"]
        for n, r in enumerate(records, start=1)
    ]
    return xlsx_bytes(SheetData("整改台账", list(OWN_HEADERS), rows))
