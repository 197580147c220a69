"""Offices' own ledgers from an empty store to their own totals: CLI, next week, renumbering."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.__main__ import main
from data_access.db import session_scope
from data_access.filters import Filter
from data_access.models import ColumnMapping, County
from data_access.queries import fetch_headline
from tests.support.ledger_files import SheetData, xlsx_bytes
from tests.support.office import add_round, region_records, regions_xlsx, upload_regions
from tests.support.office_ledgers import (
    COUNTY_GROUPS,
    Problem,
    county_by_groups,
    district_by_sections,
)

COUNTY_ROUND, DISTRICT_ROUND = "2025年县委第二轮巡察", "2025年区委第二轮巡察"
STREET_VILLAGES = {"龙山街道": ("龙山社区", "人民路社区"), "菱湖街道": ("菱湖社区",)}


def cli(capsys: pytest.CaptureFixture[str], engine: Engine, *args: str) -> tuple[int, str]:
    """main() on engine's database: (exit code, stdout + stderr)."""
    code = main([*args, "--database-url", engine.url.render_as_string(hide_password=False)])
    out, err = capsys.readouterr()
    return code, out + err


def write(tmp_path: Path, name: str, data: bytes) -> str:
    """data saved under tmp_path; its path."""
    (tmp_path / name).write_bytes(data)
    return str(tmp_path / name)


def headline(engine: Engine):
    """The overview's headline over every round."""
    with session_scope(engine) as session:
        return fetch_headline(session=session, flt=Filter())


@pytest.fixture
def county(empty_engine: Engine) -> Engine:
    """枞阳县's regions and its 县委 round with two groups; no problems, no categories."""
    upload_regions(empty_engine, regions_xlsx(region_records()))
    with session_scope(empty_engine) as session:
        county_id = session.scalars(select(County.id)).one()
    groups = ("第一巡察组", "第二巡察组")
    add_round(empty_engine, COUNTY_ROUND, "county", date(2024, 10, 8), groups, county_id)
    return empty_engine


@pytest.fixture
def district(empty_engine: Engine) -> Engine:
    """城关区 with two 街道 and their 社区 (its own regions file, no 市 column), one round."""
    rows = [
        [street, village] for street, villages in STREET_VILLAGES.items() for village in villages
    ]
    sheet = SheetData("名单", ["街道", "社区"], rows, titles=["安庆市城关区街道社区名单"])
    upload_regions(empty_engine, xlsx_bytes(sheet))
    with session_scope(empty_engine) as session:
        county_id = session.scalars(select(County.id)).one()
    add_round(
        empty_engine, DISTRICT_ROUND, "district", date(2024, 10, 8), ("第一巡察组",), county_id
    )
    return empty_engine


def test_a_county_ledger_by_groups_goes_in_as_it_is(county, capsys, tmp_path) -> None:
    """CLI: its own layout, no codes, its own categories → its own totals, mapping saved."""
    ledger = county_by_groups()
    path = write(tmp_path, "二轮整改台账.xlsx", ledger.data)
    code, out = cli(capsys, county, "import", path, "--round", COUNTY_ROUND, "--json")
    report = json.loads(out)
    assert code == 0, out
    assert report["new"] == ledger.total and report["applied"]
    assert any("汇总" in notice for notice in report["notices"])
    assert {"sheet": "第一巡察组", "header": "被巡察单位", "field": "township"} in report["mapping"]
    figures = headline(county)
    done = sum(p.status == "已完成" for p in ledger.problems)
    assert (figures.problems_total, figures.problems_rectified) == (ledger.total, done)
    assert figures.recovered_yuan == ledger.recovered_yuan == 18_500
    with session_scope(county) as session:
        assert session.scalars(select(ColumnMapping.name)).all() == ["二轮整改台账"]


def test_next_weeks_version_updates_the_same_problems(county, capsys, tmp_path) -> None:
    """The same file a week on: one problem rectified, nothing new, codes by 序号 stable."""
    cli(capsys, county, "import", write(tmp_path, "w1.xlsx", county_by_groups().data),
        "--round", COUNTY_ROUND)  # fmt: skip
    week2 = {name: list(problems) for name, problems in COUNTY_GROUPS.items()}
    first = week2["第一巡察组"][1]
    week2["第一巡察组"][1] = Problem(
        first.unit, first.category, first.text, "已完成", date(2025, 4, 5)
    )
    path = write(tmp_path, "w2.xlsx", county_by_groups(week2).data)
    code, out = cli(capsys, county, "import", path, "--round", COUNTY_ROUND, "--json")
    report = json.loads(out)
    assert code == 0, out
    assert (report["new"], report["changed"]) == (0, 1)


def test_renumbered_rows_are_refused_never_mismatched(county, capsys, tmp_path) -> None:
    """Two rows of a section swapped: 序号 now names the other problem — an error, no write."""
    cli(capsys, county, "import", write(tmp_path, "w1.xlsx", county_by_groups().data),
        "--round", COUNTY_ROUND)  # fmt: skip
    swapped = {name: list(problems) for name, problems in COUNTY_GROUPS.items()}
    swapped["第一巡察组"][0], swapped["第一巡察组"][1] = (
        swapped["第一巡察组"][1],
        swapped["第一巡察组"][0],
    )
    path = write(tmp_path, "w2.xlsx", county_by_groups(swapped).data)
    code, out = cli(capsys, county, "import", path, "--round", COUNTY_ROUND, "--json")
    reasons = [error["reason"] for error in json.loads(out)["errors"]]
    assert code == 1
    assert any("调换或重新编号" in reason for reason in reasons), reasons


def test_data_the_reader_cannot_place_waits_on_accept_skips(county, capsys, tmp_path) -> None:
    """A column with data that names nothing: refused and named, then taken with the yes."""
    book = load_workbook(io.BytesIO(county_by_groups().data))
    for sheet in book.worksheets[1:]:
        sheet.cell(row=4, column=14, value="督办人")
        sheet.cell(row=6, column=14, value="张三")
    buffer = io.BytesIO()
    book.save(buffer)
    path = write(tmp_path, "带督办人.xlsx", buffer.getvalue())
    code, out = cli(capsys, county, "import", path, "--round", COUNTY_ROUND, "--json")
    report = json.loads(out)
    assert code == 1 and not report["applied"]
    assert any("「督办人」" in c["message"] for c in report["consents"]), report["consents"]
    code, out = cli(capsys, county, "import", path, "--round", COUNTY_ROUND, "--accept-skips")
    assert code == 0, out


def test_a_district_ledger_by_sections_counts_per_street(district, capsys, tmp_path) -> None:
    """街道 from the section headings, 序号 restarting, dates as written: its own totals."""
    ledger = district_by_sections()
    path = write(tmp_path, "区委二轮.xlsx", ledger.data)
    code, out = cli(capsys, district, "import", path, "--round", DISTRICT_ROUND, "--json")
    assert code == 0, out
    figures = headline(district)
    assert figures.problems_total == ledger.total == 3
    assert figures.problems_rectified == 2
