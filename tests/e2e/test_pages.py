"""Browser test: 问题清单, 资金挽损, 问责情况, 线索移交 open in Chromium, no errors; screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.browser import TIMEOUT_MS, screenshot_whole_page, wait_for_app_run
from tests.support.signin import browser_sign_in

pytestmark = pytest.mark.e2e

# url_path -> a KPI card value of the published record that the page shows.
PAGES = {
    "problems": "414",
    "funds": "117.0128 万元",
    "accountability": "177",
    "leads": "40",
}


@pytest.mark.parametrize("url_path", list(PAGES))
def test_page_opens_without_errors(page: Page, app_url: str, artifacts: Path, url_path: str):
    """The page draws its cards, charts and table; nothing raised; a screenshot is kept."""
    browser_sign_in(page, f"{app_url}/{url_path}", "viewer")
    metrics = page.get_by_test_id("stMetricValue")
    expect(metrics.first).to_be_visible(timeout=TIMEOUT_MS)
    wait_for_app_run(page)
    expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible(timeout=TIMEOUT_MS)
    screenshot_whole_page(page, artifacts / f"page_{url_path}.png")
    assert PAGES[url_path] in [value.strip() for value in metrics.all_inner_texts()]
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_ledger_search_from_the_url(page: Page, app_url: str, artifacts: Path) -> None:
    """A shared link with ?q= opens the ledger searched, the term in the search box."""
    browser_sign_in(page, f"{app_url}/problems?q=%E6%88%AA%E7%95%99", "viewer")  # q=截留
    search = page.get_by_label("全文搜索")
    expect(search).to_have_value("截留", timeout=TIMEOUT_MS)
    wait_for_app_run(page)
    expect(page.get_by_text("共 ").first).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible(timeout=TIMEOUT_MS)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot_whole_page(page, artifacts / "page_problems_search.png")
