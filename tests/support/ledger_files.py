"""Builders of real ledger files (xlsx via xlsxwriter/openpyxl, CSV in any encoding) for tests.

Rows use names that exist in the seeded demo database (townships, 钱桥镇's confirmed villages,
第一…第四巡察组), so a built ledger parses without errors unless a test spoils a cell.
"""

from __future__ import annotations

import csv
import io
import random
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import xlsxwriter

from data_access.ingest.columns import ACCOUNTABILITY, LEADS, PROBLEMS
from data_access.ingest.parse import ParsedLedger

TOWNSHIPS = ("枞阳镇", "藕山镇", "汤沟镇", "横埠镇", "钱桥镇", "义津镇", "白梅乡", "雨坛乡")
QIANQIAO_VILLAGES = ("钱桥村", "邹姚村", "新埠村", "高丰村", "马塘村")
GROUPS = ("第一巡察组", "第二巡察组", "第三巡察组", "第四巡察组")
AREAS = ("扶贫工作主体责任落实", "扶贫工作监督责任落实", "扶贫工作任务推进", "扶贫资金项目落实")
# A sub-category the demo round has under each area (a sub-category belongs to its area).
SUBS = ("未专题研究部署", "乡镇纪委监督缺位", "产业项目带贫作用弱", "截留挪用")
AREA_SUBS = dict(zip(AREAS, SUBS, strict=True))
STATUSES = ("已完成", "基本完成", "正在整改", "未启动")
FOUND = date(2018, 6, 8)
# The `parse` fixture (tests/data_access/ingest/conftest.py): data, file name, options.
Parse = Callable[..., ParsedLedger]


@dataclass
class SheetData:
    """One sheet to write: its name, optional merged title rows, headers and rows of cells."""

    name: str
    headers: list[str]
    rows: list[list[object]] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)  # merged across the header's width


def problem_record(number: int, rng: random.Random) -> dict[str, object]:
    """One valid problems row keyed by canonical header."""
    township = rng.choice(TOWNSHIPS)
    status = rng.choice(STATUSES)
    found = FOUND + timedelta(days=rng.randrange(0, 20))
    return {
        "序号": number,
        "问题编号": f"T2018-{number:06d}",
        "巡察组": rng.choice(GROUPS),
        "乡镇": township,
        "村": rng.choice(QIANQIAO_VILLAGES) if township == "钱桥镇" else None,
        "问题类别": (area := rng.choice(AREAS)),
        "问题子类": AREA_SUBS[area],
        "问题描述": f"第{number}号问题：扶贫项目资金公示不及时，群众知晓率低",
        "问题来源": "巡察反馈",
        "牵头领导": "王书记",
        "责任单位": f"{township}党委",
        "责任人": "李主任",
        "整改措施": "召开专题会议研究部署，建立台账逐项整改",
        "发现日期": found,
        "整改时限": found + timedelta(days=60),
        "整改状态": status,
        "完成日期": found + timedelta(days=rng.randrange(5, 50)) if status == "已完成" else None,
        "是否销号": "是" if status == "已完成" else "否",
        "挽回损失(元)": rng.choice((0, 1200, 35000, 117)),
        "完善制度数": rng.randrange(0, 3),
        "佐证材料": "会议纪要、整改报告",
        "巡察轮次": "2018年脱贫攻坚专项巡察",
    }


def problem_records(count: int, seed: int = 7) -> list[dict[str, object]]:
    """count valid problem rows, reproducible by seed."""
    rng = random.Random(seed)
    return [problem_record(number, rng) for number in range(1, count + 1)]


def accountability_record(problem: dict[str, object], person: str) -> dict[str, object]:
    """One valid accountability row for a problem row."""
    return {
        "问责编号": f"{problem['问题编号']}-{person}",
        "关联问题编号": problem["问题编号"],
        "乡镇": problem["乡镇"],
        "姓名": person,
        "职务": "村党支部书记",
        "处理方式": "诫勉谈话",
        "形态": "第一种形态",
        "决定日期": date(2018, 8, 20),
        "是否领导责任": "否",
        "是否组织": "否",
    }


def lead_record(number: int, problem: dict[str, object]) -> dict[str, object]:
    """One valid leads row for a problem row."""
    return {
        "线索编号": f"TX2018-{number:03d}",
        "乡镇": problem["乡镇"],
        "关联问题编号": problem["问题编号"],
        "被反映人职务": "村委会主任",
        "移交单位": "县纪委监委",
        "移交日期": date(2018, 7, 2),
        "办理结果": "办理中",
    }


def sheet(name: str, records: list[dict[str, object]], headers: list[str] | None = None):
    """A SheetData of records in the order of headers (default: the canonical ones)."""
    spec = next(s for s in (PROBLEMS, ACCOUNTABILITY, LEADS) if s.name == name)
    headers = headers or spec.headers
    return SheetData(name, list(headers), [[r.get(h) for h in headers] for r in records])


def xlsx_bytes(*sheets: SheetData) -> bytes:
    """A real .xlsx (xlsxwriter) holding the sheets; dates written as Excel dates."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for data in sheets:
        worksheet = workbook.add_worksheet(data.name)
        for row, title in enumerate(data.titles):
            worksheet.merge_range(row, 0, row, max(len(data.headers) - 1, 1), title)
        top = len(data.titles)
        worksheet.write_row(top, 0, data.headers)
        for offset, cells in enumerate(data.rows, start=top + 1):
            for column, value in enumerate(cells):
                if isinstance(value, date):
                    worksheet.write_datetime(offset, column, value, date_format)
                elif value is not None:
                    worksheet.write(offset, column, value)
    workbook.close()
    return buffer.getvalue()


def csv_bytes(data: SheetData, encoding: str, separator: str = ",") -> bytes:
    """The sheet as CSV text in encoding (utf-8, utf-8-sig, gbk, utf-16…); dates as ISO text.

    encoding "utf-16" with separator "\\t" is what Excel's "Unicode text" saves.
    """
    text = io.StringIO()
    writer = csv.writer(text, delimiter=separator, lineterminator="\r\n")
    for title in data.titles:
        writer.writerow([title])
    writer.writerow(data.headers)
    for cells in data.rows:
        writer.writerow(["" if v is None else v for v in cells])
    return text.getvalue().encode(encoding)


def ledger_bytes(count: int, seed: int = 7) -> bytes:
    """A valid three-sheet ledger with count problems, a person for every 5th, a lead every 10th."""
    problems = problem_records(count, seed)
    people = [accountability_record(p, "张三") for p in problems[::5]]
    leads = [lead_record(n, p) for n, p in enumerate(problems[::10], start=1)]
    return xlsx_bytes(
        sheet(PROBLEMS.name, problems),
        sheet(ACCOUNTABILITY.name, people),
        sheet(LEADS.name, leads),
    )


def rewrite_zip(data: bytes, replace: dict[str, bytes], add: dict[str, bytes] | None = None):
    """A copy of a zip with some parts replaced and others added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = replace.get(info.filename, source.read(info))
            target.writestr(info.filename, body, zipfile.ZIP_DEFLATED)
        for name, body in (add or {}).items():
            target.writestr(name, body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def patch_central_directory(data: bytes, name: str, *, flags=None, size=None) -> bytes:
    """Change the declared flags or uncompressed size of one entry in the central directory."""
    patched = bytearray(data)
    start = 0
    while (start := patched.find(b"PK\x01\x02", start)) >= 0:
        name_length = struct.unpack_from("<H", patched, start + 28)[0]
        if patched[start + 46 : start + 46 + name_length] == name.encode():
            if flags is not None:
                struct.pack_into("<H", patched, start + 8, flags)
            if size is not None:
                struct.pack_into("<I", patched, start + 24, size)
            return bytes(patched)
        start += 46
    raise AssertionError(f"{name} not in the central directory")


# The frames a parsed ledger holds, one per sheet kind.
FRAMES = ("problems", "accountability", "leads")


def ledger_sheets(count: int = 24) -> list[SheetData]:
    """A three-sheet ledger with a merged title above the problems' header."""
    problems = problem_records(count)
    problems[4]["问题描述"] = '含逗号,分号;制表符\t和引号"的描述'  # separators inside a cell
    problems[5]["乡镇"] = "欧山镇"  # an alias, in a character GBK and UTF-8 encode differently
    first = sheet(PROBLEMS.name, problems)
    first.titles = ["枞阳县脱贫攻坚专项巡察整改台账"]
    people = [accountability_record(p, "张三") for p in problems[::5]]
    leads = [lead_record(n, p) for n, p in enumerate(problems[::10], start=1)]
    return [first, sheet(ACCOUNTABILITY.name, people), sheet(LEADS.name, leads)]
