"""The new office by command line only: init, import-regions, rounds, import, remove-demo."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.__main__ import main
from data_access.audit import list_audit_events
from data_access.db import session_scope
from data_access.models import InspectionGroup, InspectionRound
from data_access.office import fetch_heading
from tests.support.cli import run_cli, run_process
from tests.support.office import (
    ROUND_1,
    ROUND_1_PROBLEMS,
    ledger_xlsx,
    problem_records,
    region_records,
    regions_xlsx,
)
from tests.support.signin import add_account


def cli(capsys: pytest.CaptureFixture[str], engine: Engine, *args: str) -> tuple[int, str, str]:
    """main() on engine's database: (exit code, stdout, stderr)."""
    url = engine.url.render_as_string(hide_password=False)
    code = main([*args, "--database-url", url])
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, name: str, data: bytes) -> str:
    """data saved as tmp_path/name; its path."""
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_only_the_command_line(
    capsys: pytest.CaptureFixture[str], empty_engine: Engine, tmp_path: Path
) -> None:
    code, out, _ = cli(capsys, empty_engine, "init")
    assert code == 0 and "上传行政区划" in out
    regions = write(tmp_path, "行政区划.xlsx", regions_xlsx(region_records()))
    code, out, _ = cli(capsys, empty_engine, "import-regions", regions, "--dry-run", "--json")
    report = json.loads(out)
    assert (code, report["new"], report["applied"]) == (0, 16, False)
    add_account(empty_engine, "wang", "admin")  # whom --as names
    code, out, _ = cli(capsys, empty_engine, "import-regions", regions, "--as", "wang")
    assert code == 0 and "已导入，批次" in out
    dates = ("--start", "2018-04-16", "--end", "2018-05-31", "--feedback", "2018-06-08")
    round_args = ("--level", "city", "--county", "枞阳县", *dates, "--as", "wang")
    assert cli(capsys, empty_engine, "rounds", "add", ROUND_1, *round_args)[0] == 0
    code, _, _ = cli(
        capsys, empty_engine, "rounds", "add-group", ROUND_1, "第一巡察组", "第二巡察组"
    )
    assert code == 0
    code, out, _ = cli(capsys, empty_engine, "rounds", "list")
    assert ROUND_1 in out and "巡察组 2" in out
    district = ("--level", "district", "--county", "枞阳县", "--start", "2024-03-01")
    theme = ("--theme", "常规巡察")
    assert cli(capsys, empty_engine, "rounds", "add", "2024年第二轮巡察", *district, *theme)[0] == 0
    code, out, _ = cli(capsys, empty_engine, "rounds", "list")
    assert "区委巡察" in out
    office = ("--name", "中共枞阳县委巡察办", "--village-term", "村（社区）", "--as", "wang")
    code, out, _ = cli(capsys, empty_engine, "rounds", "office", *office)
    assert code == 0 and "--name  中共枞阳县委巡察办" in out and "--township-term  —" in out
    with session_scope(empty_engine) as session:
        heading = fetch_heading(session=session)
    assert (heading.title, heading.subtitle) == ("中共枞阳县委巡察办巡察整改看板", "常规巡察")
    records = problem_records("ZY2018", ROUND_1_PROBLEMS, date(2018, 6, 8))
    ledger = write(tmp_path, "台账.xlsx", ledger_xlsx(records))
    code, out, _ = cli(capsys, empty_engine, "import", ledger, "--round", ROUND_1, "--json")
    assert (code, json.loads(out)["new"]) == (0, 10)
    code, out, _ = cli(capsys, empty_engine, "summary", "--json")
    figures = json.loads(out)
    assert (figures["problems_total"], figures["problems_rectified"]) == (10, 6)
    with session_scope(empty_engine) as session:
        actions = list_audit_events(session=session, actor="wang")["action"].tolist()
    assert actions[::-1] == ["import", "round_create", "office_update"]


def test_refusals_exit_one_with_a_reason(
    capsys: pytest.CaptureFixture[str], empty_engine: Engine, tmp_path: Path
) -> None:
    records = region_records()
    records[0]["类型"] = "县"
    bad = write(tmp_path, "bad.xlsx", regions_xlsx(records))
    code, out, _ = cli(capsys, empty_engine, "import-regions", bad)
    assert code == 1 and "不是有效的“类型”" in out and "未写入" in out
    code, _, err = cli(capsys, empty_engine, "import-regions", str(tmp_path / "none.xlsx"))
    assert code == 1 and "无法读取文件" in err
    code, _, err = cli(capsys, empty_engine, "rounds", "add", "R", "--level", "county")
    assert code == 1 and "县委、区委巡察须选择所属县（区）" in err
    code, _, err = cli(capsys, empty_engine, "rounds", "add", "R", "--level", "district")
    assert code == 1 and "县委、区委巡察须选择所属县（区）" in err
    code, _, err = cli(capsys, empty_engine, "rounds", "add-group", "没有的轮次", "第一巡察组")
    assert code == 1 and "未知巡察轮次" in err
    code, _, err = cli(capsys, empty_engine, "remove-demo")
    assert code == 1 and "没有演示数据" in err


def test_rounds_edit_and_groups(capsys: pytest.CaptureFixture[str], empty_engine: Engine) -> None:
    assert cli(capsys, empty_engine, "rounds", "add", "R1", "--level", "city")[0] == 0
    dates = ("--start", "2022-05-01", "--end", "2022-04-01")
    code, _, err = cli(capsys, empty_engine, "rounds", "edit", "R1", *dates)
    assert code == 1 and "结束日期早于开始日期" in err
    rename = ("--name", "2022年巡察", "--start", "2022-04-01")
    code, out, _ = cli(capsys, empty_engine, "rounds", "edit", "R1", *rename)
    assert code == 0 and "2022年巡察" in out
    assert cli(capsys, empty_engine, "rounds", "add-group", "2022年巡察", "第三巡察组")[0] == 0
    names = ("第三巡察组", "第一巡察组")
    assert cli(capsys, empty_engine, "rounds", "rename-group", "2022年巡察", *names)[0] == 0
    with session_scope(empty_engine) as session:
        round_row = session.scalars(select(InspectionRound)).one()
        group = session.scalars(select(InspectionGroup)).one()
    assert (round_row.name, round_row.started_on.isoformat()) == ("2022年巡察", "2022-04-01")
    assert (group.name, group.ordinal) == ("第一巡察组", 3)


def test_remove_demo_from_a_real_process(writable_seeded_engine: Engine) -> None:
    url = writable_seeded_engine.url.render_as_string(hide_password=False)
    command = ("remove-demo", "--database-url", url)
    done = run_process(*command)
    assert done.returncode == 0, done.stderr
    assert "已删除演示数据" in done.stdout
    again = run_cli(*command)  # the refusal needs no second process start
    assert again.returncode == 1


def test_an_unreachable_database_exits_two(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["init", "--database-url", "postgresql+psycopg://postgres@127.0.0.1:1/none"])
    assert code == 2
    assert "无法连接数据库" in capsys.readouterr().err
