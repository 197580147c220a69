"""Helpers for the live-update tests: a weekly ledger file and committing it like staff do."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine

from data_access.db import get_engine
from data_access.ingest.apply import apply_ledger
from tests.support.cli import run_cli
from tests.support.signin import add_account
from tests.support.workbooks import (
    PROBLEMS_SHEET,
    copy_row,
    edit_workbook,
    export_ledger,
    open_problem_codes,
    parse_bytes,
    rectify,
    row_of,
)

UPLOADER = "uploader"


@dataclass(frozen=True)
class WeeklyFile:
    """A ledger file on disk and what committing it does to the store."""

    path: Path
    rectified: int  # open problems the file marks rectified (also the changed rows)
    new: int  # problems the file adds, still in progress

    @property
    def summary(self) -> str:
        """What the live notice says changed, e.g. "新增 2 条，变更 3 条，整改完成 +3"."""
        return f"新增 {self.new} 条，变更 {self.rectified} 条，整改完成 +{self.rectified}"


def weekly_file(
    engine: Engine,
    path: Path,
    *,
    rectified: int = 3,
    new: int = 2,
    first_code: int = 950,
    day: str = "2018-08-06",
) -> WeeklyFile:
    """The exported ledger with `rectified` open problems done (on day) and `new` added."""
    codes = open_problem_codes(engine, rectified + 1)
    template = codes[-1]  # an open problem the file leaves open: the new ones copy it

    def edit(workbook) -> None:
        """Rectify the first problems, append copies of the template under new codes."""
        sheet = workbook[PROBLEMS_SHEET]
        for code in codes[:rectified]:
            rectify(sheet, code, day)
        for offset in range(new):
            copy_row(sheet, row_of(sheet, template), {"问题编号": f"ZY2018-{first_code + offset}"})

    path.write_bytes(edit_workbook(export_ledger(engine), edit))
    return WeeklyFile(path=path, rectified=rectified, new=new)


def commit_with_cli(database_url: str, path: Path) -> subprocess.CompletedProcess[str]:
    """`python -m data_access import FILE`, as a scheduled import runs it.

    In this process (tests/support/cli.py), but with engines of its own: the open pages learn
    of the commit only through the database, as from another process.
    """
    add_account(get_engine(database_url), UPLOADER, "uploader")  # whom --as names
    result = run_cli("import", str(path), "--database-url", database_url, "--as", UPLOADER)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def commit_file(engine: Engine, weekly: WeeklyFile) -> int:
    """Commit a weekly file through apply_ledger (as the upload page does); its batch."""
    parsed = parse_bytes(engine, weekly.path.read_bytes(), weekly.path.name)
    result = apply_ledger(parsed, engine=engine, uploader=UPLOADER)
    assert result.batch_id is not None
    return result.batch_id


def commit_weekly(engine: Engine, tmp_path: Path) -> tuple[WeeklyFile, int]:
    """Commit a weekly file through apply_ledger (as the upload page does); it and its batch."""
    weekly = weekly_file(engine, tmp_path / "第10周台账.xlsx")
    return weekly, commit_file(engine, weekly)
