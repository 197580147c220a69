"""Browser test: the 通报稿 on the overview is copied by its button as the published sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import TIMEOUT_MS, wait_for_app_run
from tests.support.notice_figures import normalised
from tests.support.published_figures import PUBLISHED_AS_OF, PUBLISHED_SENTENCE
from tests.support.signin import browser_sign_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def clipboard_page(browser):
    """A tab that may read and write the clipboard (the copy button writes to it)."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


def test_the_copy_button_copies_the_paragraph(
    clipboard_page: Page, app_url: str, artifacts: Path
) -> None:
    """As of the report day: open 通报稿, press its copy button, the clipboard holds the
    published sentence."""
    page = clipboard_page
    browser_sign_in(page, f"{app_url}/?asof={PUBLISHED_AS_OF.isoformat()}", "viewer")
    wait_for_app_run(page)
    page.get_by_test_id("stExpander").filter(has_text="通报稿").locator("summary").click()
    block = page.locator(".st-key-overview_notice").get_by_test_id("stCode")
    expect(block).to_be_visible(timeout=TIMEOUT_MS)
    expect(block).to_contain_text("巡察反馈两个月后，共整改完成381个问题")
    page.screenshot(path=artifacts / "e2e_notice.png")
    block.hover()
    notice = page.locator(".st-key-overview_notice")
    notice.get_by_role("button", name="Copy to clipboard").click()  # Streamlit's own label
    copied = page.evaluate("navigator.clipboard.readText()")
    assert normalised(copied) == normalised(PUBLISHED_SENTENCE)
    expect(page.get_by_test_id("stException")).to_have_count(0)
