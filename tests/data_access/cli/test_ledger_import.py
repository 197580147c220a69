"""`python -m data_access import FILE`: exit codes, JSON, dry run, refusals, DATABASE_URL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from data_access import auth
from data_access.__main__ import main
from data_access.db import session_scope
from data_access.models import ImportBatch, Township
from tests.support.cli import run_process
from tests.support.ledger_files import PROBLEMS, problem_records, sheet
from tests.support.ledger_formats import ENCRYPTED, ENCRYPTED_XLS, xls_bytes
from tests.support.signin import add_account
from tests.support.stored import dump_tables
from tests.support.workbooks import (
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
    add_account(writable_seeded_engine, "张录入", "uploader")
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
    env = {"DATABASE_URL": url_of(writable_seeded_engine)}
    add_account(writable_seeded_engine, "定时任务", "uploader")
    done = run_process("import", str(path), "--json", "--as", "定时任务", env=env)  # a real one
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["changed"] == 1
    with session_scope(writable_seeded_engine) as session:
        uploaders = session.scalars(select(ImportBatch.uploader)).all()
    assert "定时任务" in uploaders


def test_an_xls_ledger_is_imported(
    writable_seeded_engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "台账.xls"
    path.write_bytes(xls_bytes(sheet(PROBLEMS.name, problem_records(6))))
    url = url_of(writable_seeded_engine)
    add_account(writable_seeded_engine, "张录入", "uploader")
    code, out, _ = run_cli(capsys, str(path), "--json", "--as", "张录入", "--database-url", url)
    report = json.loads(out)
    assert code == 0, report["errors"]
    assert (report["new"], report["applied"]) == (6, True)
    with session_scope(writable_seeded_engine) as session:
        batch = session.get(ImportBatch, report["batch_id"])
    assert batch.file_name == "台账.xls"


def test_an_encrypted_xls_is_refused_with_the_sentence_in_text_and_json(
    writable_seeded_engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "加密台账.xls"
    path.write_bytes(ENCRYPTED_XLS.read_bytes())
    url = url_of(writable_seeded_engine)
    code, _, err = run_cli(capsys, str(path), "--database-url", url)
    assert code == 1 and ENCRYPTED in err
    code, out, _ = run_cli(capsys, str(path), "--json", "--database-url", url)
    report = json.loads(out)
    assert code == 1 and report["file_rejected"] is True
    assert report["errors"][0]["reason"] == ENCRYPTED


# ---------------------------------------------------------------- --as (issue 18, finding 7)


@pytest.fixture
def accounts(writable_seeded_engine: Engine) -> int:
    """A disabled uploader, a viewer and an uploader limited to the first township (its id)."""
    with session_scope(writable_seeded_engine) as session:
        first = session.scalars(select(Township.id).order_by(Township.sort_order)).first()
    add_account(writable_seeded_engine, "off.uploader", "uploader")
    add_account(writable_seeded_engine, "just.viewer", "viewer")
    add_account(writable_seeded_engine, "town.uploader", "uploader", (first,))
    with session_scope(writable_seeded_engine, write=True) as session:
        auth.disable_user(session=session, actor="cli:tests", username="off.uploader")
    return first


@pytest.mark.parametrize(
    ("name", "reason"),
    [("nobody", "用户不存在"), ("off.uploader", "已停用"), ("just.viewer", "无权执行")],
)
def test_as_must_name_an_enabled_uploader_or_admin(
    writable_seeded_engine: Engine,
    accounts: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    reason: str,
) -> None:
    """Before: a nonexistent, disabled or viewer account was accepted as the uploader."""
    path = ledger_file(tmp_path, writable_seeded_engine, {"完善制度数": 5})
    before = dump_tables(writable_seeded_engine)
    url = url_of(writable_seeded_engine)
    code, _, err = run_cli(capsys, str(path), "--as", name, "--database-url", url)
    assert code == 1 and reason in err
    assert dump_tables(writable_seeded_engine) == before


def test_as_holds_the_import_to_the_account_scope(
    writable_seeded_engine: Engine,
    accounts: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Before: 55 problems of other townships were imported "as" a scoped uploader."""
    path = tmp_path / "全县.xls"
    path.write_bytes(xls_bytes(sheet(PROBLEMS.name, problem_records(6))))
    before = dump_tables(writable_seeded_engine)
    url = url_of(writable_seeded_engine)
    args = (str(path), "--json", "--as", "town.uploader", "--database-url", url)
    code, out, _ = run_cli(capsys, *args)
    report = json.loads(out)
    assert code == 1 and report["applied"] is False
    assert {error["reason"] for error in report["errors"]} == {"超出您的乡镇权限"}
    assert dump_tables(writable_seeded_engine) == before


def test_blank_cells_keep_stored_values_unless_clear_blanks(
    writable_seeded_engine: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def blank(workbook) -> None:
        """Blank the 责任单位 of the first problem row."""
        sheet = workbook[PROBLEMS_SHEET]
        column = [cell.value for cell in sheet[1]].index("责任单位") + 1
        assert sheet.cell(2, column).value
        sheet.cell(2, column).value = None

    path = tmp_path / "空白.xlsx"
    path.write_bytes(edit_workbook(export_ledger(writable_seeded_engine), blank))
    url = url_of(writable_seeded_engine)
    common = (str(path), "--json", "--database-url", url)
    code, out, _ = run_cli(capsys, *common, "--dry-run")
    report = json.loads(out)
    assert code == 0 and (report["changed"], report["kept_blanks"]) == (0, 1)
    assert report["cleared_blanks"] == 0
    code, out, _ = run_cli(capsys, *common, "--dry-run", "--clear-blanks")
    report = json.loads(out)
    assert (report["changed"], report["kept_blanks"], report["cleared_blanks"]) == (1, 0, 1)
    code, out, _ = run_cli(capsys, str(path), "--dry-run", "--database-url", url)
    assert "1 处保留了原有内容" in out
