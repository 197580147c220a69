"""Browser test: 会议模式 on a 1920×1080 screen, PageDown, the briefing PDF and a CSV download."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader
from signin import browser_sign_in

from data_access.audit import list_audit_events
from data_access.db import get_engine, session_scope
from e2e.test_overview import TIMEOUT_MS, wait_for_app_run

pytestmark = pytest.mark.e2e

BOM = b"\xef\xbb\xbf"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
PROJECTOR = {"width": 1920, "height": 1080}


@pytest.fixture
def projector_page(browser):
    """A tab the size of a 1080p projector, downloads allowed."""
    context = browser.new_context(viewport=PROJECTOR, locale="zh-CN", accept_downloads=True)
    tab = context.new_page()
    yield tab
    context.close()


def wait_for_drawn_charts(page: Page, count: int) -> None:
    """count charts have drawn their marks (Vega draws after the script run ends)."""
    marks = page.locator('[data-testid="stVegaLiteChart"] .marks')
    expect(marks).to_have_count(count, timeout=TIMEOUT_MS)
    for index in range(count):
        expect(marks.nth(index)).to_be_visible(timeout=TIMEOUT_MS)


def step_heading(page: Page):
    """The heading of the step on screen (the frame's page title is the h1)."""
    return page.locator('[data-testid="stHeading"] h2')


def download_bytes(page: Page, click) -> tuple[str, bytes]:
    """Run click, wait for the download it starts; its file name and bytes."""
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def test_meeting_mode_on_a_projector(projector_page: Page, app_url: str, artifacts: Path) -> None:
    """No sidebar or toolbar, the first step large on screen; PageDown goes to step 2."""
    page = projector_page
    browser_sign_in(page, f"{app_url}/meeting", "uploader")
    expect(step_heading(page)).to_have_text("整改总览", timeout=TIMEOUT_MS)
    wait_for_app_run(page)
    wait_for_drawn_charts(page, 2)  # the overview: townships and focus areas
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(page.get_by_test_id("stToolbar")).to_be_hidden()
    expect(page.get_by_text("数据截至").first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.screenshot(path=artifacts / "meeting.png")

    step_heading(page).click()  # focus on the page, not on a widget
    page.keyboard.press("PageDown")
    expect(step_heading(page)).to_have_text("完成率最低的 3 个乡镇", timeout=TIMEOUT_MS)
    expect(page).to_have_url(re.compile(r"[?&]step=2"), timeout=TIMEOUT_MS)
    wait_for_app_run(page)
    wait_for_drawn_charts(page, 1)
    table = page.get_by_test_id("stDataFrame").locator("canvas").first
    expect(table).to_be_visible(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "meeting_step2.png")


def test_briefing_pdf_and_csv_downloads(
    projector_page: Page, app_url: str, sqlite_seeded_url: str
) -> None:
    """The path's briefing PDF holds the published figures; a table CSV has BOM and filters."""
    page = projector_page
    browser_sign_in(page, f"{app_url}/meeting", "uploader")
    expect(step_heading(page)).to_have_text("整改总览", timeout=TIMEOUT_MS)
    wait_for_app_run(page)
    page.get_by_role("button", name="路径与简报").click()
    pdf_name, pdf = download_bytes(
        page, lambda: page.get_by_role("button", name="导出简报（PDF）").first.click()
    )
    assert pdf_name.endswith(".pdf") and pdf.startswith(b"%PDF")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    for expected in ["巡察整改情况简报", "414", "381", "92.0%", "完成率最低的 3 个乡镇"]:
        assert expected in text, expected

    browser_sign_in(page, f"{app_url}/leads", "uploader")
    wait_for_app_run(page)
    csv_name, csv = download_bytes(page, lambda: page.get_by_text("导出 CSV").click())
    assert csv_name.endswith(".csv") and csv.startswith(BOM)
    lines = csv.decode("utf-8-sig").splitlines()
    assert lines[0] == "线索办理情况" and lines[1] == "筛选条件：全部（未筛选）"
    assert "线索编号" in next(line for line in lines if line.startswith("关联问题"))

    page.get_by_role("button", name="保存图片").first.click()
    png_name, png = download_bytes(page, lambda: page.get_by_text("PNG 图片").first.click())
    assert png.startswith(PNG_MAGIC)

    with session_scope(get_engine(sqlite_seeded_url)) as session:
        events = list_audit_events(session=session, actor="uploader", action="download")
    assert {pdf_name, csv_name, png_name} <= set(events["target"])
