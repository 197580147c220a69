"""Offices' own ledgers, as they write them, read into the right rows and fields."""

from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.ingest.options import ImportOptions
from data_access.ingest.parse import ParsedLedger, parse_ledger
from data_access.ingest.read import read_workbook
from data_access.models import County, Township
from tests.support.ledger_files import SheetData, xlsx_bytes
from tests.support.office import add_round, region_records, regions_xlsx, upload_regions
from tests.support.office_ledgers import AS_OF, county_by_groups, district_by_sections


@pytest.fixture
def county_round(empty_engine: Engine) -> tuple[Engine, int]:
    """枞阳县's regions and a 县委 round with two groups, no problems yet."""
    upload_regions(empty_engine, regions_xlsx(region_records()))
    with session_scope(empty_engine) as session:
        county = session.query(County).one()
    groups = ("第一巡察组", "第二巡察组")
    round_id = add_round(
        empty_engine, "2025年县委第二轮巡察", "county", date(2024, 10, 8), groups, county.id
    )
    return empty_engine, round_id


def parse(engine: Engine, data: bytes, **options) -> ParsedLedger:
    """parse_ledger with options, in a read session."""
    with session_scope(engine) as session:
        return parse_ledger(data, "台账.xlsx", session=session, options=ImportOptions(**options))


def test_a_county_ledger_by_groups_reads_every_problem_row_and_nothing_else() -> None:
    """Title, two-row header, sections, merged units, totals, footnotes: problem rows only."""
    ledger = county_by_groups()
    book = read_workbook(ledger.data, "xlsx")
    assert book.as_of == AS_OF
    assert [(s.name, s.counts) for s in book.summaries] == [
        ("汇总", {"枞阳镇": 2, "钱桥镇": 1, "铁铜乡": 2})
    ]
    assert [s.name for s in book.sheets] == list(ledger.sheets)
    for sheet in book.sheets:
        assert len(sheet.rows) == len(ledger.sheets[sheet.name])
        assert sheet.columns["status"].header == "整改完成情况/完成情况"
        assert sheet.columns["rectified_on"].header == "整改完成情况/完成时间"
        assert sheet.columns["recovered_yuan"].unit == "万元"
        assert sheet.skipped_rows and sheet.footnotes
        # the merged 被巡察单位 cell means the same unit on every row under it
        units = [row[sheet.columns["township"].index] for row in sheet.rows]
        assert units == [p.unit for p in ledger.sheets[sheet.name]]


def test_a_district_ledger_by_sections_takes_its_units_from_the_headings() -> None:
    """（一）龙山街道（共2个问题）: the heading is each row's context, 序号 restarts."""
    ledger = district_by_sections()
    sheet = read_workbook(ledger.data, "xlsx").sheets[0]
    assert [s[-1] for s in sheet.sections] == [p.unit for p in ledger.problems]
    assert "township" not in sheet.columns and "code" not in sheet.columns


def test_the_county_ledger_parses_with_codes_groups_and_yuan(county_round) -> None:
    """Codes by rule, groups from the sheet names, 万元 → 元, the 截至 date carried."""
    engine, round_id = county_round
    ledger = county_by_groups()
    parsed = parse(engine, ledger.data, round_id=round_id)
    problems = parsed.problems
    codes = sorted(problems["code"])
    assert codes[0] == f"R{round_id}-第一巡察组-1-1"
    assert len(problems) == ledger.total or parsed.errors
    assert parsed.as_of == AS_OF
    assert any("汇总" in notice for notice in parsed.notices)
    assert not [c for c in parsed.consents if c.kind == "skips"]


def test_a_summary_that_does_not_match_the_rows_is_a_warning(county_round) -> None:
    """The summary sheet's problem counts are checked against the ledger's rows."""
    engine, round_id = county_round
    ledger = county_by_groups()
    assert not [n for n in parse(engine, ledger.data, round_id=round_id).notices if "不一致" in n]
    book = load_workbook(io.BytesIO(ledger.data))
    book["汇总"]["B2"] = 5  # 枞阳镇: 2 rows in the ledger
    buffer = io.BytesIO()
    book.save(buffer)
    notices = parse(engine, buffer.getvalue(), round_id=round_id).notices
    assert [n for n in notices if "不一致" in n] == [
        "注意：汇总表「汇总」的问题数与台账行数不一致（枞阳镇 汇总 5 个、台账 2 行），"
        "请核对是否漏填或未更新汇总。"
    ]


def test_one_sheet_per_unit_takes_the_unit_from_the_sheet_name(county_round) -> None:
    """枞阳镇问题清单 / 钱桥镇问题清单: no unit column, the sheet name says it."""
    engine, round_id = county_round
    headers = ["序号", "问题类型", "具体问题", "完成情况"]
    sheets = [
        SheetData(f"{unit}问题清单", headers, [[1, "党的建设方面", f"{unit}问题甲", "整改中"]])
        for unit in ("枞阳镇", "钱桥镇")
    ]
    parsed = parse(engine, xlsx_bytes(*sheets), round_id=round_id)
    assert parsed.errors == []
    with session_scope(engine) as session:
        names = dict(session.execute(select(Township.id, Township.name)).all())
    assert [names[t] for t in parsed.problems["township_id"]] == ["枞阳镇", "钱桥镇"]
