"""Browser test: a real xlsx through the real file picker → preview → commit → undo.

The server runs on a private seeded SQLite copy (this test writes), not the shared one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from signin import browser_sign_in, create_test_users
from sqlalchemy import select

from data_access.db import get_engine, session_scope
from data_access.models import ImportBatch
from data_access.schema import upgrade_schema
from e2e.conftest import serve_dashboard
from tests.ingest_apply.stored import HISTORY_TABLES, dump_tables
from tests.ingest_apply.workbooks import (
    PROBLEMS_SHEET,
    edit_workbook,
    export_ledger,
    open_problem_codes,
    rectify,
)

pytestmark = pytest.mark.e2e

TIMEOUT_MS = 60_000
FILE_INPUT = '[data-testid="stFileUploaderDropzoneInput"]'


@pytest.fixture(scope="module")
def upload_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A private seeded SQLite store with the test accounts."""
    from seed import load_demo

    url = f"sqlite:///{tmp_path_factory.mktemp('upload_e2e') / 'upload.db'}"
    engine = get_engine(url)
    upgrade_schema(engine)
    load_demo(engine)
    create_test_users(engine, ("uploader",))
    return url


@pytest.fixture(scope="module")
def upload_app_url(upload_database: str, artifacts: Path) -> Iterator[str]:
    """A Streamlit server on the private store."""
    with serve_dashboard(upload_database, artifacts / "e2e_upload_streamlit.log") as base_url:
        yield base_url


def weekly_file(path: Path, database_url: str) -> Path:
    """The exported ledger with the first open problem marked rectified, saved as xlsx."""
    engine = get_engine(database_url)
    [code] = open_problem_codes(engine, 1)
    path.write_bytes(
        edit_workbook(export_ledger(engine), lambda wb: rectify(wb[PROBLEMS_SHEET], code))
    )
    return path


def test_upload_a_real_file_commit_and_undo(
    page: Page, upload_app_url: str, upload_database: str, tmp_path: Path, artifacts: Path
) -> None:
    engine = get_engine(upload_database)
    before = dump_tables(engine, skip=HISTORY_TABLES)
    ledger = weekly_file(tmp_path / "第10周台账.xlsx", upload_database)

    browser_sign_in(page, f"{upload_app_url}/upload", "uploader")
    page.locator(FILE_INPUT).set_input_files(str(ledger))
    expect(page.get_by_text("变更（行）")).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_role("button", name="确认导入")).to_be_visible()
    headline = page.get_by_test_id("stDataFrame").first
    expect(headline.locator("canvas").first).to_be_visible(timeout=TIMEOUT_MS)
    assert headline.bounding_box()["width"] > 200, "the headline table did not lay out"
    page.screenshot(path=artifacts / "e2e_upload_preview.png", full_page=True)
    page.get_by_role("button", name="确认导入").click()
    expect(page.get_by_text("已导入（第")).to_be_visible(timeout=TIMEOUT_MS)
    with session_scope(engine) as session:
        batch = session.scalars(select(ImportBatch).where(ImportBatch.kind == "ledger")).one()
    assert (batch.file_name, batch.uploader) == ("第10周台账.xlsx", "uploader")

    # Through the sidebar: a page load would start a new session (and a new sign-in).
    page.get_by_test_id("stSidebarNav").get_by_text("导入记录").click()
    page.get_by_role("button", name="撤销").click(timeout=TIMEOUT_MS)
    page.get_by_role("button", name="确认撤销").click(timeout=TIMEOUT_MS)
    expect(page.get_by_text(f"已撤销第 {batch.id} 批")).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert dump_tables(engine, skip=HISTORY_TABLES) == before
