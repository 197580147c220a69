"""Browser test: 会议模式 on a 1920×1080 screen, PageDown, the briefing PDF and a CSV download."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from data_access.audit import list_audit_events
from data_access.db import get_engine, session_scope
from tests.support.browser import TIMEOUT_MS, wait_for_app_run
from tests.support.signin import browser_sign_in

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


# The main area's overflow and the smallest type of any visible text in it (icons aside).
FIT = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const icons = '[data-testid^="stIcon"], [data-testid="stExpanderIcon"]';
  let smallest = 1000, text = "";
  for (const el of main.querySelectorAll('*')) {
    if (!el.offsetParent || el.closest(icons)) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (own && size < smallest) { smallest = size; text = el.textContent.trim().slice(0, 30); }
  }
  return {overflow: main.scrollHeight - main.clientHeight, smallest, text};
}"""


def assert_fits_the_projector(page: Page, step: int) -> None:
    """The step fits 1920×1080 without scrolling, and no text is smaller than 16 px."""
    fit = page.evaluate(FIT)
    assert fit["overflow"] <= 0, (step, fit)
    assert fit["smallest"] >= 16, (step, fit)


def test_meeting_mode_on_a_projector(projector_page: Page, app_url: str, artifacts: Path) -> None:
    """No sidebar or toolbar, the first step large on screen; PageDown goes to step 2; every
    step of the default path fits the screen with type of 16 px or more, tables too."""
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
    assert_fits_the_projector(page, 1)

    step_heading(page).click()  # focus on the page, not on a widget
    page.keyboard.press("PageDown")
    expect(step_heading(page)).to_have_text("完成率最低的 3 个乡镇", timeout=TIMEOUT_MS)
    expect(page).to_have_url(re.compile(r"[?&]step=2"), timeout=TIMEOUT_MS)
    wait_for_app_run(page)
    wait_for_drawn_charts(page, 1)
    expect(page.get_by_test_id("stTable")).to_be_visible(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "meeting_step2.png")
    assert_fits_the_projector(page, 2)

    for step in (3, 4):  # the overdue list, accountability: the tallest steps
        page.goto(f"{app_url}/meeting?step={step}")
        expect(page.get_by_test_id("stTable")).to_be_visible(timeout=TIMEOUT_MS)
        wait_for_app_run(page)
        wait_for_drawn_charts(page, 1)
        page.screenshot(path=artifacts / f"meeting_step{step}.png")
        assert_fits_the_projector(page, step)


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

    page.goto(f"{app_url}/leads")  # still signed in: the sign-in lasts across page loads
    wait_for_app_run(page)
    csv_name, csv = download_bytes(page, lambda: page.get_by_text("导出 CSV").click())
    assert csv_name.startswith("线索办理情况_全部_uploader_") and csv.startswith(BOM)
    table = pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig")  # the header row comes first
    assert "线索编号" in table.columns and len(table) == 40

    page.get_by_role("button", name="保存图片").first.click()
    png_name, png = download_bytes(page, lambda: page.get_by_text("PNG 图片").first.click())
    assert png.startswith(PNG_MAGIC)

    with session_scope(get_engine(sqlite_seeded_url)) as session:
        events = list_audit_events(session=session, actor="uploader", action="download")
    assert {pdf_name, csv_name, png_name} <= set(events["target"])
