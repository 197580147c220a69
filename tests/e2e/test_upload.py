"""Browser test: a real xlsx through the real file picker → preview → commit → undo.

The server runs on a private seeded SQLite copy (this test writes), not the shared one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from data_access.db import get_engine, session_scope
from data_access.models import ImportBatch
from data_access.schema import upgrade_schema
from tests.support.ledger_files import PROBLEMS, csv_bytes, problem_records, sheet
from tests.support.ledger_formats import xls_bytes
from tests.support.server import serve_dashboard
from tests.support.signin import browser_sign_in, create_test_users
from tests.support.stored import HISTORY_TABLES, dump_tables
from tests.support.workbooks import (
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


@pytest.mark.parametrize(
    ("file_name", "notice"),
    [
        ("第11周台账.xls", None),
        ("第11周台账.txt", "CSV 文件按 UTF-16（Unicode 文本） 编码读取，分隔符为制表符。"),
    ],
)
def test_the_file_picker_takes_an_xls_and_excels_unicode_text(
    page: Page, upload_app_url: str, tmp_path: Path, artifacts: Path, file_name: str, notice
) -> None:
    """The browser filters the picker by extension: what AppTest cannot show."""
    data = sheet(PROBLEMS.name, problem_records(6))
    path = tmp_path / file_name
    path.write_bytes(
        xls_bytes(data) if file_name.endswith(".xls") else csv_bytes(data, "utf-16", "\t")
    )
    browser_sign_in(page, f"{upload_app_url}/upload", "uploader")
    page.locator(FILE_INPUT).set_input_files(str(path))
    expect(page.get_by_text("新增（行）")).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_role("button", name="确认导入")).to_be_visible()
    if notice:
        expect(page.get_by_text(notice)).to_be_visible()
        page.get_by_text(notice).scroll_into_view_if_needed()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.screenshot(
        path=artifacts / f"e2e_upload_{file_name.rsplit('.', 1)[1]}.png", full_page=True
    )


def test_an_offices_own_headers_are_mapped_on_the_page(
    page: Page, upload_app_url: str, tmp_path: Path, artifacts: Path
) -> None:
    """The mapping step as an uploader sees it: headers, samples, a field each; re-check."""
    from tests.support.office_ledgers import own_ledger

    path = tmp_path / "本单位台账.xlsx"
    path.write_bytes(own_ledger("E2E"))
    browser_sign_in(page, f"{upload_app_url}/upload", "uploader")
    page.locator(FILE_INPUT).set_input_files(str(path))
    expect(page.get_by_text("文件中的列名", exact=True)).to_be_visible(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "e2e_upload_mapping.png", full_page=True)
    page.get_by_label("「镇街」对应的字段").click()
    page.get_by_role("option", name="乡镇", exact=True).click()
    page.get_by_role("button", name="按此对应重新检查").click()
    expect(page.get_by_role("button", name="确认导入")).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_test_id("stException")).to_have_count(0)
