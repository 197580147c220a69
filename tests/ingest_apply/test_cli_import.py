"""`python -m data_access import FILE`: exit codes, JSON, dry run, refusals, DATABASE_URL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access.__main__ import main
from data_access.db import session_scope
from data_access.models import ImportBatch
from data_access.settings import PROJECT_ROOT
from tests.ingest_apply.stored import dump_tables
from tests.ingest_apply.workbooks import (
    PROBLEMS_SHEET,
    edit_workbook,
    export_ledger,
    row_of,
    set_cells,
)


def url_of(engine: Engine) -> str:
    """The engine's URL with its password, for the command line."""
    return engine.url.render_as_string(hide_password=False)


def ledger_file(tmp_path: Path, engine: Engine, values: dict[str, object]) -> Path:
    """The exported ledger with values written into its first problem row, saved as xlsx."""

    def change(workbook) -> None:
        """Write values into the first problem row."""
        sheet = workbook[PROBLEMS_SHEET]
        set_cells(sheet, row_of(sheet, sheet.cell(2, 2).value), values)

    path = tmp_path / "台账.xlsx"
    path.write_bytes(edit_workbook(export_ledger(engine), change))
    return path


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """main() in this process: (exit code, stdout, stderr)."""
    code = main(["import", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_clean_file_is_applied(
    writable_seeded_engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = ledger_file(tmp_path, writable_seeded_engine, {"完善制度数": 5})
    url = url_of(writable_seeded_engine)
    code, out, _ = run_cli(capsys, str(path), "--json", "--as", "张录入", "--database-url", url)
    report = json.loads(out)
    assert code == 0
    assert (report["new"], report["changed"], report["rejected"], report["errors"]) == (0, 1, 0, [])
    assert report["sheets"]["problems"]["changed"] == 1
    assert report["applied"] is True
    with session_scope(writable_seeded_engine) as session:
        batch = session.get(ImportBatch, report["batch_id"])
    assert (batch.uploader, batch.file_name) == ("张录入", "台账.xlsx")


def test_a_dry_run_writes_nothing(
    writable_seeded_engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = ledger_file(tmp_path, writable_seeded_engine, {"完善制度数": 5})
    before = dump_tables(writable_seeded_engine)
    code, out, _ = run_cli(
        capsys, str(path), "--dry-run", "--database-url", url_of(writable_seeded_engine)
    )
    assert code == 0
    assert "变更 1" in out and "预演" in out
    assert dump_tables(writable_seeded_engine) == before


def test_a_file_with_bad_cells_exits_1_with_the_error_report(
    writable_seeded_engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = ledger_file(tmp_path, writable_seeded_engine, {"乡镇": "火星镇", "完善制度数": 5})
    before = dump_tables(writable_seeded_engine)
    url = url_of(writable_seeded_engine)
    code, out, _ = run_cli(capsys, str(path), "--json", "--database-url", url)
    report = json.loads(out)
    assert code == 1
    assert report["rejected"] == 1 and report["applied"] is False
    assert [(e["sheet"], e["row"], e["column"], e["value"]) for e in report["errors"]] == [
        (PROBLEMS_SHEET, 2, "乡镇", "火星镇")
    ]
    assert report["errors"][0]["reason"]
    code, out, _ = run_cli(capsys, str(path), "--database-url", url)
    assert code == 1
    assert "第 2 行" in out and "火星镇" in out and "未写入" in out
    assert dump_tables(writable_seeded_engine) == before


def test_a_refused_file_prints_its_message(
    writable_seeded_engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "setup.xlsx"
    path.write_bytes(b"MZ\x90\x00" + b"\x00" * 512)  # a program renamed to .xlsx
    url = url_of(writable_seeded_engine)
    code, _, err = run_cli(capsys, str(path), "--database-url", url)
    assert code == 1 and "文件被拒绝" in err
    code, out, _ = run_cli(capsys, str(path), "--json", "--database-url", url)
    report = json.loads(out)
    assert code == 1 and report["file_rejected"] is True and report["errors"][0]["reason"]


def test_an_unknown_round_is_refused(
    writable_seeded_engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = ledger_file(tmp_path, writable_seeded_engine, {})
    url = url_of(writable_seeded_engine)
    code, _, err = run_cli(capsys, str(path), "--round", "不存在的轮次", "--database-url", url)
    assert code == 1 and "不存在的轮次" in err


def test_database_url_from_the_environment(writable_seeded_engine: Engine, tmp_path: Path) -> None:
    path = ledger_file(tmp_path, writable_seeded_engine, {"完善制度数": 5})
    env = {**os.environ, "DATABASE_URL": url_of(writable_seeded_engine)}
    done = subprocess.run(
        [sys.executable, "-m", "data_access", "import", str(path), "--json", "--as", "定时任务"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["changed"] == 1
    with session_scope(writable_seeded_engine) as session:
        uploaders = session.scalars(select(ImportBatch.uploader)).all()
    assert "定时任务" in uploaders
