"""A small office of its own, built the way a new user would: regions file, rounds, ledgers.

铜陵市 → 枞阳县 with five townships; round 1 (2018) finds problems in 铁铜乡, 枞阳镇 and
钱桥镇; in 2021 铁铜乡 merges into 枞阳镇 (a second regions file); round 2 (2022) finds
problems in 枞阳镇 and 钱桥镇. The figures each step must give are written out by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session

from data_access.db import session_scope
from data_access.filters import Filter
from data_access.ingest.apply import apply_ledger
from data_access.ingest.columns import PROBLEMS, REGIONS
from data_access.ingest.options import ImportOptions
from data_access.ingest.parse import ParsedLedger, parse_ledger
from data_access.inspections import RoundValues, add_group, create_round
from data_access.models import City, County, Township
from data_access.queries import fetch_completion_by_township
from data_access.regions.apply import apply_regions
from data_access.regions.parse import ParsedRegions, parse_regions
from tests.support.ledger_files import SheetData, xlsx_bytes

CITY, COUNTY = "铜陵市", "枞阳县"
# (township, kind, aliases, villages as (name, poverty)); 白梅乡 is registered without villages.
TOWNSHIPS = (
    ("枞阳镇", "镇", "", (("东门村", False), ("西门村", False))),
    ("铁铜乡", "乡", "", (("铁铜村", True), ("联合村", False))),
    ("雨坛乡", "乡", "雨坛镇", (("雨坛村", False),)),
    ("钱桥镇", "镇", "", (("钱桥村", False), ("邹姚村", False), ("新埠村", True))),
    ("白梅乡", "乡", "", ()),
)
MERGED_ON = date(2021, 1, 1)
ROUND_1, ROUND_2 = "2018年脱贫攻坚专项巡察", "2022年县委巡察"
# (township, village, status) of each problem; 已完成 counts as rectified.
ROUND_1_PROBLEMS = (
    ("铁铜乡", "铁铜村", "已完成"), ("铁铜乡", "联合村", "已完成"),
    ("铁铜乡", None, "已完成"), ("铁铜乡", "铁铜村", "正在整改"),
    ("枞阳镇", "东门村", "已完成"), ("枞阳镇", None, "已完成"), ("枞阳镇", "西门村", "基本完成"),
    ("钱桥镇", "钱桥村", "已完成"), ("钱桥镇", "邹姚村", "未启动"), ("钱桥镇", None, "正在整改"),
)  # fmt: skip
ROUND_2_PROBLEMS = (
    ("枞阳镇", "东门村", "已完成"), ("枞阳镇", "西门村", "已完成"), ("枞阳镇", None, "正在整改"),
    ("枞阳镇", None, "未启动"), ("枞阳镇", "东门村", "已完成"), ("钱桥镇", "新埠村", "已完成"),
    ("钱桥镇", None, "正在整改"),
)  # fmt: skip
RECOVERED_YUAN = 1_200  # per rectified problem


@dataclass(frozen=True)
class Expected:
    """Problems and rectified problems, by hand from the tables above."""

    total: int
    rectified: int


ROUND_1_TOTAL = Expected(10, 6)
ROUND_2_TOTAL = Expected(7, 4)
ROUND_1_BY_TOWNSHIP = {"铁铜乡": Expected(4, 3), "枞阳镇": Expected(3, 2), "钱桥镇": Expected(3, 1)}
ROUND_1_ROLLED_UP = {"枞阳镇": Expected(7, 5), "钱桥镇": Expected(3, 1)}


def region_records(*, merged: bool = False) -> list[dict[str, object]]:
    """Rows of the regions sheet, one per village (one per township without villages).

    merged: the 2021 file, where 铁铜乡 has a 停用日期 and merges into 枞阳镇.
    """
    records = []
    for township, kind, aliases, villages in TOWNSHIPS:
        base = {"市": CITY, "县（区）": COUNTY, "乡镇": township, "类型": kind, "别名": aliases}
        if merged and township == "铁铜乡":
            base |= {"停用日期": MERGED_ON, "并入": "枞阳镇"}
        for village, poor in villages or ((None, None),):
            flag = None if poor is None else ("是" if poor else "否")
            records.append({**base, "村": village, "是否贫困村": flag})
    return records


def regions_xlsx(records: list[dict[str, object]]) -> bytes:
    """A real regions workbook holding records under the template's headers."""
    headers = REGIONS.headers
    return xlsx_bytes(
        SheetData(REGIONS.name, headers, [[r.get(h) for h in headers] for r in records])
    )


def problem_records(prefix: str, problems: tuple, found: date) -> list[dict[str, object]]:
    """Ledger rows (problems sheet) for (township, village, status) triples, 巡察轮次 blank."""
    records = []
    for number, (township, village, status) in enumerate(problems, start=1):
        done = status == "已完成"
        records.append(
            {
                "问题编号": f"{prefix}-{number:03d}",
                "巡察组": "第一巡察组" if number % 2 else "第二巡察组",
                "乡镇": township,
                "村": village,
                "问题类别": "扶贫资金项目落实",
                "问题子类": "未按规定公示公告",
                "问题描述": f"{township}扶贫项目资金未按规定公示（第{number}项）",
                "发现日期": found,
                "整改时限": found + timedelta(days=90),
                "整改状态": status,
                "完成日期": found + timedelta(days=30 + number) if done else None,
                "挽回损失(元)": RECOVERED_YUAN if done else 0,
            }
        )
    return records


def ledger_xlsx(records: list[dict[str, object]]) -> bytes:
    """A real ledger workbook with only the problems sheet."""
    headers = [h for h in PROBLEMS.headers if any(h in r for r in records)]
    return xlsx_bytes(
        SheetData(PROBLEMS.name, headers, [[r.get(h) for h in headers] for r in records])
    )


def parse_regions_bytes(engine: Engine, data: bytes, name: str = "行政区划.xlsx") -> ParsedRegions:
    """parse_regions in a read session."""
    with session_scope(engine) as session:
        return parse_regions(data, name, session=session)


def upload_regions(engine: Engine, data: bytes, actor: str = "admin") -> int | None:
    """Parse and apply a regions file that must be clean; the batch id."""
    parsed = parse_regions_bytes(engine, data)
    assert parsed.errors == [], parsed.errors
    return apply_regions(parsed, engine=engine, uploader=actor).batch_id


def add_round(
    engine: Engine, name: str, level: str, started: date, groups: tuple[str, ...], county_id: int
) -> int:
    """Create a round (dates from started) and its groups; the round id."""
    values = RoundValues(
        name, level, county_id, started, started + timedelta(days=45), started + timedelta(days=60)
    )
    with session_scope(engine, write=True) as session:
        round_id = int(create_round(session=session, actor="admin", values=values).id)
        for group in groups:
            add_group(session=session, actor="admin", round_id=round_id, name=group)
    return round_id


def parse_ledger_bytes(
    engine: Engine, data: bytes, round_id: int | None = None, scope: tuple[int, ...] | None = None
) -> ParsedLedger:
    """parse_ledger in a read session."""
    with session_scope(engine) as session:
        options = ImportOptions(round_id=round_id, scope=scope)
        return parse_ledger(data, "台账.xlsx", session=session, options=options)


def upload_ledger(engine: Engine, data: bytes, round_id: int) -> int | None:
    """Parse and apply a ledger that must be clean, into round_id; the batch id."""
    parsed = parse_ledger_bytes(engine, data, round_id)
    assert parsed.errors == [], parsed.errors
    return apply_ledger(parsed, engine=engine, uploader="uploader").batch_id


def by_township(engine: Engine, flt: Filter) -> dict[str, Expected]:
    """Problems and rectified problems per township name, from the overview's query."""
    with session_scope(engine) as session:
        frame = fetch_completion_by_township(session=session, flt=flt)
    found: dict[str, Expected] = {}
    for township, status, problems in zip(
        frame["township"], frame["status"], frame["problems"], strict=True
    ):
        old = found.get(township, Expected(0, 0))
        done = problems if status == "rectified" else 0
        found[township] = Expected(old.total + int(problems), old.rectified + int(done))
    return found


def add_townships(session: Session, names: list[str]) -> list[int]:
    """Insert a city, a county and these townships; their ids in order."""
    city = City(name="铜陵市")
    session.add(city)
    session.flush()
    county = County(city_id=city.id, name="枞阳县")
    session.add(county)
    session.flush()
    rows = [Township(county_id=county.id, name=name, kind="镇") for name in names]
    session.add_all(rows)
    session.flush()
    return [row.id for row in rows]
